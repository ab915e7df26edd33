using System.Diagnostics;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>What one live placement did.</summary>
/// <param name="Placed">Articles placed in stories.</param>
/// <param name="Rebuilt">Stories briefed again (the ones the articles joined, started or merged).</param>
/// <param name="Removed">Stories that no longer exist (merged into another).</param>
/// <param name="Quarantined">Articles set aside because they could not be analysed or briefed.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Deferred">True when another process holds the stories (a bulk ingest or a refresh), so the articles wait for it or for the next try.</param>
public sealed record PlaceReport(int Placed, int Rebuilt, int Removed, int Quarantined, TimeSpan Elapsed, bool Deferred = false)
{
    /// <summary>Nothing to place.</summary>
    public static PlaceReport Nothing { get; } = new(0, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Time spent reading the stored stories into memory first (at start, or after another process wrote them).</summary>
    public TimeSpan SeedTime { get; init; }
}

/// <summary>
/// Keeps a store's stories up to date article by article, for a process that runs for long (the web server, feed
/// watching): a <see cref="StoryIndex"/> in memory, seeded from the stored stories, places each new article in the story it
/// joins (or a new one) and only the stories it touched are briefed again. Placing in arrival order can differ from
/// clustering everything afresh, so the stories stay marked pending, and <see cref="Consolidate"/> — run when the stream
/// goes quiet, or at the latest after <see cref="MaxLag"/> — clusters every article from scratch and rewrites what differs:
/// after it the store equals a from-scratch ingest of the same articles. Story ids are the arrival number of the first
/// article on both paths (<see cref="StoryRefresher.StoryId"/>), so a story keeps its id when it grows. Thread-safe: one
/// placement at a time in a process, and across processes the store's refresh lock; when another process holds it, the
/// articles stay stored and are placed on a later call.
/// </summary>
public sealed class LiveStories(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null)
{
    private readonly Lock _gate = new();
    private readonly ClusteringOptions _options = options ?? new ClusteringOptions();

    private StoryIndex? _index;
    private long _version = -1;
    private long _placedThrough;
    private readonly Dictionary<int, string> _idOf = [];
    private readonly Dictionary<string, long> _seqOf = new(StringComparer.Ordinal);
    private long _lastPlacement = -1, _firstUnconsolidated = -1;

    public StoryRefresher Refresher { get; } = new(store, pipeline, options);

    /// <summary>Analyses kept between placements: a story that grows article by article analyses its older articles once.</summary>
    public AnalysisCache Analyses { get; } = new(4096);

    /// <summary>How long the stream must be quiet (no placement) before <see cref="ConsolidationDue"/>.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest live placements go unconsolidated however busy the stream.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Articles placed in memory so far (the index's size), for reports.</summary>
    public int Indexed { get; private set; }

    /// <summary>
    /// Places every stored article that is in no story yet: computes its features if it has none, adds it to the index
    /// and briefs the stories it joined or merged. Deferred when another process holds the stories.
    /// </summary>
    public PlaceReport Place(CancellationToken cancel = default)
    {
        // Nothing new, and nobody else wrote: the common case of a server's timer costs two small reads and no lock.
        if (_index is not null && store.LastSeq <= _placedThrough && store.StoriesVersion == _version) return PlaceReport.Nothing;
        lock (_gate)
        {
            using var held = store.TryLockRefresh();
            if (held is null) return PlaceReport.Nothing with { Deferred = true };
            return PlaceHeld(cancel);
        }
    }

    /// <summary>
    /// Clusters every article from scratch and rewrites the stories that differ (the same as <see cref="StoryRefresher.Refresh"/>),
    /// while placements go on: the clustering runs outside the lock, and only its result is written under it; articles
    /// placed meanwhile are placed again among the new stories. Null when another process holds the stories, or wrote them
    /// while this one clustered (try again later).
    /// </summary>
    public RefreshReport? Consolidate(IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        int featured, quarantined;
        lock (_gate)
        {
            using var held = store.TryLockRefresh();
            if (held is null) return null;
            var first = PlaceHeld(cancel);
            (featured, quarantined) = (first.Placed, first.Quarantined);
        }
        var featureTime = clock.Elapsed;
        var plan = Refresher.Plan(progress);
        var clusterTime = clock.Elapsed - featureTime;
        lock (_gate)
        {
            using var held = store.TryLockRefresh();
            // Another process wrote stories meanwhile (this one's placements keep the version it knows).
            if (held is null || store.StoriesVersion != _version) return null;
            var (rebuilt, removed, failed) = Refresher.Apply(plan, Analyses, progress, cancel);
            // The stored stories are now the plan's; articles placed since it was made are placed again among them.
            _index = null;
            _lastPlacement = _firstUnconsolidated = -1;
            var again = PlaceHeld(cancel);
            return new RefreshReport(featured, plan.Stories.Count, rebuilt + again.Rebuilt, removed + again.Removed, clock.Elapsed)
            {
                Quarantined = quarantined + failed + again.Quarantined,
                FeatureTime = featureTime,
                ClusterTime = clusterTime,
                BriefTime = clock.Elapsed - featureTime - clusterTime,
            };
        }
    }

