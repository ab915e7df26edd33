namespace Parallax.Briefing.Steps;

/// <summary>Groups independent sources' quotes by speaker and wording, and finds words given to different people (<see cref="QuoteGrouper.Of"/>).</summary>
public sealed class QuotesStep : IBriefStep
{
    public string Name => "quotes";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Names;

    public BriefLayer Writes => BriefLayer.Quotes;

    public void Run(BriefDraft draft)
    {
        var (quotes, attributions) = QuoteGrouper.Of(draft.Articles.Independent, draft.Names.CanonicalOf);
        draft.Quotes = quotes;
        draft.Attributions = attributions;
    }
}
