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
        var online = index.Stories();
        var found = _options.Consolidate ? Consolidated(unique, online, index.Counts) : online;
        // Stories are numbered by their first article in input order, so ids stay stable when dates are missing.
        return found
            .Select(s => s with { Articles = s.Articles.OrderBy(id => position[id]).ToList() })
            .OrderBy(s => position[s.Articles[0]])
            .Select((s, i) => new StoryMembers($"story-{i + 1}", s.Articles, s.DuplicateOf))
            .ToList();
    }

    /// <summary>The online stories looked at again (<see cref="StoryConsolidation"/>); a copy stays with the text it copies.</summary>
    private List<IndexedStory> Consolidated(List<StoryFeatures> unique, IReadOnlyList<IndexedStory> online, (FlatMap, int) counts)
    {
        var number = new Dictionary<string, int>(unique.Count, StringComparer.Ordinal);
        for (int i = 0; i < unique.Count; i++) number[unique[i].Id] = i;
        var originals = online.Select(s => s.Articles.Where(id => !s.DuplicateOf.ContainsKey(id)).Select(id => number[id]).ToList()).ToList();
        // The index records a copy against the first text, never against another copy, so each copy follows its original.
        var copiesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in online)
        {
            foreach (var (copy, original) in s.DuplicateOf)
            {
                if (!copiesOf.TryGetValue(original, out var list)) copiesOf[original] = list = [];
                list.Add(copy);
            }
        }
        var result = new List<IndexedStory>();
        foreach (var group in StoryConsolidation.Refine(unique, originals, _options, counts))
        {
            var ids = new List<string>();
            var copies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (int m in group)
            {
                string id = unique[m].Id;
                ids.Add(id);
                if (!copiesOf.TryGetValue(id, out var list)) continue;
                foreach (string copy in list)
                {
                    ids.Add(copy);
                    copies[copy] = id;
                }
            }
            result.Add(new IndexedStory(result.Count, ids, copies));
        }
        return result;
    }
}
