using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The timeline step: each dated event on its day, with the sources that date it.</summary>
public sealed class TimelineStepTests
{
    [Fact]
    public void The_vote_two_sources_date_is_one_event_on_its_day()
    {
        var timeline = Through("timeline", CorroboratedVote()).Timeline;
        Assert.Equal(["2025-03-04", "2025-05"], timeline.Select(e => e.When));
        var vote = timeline[0];
        Assert.Equal("The Avalen city council approved the new harbor budget on Tuesday", vote.Text);
        Assert.Equal(["ledger", "wire"], vote.Articles);
        Assert.False(vote.Disputed);
    }

    [Fact]
    public void Rival_dates_of_one_event_are_both_on_the_timeline_marked_disputed()
    {
        var timeline = Through("timeline", DisputedVote()).Timeline;
        Assert.Equal(["2025-03-04", "2025-03-05"], timeline.Select(e => e.When));
        Assert.All(timeline, e => Assert.True(e.Disputed));
    }
}
