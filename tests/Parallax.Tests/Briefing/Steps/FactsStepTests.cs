using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The facts step: a cluster of claims is a fact with its sources, disputes, and rank.</summary>
public sealed class FactsStepTests
{
    [Fact]
    public void Two_sources_sentences_of_one_claim_are_one_fact_with_two_sources()
    {
        var draft = Through("facts", CorroboratedVote());
        var vote = Assert.Single(draft.Facts, f => f.Text.Contains("approved", StringComparison.Ordinal));
        Assert.Equal(2, vote.Sources);
        Assert.Equal(["ledger", "wire"], vote.Articles);
        Assert.Empty(vote.DisputedBy);
        Assert.Equal("The Avalen city council approved the new harbor budget on Tuesday.", vote.Text); // the shorter, whole wording
        Assert.Equal(draft.Representatives[draft.Facts.IndexOf(vote)].Article, vote.TextFrom);
    }

    [Fact]
    public void Facts_rank_by_how_many_sources_carry_them()
    {
        var draft = Through("facts", CorroboratedVote());
        Assert.Equal([3, 2, 1, 1], draft.RankedFacts.Select(f => f.Sources));
        Assert.Contains("$42 million", draft.RankedFacts[0].Text, StringComparison.Ordinal);
        Assert.Equal(draft.FactOrder.Select(k => draft.Facts[k]), draft.RankedFacts);
    }

    [Fact]
    public void A_source_giving_a_rival_date_disputes_the_fact_rather_than_supports_it()
    {
        var draft = Through("facts", DisputedVote());
        var vote = Assert.Single(draft.Facts, f => f.Text.Contains("approved", StringComparison.Ordinal));
        Assert.Equal(2, vote.Articles.Count);
        Assert.Equal([vote.TextFrom == "wire" ? "ledger" : "wire"], vote.DisputedBy);
        // "N/M" counts the sources cited as agreeing: the one giving another date is not among them.
        Assert.Equal(1, vote.Sources);
    }
}
