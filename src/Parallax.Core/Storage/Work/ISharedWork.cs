using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>
/// The work processes sharing a store divide between them through it (<c>parallax worker</c>): articles to analyse for story
/// features, and stories to brief. A claim is held until it is completed or disposed; a process that dies holding one
/// lets go of it (on PostgreSQL the server ends its transaction, releasing the rows), so another takes the work. Effects
/// happen once however many processes claim: features are written by the claim that holds the article, and a brief is
/// stored only by the newest job of its story.
/// </summary>
public interface ISharedWork
{
    /// <summary>Up to <paramref name="limit"/> articles without features that no other process holds, oldest first.</summary>
    IFeatureClaim ClaimUnfeatured(int limit);

    /// <summary>
    /// Queues stories to brief, as placed by the process that holds the stories (<see cref="IStoryStore.TryLockRefresh"/>).
    /// Each job names the stories version it was placed under: once stories are written otherwise (a consolidation, another
    /// placer), older jobs are dropped unbriefed.
    /// </summary>
    void QueueBriefs(IReadOnlyList<BriefJob> jobs);

    /// <summary>Up to <paramref name="limit"/> queued stories, each the newest job of its story, that no other process holds, oldest first.</summary>
    IBriefClaim ClaimBriefs(int limit);

    /// <summary>Jobs queued and not yet done (held ones included).</summary>
    int QueuedBriefs { get; }
}

/// <summary>
/// A lock that can be lost without its holder letting go: a PostgreSQL session lock goes with its connection (a server
/// restart, a network cut). A holder that keeps one for long asks before relying on it.
/// </summary>
public interface ILosableLock : IDisposable
{
    /// <summary>Whether this process still holds the lock (false once its connection is gone).</summary>
    bool StillHeld { get; }
}

/// <summary>Articles claimed for features: completed with what was computed, or let go by disposing.</summary>
public interface IFeatureClaim : IDisposable
{
    IReadOnlyList<StoredArticle> Articles { get; }

    /// <summary>Stores the features and sets aside the articles that could not be analysed, in one transaction, and lets go.</summary>
    void Complete(IReadOnlyList<StoryFeatures> features, IReadOnlyList<QuarantinedArticle> failed);
}

/// <summary>A story to brief: its members as placed, the stories it absorbed (removed when it is stored), and the stories version it was placed under.</summary>
public sealed record BriefJob(StoryMembers Members, IReadOnlyList<string> Gone, long Epoch)
{
    /// <summary>The job's number in the queue (0 until queued): a newer job of the same story has a higher number.</summary>
    public long Number { get; init; }
}

/// <summary>Stories claimed for briefing: completed with their records, or let go by disposing.</summary>
public interface IBriefClaim : IDisposable
{
    IReadOnlyList<BriefJob> Jobs { get; }

    /// <summary>
    /// Stores each job's record (a job without one is a story none of whose articles could be briefed: it is removed) unless
    /// the job is no longer current — a newer job of its story is queued or done, or stories were written otherwise since it
    /// was placed — and sets the failed articles aside, in one transaction; the jobs are done. Returns the stories stored.
    /// </summary>
    int Complete(IReadOnlyDictionary<string, StoryRecord> records, IReadOnlyList<QuarantinedArticle> failed);
}
