using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>What a worker has done: articles analysed, articles placed, stories briefed, jobs found stale, consolidations run.</summary>
public sealed record WorkReport(int Featured, int Placed, int Briefed, int Dropped, int Consolidated, int Quarantined)
{
    public static WorkReport None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Whether this worker held the stories (placed new articles and consolidated) at some point.</summary>
    public bool Placer { get; init; }

    /// <summary>Whether anything was done.</summary>
    public bool Busy => Featured + Placed + Briefed + Dropped + Consolidated + Quarantined > 0;

    public WorkReport Plus(WorkReport other) => new(Featured + other.Featured, Placed + other.Placed, Briefed + other.Briefed, Dropped + other.Dropped,
        Consolidated + other.Consolidated, Quarantined + other.Quarantined)
    { Placer = Placer || other.Placer };
}

/// <summary>
/// One of several processes that bring a shared store's stories up to date (<c>parallax worker</c>): each analyses articles
/// that have no features and briefs queued stories, claiming both from the store (<see cref="ISharedWork"/>), so the work
/// divides among however many run, on however many machines. One of them at a time — whichever takes the stories first,
/// and after it dies the next — also places new articles in their stories (<see cref="LiveStories"/>, queueing the
/// touched stories for any worker to brief) and consolidates them when the stream goes quiet. A worker killed at any
/// point leaves what it committed, and its claims to the others.
/// </summary>
public sealed class Worker
{
    private readonly IStoryStore _store;

    /// <param name="store">The shared store.</param>
    /// <param name="pipeline">The analyzers.</param>
    /// <param name="options">How articles group into stories.</param>
    /// <param name="consolidateAfter">How long the stream must be quiet before the placer consolidates (see <see cref="LiveStories.Quiet"/>).</param>
    /// <param name="featureBatch">Articles claimed and analysed together: small, so the work divides evenly among workers.</param>
    public Worker(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null, TimeSpan? consolidateAfter = null, int featureBatch = 64)
    {
        _store = store;
        Refresher = new StoryRefresher(store, pipeline, options) { FeatureBatch = featureBatch, FeatureRound = 32 * featureBatch };
        Live = new LiveStories(store, pipeline, options) { SharedBriefs = true, Refresher = Refresher, Quiet = consolidateAfter ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>Analyses and briefs, on every core of this machine.</summary>
    public StoryRefresher Refresher { get; }

    /// <summary>The placement this worker runs while it holds the stories.</summary>
    public LiveStories Live { get; }

    /// <summary>Stories claimed and briefed together.</summary>
    public int BriefBatch { get; init; } = 64;

    /// <summary>Most brief claims in one step, so the placer goes back to placing new articles between them.</summary>
    public int BriefRounds { get; init; } = 8;

    /// <summary>
    /// One round of work: analyse what no one else is analysing, place new articles and consolidate when due (when this
    /// worker holds the stories, or can take them), and brief queued stories. <paramref name="finish"/>: consolidate as
    /// soon as nothing else is left, without waiting for the stream to be quiet.
    /// </summary>
    public WorkReport Step(bool finish = false, CancellationToken cancel = default)
    {
        var (featured, quarantined) = Refresher.Featurize(Live.Analyses, null, cancel);
        int placed = 0, consolidated = 0;
        bool placer = Live.TryHold();
        if (placer)
        {
            var place = Live.Place(cancel);
            placed = place.Placed;
            featured += place.Featured;
            quarantined += place.Quarantined;
        }
        var (briefed, dropped, failed) = Brief(cancel);
        quarantined += failed;
        // Consolidating rewrites what differs, so it waits until the queued briefs are in (unless placements have waited too long).
        bool due = (finish && featured + placed + briefed == 0 && _store.Unfeatured(1).Count == 0 && _store.QueuedBriefs == 0)
            || (Live.ConsolidationDue() && (_store.QueuedBriefs == 0 || Live.Overdue));
        if (placer && _store.StoriesPending && due)
        {
            if (Live.Consolidate(null, cancel) is { } report)
            {
                consolidated = 1;
                quarantined += report.Quarantined;
            }
        }
        return new WorkReport(featured, placed, briefed, dropped, consolidated, quarantined) { Placer = placer };
    }

    /// <summary>Whether no work is left for anyone: every article analysed and placed, no story waiting for a brief, nothing pending.</summary>
    public bool Idle() => _store.Unfeatured(1).Count == 0 && _store.QueuedBriefs == 0 && !_store.StoriesPending;

    /// <summary>How <see cref="Run"/> outlives a store that fails for a while (each step is tried again after a pause that doubles, up to 30 s).</summary>
    public StoreRetry Retry { get; init; } = new();

    /// <summary>
    /// Works until cancelled, resting <paramref name="rest"/> when a round finds nothing to do; with <paramref name="untilIdle"/>,
    /// returns once no work is left for anyone (consolidating at the end). Reports after every round that did something.
    /// A store that fails (its server restarting, the network cut) is tried again by the <see cref="Retry"/> rule; after
    /// its count of failures in a row the last one is thrown.
    /// </summary>
    public WorkReport Run(TimeSpan rest, bool untilIdle = false, IProgress<WorkReport>? progress = null, CancellationToken cancel = default)
    {
        var total = WorkReport.None;
        (WorkReport Step, bool Done) Round()
        {
            var step = Step(untilIdle, cancel);
            return (step, !step.Busy && untilIdle && Idle());
        }
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var (step, done) = Retry.Run(Round, cancel);
                total = total.Plus(step);
                if (step.Busy) progress?.Report(total);
                else if (done) break;
                else cancel.WaitHandle.WaitOne(rest);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Stopped: what was committed stays, the rest is left to the others.
        }
        finally
        {
            Live.Release();
        }
        return total;
    }

    /// <summary>Briefs queued stories, a batch per claim, for at most <see cref="BriefRounds"/> claims: stories stored, jobs found stale, articles set aside.</summary>
    private (int Briefed, int Dropped, int Quarantined) Brief(CancellationToken cancel)
    {
        int briefed = 0, dropped = 0, quarantined = 0;
        for (int round = 0; round < BriefRounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            using var claim = _store.ClaimBriefs(BriefBatch);
            if (claim.Jobs.Count == 0) break;
            var stories = claim.Jobs.Select(j => (j.Members.Id, j.Members)).ToList();
            var keyOf = Refresher.KeysOf(stories);
            var (records, failed) = Refresher.Brief(stories, keyOf, Live.Analyses, cancel);
            int stored = claim.Complete(records, failed);
            briefed += stored;
            dropped += claim.Jobs.Count - stored;
            quarantined += failed.Count;
        }
        return (briefed, dropped, quarantined);
    }
}
