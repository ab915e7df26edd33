using System.Text.Json;
using Parallax.Extraction;
using Parallax.Fetching;
using Parallax.Model;
using Parallax.Storage;

namespace Parallax.Feeds;

/// <summary>What happened to one feed or one article during a poll.</summary>
public enum WatchEventKind
{
    FeedRead,
    FeedUnchanged,
    FeedFailed,
    ArticleAdded,
    ArticleAlreadyStored,
    ArticleSkipped,
    ArticleFailed,

    /// <summary>A feed's poll left entries for later polls (<see cref="WatchEvent.Waiting"/> of them): past the most a poll, or out of time.</summary>
    EntriesWaiting,
}

/// <summary>One thing that happened during a poll, for progress and logs.</summary>
public sealed record WatchEvent(WatchEventKind Kind, string Url, string? Detail = null)
{
    /// <summary>For <see cref="WatchEventKind.EntriesWaiting"/>: how many entries wait for later polls.</summary>
    public int Waiting { get; init; }
}

/// <summary>The tally of one poll of every feed; <paramref name="Waiting"/> entries were left for later polls.</summary>
public sealed record PollReport(int Feeds, int Unchanged, int FeedsFailed, int Added, int AlreadyStored, int Skipped, int ArticlesFailed, int Waiting = 0);

/// <summary>A feed to watch, and whose word its address is on (an address the operator typed, or one an OPML list gave).</summary>
public sealed record WatchedFeed(Uri Url, AddressOrigin Origin = AddressOrigin.Input);

/// <summary>
/// Polls feeds and ingests their new articles: each feed is asked for with the validators of the copy last read, each new
/// entry's page is fetched politely and its article extracted (the feed's own content is used when the page yields little
/// or may not be fetched), and every article is stored as soon as it is read, so a poll cut short keeps what it finished.
/// One feed costs a bounded amount a poll: at most <see cref="MaxEntriesPerPoll"/> entries and <see cref="FeedBudget"/> of
/// time, failed entries wait longer after each failure (see <see cref="FeedBacklog"/>), and feeds are polled side by side,
/// so a huge, slow or broken feed never holds up another beyond its budget. Politeness per host is the fetcher's, shared.
/// </summary>
public sealed class FeedWatcher(PoliteFetcher fetcher, PageExtractor extractor, IArticleStore store)
{
    /// <summary>Extracted texts shorter than this are replaced by the feed's own content when that is longer.</summary>
    private const int ShortTextChars = 300;

    /// <summary>The newest entries of a feed that are ever considered; older ones are never fetched.</summary>
    public const int EntriesConsidered = FeedBacklog.Window;

    /// <summary>The default of <see cref="MaxEntriesPerPoll"/>: feeds list their latest few dozen entries.</summary>
    public const int DefaultMaxEntriesPerPoll = 50;

    /// <summary>Feeds polled at once, and pages fetched at once for one feed (each host still gets its own limit and pace).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>The most entries of one feed fetched in one poll, newest first; the others wait for later polls.</summary>
    public int MaxEntriesPerPoll { get; init; } = DefaultMaxEntriesPerPoll;

