namespace Parallax.Stories;

/// <summary>Settings for story clustering.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Least similarity between an article and a story for the article to join it.</summary>
    public double JoinThreshold { get; init; } = 0.22;

    /// <summary>Articles further apart than this (both dated) are never one story.</summary>
    public int MaxDaysApart { get; init; } = 45;

    /// <summary>Longest a story may run from its first dated article to its last; beyond it, coverage is a new story.</summary>
    public int MaxStoryDays { get; init; } = 60;

    /// <summary>Distinctive terms per article under which its story is indexed and through which candidates are found.</summary>
    public int IndexTerms { get; init; } = 12;

    /// <summary>How many candidate stories, ranked by shared distinctive terms, are compared in full with each article.</summary>
    public int Candidates { get; init; } = 6;

    /// <summary>How many of the most recently indexed stories per term and month are candidates; older ones are out of reach through that term.</summary>
    public int PostingDepth { get; init; } = 40;

    /// <summary>An undated article looks up stories across all time, but only through terms held by at most this many stories — commoner ones are not distinctive without a date.</summary>
    public int UndatedReach { get; init; } = 400;

    /// <summary>Least similarity between two stories' centroids (after the time discount between their centres) for a bridging article to merge them.</summary>
    public double MergeThreshold { get; init; } = 0.4;

    /// <summary>
    /// Terms a story's centroid keeps, the heaviest, once it has twice as many: what a large story is about stays in its
    /// heaviest terms, while the long tail of words each report brings only dilutes the centroid and slows every comparison.
    /// </summary>
    public int CentroidTerms { get; init; } = 600;

    /// <summary>Days from a story's centre (the mean date of its reports) at which an article's similarity is halved: coverage of one event bunches within days, so the further out, the more the words must agree.</summary>
    public double HalfSimilarityDays { get; init; } = 7;

    /// <summary>
    /// When a known set is clustered (<see cref="StoryClusterer"/>), the online result is looked at again with every article at
    /// hand: stories are split and their pieces joined by average linkage (<see cref="SplitThreshold"/>, <see cref="PieceJoinThreshold"/>). Off, the online result stands.
    /// </summary>
    public bool Consolidate { get; init; } = true;

    /// <summary>
    /// Least average similarity — over every pair of articles across two groups — for pieces of different stories to be
    /// joined in the second look. High: on 2,000 AllSides articles, 0.2 joined 114 stories, most of them neighbours in topic
    /// (two monthly jobs reports, a newsletter's issues); 0.3 joins 10, most of them one running story.
    /// </summary>
    public double PieceJoinThreshold { get; init; } = 0.3;

    /// <summary>
    /// Average similarity under which a story is split in the second look; unset, <see cref="SplitShare"/> of how tightly the
    /// set's stories hold together, and never above <see cref="PieceJoinThreshold"/>.
    /// </summary>
    public double? SplitThreshold { get; init; }

    /// <summary>The share of the median story's mean pairwise similarity under which a story is split in the second look.</summary>
    public double SplitShare { get; init; } = 0.5;

    /// <summary>Days apart at which a pair's similarity counts half in the second look: gentler than <see cref="HalfSimilarityDays"/>, since the groups compared already hold together.</summary>
    public double LinkHalfDays { get; init; } = 60;

    /// <summary>Stories larger than this are not split in the second look (splitting compares every pair of its articles).</summary>
    public int MaxSplitSize { get; init; } = 3000;
}

/// <summary>Where an added article went: its story, the text it copies if any, and the stories it showed to be the same event.</summary>
public sealed record Placement(int Story, string? DuplicateOf, IReadOnlyList<int> Absorbed);

/// <summary>A story as the index holds it: its number, its articles in arrival order, and which of them copy another.</summary>
public sealed record IndexedStory(int Number, IReadOnlyList<string> Articles, IReadOnlyDictionary<string, string> DuplicateOf);

/// <summary>
/// Online story clustering. Articles arrive one at a time, in any order: each is folded into the story it copies, joins the
/// most similar story found through an inverted index of distinctive terms (never by comparing it with every article), or
/// starts a new one; an article that fits two stories that also resemble each other merges them. Term weights use document
/// frequencies counted as articles arrive, so a word is judged by how common it has been so far — news vocabulary drifts.
/// Not thread-safe: one writer adds articles.
/// </summary>
public sealed class StoryIndex(ClusteringOptions? options = null)
{
    private readonly ClusteringOptions _options = options ?? new ClusteringOptions();

