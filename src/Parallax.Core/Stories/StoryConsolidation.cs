namespace Parallax.Stories;

/// <summary>
/// The second look at a known set of articles. The online index sees each article once, against the stories as they stood
/// when it arrived: an early report of one event can draw in a later report of a similar one, and the first reports of one
/// event can start two stories that never meet. With every article at hand, this pass weighs terms by how common they are
/// in the whole set, splits each story where its articles fall into groups that resemble each other less than
/// <see cref="ClusteringOptions.SplitThreshold"/> on average, then joins pieces of different stories that resemble each
/// other at least <see cref="ClusteringOptions.PieceJoinThreshold"/> by the same measure.
/// The measure is average linkage — the mean similarity over every pair of articles across two groups — so one article
/// that touches two events (a round-up, a "similar to last year's" paragraph) cannot chain them together.
/// </summary>
internal static class StoryConsolidation
{
    /// <summary>Groups of <paramref name="features"/> positions: each of <paramref name="stories"/> split, then the pieces joined.</summary>
    /// <remarks>Term counts over the set may be given (the online index has them) to save counting them again.</remarks>
    public static List<List<int>> Refine(IReadOnlyList<StoryFeatures> features, IReadOnlyList<List<int>> stories, ClusteringOptions options,
        (FlatMap DocumentFrequency, int Documents)? counts = null)
    {
        var vectors = Vectorize(features, counts ?? Count(features));
        // Every pair within each story is compared first: how tightly a set's stories hold together sets the bar for
        // splitting them. Stories are then split independently of each other, and the pieces listed in story order, so the
        // result never depends on the threads. Joining keeps its fixed bar: a set whose stories are loose must not have
        // them run together.
        var matrices = new float[]?[stories.Count];
        Parallel.For(0, stories.Count, s =>
        {
            var members = stories[s];
            if (members.Count >= 2 && members.Count <= options.MaxSplitSize) matrices[s] = Similarities(members, vectors, features, options);
        });
        double threshold = options.SplitThreshold ?? Math.Min(options.PieceJoinThreshold, Calibrated(stories, matrices, options));
        var splits = new List<List<int>>[stories.Count];
        Parallel.For(0, stories.Count, s =>
        {
            var members = stories[s];
            splits[s] = matrices[s] is { } similarity ? Split(members, similarity, threshold) : [[.. members]];
        });
        var pieces = new List<List<int>>();
        var origins = new List<int>();
        for (int s = 0; s < stories.Count; s++)
        {
            foreach (var piece in splits[s])
            {
                pieces.Add(piece);
                origins.Add(s);
            }
        }
        return Join(pieces, origins, vectors, features, options.PieceJoinThreshold, options);
    }

    private static (FlatMap, int) Count(IReadOnlyList<StoryFeatures> features)
    {
        var documentFrequency = new FlatMap();
        foreach (var f in features) StoryIndex.CountTerms(documentFrequency, f);
        return (documentFrequency, features.Count);
    }

    /// <summary>Every article weighed as the online index weighs it, with the whole set's counts.</summary>
    private static SparseVector[] Vectorize(IReadOnlyList<StoryFeatures> features, (FlatMap DocumentFrequency, int Documents) counts)
    {
        var vectors = new SparseVector[features.Count];
        Parallel.For(0, features.Count, i => vectors[i] = StoryIndex.Weigh(features[i], counts.DocumentFrequency, counts.Documents));
        return vectors;
    }

    /// <summary>1 for the same day or an undated side, ½ at <see cref="ClusteringOptions.LinkHalfDays"/> apart, falling with the square of the gap.</summary>
    private static double TimeDiscount(double? a, double? b, ClusteringOptions options) =>
        a is { } x && b is { } y ? StoryIndex.Halved(x - y, options.LinkHalfDays) : 1;

    private static double? Day(StoryFeatures f) => f.Published is { } d ? d.DayNumber : null;

