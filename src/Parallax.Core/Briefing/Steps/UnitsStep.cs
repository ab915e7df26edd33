namespace Parallax.Briefing.Steps;

/// <summary>Splits independent sources' sentences into claims with their terms, names in canonical form (<see cref="SentenceFeatures.Units"/>).</summary>
public sealed class UnitsStep : IBriefStep
{
    public string Name => "units";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Names;

    public BriefLayer Writes => BriefLayer.Units;

    public void Run(BriefDraft draft)
    {
        var canonical = draft.Names.CanonicalOf;
        draft.Units = draft.Articles.Independent.SelectMany(a => SentenceFeatures.Units(a, canonical)).ToList();
    }
}
