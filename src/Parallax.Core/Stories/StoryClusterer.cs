using Parallax.Model;

namespace Parallax.Stories;

/// <summary>One story: the articles that report the same event, and which of them are copies of another.</summary>
public sealed record Story(string Id, IReadOnlyList<AnalyzedArticle> Articles, IReadOnlyDictionary<string, string> DuplicateOf)
{
    /// <summary>Articles that count as independent sources (copies folded into their original).</summary>
    public IEnumerable<AnalyzedArticle> Independent => Articles.Where(a => !DuplicateOf.ContainsKey(a.Id));
}

/// <summary>A story by article ids: what clustering decides, without the articles themselves.</summary>
public sealed record StoryMembers(string Id, IReadOnlyList<string> Articles, IReadOnlyDictionary<string, string> DuplicateOf);

/// <summary>
/// Clusters a known set of articles into stories: they are fed to a <see cref="StoryIndex"/> in publication order (undated
/// ones last, in input order), as a feed would have delivered them.
/// </summary>
public sealed class StoryClusterer(ClusteringOptions? options = null)
{
    private readonly ClusteringOptions _options = options ?? new ClusteringOptions();

    public IReadOnlyList<Story> Cluster(IReadOnlyList<AnalyzedArticle> articles)
    {
        var byId = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        foreach (var a in articles) byId.TryAdd(a.Id, a);
        var features = byId.Values.Select(StoryFeatures.Of).ToList();
        return Cluster(features).Select(s => new Story(s.Id, s.Articles.Select(id => byId[id]).ToList(), s.DuplicateOf)).ToList();
    }

    /// <summary>Clusters article features: stories are numbered, and their articles listed, in input order; a repeated id counts once.</summary>
    public IReadOnlyList<StoryMembers> Cluster(IReadOnlyList<StoryFeatures> features)
    {
        var index = new StoryIndex(_options);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = features.Where(f => position.TryAdd(f.Id, position.Count)).ToList();
        var arrival = unique
            .OrderBy(f => f.Published ?? DateOnly.MaxValue).ThenBy(f => position[f.Id]);
        foreach (var f in arrival) index.Add(f);
        // Stories are numbered by their first article in input order, so ids stay stable when dates are missing.
        return index.Stories()
            .Select(s => s with { Articles = s.Articles.OrderBy(id => position[id]).ToList() })
            .OrderBy(s => position[s.Articles[0]])
            .Select((s, i) => new StoryMembers($"story-{i + 1}", s.Articles, s.DuplicateOf))
            .ToList();
    }
}
