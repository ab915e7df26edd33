using Parallax.Briefing;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>
/// Name conflicts the conflicts step finds beyond a full name respelled: a writer's slip in a bare family name, a relative's
/// given name spelled two ways, a name romanised two ways; and the differences that are no conflict.
/// </summary>
public sealed class NameConflictsStepTests
{
    [Fact]
    public void A_bare_family_name_a_letter_off_the_appointees_is_a_spelling_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Governor Ruth Alder picked former Chief of Staff William \"Mo\" Cowan for the harbor board on Tuesday. Cowan is a lawyer. \"I am ready to serve,\" said Cowen, who joins the board in May."),
            Report("ledger", "Metro Ledger", "Governor Ruth Alder on Tuesday appointed William Cowan, a lawyer, to the harbor board. Mr. Cowan, 43, who is known as Mo, thanked her."));
        var conflict = Assert.Single(draft.Conflicts, c => c.Kind == ConflictKind.Name);
        Assert.Equal("William Cowan", conflict.Variants[0].Value);
        Assert.Equal(["ledger", "wire"], conflict.Variants[0].Articles);
        var slip = Assert.Single(conflict.Variants, v => v.Value == "Cowen");
        Assert.Equal(["wire"], slip.Articles);
    }

    [Fact]
    public void A_wifes_given_name_spelled_two_ways_is_a_spelling_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Governor Ruth Alder appointed William Cowan to the harbor board on Tuesday. Cowan is a graduate of Duke University. He and wife Stacy have two young sons."),
            Report("ledger", "Metro Ledger", "Governor Ruth Alder appointed William Cowan to the harbor board on Tuesday. The news conference was attended by Mr. Cowan’s wife, Stacey, and their two young sons."));
        var conflict = Assert.Single(draft.Conflicts, c => c.Kind == ConflictKind.Name);
        Assert.Equal("Spelling of the name of William Cowan's wife", conflict.About);
        Assert.Equal(["Stacey", "Stacy"], conflict.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
        Assert.Equal(Briefing.Names.KinNames.SamePossessor, conflict.Confidence);
        var stacy = Assert.Single(conflict.Variants, v => v.Value == "Stacy");
        Assert.Equal("Stacy", stacy.Support.Single().Span.Of(draft.Articles.ById["wire"].Text));
    }

    [Fact]
    public void A_relatives_familiar_name_or_two_peoples_relatives_are_no_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Governor Ruth Alder appointed William Cowan to the harbor board on Tuesday. Mr. Cowan’s son Tom joined him. Judge Ann Price came with her daughter, Karen."),
            Report("ledger", "Metro Ledger", "Governor Ruth Alder appointed William Cowan to the harbor board on Tuesday. Mr. Cowan’s son Thomas joined him. Mr. Cowan’s daughter, Karin, did not."));
        Assert.DoesNotContain(draft.Conflicts.Concat(draft.HeldBackConflicts), c => c.Kind == ConflictKind.Name);
    }

    [Fact]
    public void A_quoted_name_romanised_two_ways_in_an_editors_bracket_is_a_spelling_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "Trump criticised the policy on Libya, saying \"now it looks like (Libyan strongman Muammar) al-Qaddafi is going to beat the United States.\""),
            Report("ledger", "Metro Ledger", "Trump attacked the policy on Libya, saying \"now it looks like (Libyan strongman Moammar) Gadhafi is going to beat the United States.\""));
        var conflict = Assert.Single(draft.Conflicts, c => c.Kind == ConflictKind.Name);
        Assert.Equal(["Moammar Gadhafi", "Muammar al-Qaddafi"], conflict.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_arabic_article_left_out_is_no_conflict()
    {
        var draft = Through("conflicts",
            Report("wire", "Harbor Wire", "President Bashar al-Assad spoke in Damascus on Monday about the talks."),
            Report("ledger", "Metro Ledger", "President Bashar Assad spoke in Damascus on Monday about the talks."));
        Assert.DoesNotContain(draft.Conflicts.Concat(draft.HeldBackConflicts), c => c.Kind == ConflictKind.Name);
    }
}