    private readonly FlatMap _documentFrequency = new();
    private int _documents;

    private readonly List<StoryState> _stories = [];
    private readonly List<int> _parent = [];
    private readonly Dictionary<ulong, TermPostings> _postings = [];

    private readonly List<ArticleState> _articles = [];
    private readonly Dictionary<string, int> _articleNumbers = new(StringComparer.Ordinal);
    // Each shingle maps to its one owner (article number + 1) or, once a second text has it, to a list of owners
    // (minus the list's position + 1): most shingles belong to one text, so most need no list.
    private readonly FlatMap _shingleOwners = new();
    private readonly List<List<int>> _sharedShingleOwners = [];

    /// <summary>
    /// Owners remembered per shingle: the first few texts that carried it. A copy finds its original (or an early copy) among
    /// them; boilerplate that thousands share ("contributed to this report") costs no more than that, however large the feed.
    /// </summary>
    private const int MaxShingleOwners = 4;

    /// <summary>A short text is compared with a long one on the shingles both sample; fewer than this is too little to call it a copy.</summary>
    private const int MinSharedSample = 3;

    /// <summary>How many placed articles hold each term, and how many were placed: the whole set's counts once all are in.</summary>
    internal (FlatMap DocumentFrequency, int Documents) Counts => (_documentFrequency, _documents);

    private void Count(StoryFeatures features)
    {
        _documents++;
        CountTerms(_documentFrequency, features);
    }

    /// <summary>Adds one article's terms to document frequencies (each term once: features hold distinct terms).</summary>
    internal static void CountTerms(FlatMap documentFrequency, StoryFeatures features)
    {
        foreach (ulong term in features.Terms) documentFrequency.Increment(term);
    }

    /// <summary>TF-IDF with sublinear term frequency, L2-normalised: how both the online index and the second look weigh an article.</summary>
    internal static SparseVector Weigh(StoryFeatures features, FlatMap documentFrequency, int documents)
    {
        var terms = features.Terms;
        var weights = new float[terms.Length];
        double n = documents;
        for (int i = 0; i < terms.Length; i++)
        {
            double idf = Math.Log((n + 1.0) / (documentFrequency.Get(terms[i]) + 1.0)) + 1;
            weights[i] = (float)((1 + Math.Log(features.Counts[i])) * idf);
        }
        return new SparseVector(terms, weights);
    }

    /// <summary>1 for no gap, ½ at <paramref name="halfDays"/>, falling with the square of the gap; 1 whatever the gap when halving is off.</summary>
    internal static double Halved(double gapDays, double halfDays)
    {
        if (halfDays <= 0) return 1;
        double gap = gapDays / halfDays;
        return 1 / (1 + gap * gap);
    }

    /// <summary>Places one article; an id already placed is an error.</summary>
    public Placement Add(StoryFeatures features)
    {
        if (_articleNumbers.ContainsKey(features.Id)) throw new ArgumentException($"article {features.Id} is already placed", nameof(features));
        Count(features);
        int me = _articles.Count;
        _articleNumbers[features.Id] = me;
        var date = features.Published;
        int sampled = SampledCount(features);
        string? original = FindOriginal(features, sampled);
        var article = new ArticleState(features.Id, date, original, features.Shingles.Length, sampled, features.AllShingles);
        _articles.Add(article);
        IndexShingles(features, me);
        if (original is not null)
        {
            article.Story = Find(_articles[_articleNumbers[original]].Story);
            _stories[article.Story].AddCopy(me, date);
            return new Placement(article.Story, original, []);
        }

        var vector = Vectorize(features);
        var heaviest = vector.Heaviest(_options.IndexTerms);
        var fits = new List<(int Story, double Score)>();
        foreach (int candidate in CandidateStories(vector, heaviest, date))
        {
            double score = _stories[candidate].Similarity(vector, date, _options);
            if (score >= _options.JoinThreshold) fits.Add((candidate, score));
        }
        fits.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Story.CompareTo(y.Story));

