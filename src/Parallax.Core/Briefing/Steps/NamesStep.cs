namespace Parallax.Briefing.Steps;

/// <summary>Resolves the names of all articles into entities (<see cref="Resolution.EntityLinker"/>), spellings counted over independent sources.</summary>
public sealed class NamesStep : IBriefStep
{
    public string Name => "names";

    public BriefLayer Reads => BriefLayer.Dates;

    public BriefLayer Writes => BriefLayer.Names;

    public void Run(BriefDraft draft)
    {
        var articles = draft.Articles;
        var (entities, canonical) = Resolution.EntityLinker.Resolve(articles.All, articles.IndependentIds);
        draft.Names = new NameResolution(entities, canonical);
    }
}
