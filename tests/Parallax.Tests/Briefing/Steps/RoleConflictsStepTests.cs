using Parallax.Briefing;
using Parallax.Briefing.Roles;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>
/// Title conflicts: one person given two titles no one holds at once in one organisation by different reports; titles
/// that are compatible, or one wording of the same title, never conflict.
/// </summary>
public sealed class RoleConflictsStepTests
{
    [Fact]
    public void President_in_one_report_and_ceo_in_another_of_the_same_company_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Crowds lined up after Harbor Foods president Dana Reyes said the company would stay open on Sundays."),
            Report("ledger", "Metro Ledger", "Harbor Foods drew crowds on Monday after CEO Dana Reyes said in an interview that the stores would open on Sundays."));
        var conflict = Assert.Single(draft.Conflicts, c => c.Kind == ConflictKind.Role);
        Assert.Equal("Title of Dana Reyes", conflict.About);
        Assert.Equal(["CEO", "president"], conflict.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
        Assert.Equal(RoleConflicts.OrganisationInContext, conflict.Confidence);
        var president = Assert.Single(conflict.Variants, v => v.Value == "president");
        Assert.Equal("president Dana Reyes", president.Support.Single().Span.Of(draft.Articles.ById["wire"].Text));
    }

    [Fact]
    public void Compatible_titles_and_two_wordings_of_one_title_do_not_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Sen. Ann Brooks said the harbor bill would pass. Rep. Tom Hale agreed, and President Obama signed it."),
            Report("ledger", "Metro Ledger", "Senator Ann Brooks said the bill would pass. Congressman Tom Hale agreed. Chairman Ann Brooks of the harbor committee spoke first."),
            Report("courier", "Avalen Courier", "Harbor Foods president and CEO Dana Reyes praised the bill. CEO Dana Reyes said stores would stay open, and president Dana Reyes thanked Obama."));
        Assert.DoesNotContain(draft.Conflicts.Concat(draft.HeldBackConflicts), c => c.Kind == ConflictKind.Role);
    }

    [Fact]
    public void Titles_of_two_named_organisations_do_not_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Harbor Foods president Dana Reyes said the company would stay open on Sundays."),
            Report("ledger", "Metro Ledger", "Avalen Bakeries CEO Dana Reyes said the stores would open on Sundays."));
        Assert.DoesNotContain(draft.Conflicts.Concat(draft.HeldBackConflicts), c => c.Kind == ConflictKind.Role);
    }

    [Theory]
    [InlineData("Massachusetts Gov.", "governor", "Gov.")]
    [InlineData("CEO", "ceo", "CEO")]
    [InlineData("Chief Executive", "ceo", "Chief Executive")]
    [InlineData("Vice President", "vice president", "Vice President")]
    [InlineData("Democratic Rep.", "representative", "Rep.")]
    public void A_title_is_read_as_its_role_in_full(string title, string role, string written)
    {
        var (r, w) = RoleConflicts.Role(title);
        Assert.Equal(role, r);
        Assert.Equal(written, w);
    }
}
