namespace Parallax.Evaluation;

/// <summary>Precision, recall and F1 of one coreference metric.</summary>
public readonly record struct Prf(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Coreference scores over a fixed set of mentions (gold mentions, each placed in one predicted cluster): MUC (links),
/// B³ (per mention), CEAF-e (entity alignment) and their CoNLL average, as in the CoNLL-2012 scorer.
/// </summary>
public sealed record CorefScores(Prf Muc, Prf BCubed, Prf CeafE, int Mentions, int GoldEntities, int PredictedEntities)
{
    public double Conll => (Muc.F1 + BCubed.F1 + CeafE.F1) / 3;

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>; a mention missing from predicted is a singleton.</summary>
    public static CorefScores Of(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var items = gold.Keys.ToList();
        string Pred(string id) => predicted.TryGetValue(id, out var p) ? p : "\u0001" + id;
        var keys = items.GroupBy(i => gold[i]).Select(g => g.ToHashSet(StringComparer.Ordinal)).ToList();
        var responses = items.GroupBy(Pred).Select(g => g.ToHashSet(StringComparer.Ordinal)).ToList();
        var goldOf = items.ToDictionary(i => i, i => gold[i], StringComparer.Ordinal);
        var predOf = items.ToDictionary(i => i, Pred, StringComparer.Ordinal);
        var scores = ClusterScores.Of(gold, predicted);
        return new CorefScores(
            new Prf(MucOf(responses, goldOf), MucOf(keys, predOf)),
            new Prf(scores.Precision, scores.Recall),
            Ceaf(keys, responses),
            items.Count, keys.Count, responses.Count);
    }

    /// <summary>MUC (Vilain et al. 1995) of <paramref name="clusters"/> against the partition <paramref name="other"/>: links kept over links needed.</summary>
    private static double MucOf(List<HashSet<string>> clusters, Dictionary<string, string> other)
    {
        long num = 0, den = 0;
        foreach (var c in clusters)
        {
            num += c.Count - c.Select(i => other[i]).Distinct().Count();
            den += c.Count - 1;
        }
        return den == 0 ? 0 : (double)num / den;
    }

    /// <summary>CEAF-e (Luo 2005): the best one-to-one alignment of gold and predicted entities under φ4 = 2|K∩R| / (|K|+|R|).</summary>
    private static Prf Ceaf(List<HashSet<string>> keys, List<HashSet<string>> responses)
    {
        // Only entities that share a mention can be aligned with a gain; solve each connected block on its own.
        var responseOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < responses.Count; r++)
        {
            foreach (var i in responses[r]) responseOf[i] = r;
        }
        double total = 0;
        var seenKey = new bool[keys.Count];
        var keysOfResponse = new Dictionary<int, List<int>>();
        for (int k = 0; k < keys.Count; k++)
        {
            foreach (int r in keys[k].Select(i => responseOf[i]).Distinct())
            {
                if (!keysOfResponse.TryGetValue(r, out var l)) keysOfResponse[r] = l = [];
                l.Add(k);
            }
        }
        for (int start = 0; start < keys.Count; start++)
        {
            if (seenKey[start]) continue;
            var blockKeys = new List<int>();
            var blockResponses = new HashSet<int>();
            var queue = new Queue<int>([start]);
            seenKey[start] = true;
            while (queue.Count > 0)
            {
                int k = queue.Dequeue();
                blockKeys.Add(k);
                foreach (int r in keys[k].Select(i => responseOf[i]).Distinct())
                {
                    if (!blockResponses.Add(r)) continue;
                    foreach (int k2 in keysOfResponse[r].Where(k2 => !seenKey[k2]))
                    {
                        seenKey[k2] = true;
                        queue.Enqueue(k2);
                    }
                }
            }
            var rs = blockResponses.ToList();
            var gain = new double[blockKeys.Count, rs.Count];
            for (int a = 0; a < blockKeys.Count; a++)
            {
                for (int b = 0; b < rs.Count; b++)
                {
                    var key = keys[blockKeys[a]];
                    var resp = responses[rs[b]];
                    int both = key.Count(resp.Contains);
                    gain[a, b] = 2.0 * both / (key.Count + resp.Count);
                }
            }
            total += Assignment.MaxWeight(gain);
        }
        return new Prf(responses.Count == 0 ? 0 : total / responses.Count, keys.Count == 0 ? 0 : total / keys.Count);
    }
}

/// <summary>The maximum-weight one-to-one assignment of rows to columns (Hungarian method, O(n³)).</summary>
internal static class Assignment
{
    public static double MaxWeight(double[,] weight)
    {
        int rows = weight.GetLength(0), cols = weight.GetLength(1);
        int n = Math.Max(rows, cols);
        // Minimise cost = max − weight over a square matrix padded with zero-weight cells.
        double max = 0;
        foreach (double w in weight) max = Math.Max(max, w);
        var cost = new double[n + 1, n + 1];
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= n; j++) cost[i, j] = max - (i <= rows && j <= cols ? weight[i - 1, j - 1] : 0);
        }
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    double cur = cost[i0, j] - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            }
            while (p[j0] != 0);
            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= n; j++)
        {
            int i = p[j];
            if (i >= 1 && i <= rows && j <= cols) total += weight[i - 1, j - 1];
        }
        return total;
    }
}
