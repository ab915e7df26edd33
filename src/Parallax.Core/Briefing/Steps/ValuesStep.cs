namespace Parallax.Briefing.Steps;

/// <summary>Collects the dates and figures independent sources state, each with the fact it belongs to (<see cref="ValueConflicts.Mentions"/>).</summary>
public sealed class ValuesStep : IBriefStep
{
    public string Name => "values";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Names | BriefLayer.Alignment;

    public BriefLayer Writes => BriefLayer.Values;

    public void Run(BriefDraft draft)
    {
        var canonical = draft.Names.CanonicalOf;
        var index = draft.FactIndex;
        draft.Mentions = draft.Articles.Independent.SelectMany(a => ValueConflicts.Mentions(a, canonical, index.FactOf)).ToList();
    }
}
