using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The title step: the outlets' common headline, else the lead fact; the story dated by the date its articles carry most.</summary>
public sealed class TitleStepTests
{
    [Fact]
    public void Without_headlines_the_title_is_the_best_corroborated_fact()
    {
        var draft = Through("title", CorroboratedVote());
        Assert.Equal("The budget totals $42 million and funds three new ferries.", draft.Title);
        Assert.Equal(new DateOnly(2025, 3, 10), draft.Date);
    }

    [Fact]
    public void A_quotation_or_one_item_of_a_list_of_topics_never_leads_when_a_corroborated_statement_exists()
    {
        var draft = Through("title",
            Report("wire", "Harbor Wire", "“The harbor is our future,” Mayor Elena Marsh said. The leaders discussed ferries, tariffs and Ukraine. The council approved the harbor budget on Tuesday."),
            Report("ledger", "Metro Ledger", "“The harbor is our future,” Mayor Elena Marsh said. The leaders discussed ferries and Ukraine. The council approved the new harbor budget on Tuesday."),
            Report("courier", "Avalen Courier", "“The harbor is our future,” Mayor Elena Marsh said. The leaders also discussed Ukraine."));
        Assert.DoesNotContain("“", draft.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("…", draft.Title, StringComparison.Ordinal);
        Assert.Contains("harbor budget", draft.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_most_outlets_give_is_the_title()
    {
        var vote = CorroboratedVote();
        var draft = Through("title",
            vote[0] with { Title = "Avalen approves harbor budget", Published = new DateOnly(2025, 3, 9) },
            vote[1] with { Title = "Avalen approves harbor budget", Published = null },
            vote[2] with { Title = "Harbor budget passes" });
        Assert.Equal("Avalen approves harbor budget", draft.Title);
        // Of two dates carried once each, the earlier.
        Assert.Equal(new DateOnly(2025, 3, 9), draft.Date);
    }
}
