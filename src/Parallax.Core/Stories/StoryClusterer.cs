using Parallax.Model;

namespace Parallax.Stories;

/// <summary>One story: the articles that report the same event, and which of them are copies of another.</summary>
public sealed record Story(string Id, IReadOnlyList<AnalyzedArticle> Articles, IReadOnlyDictionary<string, string> DuplicateOf)
{
    /// <summary>Articles that count as independent sources (copies folded into their original).</summary>
    public IEnumerable<AnalyzedArticle> Independent => Articles.Where(a => !DuplicateOf.ContainsKey(a.Id));
}

/// <summary>Settings for <see cref="StoryClusterer"/>.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Least cosine similarity between an article and a story for the article to join it.</summary>
    public double JoinThreshold { get; init; } = 0.22;

    /// <summary>Articles further apart than this (both dated) are never one story.</summary>
    public int MaxDaysApart { get; init; } = 45;

    /// <summary>Distinctive terms per article used to look up candidate stories in the index.</summary>
    public int IndexTerms { get; init; } = 12;
}

/// <summary>
/// Groups articles into stories incrementally: each article, in date order, joins the most similar story found through an
/// inverted index of distinctive terms, or starts a new one; an article that fits two stories merges them.
/// </summary>
public sealed class StoryClusterer(ClusteringOptions? options = null)
{
    private readonly ClusteringOptions _options = options ?? new ClusteringOptions();

    public IReadOnlyList<Story> Cluster(IReadOnlyList<AnalyzedArticle> articles)
    {
        var order = articles.Select((a, i) => (a, i)).OrderBy(x => x.a.Article.Published ?? DateOnly.MaxValue).ThenBy(x => x.i).Select(x => x.a).ToList();
        var duplicateOf = FindDuplicates(order);
        var vectors = Vectorize(order);

        var stories = new List<Building>();
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var storyOf = new Dictionary<string, Building>(StringComparer.Ordinal);
        foreach (var a in order)
        {
            if (duplicateOf.TryGetValue(a.Id, out var original))
            {
                var home = storyOf[original];
                home.Add(a, vectors[a.Id]);
                storyOf[a.Id] = home;
                continue;
            }
            var v = vectors[a.Id];
            var candidates = new HashSet<int>();
            foreach (var term in Top(v, _options.IndexTerms))
            {
                if (index.TryGetValue(term, out var ids)) candidates.UnionWith(ids);
            }
            var fits = candidates.Select(id => stories[id]).Where(s => s.Alive)
                .Select(s => (Story: s, Score: s.Similarity(v, a.Article.Published, _options)))
                .Where(x => x.Score >= _options.JoinThreshold)
                .OrderByDescending(x => x.Score).ToList();
            Building target;
            if (fits.Count == 0)
            {
                target = new Building(stories.Count);
                stories.Add(target);
            }
            else
            {
                target = fits[0].Story;
                // A bridging article that fits several stories shows they were one event all along.
                foreach (var (other, _) in fits.Skip(1))
                {
                    target.Absorb(other);
                    foreach (var member in other.Members) storyOf[member.Id] = target;
                }
            }
            target.Add(a, v);
            storyOf[a.Id] = target;
            foreach (var term in Top(v, _options.IndexTerms))
            {
                if (!index.TryGetValue(term, out var ids)) index[term] = ids = [];
                ids.Add(target.Number);
            }
        }

        // Stories are numbered by their first article in input order, so ids stay stable when dates are missing.
        var position = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var result = stories.Where(s => s.Alive)
            .Select(s => s.Members.OrderBy(m => position[m.Id]).ToList())
            .OrderBy(m => position[m[0].Id])
            .Select((members, i) => new Story($"story-{i + 1}", members,
                duplicateOf.Where(kv => members.Any(m => m.Id == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)))
            .ToList();
        return result;
    }

    private static Dictionary<string, string> FindDuplicates(List<AnalyzedArticle> order)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var shingles = new List<(string Id, HashSet<ulong> Set)>();
        var byShingle = new Dictionary<ulong, List<int>>();
        foreach (var a in order)
        {
            var set = NearDuplicates.Shingles(a);
            var counts = new Dictionary<int, int>();
            foreach (var s in set)
            {
                if (!byShingle.TryGetValue(s, out var owners)) continue;
                foreach (var o in owners) counts[o] = counts.GetValueOrDefault(o) + 1;
            }
            foreach (var (o, shared) in counts.OrderByDescending(kv => kv.Value))
            {
                var other = shingles[o];
                if ((double)shared / Math.Max(1, Math.Min(set.Count, other.Set.Count)) >= NearDuplicates.Containment)
                {
                    result[a.Id] = result.GetValueOrDefault(other.Id, other.Id);
                    break;
                }
            }
            int idx = shingles.Count;
            shingles.Add((a.Id, set));
            foreach (var s in set)
            {
                if (!byShingle.TryGetValue(s, out var owners)) byShingle[s] = owners = [];
                owners.Add(idx);
            }
        }
        return result;
    }

    /// <summary>TF-IDF vectors; document frequencies come from the input itself.</summary>
    private static Dictionary<string, TermVector> Vectorize(List<AnalyzedArticle> articles)
    {
        var counts = articles.ToDictionary(a => a.Id, TermVector.Counts, StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts.Values)
        {
            foreach (var term in c.Keys) df[term] = df.GetValueOrDefault(term) + 1;
        }
        int n = articles.Count;
        return counts.ToDictionary(kv => kv.Key, kv => new TermVector(kv.Value.ToDictionary(
            t => t.Key, t => (1 + Math.Log(t.Value)) * (Math.Log((n + 1.0) / (df[t.Key] + 1.0)) + 1), StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Top(TermVector v, int k) => v.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(k).Select(kv => kv.Key);

    /// <summary>A story while it grows: its members and the running sum of their vectors.</summary>
    private sealed class Building(int number)
    {
        public int Number { get; } = number;

        public bool Alive { get; private set; } = true;

        public List<AnalyzedArticle> Members { get; } = [];

        private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
        private readonly List<TermVector> _vectors = [];
        private DateOnly? _first, _last;

        public void Add(AnalyzedArticle a, TermVector v)
        {
            Members.Add(a);
            _vectors.Add(v);
            foreach (var (t, w) in v.Weights) _sum[t] = _sum.GetValueOrDefault(t) + w;
            if (a.Article.Published is { } d)
            {
                _first = _first is null || d < _first ? d : _first;
                _last = _last is null || d > _last ? d : _last;
            }
        }

        public void Absorb(Building other)
        {
            for (int i = 0; i < other.Members.Count; i++) Add(other.Members[i], other._vectors[i]);
            other.Alive = false;
        }

        /// <summary>The better of similarity to the story's centroid and to its closest member, zero when too far apart in time.</summary>
        public double Similarity(TermVector v, DateOnly? date, ClusteringOptions options)
        {
            if (date is { } d && _first is { } f && _last is { } l)
            {
                int gap = d < f ? f.DayNumber - d.DayNumber : d > l ? d.DayNumber - l.DayNumber : 0;
                if (gap > options.MaxDaysApart) return 0;
            }
            double centroid = v.Cosine(new TermVector(_sum));
            double best = _vectors.Count <= 50 ? _vectors.Max(v.Cosine) : 0;
            return Math.Max(centroid, best * 0.9);
        }
    }
}
