using Parallax.Fetching;
using Parallax.Storage;

namespace Parallax.Feeds;

/// <summary>
/// Which entries of a feed one poll fetches, and what the feed's state remembers after it. Only the newest
/// <see cref="Window"/> entries are ever considered; of those, entries not yet handled and not waiting out a failure are
/// fetched newest first, at most a set number a poll; the rest wait for later polls. A failed entry waits longer after each
/// failure and is given up after a set number, so neither a huge feed nor a broken one costs more than a bounded number of
/// requests a poll, and a restart (the state is stored) does not try everything again at once.
/// </summary>
internal sealed class FeedBacklog
{
    /// <summary>The newest entries of a feed that are considered, and the most entry identifiers remembered per feed.</summary>
    public const int Window = 5000;

    /// <summary>The longest wait before a failed entry is tried again, however many times it failed.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly IReadOnlyList<FeedItem> _window;
    private readonly HashSet<string> _done;
    private readonly IReadOnlyList<string> _previousDone;
    private readonly Dictionary<string, FailedEntry> _failed;

    private FeedBacklog(IReadOnlyList<FeedItem> window, HashSet<string> done, IReadOnlyList<string> previousDone, Dictionary<string, FailedEntry> failed, IReadOnlyList<FeedItem> fetch, int waiting, int backingOff, int beyond)
    {
        _window = window;
        _done = done;
        _previousDone = previousDone;
        _failed = failed;
        Fetch = fetch;
        Waiting = waiting;
        BackingOff = backingOff;
        Beyond = beyond;
    }

    /// <summary>The entries this poll fetches, newest first.</summary>
    public IReadOnlyList<FeedItem> Fetch { get; }

    /// <summary>Entries to fetch that this poll leaves for later ones (past the most a poll).</summary>
    public int Waiting { get; }

    /// <summary>Failed entries whose next attempt is not yet due.</summary>
    public int BackingOff { get; }

    /// <summary>Entries older than the newest <see cref="Window"/>, which are never fetched.</summary>
    public int Beyond { get; }

    /// <summary>The poll's plan for <paramref name="feed"/>, given what <paramref name="state"/> remembers.</summary>
    public static FeedBacklog Plan(Feed feed, FeedState? state, DateTimeOffset now, int maxEntries)
    {
        var newest = Newest(feed.Items);
        var window = newest.Take(Window).ToList();
        var previousDone = state?.Done ?? [];
        var done = new HashSet<string>(previousDone, StringComparer.Ordinal);
        var failed = new Dictionary<string, FailedEntry>(StringComparer.Ordinal);
        foreach (var f in state?.Failed ?? []) failed.TryAdd(f.Id, f);
        var open = window.Where(i => !done.Contains(i.Id)).ToList();
        var due = open.Where(i => !failed.TryGetValue(i.Id, out var f) || f.RetryAt <= now).ToList();
        var fetch = due.Take(Math.Max(0, maxEntries)).ToList();
        return new FeedBacklog(window, done, previousDone, failed, fetch, due.Count - fetch.Count, open.Count - due.Count, newest.Count - window.Count);
    }

    /// <summary>How many times <paramref name="id"/> failed before this poll.</summary>
    public int Attempts(string id) => _failed.TryGetValue(id, out var f) ? f.Attempts : 0;

    /// <summary>The wait before the next attempt of an entry that has now failed <paramref name="attempts"/> times: <paramref name="first"/>, doubling, at most a day.</summary>
    public static TimeSpan Wait(int attempts, TimeSpan first)
    {
        double ticks = first.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return ticks >= MaxWait.Ticks ? MaxWait : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// The feed's state after the poll: <paramref name="settled"/> entries join the handled ones, <paramref name="failed"/>
    /// ones wait <see cref="Wait"/> before their next attempt. The validators of the copy read are kept only when no entry
    /// is left to fetch: a feed that answers "not modified" is not read, and its waiting entries would wait forever.
    /// </summary>
    public FeedState After(string url, Validators? validators, DateTimeOffset now, IReadOnlyCollection<string> settled, IReadOnlyCollection<string> failed, TimeSpan firstWait)
    {
        var handled = new HashSet<string>(_done, StringComparer.Ordinal);
        handled.UnionWith(settled);
        var windowIds = _window.Select(i => i.Id).ToList();
        var inWindow = new HashSet<string>(windowIds, StringComparer.Ordinal);
        // The window's handled entries first, in the feed's order, then older ones the feed may list again: the oldest are forgotten first.
        var done = windowIds.Where(handled.Contains).Concat(_previousDone.Where(id => !inWindow.Contains(id))).Distinct(StringComparer.Ordinal).Take(Window).ToList();
        var failedNow = new HashSet<string>(failed, StringComparer.Ordinal);
        var stillFailed = new List<FailedEntry>();
        foreach (var id in windowIds.Where(id => !handled.Contains(id)))
        {
            if (failedNow.Contains(id))
            {
                int attempts = Attempts(id) + 1;
                stillFailed.Add(new FailedEntry(id, attempts, now + Wait(attempts, firstWait)));
            }
            else if (_failed.TryGetValue(id, out var before))
            {
                stillFailed.Add(before);
            }
        }
        bool finished = windowIds.All(handled.Contains);
        return new FeedState(url, finished ? validators : null, now, done) { Failed = stillFailed };
    }

    /// <summary>The feed's entries, newest first: by date when every entry has one, else in the feed's order (feeds list their newest first); each entry once.</summary>
    private static List<FeedItem> Newest(IReadOnlyList<FeedItem> items)
    {
        IEnumerable<FeedItem> ordered = items.All(i => i.Published is not null) ? items.OrderByDescending(i => i.Published) : items;
        return ordered.DistinctBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
