namespace Parallax.Briefing.Values;

/// <summary>
/// How alike two values' sentences are apart from their values: the fact aligner's idf-weighted cosine over their terms
/// without dates and figures, so that a sentence whose date or figure differs is still seen to state the same thing.
/// </summary>
internal sealed class ClauseSimilarity
{
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<(IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>), double> _cache = new(new PairComparer());

    // Each sentence's weighted vector, made once: every value is compared with every other source's values.
    private readonly Dictionary<IReadOnlyDictionary<string, double>, Dictionary<string, double>> _vectors = new(ReferenceEqualityComparer.Instance);

    public ClauseSimilarity(IReadOnlyList<ValueMention> mentions)
    {
        var bags = mentions.Select(m => m.Terms).Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyDictionary<string, double>>().ToList();
        _idf = FactAligner.Idf(bags);
    }

    public double Of(ValueMention a, ValueMention b)
    {
        if (a.Terms.Count == 0 || b.Terms.Count == 0) return 0;
        if (ReferenceEquals(a.Terms, b.Terms)) return 1;
        var key = (a.Terms, b.Terms);
        if (!_cache.TryGetValue(key, out double sim)) _cache[key] = sim = FactAligner.Dot(Vector(a.Terms), Vector(b.Terms));
        return sim;
    }

    private Dictionary<string, double> Vector(IReadOnlyDictionary<string, double> terms)
    {
        if (!_vectors.TryGetValue(terms, out var v)) _vectors[terms] = v = FactAligner.Weighted(terms, _idf);
        return v;
    }

    private sealed class PairComparer : IEqualityComparer<(IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>)>
    {
        public bool Equals((IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>) x, (IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>) p) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Item2));
    }
}
