using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The units step: independent sources' sentences as claims, their names in canonical form.</summary>
public sealed class UnitsStepTests
{
    [Fact]
    public void Each_sentence_of_an_independent_source_is_a_claim_and_a_copy_gives_none()
    {
        var vote = DisputedVote();
        var story = Story([.. vote, vote[1] with { Id = "copy" }], new Dictionary<string, string> { ["copy"] = "ledger" });
        var draft = Through("units", story);
        Assert.Equal([0, 1, 2], draft.Units.Where(u => u.Article == "wire").Select(u => u.Index).Distinct());
        Assert.Equal([0, 1, 2], draft.Units.Where(u => u.Article == "ledger").Select(u => u.Index).Distinct());
        Assert.DoesNotContain(draft.Units, u => u.Article == "copy");
    }

    [Fact]
    public void A_misspelt_name_counts_as_the_entity_it_names()
    {
        var draft = Through("units",
            Report("wire", "Harbor Wire", "Mayor Elena Marsh praised the harbor budget."),
            Report("ledger", "Metro Ledger", "Mayor Elena Marsh praised the new harbor budget on Monday."),
            Report("courier", "Avalen Courier", "Mayor Elena Marsch praised the harbor budget."));
        var courier = Unit(draft, "courier", "praised");
        Assert.Contains("@Elena Marsh", courier.Terms.Keys);
        Assert.DoesNotContain("@Elena Marsch", courier.Terms.Keys);
    }
}
