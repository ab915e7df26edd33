namespace Parallax.Evaluation;

/// <summary>How well predicted clusters match gold clusters: BCubed precision, recall and F1 (Bagga and Baldwin), pairwise F1, and gold clusters split or merged.</summary>
public sealed record ClusterScores(double Precision, double Recall, double F1, double PairwiseF1, int GoldClusters, int PredictedClusters, int Split, int Merged)
{
    /// <summary>Scores the items present in <paramref name="gold"/>; items missing from <paramref name="predicted"/> count as singletons.</summary>
    public static ClusterScores Of(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var items = gold.Keys.ToList();
        string Pred(string id) => predicted.TryGetValue(id, out var p) ? p : "\u0001" + id;
        var goldSets = items.GroupBy(i => gold[i]).ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));
        var predSets = items.GroupBy(Pred).ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));
        double p = 0, r = 0;
        foreach (var i in items)
        {
            var g = goldSets[gold[i]];
            var s = predSets[Pred(i)];
            int both = s.Count(g.Contains);
            p += (double)both / s.Count;
            r += (double)both / g.Count;
        }
        p /= Math.Max(1, items.Count);
        r /= Math.Max(1, items.Count);
        long goldPairs = goldSets.Values.Sum(g => (long)g.Count * (g.Count - 1) / 2);
        long predPairs = predSets.Values.Sum(s => (long)s.Count * (s.Count - 1) / 2);
        long common = predSets.Values.Sum(s => s.GroupBy(i => gold[i]).Sum(g => (long)g.Count() * (g.Count() - 1) / 2));
        double pp = predPairs == 0 ? 1 : (double)common / predPairs, pr = goldPairs == 0 ? 1 : (double)common / goldPairs;
        int split = goldSets.Values.Count(g => g.Select(Pred).Distinct().Count() > 1);
        int merged = predSets.Values.Count(s => s.Select(i => gold[i]).Distinct().Count() > 1);
        return new ClusterScores(p, r, F(p, r), F(pp, pr), goldSets.Count, predSets.Count, split, merged);
    }

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
