using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The summary step: corroborated facts only, led by the event.</summary>
public sealed class SummaryStepTests
{
    [Fact]
    public void The_summary_leads_with_the_corroborated_event_before_a_better_corroborated_fact()
    {
        var draft = Through("summary", CorroboratedVote());
        Assert.Contains("$42 million", draft.RankedFacts[0].Text, StringComparison.Ordinal); // three sources
        Assert.Equal(
            ["The Avalen city council approved the new harbor budget on Tuesday.", "The budget totals $42 million and funds three new ferries."],
            draft.Summary.Select(s => s.Text));
        Assert.Equal(["ledger", "wire"], draft.Summary[0].Articles);
        Assert.Equal(["courier", "ledger", "wire"], draft.Summary[1].Articles);
    }

    [Fact]
    public void A_fact_only_one_source_states_or_a_date_the_sources_dispute_is_not_summarised()
    {
        Assert.DoesNotContain(Through("summary", CorroboratedVote()).Summary, s => s.Text.Contains("piers", StringComparison.Ordinal));
        Assert.Empty(Through("summary", DisputedVote()).Summary);
    }
}
