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

    [Fact]
    public void A_story_whose_reports_share_no_sentence_is_summarised_by_a_dated_lead_cited_to_its_own_report()
    {
        var draft = Through("summary",
            Report("wire", "Harbor Wire", "The Avalen city council approved the new harbor budget on Tuesday. Mayor Elena Marsh praised the vote."),
            Report("ledger", "Metro Ledger", "Ferry riders have waited years for better service. Council members spent hours debating the plan."));
        var lead = Assert.Single(draft.Summary);
        Assert.Equal("The Avalen city council approved the new harbor budget on Tuesday.", lead.Text);
        Assert.Equal(["wire"], lead.Articles);
    }

    [Fact]
    public void The_summary_reads_from_the_subject_not_from_the_dateline()
    {
        var draft = Through("summary",
            Report("wire", "Harbor Wire", "AVALEN (AP) — The Avalen city council approved the new harbor budget on Tuesday. Mayor Elena Marsh praised the vote."),
            Report("ledger", "Metro Ledger", "AVALEN — The Avalen city council approved the new harbor budget on Tuesday after a long debate."));
        var first = Assert.Single(draft.Summary);
        Assert.StartsWith("The Avalen city council approved", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_naming_its_speaker_only_by_a_pronoun_is_left_out_of_the_summary()
    {
        var draft = Through("summary",
            Report("wire", "Harbor Wire", "Noting that he was a ferry pilot himself, he said the harbor budget had to fund three new ferries."),
            Report("ledger", "Metro Ledger", "Noting that he was a ferry pilot himself, he said the harbor budget had to fund three new ferries and more."));
        Assert.Empty(draft.Summary);
    }
}
