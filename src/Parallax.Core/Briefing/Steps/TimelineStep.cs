namespace Parallax.Briefing.Steps;

/// <summary>Places the dated events on the calendar, each worded by its fact's representative where it has one (<see cref="TimelineBuilder"/>).</summary>
public sealed class TimelineStep : IBriefStep
{
    public string Name => "timeline";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Values | BriefLayer.Conflicts | BriefLayer.Facts;

    public BriefLayer Writes => BriefLayer.Timeline;

    public void Run(BriefDraft draft)
    {
        var repOf = draft.Representatives;
        draft.Timeline = TimelineBuilder.Build(draft.Mentions, draft.Articles.Clause, f => repOf.TryGetValue(f, out var r) ? (r.Article, r.Index) : null, draft.Disputed.Values);
    }
}
