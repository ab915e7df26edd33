using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>
/// What an ingest did: articles offered, stored, skipped as repeats or refused, and how stories changed. Deferred is true
/// when another process was bringing the stories up to date, so this ingest stored its articles and left them to it.
/// </summary>
public sealed record IngestReport(int Offered, int Added, int SameText, int SameUrl, IReadOnlyList<AddOutcome> Outcomes, RefreshReport Refresh, bool Deferred = false)
{
    /// <summary>Articles refused at the door (too large, no text); each outcome says why.</summary>
    public int Refused => Outcomes.Count(o => o.Status == AddStatus.Refused);

    /// <summary>The report of articles given to the store with these outcomes, and what the stories' refresh did.</summary>
    public static IngestReport Of(IReadOnlyList<AddOutcome> outcomes, RefreshReport refresh, bool deferred) => new(outcomes.Count, outcomes.Count(o => o.Status == AddStatus.Added),
        outcomes.Count(o => o.Status == AddStatus.SameText), outcomes.Count(o => o.Status == AddStatus.SameUrl), outcomes, refresh, deferred);
}

/// <summary>
/// Adds articles to a store and brings its stories up to date: articles are committed in batches as they are read (so a
/// kill loses at most the batch in flight), then stories are refreshed. One ingest holds a store at a time, across
/// processes, from its first stored article to its last brief: a second waits for the first, with a message, or, when
/// asked not to wait (the web server), stores its articles at once and leaves them to the ingest running, which picks them up.
/// </summary>
public sealed class Ingestor(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null)
{
    private readonly Lock _gate = new();

    /// <summary>Articles committed in one transaction.</summary>
    public int Batch { get; init; } = 500;

    /// <summary>The limits every article is checked against before it is stored.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>How often a refresh looks again for articles that other processes stored while it ran.</summary>
    public int MaxRounds { get; init; } = 4;

    public StoryRefresher Refresher { get; } = new(store, pipeline, options);

    /// <summary>
    /// How an ingest outlives a store that fails for a while (a PostgreSQL server restarting): each batch of articles, the
    /// refresh lock and the refresh are tried again by this rule, as a worker's steps are. Null: a failure ends the ingest.
    /// Repeating is safe: a stored article is recognised by its text, and a refresh cut short is finished by the next one.
    /// </summary>
    public StoreRetry? Retry { get; init; }

    /// <summary>
    /// Stores the articles and refreshes stories. When another process is refreshing this store's stories, waits for it
    /// and refreshes after (<paramref name="waitForOthers"/> true), or returns at once with the articles stored and
    /// <see cref="IngestReport.Deferred"/> set (false; the web server does this, so a paste never waits on a bulk ingest).
    /// </summary>
    public IngestReport Ingest(IEnumerable<Article> articles, IProgress<RefreshProgress>? progress = null, bool waitForOthers = true, CancellationToken cancel = default)
    {
        lock (_gate)
        {
            // The refresh lock is taken before the first article is stored and held to the end, so another process (the web
            // server) sees an ingest under way from its start and defers to it instead of refreshing the same articles itself.
            var held = Retried(() => Acquire(progress, waitForOthers, cancel), cancel);
            bool deferred = held is null;
            try
            {
                var outcomes = StoreAll(articles, progress, cancel);
                var refresh = deferred ? RefreshReport.None : Retried(() =>
                {
                    // A server restart ends the session that held the lock: it is taken again (after whoever took it meanwhile).
                    if (held is ILosableLock { StillHeld: false })
                    {
                        held.Dispose();
                        held = null;
                        held = Acquire(progress, wait: true, cancel);
                    }
                    return RefreshHeld(progress, cancel);
                }, cancel);
                return IngestReport.Of(outcomes, refresh, deferred);
            }
            finally
            {
                held?.Dispose();
            }
        }
    }

