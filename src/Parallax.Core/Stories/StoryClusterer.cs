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

    /// <summary>Longest a story may run from its first dated article to its last; beyond it, coverage is a new story.</summary>
    public int MaxStoryDays { get; init; } = 60;

    /// <summary>Distinctive terms per article used to look up candidate stories in the index.</summary>
    public int IndexTerms { get; init; } = 12;

    /// <summary>How many candidate stories, ranked by shared distinctive terms, are compared in full with each article.</summary>
    public int Candidates { get; init; } = 30;

    /// <summary>How many of the most recent stories holding a term are candidates; older ones are out of reach through that term.</summary>
    public int PostingDepth { get; init; } = 150;
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
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
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
            // Two-stage retrieval: stories sharing the most distinctive terms first, then full similarity for the best few.
            var shared = new Dictionary<int, double>();
            foreach (var term in Top(v, _options.IndexTerms))
            {
                if (!index.TryGetValue(term, out var ids)) continue;
                double w = v.Weights[term];
                // Articles arrive in date order, so the newest stories holding a term sit at the end of its posting list.
                for (int k = ids.Count - 1; k >= 0 && k >= ids.Count - _options.PostingDepth; k--) shared[ids[k]] = shared.GetValueOrDefault(ids[k]) + w;
            }
            var candidates = shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(_options.Candidates).Select(kv => kv.Key);
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
                // A bridging article that fits several stories shows they were one event all along — if the stories also
                // resemble each other; one article touching two events must not chain them together.
                foreach (var (other, _) in fits.Skip(1))
                {
                    if (!target.Resembles(other, _options)) continue;
                    var (big, small) = target.Members.Count >= other.Members.Count ? (target, other) : (other, target);
                    big.Absorb(small);
                    foreach (var member in small.Members) storyOf[member.Id] = big;
                    target = big;
                }
            }
            target.Add(a, v);
            storyOf[a.Id] = target;
            foreach (var term in Top(v, _options.IndexTerms))
            {
                if (!index.TryGetValue(term, out var ids)) index[term] = ids = [];
                if (ids.Count == 0 || ids[^1] != target.Number) ids.Add(target.Number);
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

    private const int MaxShingleOwners = 40;

    private static Dictionary<string, string> FindDuplicates(List<AnalyzedArticle> order)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var sets = new List<HashSet<ulong>>();
        var short_ = new List<bool>();
        var full = new Dictionary<int, HashSet<ulong>>();
        HashSet<ulong> Full(int i) => full.TryGetValue(i, out var f) ? f : full[i] = NearDuplicates.Shingles(order[i], all: true);
        var byShingle = new Dictionary<ulong, List<int>>();
        for (int me = 0; me < order.Count; me++)
        {
            // Long texts are compared on a sample of their shingles; short ones on all of them, or a tiny sample would decide.
            var set = NearDuplicates.Shingles(order[me]);
            bool isShort = set.Count < NearDuplicates.MinSample;
            if (isShort) set = Full(me);
            var counts = new Dictionary<int, int>();
            foreach (var s in set)
            {
                // A shingle many texts share is boilerplate ("contributed to this report"), not evidence of copying.
                if (!byShingle.TryGetValue(s, out var owners) || owners.Count > MaxShingleOwners) continue;
                foreach (var o in owners) counts[o] = counts.GetValueOrDefault(o) + 1;
            }
            foreach (var (o, shared) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
            {
                double containment = isShort || short_[o]
                    ? NearDuplicates.ContainmentOf(Full(me), Full(o))
                    : (double)shared / Math.Min(set.Count, sets[o].Count);
                if (containment >= NearDuplicates.Containment)
                {
                    result[order[me].Id] = result.GetValueOrDefault(order[o].Id, order[o].Id);
                    break;
                }
            }
            sets.Add(set);
            short_.Add(isShort);
            foreach (var s in set)
            {
                if (!byShingle.TryGetValue(s, out var owners)) byShingle[s] = owners = [];
                owners.Add(me);
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
        var idf = df.ToDictionary(kv => kv.Key, kv => Math.Log((n + 1.0) / (kv.Value + 1.0)) + 1, StringComparer.Ordinal);
        var vectors = new Dictionary<string, TermVector>(StringComparer.Ordinal);
        foreach (var (id, c) in counts)
        {
            foreach (var term in c.Keys.ToList()) c[term] = (1 + Math.Log(c[term])) * idf[term];
            vectors[id] = new TermVector(c);
        }
        return vectors;
    }

    private static IEnumerable<string> Top(TermVector v, int k) => v.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(k).Select(kv => kv.Key);

    /// <summary>A story while it grows: its members and the running sum of their vectors.</summary>
    private sealed class Building(int number)
    {
        public int Number { get; } = number;

        public bool Alive { get; private set; } = true;

        public List<AnalyzedArticle> Members { get; } = [];

        private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
        private double _sumNormSquared;
        private readonly List<TermVector> _vectors = [];
        private DateOnly? _first, _last;

        public void Add(AnalyzedArticle a, TermVector v)
        {
            Members.Add(a);
            _vectors.Add(v);
            foreach (var (t, w) in v.Weights)
            {
                double old = _sum.GetValueOrDefault(t);
                _sum[t] = old + w;
                _sumNormSquared += (old + w) * (old + w) - old * old;
            }
            if (a.Article.Published is { } d)
            {
                _first = _first is null || d < _first ? d : _first;
                _last = _last is null || d > _last ? d : _last;
            }
        }

        public bool Resembles(Building other, ClusteringOptions options)
        {
            if (_first is { } f && _last is { } l && other._first is { } of && other._last is { } ol
                && Math.Max(l.DayNumber, ol.DayNumber) - Math.Min(f.DayNumber, of.DayNumber) > options.MaxStoryDays) return false;
            var (small, large) = _sum.Count <= other._sum.Count ? (this, other) : (other, this);
            double dot = 0;
            foreach (var (t, w) in small._sum)
            {
                if (large._sum.TryGetValue(t, out double x)) dot += w * x;
            }
            return _sumNormSquared > 0 && other._sumNormSquared > 0 && dot / Math.Sqrt(_sumNormSquared * other._sumNormSquared) >= options.JoinThreshold;
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
                if (Math.Max(l.DayNumber, d.DayNumber) - Math.Min(f.DayNumber, d.DayNumber) > options.MaxStoryDays) return 0;
            }
            // Cosine with the centroid from running sums: O(terms of the article), however large the story.
            double dot = 0;
            foreach (var (t, w) in v.Weights)
            {
                if (_sum.TryGetValue(t, out double x)) dot += w * x;
            }
            double centroid = _sumNormSquared > 0 ? dot / Math.Sqrt(_sumNormSquared) : 0;
            double best = _vectors.Count <= 20 ? _vectors.Max(v.Cosine) : 0;
            return Math.Max(centroid, best * 0.9);
        }

    }
}
