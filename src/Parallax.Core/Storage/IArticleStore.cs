using Parallax.Model;

namespace Parallax.Storage;

/// <summary>What Parallax remembers about one feed between polls.</summary>
/// <param name="Url">The feed's address.</param>
/// <param name="Validators">The ETag and Last-Modified of the copy last read, for a conditional request.</param>
/// <param name="LastPolled">When the feed was last asked for.</param>
/// <param name="Done">Entries already handled (stored, or refused for good), those the feed lists first, so they are not fetched again.</param>
public sealed record FeedState(string Url, Fetching.Validators? Validators, DateTimeOffset? LastPolled, IReadOnlyList<string> Done)
{
    /// <summary>Entries whose fetch failed and will be tried again, each not before its time (state saved before these existed has none).</summary>
    public IReadOnlyList<FailedEntry>? Failed { get; init; }
}

/// <summary>An entry of a feed that failed <paramref name="Attempts"/> times, to be tried again at <paramref name="RetryAt"/> or later.</summary>
public sealed record FailedEntry(string Id, int Attempts, DateTimeOffset RetryAt);

/// <summary>
/// Where ingested articles are kept. Adding is idempotent: an article whose address or text is already stored is not stored again.
/// Implementations must not lose what they have stored if the process is killed between calls.
/// </summary>
public interface IArticleStore : IDisposable
{
    int Count { get; }

    bool HasUrl(string url);

    /// <summary>Stores <paramref name="article"/> unless one with the same address or the same text is already there; true when stored.</summary>
    bool Add(Article article);

    FeedState? Feed(string url);

    void SaveFeed(FeedState state);
}
