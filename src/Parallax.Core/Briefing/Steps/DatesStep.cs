namespace Parallax.Briefing.Steps;

/// <summary>Dates each undated article by the date most of its story carries, and tells independent sources from copies.</summary>
public sealed class DatesStep : IBriefStep
{
    public string Name => "dates";

    public BriefLayer Reads => BriefLayer.None;

    public BriefLayer Writes => BriefLayer.Dates;

    public void Run(BriefDraft draft) =>
        draft.Articles = new StoryArticles(BriefBuilder.InferDates(draft.Story.Articles, draft.Analysis), draft.Story.DuplicateOf);
}
