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

/// <summary>Where predicted clusters go wrong, for review: gold clusters split apart and predicted clusters that merge gold ones (costliest first: by the pairs of items they get wrong), and outside items that joined gold clusters.</summary>
public sealed record ClusterErrors(
    IReadOnlyList<ClusterErrors.Split> Splits,
    IReadOnlyList<ClusterErrors.Merge> Merges,
    IReadOnlyList<ClusterErrors.Intrusion> Intrusions)
{
    /// <summary>A gold cluster and the predicted pieces it fell into (items grouped by predicted cluster, biggest piece first).</summary>
    public sealed record Split(string Gold, IReadOnlyList<IReadOnlyList<string>> Pieces)
    {
        /// <summary>Pairs of the gold cluster's items that were put apart: how much the split costs.</summary>
        public long PairsApart => Apart(Pieces);
    }

    /// <summary>A predicted cluster and the gold clusters it mixes (items grouped by gold cluster, biggest first).</summary>
    public sealed record Merge(string Predicted, IReadOnlyList<IReadOnlyList<string>> Parts)
    {
        /// <summary>Pairs of items from different gold clusters that were put together: how much the merge costs.</summary>
        public long PairsTogether => Apart(Parts);
    }

    /// <summary>Pairs of items that fall in different groups.</summary>
    private static long Apart(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        long all = groups.Sum(g => (long)g.Count);
        return (all * all - groups.Sum(g => (long)g.Count * g.Count)) / 2;
    }

    /// <summary>Items without a gold cluster that landed in a predicted cluster holding gold items of <see cref="Gold"/>.</summary>
    public sealed record Intrusion(string Gold, string Predicted, IReadOnlyList<string> Items);

    /// <summary>Finds the errors; <paramref name="predicted"/> may hold items outside <paramref name="gold"/> (a haystack), which are checked for intrusions.</summary>
    public static ClusterErrors Of(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        string Pred(string id) => predicted.TryGetValue(id, out var p) ? p : "\u0001" + id;
        static IReadOnlyList<IReadOnlyList<string>> Groups(IEnumerable<string> items, Func<string, string> key) =>
            items.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
        var splits = gold.Keys.GroupBy(i => gold[i]).Where(g => g.Select(Pred).Distinct().Count() > 1)
            .Select(g => new Split(g.Key, Groups(g, Pred))).OrderByDescending(x => x.PairsApart).ThenBy(x => x.Gold, StringComparer.Ordinal).ToList();
        var merges = gold.Keys.GroupBy(Pred).Where(g => g.Select(i => gold[i]).Distinct().Count() > 1)
            .Select(g => new Merge(g.Key, Groups(g, i => gold[i]))).OrderByDescending(x => x.PairsTogether).ThenBy(x => x.Predicted, StringComparer.Ordinal).ToList();
        var goldOf = gold.Keys.Where(predicted.ContainsKey).GroupBy(i => predicted[i])
            .ToDictionary(g => g.Key, g => g.GroupBy(i => gold[i]).OrderByDescending(x => x.Count()).First().Key, StringComparer.Ordinal);
        var intrusions = predicted.Where(kv => !gold.ContainsKey(kv.Key) && goldOf.ContainsKey(kv.Value))
            .GroupBy(kv => kv.Value).OrderBy(g => goldOf[g.Key], StringComparer.Ordinal)
            .Select(g => new Intrusion(goldOf[g.Key], g.Key, g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList())).ToList();
        return new ClusterErrors(splits, merges, intrusions);
    }
}