    /// <summary>
    /// Checks each article (<see cref="ArticleAdmission"/>) and stores those that pass, committed in batches of
    /// <see cref="Batch"/>, without touching stories: outcomes in input order.
    /// </summary>
    public IReadOnlyList<AddOutcome> StoreAll(IEnumerable<Article> articles, IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        var outcomes = new List<AddOutcome>();
        var batch = new List<Article>(Batch);
        var slots = new List<int>(Batch);
        void Flush()
        {
            if (batch.Count > 0)
            {
                var stored = Retried(() => store.AddAll(batch), cancel);
                for (int i = 0; i < stored.Count; i++) outcomes[slots[i]] = stored[i];
            }
            batch.Clear();
            slots.Clear();
            progress?.Report(new RefreshProgress("storing articles", outcomes.Count, 0));
        }
        foreach (var a in articles)
        {
            cancel.ThrowIfCancellationRequested();
            var verdict = ArticleAdmission.Check(a, Limits);
            if (verdict.Article is null)
            {
                outcomes.Add(new AddOutcome(a.Id, AddStatus.Refused) { Reason = verdict.Refusal });
                continue;
            }
            slots.Add(outcomes.Count);
            outcomes.Add(null!);
            batch.Add(verdict.Article);
            if (batch.Count >= Batch) Flush();
        }
        Flush();
        return outcomes;
    }

    /// <summary>
    /// Analyses every article afresh and rebriefs every story (after the analyzers changed): begun once (see
    /// <see cref="IStoryStore.BeginReanalysis"/>), then a refresh; interrupted, the next call resumes where it stopped
    /// instead of starting again. The stories' old briefs are served until each one's new brief is in. Waits for another
    /// process that holds the stories. Resumed is true when an earlier call had begun it.
    /// </summary>
    public (RefreshReport Report, bool Resumed) Reanalyse(IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        lock (_gate)
        {
            using var held = Acquire(progress, wait: true, cancel);
            bool resumed = store.Reanalysing;
            // A refresh keeps no analyses between calls, so none made by the older analyzers is reused.
            if (!resumed) store.BeginReanalysis();
            return (RefreshHeld(progress, cancel), resumed);
        }
    }

    /// <summary>Finishes a refresh that an earlier, interrupted ingest (or another process's articles) left pending; null when stories are up to date or another process is at it.</summary>
    public RefreshReport? Resume(IProgress<RefreshProgress>? progress = null, bool waitForOthers = true, CancellationToken cancel = default)
    {
        if (!_gate.TryEnter()) return null;
        try
        {
            if (!store.StoriesPending) return null;
            var (refresh, deferred) = RefreshLocked(progress, waitForOthers, cancel);
            return deferred ? null : refresh;
        }
        finally
        {
            _gate.Exit();
        }
    }

    private T Retried<T>(Func<T> operation, CancellationToken cancel) => Retry is { } rule ? rule.Run(operation, cancel) : operation();

    /// <summary>The refresh lock: at once, after waiting for its holder (with a message), or null when not waiting and another process holds it.</summary>
    private IDisposable? Acquire(IProgress<RefreshProgress>? progress, bool wait, CancellationToken cancel)
    {
        var held = store.TryLockRefresh();
        if (held is not null || !wait) return held;
        progress?.Report(new RefreshProgress("waiting for another ingest into this store to finish", 0, 0));
        while ((held = store.TryLockRefresh()) is null)
        {
            cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            cancel.ThrowIfCancellationRequested();
        }
        return held;
    }

    private (RefreshReport Report, bool Deferred) RefreshLocked(IProgress<RefreshProgress>? progress, bool wait, CancellationToken cancel)
    {
        using var held = Acquire(progress, wait, cancel);
        return held is null ? (RefreshReport.None, true) : (RefreshHeld(progress, cancel), false);
    }

    /// <summary>Refreshes stories while holding the lock, again while other processes' articles keep them pending (a bounded number of rounds).</summary>
    private RefreshReport RefreshHeld(IProgress<RefreshProgress>? progress, CancellationToken cancel)
    {
        var report = Refresher.Refresh(progress, cancel);
        // Articles another process stored while this refresh ran leave the stories pending: take them in too.
        for (int round = 1; round < MaxRounds && store.StoriesPending; round++)
        {
            var more = Refresher.Refresh(progress, cancel);
            report = more with
            {
                Featured = report.Featured + more.Featured,
                Rebuilt = report.Rebuilt + more.Rebuilt,
                Removed = report.Removed + more.Removed,
                Elapsed = report.Elapsed + more.Elapsed,
                FeatureTime = report.FeatureTime + more.FeatureTime,
                ClusterTime = report.ClusterTime + more.ClusterTime,
                BriefTime = report.BriefTime + more.BriefTime,
                Quarantined = report.Quarantined + more.Quarantined,
            };
        }
        return report;
    }
}