    /// <summary>Similarities of every pair of a story's articles (row-major, the diagonal zero), discounted by the days between them.</summary>
    private static float[] Similarities(List<int> members, SparseVector[] vectors, IReadOnlyList<StoryFeatures> features, ClusteringOptions options)
    {
        int m = members.Count;
        var similarity = new float[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++)
            {
                var (a, b) = (features[members[i]], features[members[j]]);
                float s = (float)(vectors[members[i]].Cosine(vectors[members[j]]) * TimeDiscount(Day(a), Day(b), options));
                similarity[i * m + j] = similarity[j * m + i] = s;
            }
        }
        return similarity;
    }

    /// <summary>
    /// <see cref="ClusteringOptions.SplitShare"/> of the median story's mean pairwise similarity: reports of one event with
    /// headlines and full texts resemble each other far more than bare paragraphs do, and one fixed bar would either tear
    /// the second kind of story apart or leave two events of the first kind together.
    /// </summary>
    private static double Calibrated(IReadOnlyList<List<int>> stories, float[]?[] matrices, ClusteringOptions options)
    {
        var cohesion = new List<double>();
        for (int s = 0; s < stories.Count; s++)
        {
            if (matrices[s] is not { } similarity) continue;
            int m = stories[s].Count;
            double sum = 0;
            foreach (float x in similarity) sum += x;
            cohesion.Add(sum / (m * (m - 1.0)));
        }
        if (cohesion.Count == 0) return options.PieceJoinThreshold;
        cohesion.Sort();
        return options.SplitShare * cohesion[cohesion.Count / 2];
    }

    /// <summary>
    /// Average-linkage clustering of one story's articles, stopped at the threshold, by the nearest-neighbour chain: average
    /// linkage never makes a merged group more similar to a third than its parts were, so merging mutual nearest neighbours
    /// gives the same groups as always merging the closest pair, in time proportional to the square of the story's size.
    /// </summary>
    private static List<List<int>> Split(List<int> members, float[] similarity, double threshold)
    {
        int m = members.Count;
        var size = new int[m];
        var groups = new List<int>?[m];
        var active = new bool[m];
        for (int i = 0; i < m; i++) (size[i], groups[i], active[i]) = (1, [members[i]], true);
        var finished = new List<List<int>>();
        var chain = new List<int>();
        int remaining = m, next = 0;
        while (remaining > 0)
        {
            if (chain.Count == 0)
            {
                while (!active[next]) next++;
                chain.Add(next);
            }
            int top = chain[^1];
            int previous = chain.Count > 1 ? chain[^2] : -1;
            int nearest = -1;
            float best = float.NegativeInfinity;
            for (int k = 0; k < m; k++)
            {
                if (k == top || !active[k]) continue;
                float s = similarity[top * m + k];
                // The chain's previous link wins a tie, so the chain always ends at a mutual pair.
                if (s > best || (s == best && k == previous)) (best, nearest) = (s, k);
            }
            if (nearest < 0 || best < threshold)
            {
                // Only a chain of one can stop here: a longer chain's top is at least as close to the link below it.
                finished.Add(groups[top]!);
                active[top] = false;
                remaining--;
                chain.Clear();
                continue;
            }
            if (nearest != previous)
            {
                chain.Add(nearest);
                continue;
            }
            chain.RemoveRange(chain.Count - 2, 2);
            var (keep, gone) = top < previous ? (top, previous) : (previous, top);
            int total = size[keep] + size[gone];
            for (int k = 0; k < m; k++)
            {
                if (!active[k] || k == keep || k == gone) continue;
                float s = (size[keep] * similarity[keep * m + k] + size[gone] * similarity[gone * m + k]) / total;
                similarity[keep * m + k] = similarity[k * m + keep] = s;
            }
            size[keep] = total;
            groups[keep]!.AddRange(groups[gone]!);
            groups[gone] = null;
            active[gone] = false;
            remaining--;
        }
        return finished;
    }

    /// <summary>
    /// Joins pieces of different stories whose average linkage (their summed vectors' dot product over the product of their
    /// sizes, discounted by the days between their centres) reaches the threshold, the best pair first. Candidates come from
    /// an inverted index of each piece's heaviest terms, near in time; pieces one story was split into stay apart.
    /// </summary>
    private static List<List<int>> Join(List<List<int>> pieces, List<int> origins, SparseVector[] vectors, IReadOnlyList<StoryFeatures> features, double threshold, ClusteringOptions options)
    {
        int p = pieces.Count;
        var groups = new Group[p];
        Parallel.For(0, p, g => groups[g] = Group.Of(pieces[g], origins[g], vectors, features, options.CentroidTerms));

        var heaviest = new int[p][];
        Parallel.For(0, p, g => heaviest[g] = groups[g].Sum.Heaviest(options.IndexTerms));
        // Each term's pieces, dated ones by centre and undated ones after them: a window in time is one binary search away.
        var order = Enumerable.Range(0, p).Where(g => groups[g].Centre is not null).OrderBy(g => groups[g].Centre!.Value).ThenBy(g => g)
            .Concat(Enumerable.Range(0, p).Where(g => groups[g].Centre is null));
        var postings = new Dictionary<ulong, Posting>();
        foreach (int g in order)
        {
            foreach (int position in heaviest[g])
            {
                ulong term = groups[g].Sum.Terms[position];
                if (!postings.TryGetValue(term, out var posting)) postings[term] = posting = new Posting();
                if (groups[g].Centre is { } centre)
                {
                    posting.Dated.Add(g);
                    posting.Days.Add(centre);
                }
                else posting.Undated.Add(g);
            }
        }
        var queue = new PriorityQueue<(int A, int B, int VersionA, int VersionB), (double Score, int A, int B)>(
            Comparer<(double Score, int A, int B)>.Create((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        // Candidates and their first scores are found for every piece at once (nothing changes yet); the joins that follow
        // are made one at a time, best first. A candidate found from either side links both: when one of them grows, the
        // pair is scored again.
        var parent = Enumerable.Range(0, p).ToArray();
        var found = new List<int>[p];
        Parallel.For(0, p, () => (Shared: new double[p], Touched: new List<int>()), (g, _, scratch) =>
        {
            found[g] = Candidates(g, scratch.Shared, scratch.Touched);
            return scratch;
        }, _ => { });
        var neighbours = new HashSet<int>[p];
        for (int g = 0; g < p; g++) neighbours[g] = [];
        var pairs = new List<(int A, int B)>();
        for (int g = 0; g < p; g++)
        {
            foreach (int other in found[g])
            {
                if (neighbours[g].Add(other) && neighbours[other].Add(g)) pairs.Add((Math.Min(g, other), Math.Max(g, other)));
            }
        }
        var firstScores = new double[pairs.Count];
        Parallel.For(0, pairs.Count, k => firstScores[k] = Score(pairs[k].A, pairs[k].B));
        for (int k = 0; k < pairs.Count; k++) Enqueue(pairs[k].A, pairs[k].B, firstScores[k]);
        var (sharedWeights, touchedPieces) = (new double[p], new List<int>());
        var searchedAt = groups.Select(g => g.Members.Count).ToArray();
        while (queue.TryDequeue(out var pair, out _))
        {
            var (a, b) = (pair.A, pair.B);
            if (parent[a] != a || parent[b] != b || groups[a].Version != pair.VersionA || groups[b].Version != pair.VersionB) continue;
            var (keep, gone) = groups[a].Members.Count >= groups[b].Members.Count ? (a, b) : (b, a);
            groups[keep].Absorb(groups[gone], options.CentroidTerms);
            parent[gone] = keep;
            // The grown group's neighbours: both parts', and — each time it has doubled — those its new heaviest terms find.
            var around = new HashSet<int>();
            if (groups[keep].Members.Count >= 2 * searchedAt[keep])
            {
                searchedAt[keep] = groups[keep].Members.Count;
                heaviest[keep] = groups[keep].Sum.Heaviest(options.IndexTerms);
                around.UnionWith(Candidates(keep, sharedWeights, touchedPieces));
            }
            foreach (int n in neighbours[keep].Concat(neighbours[gone])) around.Add(Root(n));
            around.Remove(keep);
            neighbours[keep] = around;
            neighbours[gone] = [];
            foreach (int n in around.Order())
            {
                neighbours[n].Add(keep);
                Enqueue(keep, n, Score(keep, n));
            }
        }
        var result = new List<List<int>>();
        for (int g = 0; g < p; g++)
        {
            if (parent[g] == g) result.Add(groups[g].Members);
        }
        return result;

        int Root(int g)
        {
            while (parent[g] != g) g = parent[g] = parent[parent[g]];
            return g;
        }

        // Pieces one story was split into are never joined again: the split compared every pair of their articles.
        double Score(int a, int b) => groups[a].SharesOrigin(groups[b]) ? double.NegativeInfinity : groups[a].Linkage(groups[b], options);

        void Enqueue(int a, int b, double score)
        {
            if (score >= threshold) queue.Enqueue((a, b, groups[a].Version, groups[b].Version), (score, Math.Min(a, b), Math.Max(a, b)));
        }

        List<int> Candidates(int g, double[] shared, List<int> touched)
        {
            var group = groups[g];
            touched.Clear();
            foreach (int position in heaviest[g])
            {
                // A grown group's new heaviest term may head no piece.
                if (!postings.TryGetValue(group.Sum.Terms[position], out var posting)) continue;
                var (dated, days, undated) = posting;
                double w = group.Sum.Weights[position];
                if (group.Centre is { } centre)
                {
                    int from = LowerBound(days, centre - options.MaxDaysApart);
                    for (int k = from; k < dated.Count && days[k] <= centre + options.MaxDaysApart; k++) Touch(dated[k], w);
                    if (undated.Count <= options.UndatedReach) foreach (int other in undated) Touch(other, w);
                }
                else if (dated.Count + undated.Count <= options.UndatedReach)
                {
                    foreach (int other in dated) Touch(other, w);
                    foreach (int other in undated) Touch(other, w);
                }
            }
            // The best few by shared weight (ties to the lower number), without sorting all that share a term.
            var best = new List<int>(options.Candidates + 1);
            foreach (int o in touched)
            {
                if (best.Count == options.Candidates && !Better(o, best[^1])) continue;
                int at = best.Count;
                while (at > 0 && Better(o, best[at - 1])) at--;
                best.Insert(at, o);
                if (best.Count > options.Candidates) best.RemoveAt(best.Count - 1);
            }
            foreach (int o in touched) shared[o] = 0;
            best.Sort();
            return best;

            bool Better(int o, int than) => shared[o] != shared[than] ? shared[o] > shared[than] : o < than;

            void Touch(int other, double weight)
            {
                other = Root(other);
                if (other == g) return;
                if (shared[other] == 0) touched.Add(other);
                shared[other] += weight;
            }
        }
    }

    private static int LowerBound(List<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The pieces indexed under one term: dated ones in order of their centres (with the centres), then undated ones.</summary>
    private sealed class Posting
    {
        public List<int> Dated { get; } = [];

        public List<double> Days { get; } = [];

        public List<int> Undated { get; } = [];

        public void Deconstruct(out List<int> dated, out List<double> days, out List<int> undated) => (dated, days, undated) = (Dated, Days, Undated);
    }

    /// <summary>A group of articles while pieces are joined: its members, the sum of their vectors, its mean day and the stories it came from.</summary>
    private sealed class Group
    {
        public required List<int> Members { get; init; }

        public SparseVector Sum { get; private set; }

        /// <summary>Sum of the dated members' day numbers, and how many are dated.</summary>
        private double _daySum;
        private int _dated;

        private readonly HashSet<int> _origins = [];

        /// <summary>Grows by one at each join, so a queued pair scored before it is known to be stale.</summary>
        public int Version { get; private set; }

        public double? Centre => _dated > 0 ? _daySum / _dated : null;

        public static Group Of(List<int> members, int origin, SparseVector[] vectors, IReadOnlyList<StoryFeatures> features, int keep)
        {
            var group = new Group { Members = members };
            group._origins.Add(origin);
            if (members.Count == 1)
            {
                // Most pieces are one article: its vector is its sum.
                group.Sum = vectors[members[0]];
                if (features[members[0]].Published is { } day)
                {
                    group._daySum = day.DayNumber;
                    group._dated = 1;
                }
                return group;
            }
            var sum = new Dictionary<ulong, double>();
            foreach (int m in members)
            {
                var v = vectors[m];
                for (int k = 0; k < v.Terms.Length; k++) sum[v.Terms[k]] = sum.GetValueOrDefault(v.Terms[k]) + v.Weights[k];
                if (features[m].Published is { } d)
                {
                    group._daySum += d.DayNumber;
                    group._dated++;
                }
            }
            group.Sum = Packed(sum, keep);
            return group;
        }

        /// <summary>A sum as a sorted vector, without normalising.</summary>
        private static SparseVector Packed(Dictionary<ulong, double> sum, int keep)
        {
            var terms = sum.Keys.ToArray();
            var weights = sum.Values.Select(w => (float)w).ToArray();
            Array.Sort(terms, weights);
            return Pruned(SparseVector.Unnormalised(terms, weights), keep);
        }

        /// <summary>Two sorted sums added in one pass.</summary>
        private static SparseVector Merged(SparseVector a, SparseVector b)
        {
            var terms = new ulong[a.Count + b.Count];
            var weights = new float[terms.Length];
            int i = 0, j = 0, n = 0;
            while (i < a.Count || j < b.Count)
            {
                if (j == b.Count || (i < a.Count && a.Terms[i] < b.Terms[j])) (terms[n], weights[n]) = (a.Terms[i], a.Weights[i++]);
                else if (i == a.Count || b.Terms[j] < a.Terms[i]) (terms[n], weights[n]) = (b.Terms[j], b.Weights[j++]);
                else (terms[n], weights[n]) = (a.Terms[i], a.Weights[i++] + b.Weights[j++]);
                n++;
            }
            return SparseVector.Unnormalised(terms[..n], weights[..n]);
        }

        /// <summary>A large group keeps its heaviest terms once it has twice as many, as the online index's stories do.</summary>
        private static SparseVector Pruned(SparseVector v, int keep)
        {
            if (keep <= 0 || v.Count <= 2 * keep) return v;
            // Heaviest first, ties to the smaller term, so the kept terms never depend on the order of the sum.
            var order = new int[v.Count];
            for (int k = 0; k < order.Length; k++) order[k] = k;
            var terms = v.Terms;
            var weights = v.Weights;
            Array.Sort(order, (x, y) => weights[x] != weights[y] ? weights[y].CompareTo(weights[x]) : terms[x].CompareTo(terms[y]));
            Array.Sort(order, 0, keep);
            var keptTerms = new ulong[keep];
            var keptWeights = new float[keep];
            for (int k = 0; k < keep; k++) (keptTerms[k], keptWeights[k]) = (terms[order[k]], weights[order[k]]);
            return SparseVector.Unnormalised(keptTerms, keptWeights);
        }

        public bool SharesOrigin(Group other) => _origins.Overlaps(other._origins);

        /// <summary>Mean similarity over pairs across the two groups, discounted by the days between their centres.</summary>
        public double Linkage(Group other, ClusteringOptions options) =>
            Sum.Dot(other.Sum) / ((double)Members.Count * other.Members.Count) * TimeDiscount(Centre, other.Centre, options);

        public void Absorb(Group other, int keep)
        {
            Members.AddRange(other.Members);
            Sum = Pruned(Merged(Sum, other.Sum), keep);
            _daySum += other._daySum;
            _dated += other._dated;
            _origins.UnionWith(other._origins);
            Version++;
            other.Version++;
        }
    }
}
