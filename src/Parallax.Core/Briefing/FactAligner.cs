namespace Parallax.Briefing;

/// <summary>
/// Finds sentences of different sources that state the same proposition: idf-weighted cosine over concepts, entities,
/// times and numbers, then greedy grouping of the closest pairs so that a fact holds at most one sentence per source.
/// </summary>
public static class FactAligner
{
    /// <summary>Least similarity for two sentences to be one fact.</summary>
    public const double Threshold = 0.32;

    public static List<List<SentenceUnit>> Align(List<SentenceUnit> units)
    {
        var idf = Idf(units);
        var vectors = units.Select(u => Normalise(u.Terms.ToDictionary(kv => kv.Key, kv => kv.Value * idf[kv.Key], StringComparer.Ordinal))).ToList();
        var pairs = new List<(int A, int B, double Sim)>();
        for (int i = 0; i < units.Count; i++)
        {
            for (int j = i + 1; j < units.Count; j++)
            {
                if (units[i].Article == units[j].Article) continue;
                double sim = Dot(vectors[i], vectors[j]);
                if (sim >= Threshold) pairs.Add((i, j, sim));
            }
        }
        pairs.Sort((x, y) => y.Sim.CompareTo(x.Sim) is var c && c != 0 ? c : (x.A, x.B).CompareTo((y.A, y.B)));
        var clusters = units.Select((u, i) => new List<int> { i }).ToList();
        var owner = Enumerable.Range(0, units.Count).ToArray();
        foreach (var (a, b, _) in pairs)
        {
            int ca = owner[a], cb = owner[b];
            if (ca == cb) continue;
            var A = clusters[ca];
            var B = clusters[cb];
            if (A.Any(x => B.Any(y => units[x].Article == units[y].Article))) continue;
            // Average linkage keeps a chain of loosely similar sentences from becoming one "fact".
            double avg = A.SelectMany(x => B.Select(y => Dot(vectors[x], vectors[y]))).Average();
            if (avg < Threshold * 0.75) continue;
            A.AddRange(B);
            foreach (var y in B) owner[y] = ca;
            B.Clear();
        }
        var result = clusters.Where(c => c.Count > 0).Select(c => c.Select(i => units[i]).ToList()).ToList();
        for (int k = 0; k < result.Count; k++)
        {
            foreach (var u in result[k]) u.Cluster = k;
        }
        return result;
    }

    /// <summary>The sentence most similar to the rest of its fact: the best single wording of it.</summary>
    public static SentenceUnit Representative(List<SentenceUnit> fact, List<SentenceUnit> all)
    {
        if (fact.Count == 1) return fact[0];
        var idf = Idf(all);
        var vectors = fact.Select(u => Normalise(u.Terms.ToDictionary(kv => kv.Key, kv => kv.Value * idf.GetValueOrDefault(kv.Key, 1), StringComparer.Ordinal))).ToList();
        int best = 0;
        double bestScore = double.MinValue;
        for (int i = 0; i < fact.Count; i++)
        {
            double score = 0;
            for (int j = 0; j < fact.Count; j++) if (i != j) score += Dot(vectors[i], vectors[j]);
            score -= fact[i].Span.Length / 4000.0; // among equals, the shorter wording reads better
            if (score > bestScore) { bestScore = score; best = i; }
        }
        return fact[best];
    }

    public static double Similarity(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b, IReadOnlyDictionary<string, double> idf) =>
        Dot(Normalise(a.ToDictionary(kv => kv.Key, kv => kv.Value * idf.GetValueOrDefault(kv.Key, 1), StringComparer.Ordinal)),
            Normalise(b.ToDictionary(kv => kv.Key, kv => kv.Value * idf.GetValueOrDefault(kv.Key, 1), StringComparer.Ordinal)));

    public static Dictionary<string, double> Idf(List<SentenceUnit> units)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            foreach (var t in u.Terms.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        }
        return df.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (double)units.Count / kv.Value), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        double norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm == 0) return v;
        foreach (var k in v.Keys.ToList()) v[k] /= norm;
        return v;
    }

    private static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (s, l) = a.Count <= b.Count ? (a, b) : (b, a);
        double d = 0;
        foreach (var (k, w) in s) if (l.TryGetValue(k, out var x)) d += w * x;
        return d;
    }
}
