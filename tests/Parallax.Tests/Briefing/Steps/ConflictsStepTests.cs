using Parallax.Briefing;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The conflicts step: rival values of one fact are a conflict, and the values it disputes are noted.</summary>
public sealed class ConflictsStepTests
{
    [Fact]
    public void Two_days_given_for_the_same_vote_are_a_date_conflict()
    {
        var draft = Through("conflicts", DisputedVote());
        var conflict = Assert.Single(draft.Conflicts);
        Assert.Equal(ConflictKind.Time, conflict.Kind);
        Assert.Equal(["Tuesday", "Wednesday"], conflict.Variants.Select(v => v.Text));
        Assert.Equal(["wire"], conflict.Variants[0].Articles);
        Assert.Equal(["ledger"], conflict.Variants[1].Articles);
        Assert.Empty(draft.HeldBackConflicts);
        // Both dates are disputed (the timeline marks them so); the figure only one source gives is not.
        foreach (var m in draft.Mentions) Assert.Equal(m.Kind == ConflictKind.Time, draft.Disputed.Contains(m.Article, m.Span));
    }

    [Fact]
    public void Sources_that_agree_give_no_conflict()
    {
        var draft = Through("conflicts", CorroboratedVote());
        Assert.Empty(draft.Conflicts);
        Assert.Empty(draft.HeldBackConflicts);
        Assert.Empty(draft.Disputed.Values);
        Assert.Empty(draft.Minority);
    }
}