    /// <summary>
    /// Whether <see cref="Consolidate"/> should run now: stories are pending and either the stream has been quiet for
    /// <see cref="Quiet"/> or live placements have waited <see cref="MaxLag"/>. Stories left pending by another process,
    /// or by a run that stopped, are due at once.
    /// </summary>
    public bool ConsolidationDue()
    {
        if (!store.StoriesPending) return false;
        long now = Environment.TickCount64;
        if (_lastPlacement < 0) return true;
        return now - _lastPlacement >= Quiet.TotalMilliseconds || now - _firstUnconsolidated >= MaxLag.TotalMilliseconds;
    }

    private PlaceReport PlaceHeld(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var seedTime = TimeSpan.Zero;
        if (_index is null || store.StoriesVersion != _version)
        {
            Seed();
            seedTime = clock.Elapsed;
        }
        // Every article up to this one has features (or is set aside) once Featurize is done: SQLite numbers articles in
        // the order they commit, so none can turn up below it later.
        long last = store.LastSeq;
        var (_, quarantined) = Refresher.Featurize(Analyses, null, cancel);
        var news = store.Unplaced(_placedThrough);
        // Articles set aside when the index placed them are in it already and stay out of stories.
        news = [.. news.Where(n => !_index!.Contains(n.Features.Id))];
        _placedThrough = Math.Max(_placedThrough, last);
        if (news.Count == 0)
        {
            _version = store.StoriesVersion;
            return new PlaceReport(0, 0, 0, quarantined, clock.Elapsed) { SeedTime = seedTime };
        }

        var touched = new HashSet<int>();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (seq, features) in news)
        {
            cancel.ThrowIfCancellationRequested();
            _seqOf[features.Id] = seq;
            var placement = _index!.Add(features);
            Indexed++;
            foreach (int absorbed in placement.Absorbed)
            {
                touched.Remove(absorbed);
                if (_idOf.Remove(absorbed, out var id)) gone.Add(id);
            }
            touched.Add(placement.Story);
            _placedThrough = Math.Max(_placedThrough, seq);
        }

        var stories = new List<(string Id, StoryMembers Members)>();
        foreach (int number in touched)
        {
            var indexed = _index!.Story(number);
            var members = indexed.Articles.OrderBy(id => _seqOf[id]).ToList();
            string id = StoryRefresher.StoryId(_seqOf[members[0]]);
            if (_idOf.TryGetValue(number, out var old) && old != id) gone.Add(old);
            _idOf[number] = id;
            stories.Add((id, new StoryMembers(id, members, indexed.DuplicateOf)));
        }
        foreach (var (id, _) in stories) gone.Remove(id);
        var keyOf = stories.ToDictionary(s => s.Id, s => StoryRefresher.MembersKey(s.Members), StringComparer.Ordinal);
        var (records, failed) = Refresher.Brief(stories, keyOf, Analyses, cancel);
        store.Quarantine(failed);
        // A story none of whose articles could be briefed is not stored, and an older version of it goes.
        var vanished = stories.Where(s => !records.ContainsKey(s.Id)).Select(s => s.Id);
        store.SaveStories([.. stories.Where(s => records.ContainsKey(s.Id)).Select(s => records[s.Id])], [.. gone.Order(StringComparer.Ordinal), .. vanished], null);
        _version = store.StoriesVersion;
        long now = Environment.TickCount64;
        _lastPlacement = now;
        if (_firstUnconsolidated < 0) _firstUnconsolidated = now;
        return new PlaceReport(news.Count, records.Count, gone.Count, quarantined + failed.Count, clock.Elapsed) { SeedTime = seedTime };
    }

    /// <summary>Reads the stored stories into a new index, each article in the story it is stored in.</summary>
    private void Seed()
    {
        var features = store.Features();
        var storyOf = new Dictionary<string, (string Story, string? DuplicateOf)>(StringComparer.Ordinal);
        foreach (var (story, article, duplicateOf) in store.Memberships()) storyOf[article] = (story, duplicateOf);
        _seqOf.Clear();
        _idOf.Clear();
        var group = new Dictionary<string, int>(StringComparer.Ordinal);
        var seeded = new List<(StoryFeatures Features, int Group, string? DuplicateOf)>();
        // As the clusterer feeds articles: by publication date (undated last), then arrival.
        foreach (var (seq, f) in features.OrderBy(x => x.Features.Published ?? DateOnly.MaxValue).ThenBy(x => x.Seq))
        {
            _seqOf[f.Id] = seq;
            if (!storyOf.TryGetValue(f.Id, out var at)) continue;
            if (!group.TryGetValue(at.Story, out int g)) group[at.Story] = g = group.Count;
            seeded.Add((f, g, at.DuplicateOf));
        }
        _index = new StoryIndex(_options);
        var numbers = _index.Seed(seeded);
        foreach (var (story, g) in group) _idOf[numbers[g]] = story;
        Indexed = seeded.Count;
        // Everything not in the index yet (new, or in no stored story) is placed next, whatever its arrival number.
        _placedThrough = 0;
        _version = store.StoriesVersion;
    }
}