        var absorbed = new List<int>();
        int target;
        if (fits.Count == 0)
        {
            target = _stories.Count;
            _stories.Add(new StoryState());
            _parent.Add(target);
        }
        else
        {
            target = fits[0].Story;
            // A bridging article that fits several stories shows they were one event all along — if the stories also
            // resemble each other; one article touching two events must not chain them together.
            foreach (var (other, _) in fits.Skip(1))
            {
                int live = Find(other);
                if (live == target || !_stories[target].Resembles(_stories[live], _options)) continue;
                var (big, small) = _stories[target].Size >= _stories[live].Size ? (target, live) : (live, target);
                _stories[big].Absorb(_stories[small], _options);
                _parent[small] = big;
                absorbed.Add(small);
                target = big;
            }
        }
        article.Story = target;
        _stories[target].Add(me, vector, date, _options);
        Post(vector, heaviest, date, target);
        return new Placement(target, null, absorbed);
    }

    /// <summary>Whether an article of this id is placed.</summary>
    public bool Contains(string articleId) => _articleNumbers.ContainsKey(articleId);

    /// <summary>
    /// Starts an empty index from stories already decided (a consolidated store), without searching: each article joins the
    /// story numbered by its group (numbers 0, 1, … in the order groups first appear), as a copy when it names an original
    /// placed before it. Articles are weighed by the document frequencies of the whole set, and indexed in the order given,
    /// so what arrives next finds them as if it had been placed among them. Returns each group's story number.
    /// </summary>
    public IReadOnlyDictionary<int, int> Seed(IReadOnlyList<(StoryFeatures Features, int Group, string? DuplicateOf)> articles)
    {
        if (_articles.Count > 0) throw new InvalidOperationException("only an empty index can be seeded");
        foreach (var (features, _, _) in articles) Count(features);
        var numberOf = new Dictionary<int, int>();
        foreach (var (features, group, duplicateOf) in articles)
        {
            if (_articleNumbers.ContainsKey(features.Id)) throw new ArgumentException($"article {features.Id} is given twice", nameof(articles));
            if (!numberOf.TryGetValue(group, out int story))
            {
                numberOf[group] = story = _stories.Count;
                _stories.Add(new StoryState());
                _parent.Add(story);
            }
            int me = _articles.Count;
            _articleNumbers[features.Id] = me;
            // A copy whose original is not here (set aside, or not yet placed) counts with its own words.
            string? original = duplicateOf is not null && _articleNumbers.TryGetValue(duplicateOf, out int o) && _articles[o].Story == story ? duplicateOf : null;
            var article = new ArticleState(features.Id, features.Published, original, features.Shingles.Length, SampledCount(features), features.AllShingles) { Story = story };
            _articles.Add(article);
            IndexShingles(features, me);
            if (original is not null)
            {
                _stories[story].AddCopy(me, features.Published);
                continue;
            }
            var vector = Vectorize(features);
            var heaviest = vector.Heaviest(_options.IndexTerms);
            _stories[story].Add(me, vector, features.Published, _options);
            Post(vector, heaviest, features.Published, story);
        }
        return numberOf;
    }

    /// <summary>One live story (the one <paramref name="number"/> was merged into, if it was): its articles in arrival order and its copies.</summary>
    public IndexedStory Story(int number)
    {
        int s = Find(number);
        var members = _stories[s].Members.Order().Select(m => _articles[m]).ToList();
        var duplicates = members.Where(m => m.DuplicateOf is not null).ToDictionary(m => m.Id, m => m.DuplicateOf!, StringComparer.Ordinal);
        return new IndexedStory(s, members.Select(m => m.Id).ToList(), duplicates);
    }

    /// <summary>The live stories, in the order they were started, each with its articles in arrival order.</summary>
    public IReadOnlyList<IndexedStory> Stories()
    {
        var result = new List<IndexedStory>();
        for (int s = 0; s < _stories.Count; s++)
        {
            if (_parent[s] == s) result.Add(Story(s));
        }
        return result;
    }

    /// <summary>The number of the live story an article belongs to.</summary>
    public int StoryOf(string articleId) => Find(_articles[_articleNumbers[articleId]].Story);

    private int Find(int story)
    {
        int root = story;
        while (_parent[root] != root) root = _parent[root];
        while (_parent[story] != root)
        {
            int next = _parent[story];
            _parent[story] = root;
            story = next;
        }
        return root;
    }

    private static int SampledCount(StoryFeatures f) => f.AllShingles ? f.Shingles.Count(h => h % NearDuplicates.SampleModulus == 0) : f.Shingles.Length;

    /// <summary>The original this text copies, if most of its shingles recur in an earlier one.</summary>
    private string? FindOriginal(StoryFeatures features, int mySampled)
    {
        // Two tallies per earlier text: shingles shared in all, and shingles shared outside boilerplate (a shingle whose
        // owner list is full). The first finds the tenth copy of a wire story through its first owners; the second finds a
        // copy of a late text whose words sit beside a footer that many carry, which only the first owners are credited with.
        var shared = new Dictionary<int, (int All, int Rare)>();
        int countable = 0;
        foreach (ulong s in features.Shingles)
        {
            int owner = _shingleOwners.Get(s);
            if (owner >= 0)
            {
                countable++;
                if (owner > 0) Tally(owner - 1, rare: true);
                continue;
            }
            var owners = _sharedShingleOwners[-owner - 1];
            bool full = owners.Count >= MaxShingleOwners;
            if (!full) countable++;
            foreach (int o in owners) Tally(o, rare: !full);
        }
        if (shared.Count == 0) return null;
        int best = -1;
        double bestContainment = 0;
        foreach (var (o, (all, rare)) in shared)
        {
            var other = _articles[o];
            // Syndication happens within days; pages a year apart that share most of their words share a template.
            if (features.Published is { } mine && other.Published is { } theirs && Math.Abs(mine.DayNumber - theirs.DayNumber) > _options.MaxDaysApart) continue;
            double containment;
            if (features.AllShingles == other.AllShingles)
            {
                containment = (double)all / Math.Min(features.Shingles.Length, other.Shingles);
                if (countable >= NearDuplicates.MinSample) containment = Math.Max(containment, (double)rare / Math.Min(countable, other.Shingles));
            }
            else
            {
                // A short text against a long one: only the short text's sampled shingles can meet the long one's sample.
                int denominator = features.AllShingles ? mySampled : other.SampledShingles;
                containment = denominator >= MinSharedSample ? (double)all / denominator : 0;
            }
            if (containment < NearDuplicates.Containment || containment < bestContainment || (containment == bestContainment && o > best)) continue;
            best = o;
            bestContainment = containment;
        }
        return best < 0 ? null : _articles[best].DuplicateOf ?? _articles[best].Id;

        void Tally(int owner, bool rare)
        {
            ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(shared, owner, out _);
            t = (t.All + 1, t.Rare + (rare ? 1 : 0));
        }
    }

    private void IndexShingles(StoryFeatures features, int me)
    {
        foreach (ulong s in features.Shingles)
        {
            int owner = _shingleOwners.Get(s);
            if (owner == 0) _shingleOwners.Set(s, me + 1);
            else if (owner > 0)
            {
                _sharedShingleOwners.Add([owner - 1, me]);
                _shingleOwners.Set(s, -_sharedShingleOwners.Count);
            }
            else if (_sharedShingleOwners[-owner - 1] is { Count: < MaxShingleOwners } owners) owners.Add(me);
        }
    }

    /// <summary>TF-IDF with sublinear term frequency, from the document frequencies counted so far.</summary>
    private SparseVector Vectorize(StoryFeatures features) => Weigh(features, _documentFrequency, _documents);

    /// <summary>Stories sharing the article's distinctive terms within reach in time, the best-sharing first.</summary>
    private IEnumerable<int> CandidateStories(SparseVector vector, int[] heaviest, DateOnly? date)
    {
        var shared = new Dictionary<int, double>();
        var seenForTerm = new HashSet<int>();
        foreach (int position in heaviest)
        {
            if (!_postings.TryGetValue(vector.Terms[position], out var postings)) continue;
            double w = vector.Weights[position];
            seenForTerm.Clear();
            foreach (int story in postings.Reachable(date, _options))
            {
                int live = Find(story);
                if (seenForTerm.Add(live)) shared[live] = shared.GetValueOrDefault(live) + w;
            }
        }
        // The best few by shared weight (ties to the older story), without sorting every story that shares a word.
        var top = new List<(int Story, double Weight)>(_options.Candidates + 1);
        foreach (var (story, weight) in shared)
        {
            if (top.Count == _options.Candidates && !Better(story, weight, top[^1])) continue;
            int at = top.Count;
            while (at > 0 && Better(story, weight, top[at - 1])) at--;
            top.Insert(at, (story, weight));
            if (top.Count > _options.Candidates) top.RemoveAt(top.Count - 1);
        }
        return top.Select(x => x.Story);

        static bool Better(int story, double weight, (int Story, double Weight) than) => weight != than.Weight ? weight > than.Weight : story < than.Story;
    }

    private void Post(SparseVector vector, int[] heaviest, DateOnly? date, int story)
    {
        foreach (int position in heaviest)
        {
            ulong term = vector.Terms[position];
            if (!_postings.TryGetValue(term, out var postings)) _postings[term] = postings = new TermPostings();
            postings.Add(date, story, Find);
        }
    }

    /// <summary>The stories indexed under one term, by the month of the article that put them there (undated ones apart).</summary>
    private sealed class TermPostings
    {
        private const int Undated = int.MinValue;
        private readonly Dictionary<int, List<int>> _byMonth = [];

        public int Total { get; private set; }

        private static int Month(DateOnly d) => d.Year * 12 + d.Month - 1;

        public void Add(DateOnly? date, int story, Func<int, int> find)
        {
            int key = date is { } d ? Month(d) : Undated;
            if (!_byMonth.TryGetValue(key, out var list)) _byMonth[key] = list = [];
            if (list.Count > 0 && find(list[^1]) == story) return;
            list.Add(story);
            Total++;
        }

        public IEnumerable<int> Reachable(DateOnly? date, ClusteringOptions options)
        {
            if (date is { } d)
            {
                int from = Month(Shift(d, -options.MaxDaysApart)), to = Month(Shift(d, options.MaxDaysApart));
                for (int m = from; m <= to; m++)
                {
                    if (_byMonth.TryGetValue(m, out var list)) foreach (int s in Newest(list, options.PostingDepth)) yield return s;
                }
                if (_byMonth.TryGetValue(Undated, out var undated)) foreach (int s in Newest(undated, options.PostingDepth)) yield return s;
            }
            else if (Total <= options.UndatedReach)
            {
                foreach (var list in _byMonth.Values)
                {
                    foreach (int s in list) yield return s;
                }
            }
        }

        /// <summary>The day <paramref name="days"/> away, held inside the calendar: a date near its ends (9999-12-31) never overflows.</summary>
        private static DateOnly Shift(DateOnly d, int days) =>
            DateOnly.FromDayNumber((int)Math.Clamp((long)d.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

        private static IEnumerable<int> Newest(List<int> list, int depth)
        {
            for (int k = list.Count - 1; k >= 0 && k >= list.Count - depth; k--) yield return list[k];
        }
    }

    private sealed class ArticleState(string id, DateOnly? published, string? duplicateOf, int shingles, int sampledShingles, bool allShingles)
    {
        public string Id { get; } = id;

        public DateOnly? Published { get; } = published;

        public string? DuplicateOf { get; } = duplicateOf;

        public int Shingles { get; } = shingles;

        public int SampledShingles { get; } = sampledShingles;

        public bool AllShingles { get; } = allShingles;

        public int Story { get; set; }
    }

    /// <summary>A story while it grows: its members, the running sum of their vectors, and the days it spans.</summary>
    private sealed class StoryState
    {
        public List<int> Members { get; } = [];

        /// <summary>The first member's vector, which is the centroid while it is the only one (most stories never grow, and need no sum).</summary>
        private SparseVector? _lone;

        /// <summary>Running sum of member vectors, once there are two.</summary>
        private Dictionary<ulong, double>? _sum;
        private double _sumNormSquared;
        private DateOnly? _first, _last;
        private long _daySum;
        private int _dated;

        public int Size => Members.Count;

        /// <summary>The mean day number of the dated members, if any.</summary>
        private double? Centre => _dated > 0 ? (double)_daySum / _dated : null;

        /// <summary>1 at the story's centre, ½ at <see cref="ClusteringOptions.HalfSimilarityDays"/> from it, falling with the square of the distance; 1 when the story has no dates.</summary>
        private double TimeDiscount(double day, ClusteringOptions options)
        {
            return Centre is { } centre ? Halved(day - centre, options.HalfSimilarityDays) : 1;
        }

        public void Add(int article, SparseVector v, DateOnly? date, ClusteringOptions options)
        {
            Members.Add(article);
            if (_sum is null && _lone is null)
            {
                _lone = v;
                _sumNormSquared = v.Count > 0 ? 1 : 0;
            }
            else
            {
                var sum = Sum();
                for (int i = 0; i < v.Terms.Length; i++) AddToSum(sum, v.Terms[i], v.Weights[i]);
                Prune(options.CentroidTerms);
            }
            Extend(date);
        }

        /// <summary>Keeps the heaviest terms of a large story's centroid once it has twice as many.</summary>
        private void Prune(int keep)
        {
            if (_sum is null || keep <= 0 || _sum.Count <= 2 * keep) return;
            var kept = _sum.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(keep).ToList();
            _sum.Clear();
            _sumNormSquared = 0;
            foreach (var (t, w) in kept)
            {
                _sum[t] = w;
                _sumNormSquared += w * w;
            }
        }

        private Dictionary<ulong, double> Sum()
        {
            if (_sum is not null) return _sum;
            _sum = [];
            _sumNormSquared = 0;
            if (_lone is { } v)
            {
                for (int i = 0; i < v.Terms.Length; i++) AddToSum(_sum, v.Terms[i], v.Weights[i]);
            }
            _lone = null;
            return _sum;
        }

        private void AddToSum(Dictionary<ulong, double> sums, ulong term, double weight)
        {
            ref double sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, term, out _);
            double old = sum;
            sum = old + weight;
            _sumNormSquared += sum * sum - old * old;
        }

        /// <summary>A copy adds no words, only a member and its date.</summary>
        public void AddCopy(int article, DateOnly? date)
        {
            Members.Add(article);
            Extend(date);
        }

        private void Extend(DateOnly? date)
        {
            if (date is not { } d) return;
            _daySum += d.DayNumber;
            _dated++;
            _first = _first is null || d < _first ? d : _first;
            _last = _last is null || d > _last ? d : _last;
        }

        public void Absorb(StoryState other, ClusteringOptions options)
        {
            Members.AddRange(other.Members);
            var sum = Sum();
            foreach (var (term, weight) in other.Sum()) AddToSum(sum, term, weight);
            Prune(options.CentroidTerms);
            if (other._dated > 0)
            {
                _first = _first is null || other._first < _first ? other._first : _first;
                _last = _last is null || other._last > _last ? other._last : _last;
                _daySum += other._daySum;
                _dated += other._dated;
            }
            other.Members.Clear();
            other._sum = null;
        }

        public bool Resembles(StoryState other, ClusteringOptions options)
        {
            if (_first is { } f && _last is { } l && other._first is { } of && other._last is { } ol
                && Math.Max(l.DayNumber, ol.DayNumber) - Math.Min(f.DayNumber, of.DayNumber) > options.MaxStoryDays) return false;
            var (mine, theirs) = (Sum(), other.Sum());
            var (small, large) = mine.Count <= theirs.Count ? (mine, theirs) : (theirs, mine);
            double dot = 0;
            foreach (var (t, w) in small)
            {
                if (large.TryGetValue(t, out double x)) dot += w * x;
            }
            if (_sumNormSquared <= 0 || other._sumNormSquared <= 0) return false;
            double similarity = dot / Math.Sqrt(_sumNormSquared * other._sumNormSquared);
            if (other.Centre is { } otherCentre) similarity *= TimeDiscount(otherCentre, options);
            return similarity >= options.MergeThreshold;
        }

        /// <summary>Cosine similarity to the story's centroid, discounted by distance from its centre in time; zero when too far apart.</summary>
        public double Similarity(SparseVector v, DateOnly? date, ClusteringOptions options)
        {
            if (date is { } d && _first is { } f && _last is { } l)
            {
                int gap = d < f ? f.DayNumber - d.DayNumber : d > l ? d.DayNumber - l.DayNumber : 0;
                if (gap > options.MaxDaysApart) return 0;
                if (Math.Max(l.DayNumber, d.DayNumber) - Math.Min(f.DayNumber, d.DayNumber) > options.MaxStoryDays) return 0;
            }
            if (_sumNormSquared <= 0) return 0;
            double similarity;
            if (_lone is { } lone) similarity = lone.Cosine(v);
            else
            {
                // Cosine with the centroid from running sums: O(terms of the article), however large the story.
                double dot = 0;
                for (int i = 0; i < v.Terms.Length; i++)
                {
                    if (_sum!.TryGetValue(v.Terms[i], out double x)) dot += v.Weights[i] * x;
                }
                similarity = dot / Math.Sqrt(_sumNormSquared);
            }
            if (date is { } day) similarity *= TimeDiscount(day.DayNumber, options);
            return similarity;
        }
    }
}