    /// <summary>The longest one feed's poll may take; entries not fetched by then wait for the next poll.</summary>
    public TimeSpan FeedBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before a failed entry is tried again; it doubles with each failure, up to a day.</summary>
    public TimeSpan RetryWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed attempts after which an entry is given up.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The time failed entries wait by (tests move it on).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The feed addresses behind <paramref name="sources"/>: feed URLs as they are, OPML lists (URLs or local files) expanded
    /// into the feeds they list. Problems with a source are reported and the others are still read. The sources are the
    /// operator's (<see cref="AddressOrigin.Operator"/>); the feeds an OPML list names are input.
    /// </summary>
    public async Task<IReadOnlyList<WatchedFeed>> ResolveFeedsAsync(IEnumerable<string> sources, IProgress<WatchEvent>? events, CancellationToken cancel)
    {
        var feeds = new List<WatchedFeed>();
        foreach (var source in sources)
        {
            if (Fetching.WebAddress.TryParse(source, out var url))
            {
                if (!source.EndsWith(".opml", StringComparison.OrdinalIgnoreCase))
                {
                    feeds.Add(new WatchedFeed(url, AddressOrigin.Operator));
                    continue;
                }
                var list = await fetcher.FetchAsync(url, null, AddressOrigin.Operator, cancel).ConfigureAwait(false);
                if (list.Status != FetchStatus.Ok)
                {
                    events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, list.Error ?? list.Status.ToString()));
                    continue;
                }
                AddOpml(list.Body, list.FinalUrl, source, feeds, events);
            }
            else if (File.Exists(source))
            {
                var info = new FileInfo(source);
                if (info.Length > 16 * 1024 * 1024)
                {
                    events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, "larger than 16 MB; an OPML list is a few kilobytes"));
                    continue;
                }
                AddOpml(await File.ReadAllBytesAsync(source, cancel).ConfigureAwait(false), null, source, feeds, events);
            }
            else
            {
                events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, "neither an http(s) address nor an existing OPML file"));
            }
        }
        // A feed both typed and listed is the operator's.
        var typed = feeds.Where(f => f.Origin == AddressOrigin.Operator).Select(f => f.Url).ToHashSet();
        return feeds.Select(f => typed.Contains(f.Url) ? f with { Origin = AddressOrigin.Operator } : f).Distinct().ToList();
    }

    private static void AddOpml(byte[] bytes, Uri? baseUrl, string source, List<WatchedFeed> feeds, IProgress<WatchEvent>? events)
    {
        try
        {
            var listed = FeedParser.ParseOpml(bytes, baseUrl);
            if (listed.Count == 0) events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, "the OPML list names no feeds (no outline has an xmlUrl)"));
            feeds.AddRange(listed.Select(u => new WatchedFeed(u)));
        }
        catch (FormatException e)
        {
            events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, e.Message));
        }
    }

    /// <summary>Polls every feed once, side by side, and ingests what is new.</summary>
    public async Task<PollReport> PollAsync(IReadOnlyList<WatchedFeed> feeds, IProgress<WatchEvent>? events, CancellationToken cancel)
    {
        int unchanged = 0, feedsFailed = 0, added = 0, stored = 0, skipped = 0, failed = 0, waiting = 0;
        void Count(WatchEvent e)
        {
            switch (e.Kind)
            {
                case WatchEventKind.FeedUnchanged: Interlocked.Increment(ref unchanged); break;
                case WatchEventKind.FeedFailed: Interlocked.Increment(ref feedsFailed); break;
                case WatchEventKind.ArticleAdded: Interlocked.Increment(ref added); break;
                case WatchEventKind.ArticleAlreadyStored: Interlocked.Increment(ref stored); break;
                case WatchEventKind.ArticleSkipped: Interlocked.Increment(ref skipped); break;
                case WatchEventKind.ArticleFailed: Interlocked.Increment(ref failed); break;
                case WatchEventKind.EntriesWaiting: Interlocked.Add(ref waiting, e.Waiting); break;
            }
            events?.Report(e);
        }
        await Parallel.ForEachAsync(feeds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel }, async (feed, ct) =>
            await PollFeed(feed, Count, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new PollReport(feeds.Count, unchanged, feedsFailed, added, stored, skipped, failed, waiting);
    }

    /// <summary>
    /// Watches until cancelled, each feed on its own schedule: a feed is polled again <paramref name="every"/> after its
    /// last poll began (at once when that poll took longer), at most <see cref="Parallelism"/> feeds at a time. A slow feed
    /// delays only its own next poll, never another's, and <paramref name="polled"/> hears of each poll as it ends (calls may
    /// overlap: it must be safe to call from several feeds at once).
    /// </summary>
    public async Task WatchAsync(IReadOnlyList<WatchedFeed> feeds, TimeSpan every, IProgress<WatchEvent>? events, Action<WatchedFeed, PollReport>? polled, CancellationToken cancel)
    {
        using var slots = new SemaphoreSlim(Parallelism);
        // One feed's failure (the store gone, say) ends the watch, as it would a single poll, rather than that feed alone.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        async Task Follow(WatchedFeed feed)
        {
            try
            {
                await FollowUntilStopped(feed, stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
        async Task FollowUntilStopped(WatchedFeed feed, CancellationToken cancel)
        {
            while (true)
            {
                var started = Clock.GetUtcNow();
                await slots.WaitAsync(cancel).ConfigureAwait(false);
                PollReport report;
                try
                {
                    report = await PollAsync([feed], events, cancel).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
                polled?.Invoke(feed, report);
                var wait = every - (Clock.GetUtcNow() - started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, Clock, cancel).ConfigureAwait(false);
                else cancel.ThrowIfCancellationRequested();
            }
        }
        await Task.WhenAll(feeds.Select(feed => Task.Run(() => Follow(feed), stop.Token))).ConfigureAwait(false);
    }

    /// <summary>Polls one feed within its time budget: reads it, fetches its due entries, and saves what the poll settled.</summary>
    private async Task PollFeed(WatchedFeed watched, Action<WatchEvent> report, CancellationToken cancel)
    {
        var feedUrl = watched.Url;
        var state = store.Feed(feedUrl.AbsoluteUri);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        budget.CancelAfter(FeedBudget);
        FetchResult result;
        try
        {
            result = await fetcher.FetchAsync(feedUrl, state?.Validators, watched.Origin, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            report(new WatchEvent(WatchEventKind.FeedFailed, feedUrl.AbsoluteUri, $"not read within the feed's time budget ({Duration(FeedBudget)})"));
            return;
        }
        var now = Clock.GetUtcNow();
        if (result.Status == FetchStatus.NotModified)
        {
            report(new WatchEvent(WatchEventKind.FeedUnchanged, feedUrl.AbsoluteUri));
            store.SaveFeed((state ?? new FeedState(feedUrl.AbsoluteUri, null, null, [])) with { LastPolled = now, Validators = result.Validators ?? state?.Validators });
            return;
        }
        if (result.Status != FetchStatus.Ok)
        {
            report(new WatchEvent(WatchEventKind.FeedFailed, feedUrl.AbsoluteUri, result.Error ?? "robots.txt does not allow it"));
            return;
        }
        Feed feed;
        try
        {
            feed = FeedParser.Parse(result.Body, result.FinalUrl ?? feedUrl);
        }
        catch (FormatException e)
        {
            report(new WatchEvent(WatchEventKind.FeedFailed, feedUrl.AbsoluteUri, e.Message));
            return;
        }
        var plan = FeedBacklog.Plan(feed, state, now, MaxEntriesPerPoll);
        report(new WatchEvent(WatchEventKind.FeedRead, feedUrl.AbsoluteUri, plan.Beyond > 0 ? $"{feed.Items.Count} entries, the newest {FeedBacklog.Window} considered" : $"{feed.Items.Count} entries"));
        var settled = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        bool outOfTime = false;
        try
        {
            await Parallel.ForEachAsync(plan.Fetch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = budget.Token }, async (item, ct) =>
                settled[item.Id] = await Settle(item, feed, plan, report, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            outOfTime = true;
        }
        finally
        {
            // Saved even when the poll is stopped, so what it finished is not fetched again.
            var ok = settled.Where(kv => kv.Value).Select(kv => kv.Key).ToList();
            var bad = settled.Where(kv => !kv.Value).Select(kv => kv.Key).ToList();
            store.SaveFeed(plan.After(feedUrl.AbsoluteUri, result.Validators, Clock.GetUtcNow(), ok, bad, RetryWait));
        }
        int left = plan.Waiting + (plan.Fetch.Count - settled.Count);
        if (left > 0)
        {
            string why = outOfTime ? $"the feed's time budget ({Duration(FeedBudget)}) ran out" : $"at most {MaxEntriesPerPoll} entries are fetched a poll";
            string older = plan.Beyond > 0 ? $"; the {plan.Beyond} entries older than the newest {FeedBacklog.Window} are not fetched" : "";
            report(new WatchEvent(WatchEventKind.EntriesWaiting, feedUrl.AbsoluteUri, $"{left} entries wait for later polls: {why}{older}") { Waiting = left });
        }
    }

    /// <summary>Ingests one entry and says whether it is settled; a failure is reported with when it is tried again, or given up after the last attempt.</summary>
    private async Task<bool> Settle(FeedItem item, Feed feed, FeedBacklog plan, Action<WatchEvent> report, CancellationToken cancel)
    {
        var (settled, problem) = await Ingest(item, feed, report, cancel).ConfigureAwait(false);
        if (settled) return true;
        int attempts = plan.Attempts(item.Id) + 1;
        string where = item.Link ?? item.Id;
        if (attempts >= MaxAttempts)
        {
            report(new WatchEvent(WatchEventKind.ArticleFailed, where, $"{problem}; given up after {attempts} attempts"));
            return true;
        }
        report(new WatchEvent(WatchEventKind.ArticleFailed, where, $"{problem} (attempt {attempts} of {MaxAttempts}; tried again in {Duration(FeedBacklog.Wait(attempts, RetryWait))} or later)"));
        return false;
    }

    /// <summary>"5m", "90s", "2h": a duration as the command line writes it.</summary>
    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 && t.TotalHours == Math.Floor(t.TotalHours) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalHours:0}h")
        : t.TotalMinutes >= 1 && t.TotalMinutes == Math.Floor(t.TotalMinutes) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalMinutes:0}m")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###}s");

    /// <summary>
    /// Fetches, extracts and stores one entry; settled when the entry is stored, already there, or refused for good, else
    /// the problem, which the caller reports. The entry's link is input: it is fetched only if the address rule allows it.
    /// </summary>
    private async Task<(bool Settled, string? Problem)> Ingest(FeedItem item, Feed feed, Action<WatchEvent> report, CancellationToken cancel)
    {
        string where = item.Link ?? item.Id;
        if (item.Link is not null && store.HasUrl(item.Link))
        {
            report(new WatchEvent(WatchEventKind.ArticleAlreadyStored, where));
            return (true, null);
        }
        ExtractedPage? page = null;
        bool settled = true;
        string? problem = null;
        if (item.Link is not null)
        {
            var result = await fetcher.FetchAsync(new Uri(item.Link), null, cancel).ConfigureAwait(false);
            if (result.Status == FetchStatus.Ok)
            {
                try
                {
                    page = extractor.Extract(result.Body, result.FinalUrl?.AbsoluteUri, result.ContentType);
                }
                catch (PageRefusedException e)
                {
                    // The page will be refused next time too; the feed's own text may still carry the article.
                    problem = e.Message;
                }
                if (result.FinalUrl is not null && store.HasUrl(result.FinalUrl.AbsoluteUri))
                {
                    report(new WatchEvent(WatchEventKind.ArticleAlreadyStored, where));
                    return (true, null);
                }
            }
            else
            {
                problem = result.Error;
                // A page robots.txt refuses will be refused next time too; a failed fetch may work later.
                settled = result.Status == FetchStatus.Disallowed;
            }
        }
        string fromFeed = FeedText(item);
        string text = page?.Text ?? "";
        if (text.Length < ShortTextChars && fromFeed.Length > text.Length) text = fromFeed;
        if (text.Length < ShortTextChars && page is null)
        {
            if (!settled) return (false, problem ?? "could not be fetched");
            report(new WatchEvent(WatchEventKind.ArticleSkipped, where, problem ?? "no article text in the page or the feed"));
            return (true, null);
        }
        if (text.Length == 0)
        {
            report(new WatchEvent(WatchEventKind.ArticleSkipped, where, "the page holds no article text"));
            return (true, null);
        }
        var extra = new Dictionary<string, string>();
        void Put(string key, string? value)
        {
            if (value is not null) extra[key] = JsonSerializer.Serialize(value);
        }
        Put("author", page?.Author ?? item.Author);
        Put("language", page?.Language ?? feed.Language);
        Put("feed", feed.Title);
        Put("fetched", DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        string url = page?.Url ?? item.Link ?? item.Id;
        var article = new Article
        {
            Id = ArticleId(url),
            Text = text,
            Title = page?.Title ?? Plain(item.Title),
            Source = page?.Source ?? feed.Title,
            Url = url,
            Published = page?.Published ?? (item.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null),
            Origin = where,
            Extra = extra,
        };
        bool added = store.Add(article);
        report(new WatchEvent(added ? WatchEventKind.ArticleAdded : WatchEventKind.ArticleAlreadyStored, where, article.Title));
        return (true, null);
    }

    /// <summary>The feed's own text for an entry: its full content when given, else its summary, as plain paragraphs.</summary>
    private string FeedText(FeedItem item)
    {
        string? html = item.Content ?? item.Summary;
        if (string.IsNullOrWhiteSpace(html)) return "";
        try
        {
            return extractor.Extract($"<html><body><article>{html}</article></body></html>").Text;
        }
        catch (PageRefusedException)
        {
            // Markup nested or repeated past a page's limits is no article text; the page, or the entry's title, stands for it.
            return "";
        }
    }

    private static string? Plain(string? htmlOrText) =>
        htmlOrText is null ? null : System.Net.WebUtility.HtmlDecode(Text.Words.SingleSpaced(System.Text.RegularExpressions.Regex.Replace(htmlOrText, "<[^>]*>", " ", System.Text.RegularExpressions.RegexOptions.NonBacktracking))).Trim();

    /// <summary>"nytimes.com-3f2a9c1b": the outlet's host and a short hash of the address, stable across runs.</summary>
    public static string ArticleId(string url)
    {
        string host = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host.Replace("www.", "", StringComparison.OrdinalIgnoreCase) : "article";
        return $"{host}-{ArticleKeys.ContentHash(ArticleKeys.NormalUrl(url))[..10]}";
    }
}
