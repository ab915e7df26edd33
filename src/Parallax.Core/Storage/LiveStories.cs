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

    /// <summary>Articles analysed for story features first (those stored without them).</summary>
    public int Featured { get; init; }

    /// <summary>Time spent reading the stored stories into memory first (at start, or after another process wrote them).</summary>
    public TimeSpan SeedTime { get; init; }

    /// <summary>The briefs of the stories this placement touched are stored once <see cref="LiveStories.WaitForBriefs"/> of this ticket returns.</summary>
    public long Ticket { get; init; }
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

    /// <summary>Analyses, briefs and consolidates, by default on all but one core (the process's other work — pages — keeps one).</summary>
    public StoryRefresher Refresher { get; init; } = new(store, pipeline, options) { Cores = Math.Max(1, Environment.ProcessorCount - 1) };

    /// <summary>
    /// Whether the stories this process places are queued in the store for any worker to brief (<see cref="ISharedWork"/>)
    /// instead of being briefed here: <c>parallax worker</c>, where several processes share the work.
    /// </summary>
    public bool SharedBriefs { get; init; }

    private IDisposable? _held;

    /// <summary>
    /// Takes the stories for this process until <see cref="Release"/> (or its death): the one worker that places articles
    /// keeps them, so the others never read the stories in again, and takes over only when it dies. True when held.
    /// </summary>
    public bool TryHold()
    {
        lock (_gate)
        {
            if (_held is ILosableLock { StillHeld: false })
            {
                // Lost without letting go (its connection went): another process may hold the stories now, so this one
                // reads them in afresh if it takes them again.
                _held.Dispose();
                _held = null;
                _index = null;
            }
            _held ??= store.TryLockRefresh();
            return _held is not null;
        }
    }

    /// <summary>Lets the stories go (see <see cref="TryHold"/>); another process may take them.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _held?.Dispose();
            _held = null;
            _index = null;
        }
    }

    /// <summary>The refresh lock for one step: a lock of its own, one that does nothing while the stories are held, or null when another process has them.</summary>
    private IDisposable? Enter() => _held is not null ? NotHeld.Instance : store.TryLockRefresh();

    private sealed class NotHeld : IDisposable
    {
        public static NotHeld Instance { get; } = new();

        public void Dispose()
        {
        }
    }

    /// <summary>Analyses kept between placements: a story that grows article by article analyses its older articles once.</summary>
    public AnalysisCache Analyses { get; } = new(4096);

    /// <summary>How long the stream must be quiet (no placement) before <see cref="ConsolidationDue"/>.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest live placements go unconsolidated however busy the stream.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Places every stored article that is in no story yet: computes its features if it has none, adds it to the index
    /// and briefs the stories it joined or merged. Deferred when another process holds the stories.
    /// </summary>
    public PlaceReport Place(CancellationToken cancel = default)
    {
        // Nothing new, and nobody else wrote: the common case of a server's timer costs two small reads and no lock.
        if (_index is not null && store.LastSeq <= _placedThrough && store.StoriesVersion == _version) return PlaceReport.Nothing;
        PlaceReport report;
        lock (_gate)
        {
            using var held = Enter();
            if (held is null) return PlaceReport.Nothing with { Deferred = true };
            report = PlaceHeld(cancel);
        }
        if (report.Ticket > 0) WaitForBriefs(report.Ticket, BriefWait);
        return report;
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
            using var held = Enter();
            if (held is null) return null;
            var first = PlaceHeld(cancel);
            (featured, quarantined) = (first.Featured, first.Quarantined);
        }
        var featureTime = clock.Elapsed;
        var plan = Refresher.Plan(progress);
        var clusterTime = clock.Elapsed - featureTime;
        PlaceReport again;
        RefreshReport report;
        lock (_gate)
        {
            using var held = Enter();
            // Another process wrote stories meanwhile (this one's placements keep the version it knows).
            if (held is null || store.StoriesVersion != _version) return null;
            var (rebuilt, removed, failed) = Refresher.Apply(plan, Analyses, progress, cancel);
            // The stored stories are now the plan's; articles placed since it was made are placed again among them.
            _index = null;
            _lastPlacement = _firstUnconsolidated = -1;
            again = PlaceHeld(cancel);
            report = new RefreshReport(featured, plan.Stories.Count, rebuilt + again.Rebuilt, removed + again.Removed, clock.Elapsed)
            {
                Quarantined = quarantined + failed + again.Quarantined,
                FeatureTime = featureTime,
                ClusterTime = clusterTime,
                BriefTime = clock.Elapsed - featureTime - clusterTime,
            };
        }
        if (again.Ticket > 0) WaitForBriefs(again.Ticket, BriefWait);
        return report;
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

    /// <summary>Whether live placements have gone unconsolidated for <see cref="MaxLag"/>: consolidation is due however busy the stream.</summary>
    public bool Overdue => _firstUnconsolidated >= 0 && Environment.TickCount64 - _firstUnconsolidated >= MaxLag.TotalMilliseconds;

    private PlaceReport PlaceHeld(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var seedTime = TimeSpan.Zero;
        if (_index is null || store.StoriesVersion != _version)
        {
            Seed();
            seedTime = clock.Elapsed;
        }
        // Articles are numbered in the order they commit, so none can turn up below the newest later; once Featurize is
        // done every one below the first still unfeatured (another worker is analysing it) has features or is set aside.
        long last = store.LastSeq;
        var (featured, quarantined) = Refresher.Featurize(Analyses, null, cancel);
        long through = store.Unfeatured(1) is [var pending, ..] ? Math.Min(last, pending.Seq - 1) : last;
        var news = store.Unplaced(_placedThrough);
        // Articles set aside when the index placed them are in it already and stay out of stories; so are those placed
        // beyond a gap last time (featured by another worker first).
        news = [.. news.Where(n => !_index!.Contains(n.Features.Id))];
        _placedThrough = Math.Max(_placedThrough, through);
        if (news.Count == 0)
        {
            _version = store.StoriesVersion;
            return new PlaceReport(0, 0, 0, quarantined, clock.Elapsed) { SeedTime = seedTime, Featured = featured };
        }

        var touched = new HashSet<int>();
        // The stored stories each touched story replaces: those it absorbed, and its own old id should its first article change.
        var replaces = new Dictionary<int, List<string>>();
        List<string> Replaced(int number) => replaces.TryGetValue(number, out var list) ? list : replaces[number] = [];
        foreach (var (seq, features) in news)
        {
            cancel.ThrowIfCancellationRequested();
            _seqOf[features.Id] = seq;
            var placement = _index!.Add(features);
            foreach (int absorbed in placement.Absorbed)
            {
                touched.Remove(absorbed);
                if (_idOf.Remove(absorbed, out var id)) Replaced(placement.Story).Add(id);
                if (replaces.Remove(absorbed, out var earlier)) Replaced(placement.Story).AddRange(earlier);
            }
            touched.Add(placement.Story);
        }

        long ticket = 0;
        int removed = 0;
        foreach (int number in touched)
        {
            var indexed = _index!.Story(number);
            List<string> articles = [.. indexed.Articles.OrderBy(a => _seqOf[a])];
            string id = StoryRefresher.StoryId(_seqOf[articles[0]]);
            if (_idOf.TryGetValue(number, out var old) && old != id) Replaced(number).Add(old);
            _idOf[number] = id;
            // A story queued before and not yet briefed is briefed once, with its newest articles; the stories it replaces
            // (and those they were to replace) are removed when it is stored, in the same transaction.
            var gone = new List<string>();
            if (_dirty.TryGetValue(id, out var before)) gone.AddRange(before.Gone);
            foreach (var g in replaces.GetValueOrDefault(number) ?? [])
            {
                if (g == id) continue;
                if (_dirty.Remove(g, out var queuedBefore)) gone.AddRange(queuedBefore.Gone);
                gone.Add(g);
                removed++;
            }
            ticket = ++_ticket;
            _dirty[id] = new Queued(new StoryMembers(id, articles, indexed.DuplicateOf), [.. gone.Distinct(StringComparer.Ordinal).Where(g => g != id)], _generation, ticket);
        }
        if (SharedBriefs)
        {
            // Any worker briefs them; a story queued again before it is briefed is briefed once, with its newest members.
            store.QueueBriefs([.. _dirty.Values.Select(q => new BriefJob(q.Members, q.Gone, _version))]);
            _dirty.Clear();
            ticket = 0;
        }
        else StartBriefing();
        long now = Environment.TickCount64;
        _lastPlacement = now;
        if (_firstUnconsolidated < 0) _firstUnconsolidated = now;
        return new PlaceReport(news.Count, touched.Count, removed, quarantined, clock.Elapsed) { SeedTime = seedTime, Ticket = ticket, Featured = featured };
    }

    /// <summary>A story waiting for its brief: its articles when queued, the stories it absorbed (removed when it is stored), and when it was queued.</summary>
    private sealed record Queued(StoryMembers Members, IReadOnlyList<string> Gone, long Generation, long Ticket);

    private readonly Dictionary<string, Queued> _dirty = new(StringComparer.Ordinal);
    private long _generation, _ticket;
    private Task? _briefing;
    private readonly object _briefed = new();

    /// <summary>How long a placement waits for the briefs of the stories it touched before it returns (they are stored in the background either way).</summary>
    public TimeSpan BriefWait { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The story an article is placed in (its brief may still be on its way), or null when it is not placed.</summary>
    public string? StoryOf(string articleId)
    {
        lock (_gate)
        {
            return _index is not null && _index.Contains(articleId) && _idOf.TryGetValue(_index.StoryOf(articleId), out var id) ? id : null;
        }
    }

    /// <summary>Waits until every story queued up to <paramref name="ticket"/> has its brief stored (or a newer one queued); false when the wait timed out.</summary>
    public bool WaitForBriefs(long ticket, TimeSpan timeout)
    {
        var until = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_briefed)
        {
            while (true)
            {
                bool waiting;
                lock (_gate) waiting = _dirty.Values.Any(q => q.Ticket <= ticket);
                if (!waiting) return true;
                long left = until - Environment.TickCount64;
                if (left <= 0) return false;
                Monitor.Wait(_briefed, (int)Math.Min(left, 1000));
            }
        }
    }

    /// <summary>Waits until every queued brief is stored.</summary>
    public void Flush() => WaitForBriefs(long.MaxValue, Timeout.InfiniteTimeSpan);

    private void StartBriefing()
    {
        if (_dirty.Count > 0 && _briefing is null) _briefing = Task.Run(BriefQueued);
    }

    /// <summary>
    /// Briefs the queued stories, outside the lock so placements go on, and stores each unless the index was read afresh
    /// since (another process wrote; the articles are placed again) or the story was merged away meanwhile. A story queued
    /// again while it was briefed keeps its newer entry, which the next round briefs.
    /// </summary>
    private void BriefQueued()
    {
        while (true)
        {
            List<(string Id, Queued Entry)> batch;
            lock (_gate)
            {
                if (_dirty.Count == 0)
                {
                    _briefing = null;
                    break;
                }
                batch = [.. _dirty.Select(kv => (kv.Key, kv.Value))];
            }
            try
            {
                var stories = batch.Select(b => (b.Id, b.Entry.Members)).ToList();
                var keyOf = Refresher.KeysOf(stories);
                var (records, failed) = Refresher.Brief(stories, keyOf, Analyses, CancellationToken.None);
                bool stored = false;
                lock (_gate)
                {
                    using var held = Enter();
                    if (held is not null)
                    {
                        // Another process wrote since this process read the stories: the articles are placed again after it.
                        var current = store.StoriesVersion != _version ? [] : batch.Where(b => b.Entry.Generation == _generation && _idOf.ContainsValue(b.Id)).ToList();
                        store.Quarantine(failed);
                        var vanished = current.Where(b => !records.ContainsKey(b.Id)).Select(b => b.Id);
                        if (current.Count > 0)
                        {
                            store.SaveStories([.. current.Where(b => records.ContainsKey(b.Id)).Select(b => records[b.Id])],
                                [.. current.SelectMany(b => b.Entry.Gone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), .. vanished], null);
                            _version = store.StoriesVersion;
                        }
                        else if (store.StoriesVersion != _version) _index = null;
                        foreach (var (id, entry) in batch)
                        {
                            if (_dirty.TryGetValue(id, out var now) && now.Ticket == entry.Ticket) _dirty.Remove(id);
                        }
                        stored = true;
                    }
                }
                if (!stored) Thread.Sleep(200); // another process holds the stories; try again shortly
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store is busy or failing, or briefing met something nobody foresaw: nothing is lost — the articles
                // stay stored and unplaced, and the next placement reads the stories afresh and takes them in. The briefer
                // must never die holding its place, or no brief would be stored again.
                lock (_gate)
                {
                    _dirty.Clear();
                    _index = null;
                    _briefing = null;
                }
                break;
            }
            finally
            {
                lock (_briefed) Monitor.PulseAll(_briefed);
            }
        }
        lock (_briefed) Monitor.PulseAll(_briefed);
    }

    /// <summary>Reads the stored stories into a new index, each article in the story it is stored in.</summary>
    private void Seed()
    {
        var features = store.Features();
        var storyOf = new Dictionary<string, (string Story, string? DuplicateOf)>(StringComparer.Ordinal);
        foreach (var (story, article, duplicateOf) in store.Memberships()) storyOf[article] = (story, duplicateOf);
        _seqOf.Clear();
        _idOf.Clear();
        _dirty.Clear();
        _generation++;
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
        // Everything not in the index yet (new, or in no stored story) is placed next, whatever its arrival number.
        _placedThrough = 0;
        // Briefs queued by the process that held the stories before were placed in an index this one does not have: a
        // new version drops them, and their articles, in no stored story, are placed again here.
        if (SharedBriefs) store.SaveStories([], [], null);
        _version = store.StoriesVersion;
    }
}
