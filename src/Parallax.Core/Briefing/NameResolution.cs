namespace Parallax.Briefing;

/// <summary>The story's entities across sources, and the canonical form of any name an article uses.</summary>
public sealed class NameResolution(IReadOnlyList<EntityGroup> entities, Func<string, string, string> canonical)
{
    public IReadOnlyList<EntityGroup> Entities { get; } = entities;

    /// <summary>
    /// <see cref="Canonical(string, string)"/> as the feature and grouping functions take it; handed on as it is rather than
    /// wrapped, since it is called for every name of every sentence.
    /// </summary>
    public Func<string, string, string> CanonicalOf { get; } = canonical;

    /// <summary>The entity's canonical name for <paramref name="name"/> as <paramref name="article"/> writes it (the name itself when no entity has it).</summary>
    public string Canonical(string article, string name) => CanonicalOf(article, name);
}
