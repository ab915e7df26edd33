namespace Parallax.Briefing;

/// <summary>
/// Finds sentences of different sources that state the same proposition: idf-weighted cosine over concepts, entities,
/// times and numbers, then greedy grouping of the closest pairs so that a fact holds at most one sentence per source.
/// Pairs come from an inverted index over the sentences' terms, so only sentences sharing a distinctive term are compared.
/// </summary>
public sealed class FactAligner
{
    /// <summary>Least similarity for two sentences to be one fact.</summary>
    public const double Threshold = 0.32;

    /// <summary>Least similarity kept at all (to tell which sources touch a fact without stating it).</summary>
    public const double Touch = Threshold * 0.6;

    private readonly List<SentenceUnit> _units;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<(int, int), double> _similar = [];
    private readonly Dictionary<SentenceUnit, int> _position = new(ReferenceEqualityComparer.Instance);
    private readonly List<int>[] _touching;

    public FactAligner(List<SentenceUnit> units)
    {
        _units = units;
        for (int i = 0; i < units.Count; i++) _position[units[i]] = i;
        _idf = Idf([.. units.Select(u => u.Terms)]);
        var vectors = units.Select(u => Weighted(u.Terms, _idf)).ToList();
        // Terms in a fifth of all sentences (and at least 200) say little about which sentences match; they still count
        // in the similarity of pairs found through rarer terms, but do not make pairs on their own.
        int common = Math.Max(200, units.Count / 5);
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            foreach (var t in units[i].Terms.Keys)
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(i);
            }
        }
        var candidates = new HashSet<(int, int)>();
        foreach (var list in postings.Values)
        {
            if (list.Count > common) continue;
            for (int x = 0; x < list.Count; x++)
            {
                for (int y = x + 1; y < list.Count; y++)
                {
                    if (units[list[x]].Article != units[list[y]].Article) candidates.Add((list[x], list[y]));
                }
            }
        }
        foreach (var (a, b) in candidates)
        {
            double sim = Dot(vectors[a], vectors[b]);
            // Small similarities still weigh in the average linkage below; only negligible ones are dropped.
            if (sim >= 0.05) _similar[(a, b)] = sim;
        }
        // Each sentence's close neighbours, once, so finding who touches a fact does not rescan every pair per fact.
        _touching = units.Select(_ => new List<int>()).ToArray();
        foreach (var ((a, b), sim) in _similar)
        {
            if (sim < Touch) continue;
            _touching[a].Add(b);
            _touching[b].Add(a);
        }
    }

    public double Similarity(int a, int b) => a == b ? 1 : _similar.GetValueOrDefault(a < b ? (a, b) : (b, a));

    public List<List<SentenceUnit>> Align()
    {
        var pairs = _similar.Where(kv => kv.Value >= Threshold).Select(kv => (A: kv.Key.Item1, B: kv.Key.Item2, Sim: kv.Value)).ToList();
        pairs.Sort((x, y) => y.Sim.CompareTo(x.Sim) is var c && c != 0 ? c : (x.A, x.B).CompareTo((y.A, y.B)));
        var clusters = _units.Select((u, i) => new List<int> { i }).ToList();
        var owner = Enumerable.Range(0, _units.Count).ToArray();
        foreach (var (a, b, _) in pairs)
        {
            int ca = owner[a], cb = owner[b];
            if (ca == cb) continue;
            var A = clusters[ca];
            var B = clusters[cb];
            if (A.Any(x => B.Any(y => _units[x].Article == _units[y].Article))) continue;
            // Average linkage keeps a chain of loosely similar sentences from becoming one "fact".
            double avg = A.SelectMany(x => B.Select(y => Similarity(x, y))).Average();
            if (avg < Threshold * 0.75) continue;
            A.AddRange(B);
            foreach (var y in B) owner[y] = ca;
            B.Clear();
        }
        FoldRepeatedTopics(clusters);
        var result = clusters.Where(c => c.Count > 0).Select(c => c.Select(i => _units[i]).ToList()).ToList();
        for (int k = 0; k < result.Count; k++)
        {
            foreach (var u in result[k]) u.Cluster = k;
        }
        return result;
    }

    /// <summary>
    /// A source naming a topic twice ("discussed trade and Ukraine", later "also talked about Ukraine") splits the topic
    /// into two facts, since a fact takes one claim per source: a topic's facts that are alike on average are one topic,
    /// which a source may then name more than once.
    /// </summary>
    private void FoldRepeatedTopics(List<List<int>> clusters)
    {
        var topics = clusters.Where(c => c.Count > 0 && c.All(i => _units[i].Topic)).OrderByDescending(c => c.Select(i => _units[i].Article).Distinct().Count()).ToList();
        for (int b = topics.Count - 1; b > 0; b--)
        {
            var B = topics[b];
            for (int a = 0; a < b; a++)
            {
                var A = topics[a];
                if (A.Count == 0) continue;
                if (A.SelectMany(x => B.Select(y => Similarity(x, y))).Average() < Threshold * 0.75) continue;
                A.AddRange(B);
                B.Clear();
                break;
            }
        }
    }

    /// <summary>The sentence most similar to the rest of its fact: the best single wording of it, avoiding wordings <paramref name="avoid"/> rejects when another exists.</summary>
    public SentenceUnit Representative(List<SentenceUnit> fact, Func<SentenceUnit, bool>? avoid = null)
    {
        if (avoid is not null && fact.Any(u => !avoid(u))) fact = fact.Where(u => !avoid(u)).ToList();
        if (fact.Count == 1) return fact[0];
        var index = fact.Select(u => _position[u]).ToList();
        int best = 0;
        double bestScore = double.MinValue;
        for (int i = 0; i < fact.Count; i++)
        {
            double score = 0;
            for (int j = 0; j < fact.Count; j++) if (i != j) score += Similarity(index[i], index[j]);
            score -= fact[i].Span.Length / 4000.0; // among equals, the shorter wording reads better
            if (score > bestScore) { bestScore = score; best = i; }
        }
        return fact[best];
    }

    /// <summary>Sources outside a fact with a sentence still close to one of its sentences.</summary>
    public List<string> Touching(List<SentenceUnit> fact)
    {
        var inFact = fact.Select(u => u.Article).ToHashSet(StringComparer.Ordinal);
        var touching = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var u in fact)
        {
            foreach (int other in _touching[_position[u]])
            {
                if (!inFact.Contains(_units[other].Article)) touching.Add(_units[other].Article);
            }
        }
        return [.. touching];
    }

    /// <summary>Inverse document frequency of every term over these term bags (a story's sentences): log(1 + bags / bags holding it).</summary>
    public static Dictionary<string, double> Idf(IReadOnlyList<IReadOnlyDictionary<string, double>> bags)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bag in bags)
        {
            foreach (var t in bag.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        }
        return df.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (double)bags.Count / kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The similarity the aligner measures between two term bags: the cosine of their idf-weighted vectors (a term <paramref name="idf"/> lacks weighs 1).</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b, IReadOnlyDictionary<string, double> idf) =>
        Dot(Weighted(a, idf), Weighted(b, idf));

    /// <summary>A term bag as the aligner weighs it: idf-weighted and of unit length, so that <see cref="Dot"/> of two is their cosine.</summary>
    internal static Dictionary<string, double> Weighted(IReadOnlyDictionary<string, double> terms, IReadOnlyDictionary<string, double> idf) =>
        Normalise(terms.ToDictionary(kv => kv.Key, kv => kv.Value * idf.GetValueOrDefault(kv.Key, 1), StringComparer.Ordinal));

    private static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        double norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm == 0) return v;
        foreach (var k in v.Keys.ToList()) v[k] /= norm;
        return v;
    }

    internal static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (s, l) = a.Count <= b.Count ? (a, b) : (b, a);
        double d = 0;
        foreach (var (k, w) in s) if (l.TryGetValue(k, out var x)) d += w * x;
        return d;
    }
}
