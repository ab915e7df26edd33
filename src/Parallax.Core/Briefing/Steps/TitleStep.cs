namespace Parallax.Briefing.Steps;

/// <summary>Titles the brief (the outlets' most common headline, else its lead fact) and dates the story.</summary>
public sealed class TitleStep : IBriefStep
{
    public string Name => "title";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Facts;

    public BriefLayer Writes => BriefLayer.Title;

    public void Run(BriefDraft draft)
    {
        var analyses = draft.Articles.All;
        // The story's date rests on the dates its articles carry; one inferred from the story is no evidence of it.
        draft.Date = analyses.Where(a => !a.Article.PublishedInferred).Select(a => a.Article.Published).Where(d => d is not null).GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        draft.Title = BriefBuilder.Title(analyses, draft.RankedFacts);
    }
}
