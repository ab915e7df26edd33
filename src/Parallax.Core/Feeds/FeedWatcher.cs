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
}

/// <summary>One thing that happened during a poll, for progress and logs.</summary>
public sealed record WatchEvent(WatchEventKind Kind, string Url, string? Detail = null);

/// <summary>The tally of one poll of every feed.</summary>
public sealed record PollReport(int Feeds, int Unchanged, int FeedsFailed, int Added, int AlreadyStored, int Skipped, int ArticlesFailed);

/// <summary>
/// Polls feeds and ingests their new articles: each feed is asked for with the validators of the copy last read, each new
/// entry's page is fetched politely and its article extracted (the feed's own content is used when the page yields little
/// or may not be fetched), and every article is stored as soon as it is read, so a poll cut short keeps what it finished.
/// </summary>
public sealed class FeedWatcher(PoliteFetcher fetcher, PageExtractor extractor, IArticleStore store)
{
    /// <summary>Extracted texts shorter than this are replaced by the feed's own content when that is longer.</summary>
    private const int ShortTextChars = 300;

    /// <summary>Entry identifiers remembered per feed; feeds list their latest few dozen entries, so this is ample.</summary>
    private const int DoneLimit = 5000;

    /// <summary>Pages fetched at once across all hosts (each host still gets its own limit and pace).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>
    /// The feed addresses behind <paramref name="sources"/>: feed URLs as they are, OPML lists (URLs or local files) expanded
    /// into the feeds they list. Problems with a source are reported and the others are still read.
    /// </summary>
    public async Task<IReadOnlyList<Uri>> ResolveFeedsAsync(IEnumerable<string> sources, IProgress<WatchEvent>? events, CancellationToken cancel)
    {
        var feeds = new List<Uri>();
        foreach (var source in sources)
        {
            if (Fetching.WebAddress.TryParse(source, out var url))
            {
                if (!source.EndsWith(".opml", StringComparison.OrdinalIgnoreCase))
                {
                    feeds.Add(url);
                    continue;
                }
                var list = await fetcher.FetchAsync(url, null, cancel).ConfigureAwait(false);
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
        return feeds.Distinct().ToList();
    }

    private static void AddOpml(byte[] bytes, Uri? baseUrl, string source, List<Uri> feeds, IProgress<WatchEvent>? events)
    {
        try
        {
            var listed = FeedParser.ParseOpml(bytes, baseUrl);
            if (listed.Count == 0) events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, "the OPML list names no feeds (no outline has an xmlUrl)"));
            feeds.AddRange(listed);
        }
        catch (FormatException e)
        {
            events?.Report(new WatchEvent(WatchEventKind.FeedFailed, source, e.Message));
        }
    }

    /// <summary>Polls every feed once and ingests what is new.</summary>
    public async Task<PollReport> PollAsync(IReadOnlyList<Uri> feeds, IProgress<WatchEvent>? events, CancellationToken cancel)
    {
        int unchanged = 0, feedsFailed = 0, added = 0, stored = 0, skipped = 0, failed = 0;
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
            }
            events?.Report(e);
        }
        await Parallel.ForEachAsync(feeds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel }, async (feed, ct) =>
            await PollFeed(feed, Count, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new PollReport(feeds.Count, unchanged, feedsFailed, added, stored, skipped, failed);
    }

    private async Task PollFeed(Uri feedUrl, Action<WatchEvent> report, CancellationToken cancel)
    {
        var state = store.Feed(feedUrl.AbsoluteUri);
        var result = await fetcher.FetchAsync(feedUrl, state?.Validators, cancel).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
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
        report(new WatchEvent(WatchEventKind.FeedRead, feedUrl.AbsoluteUri, $"{feed.Items.Count} entries"));
        var done = new List<string>(state?.Done ?? []);
        var doneSet = new HashSet<string>(done, StringComparer.Ordinal);
        var fresh = feed.Items.Where(i => !doneSet.Contains(i.Id)).ToList();
        var finished = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel }, async (item, ct) =>
        {
            if (await Ingest(item, feed, report, ct).ConfigureAwait(false)) finished.Add(item.Id);
        }).ConfigureAwait(false);
        // Entries are remembered in feed order, so the oldest are forgotten first.
        foreach (var item in fresh.Where(i => finished.Contains(i.Id))) done.Add(item.Id);
        if (done.Count > DoneLimit) done.RemoveRange(0, done.Count - DoneLimit);
        store.SaveFeed(new FeedState(feedUrl.AbsoluteUri, result.Validators, now, done));
    }

    /// <summary>Fetches, extracts and stores one entry; true when the entry is settled (stored, already there, or refused for good).</summary>
    private async Task<bool> Ingest(FeedItem item, Feed feed, Action<WatchEvent> report, CancellationToken cancel)
    {
        string where = item.Link ?? item.Id;
        if (item.Link is not null && store.HasUrl(item.Link))
        {
            report(new WatchEvent(WatchEventKind.ArticleAlreadyStored, where));
            return true;
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
                    return true;
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
            report(new WatchEvent(settled ? WatchEventKind.ArticleSkipped : WatchEventKind.ArticleFailed, where, problem ?? "no article text in the page or the feed"));
            return settled;
        }
        if (text.Length == 0)
        {
            report(new WatchEvent(WatchEventKind.ArticleSkipped, where, "the page holds no article text"));
            return true;
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
        return true;
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
