using Parallax.Briefing;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Figures that do not dispute each other are not shown as a conflict: two lower bounds ("more than 2.4 million" /
/// "more than 2.5 million") are both true of a larger number, and a source whose one sentence states both rival figures
/// ("from 18 to 21") disputes neither. Each test briefs small invented reports.
/// </summary>
public sealed class CompatibleFigureTests
{
    private static Brief Story(params string[] texts) =>
        Briefs.OfTexts(texts);

    [Fact]
    public void Two_lower_bounds_of_one_count_are_not_a_shown_conflict()
    {
        var b = Story(
            "The harbor channel had more than 2.4 million subscribers before the ban on Monday, the company said.",
            "The harbor channel had more than 2.5 million subscribers before the ban on Monday, the company said.");
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
    }

    [Fact]
    public void Two_counts_given_as_points_still_conflict()
    {
        var b = Story(
            "The harbor channel had 2.4 million subscribers before the ban on Monday, the company said.",
            "The harbor channel had 2.9 million subscribers before the ban on Monday, the company said.");
        Assert.Contains(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
    }

    [Fact]
    public void A_range_both_sources_state_is_not_read_as_a_dispute_between_its_ends()
    {
        var b = Story(
            "The proposal to raise the minimum age for buying ferry tickets from 18 to 21 was dropped by the council on Monday.",
            "The council on Monday dropped its plan to raise the age for ferry tickets from 18 to 21, officials said.");
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
    }
}
