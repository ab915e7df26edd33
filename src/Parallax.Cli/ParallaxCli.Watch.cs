using System.CommandLine;
using System.Globalization;
using Parallax.Extraction;
using Parallax.Feeds;
using Parallax.Fetching;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary><c>parallax watch</c>: polls feeds and adds their new articles to a store.</summary>
public static partial class ParallaxCli
{
    private static Command WatchCommand(TextWriter stdout, TextWriter stderr)
    {
        var sources = new Argument<string[]>("FEED_OR_OPML") { Description = "Feed addresses (RSS 2.0, Atom or RSS 1.0), and OPML lists of feeds (addresses ending in .opml, or local files).", Arity = ArgumentArity.OneOrMore };
        var db = DbOption("Where articles are stored: an SQLite store (stories are brought up to date after each poll; see 'parallax serve'), or a file ending in .jsonl for plain JSON Lines (one article a line, readable by 'parallax brief FILE', feed state in FILE.feeds.json).");
        var every = new Option<string>("--every") { Description = "Time between two polls of one feed, e.g. 15m, 1h, 90s; each feed keeps its own schedule, so a slow feed delays no other.", DefaultValueFactory = _ => "15m", HelpName = "DURATION" };
        var once = new Option<bool>("--once") { Description = "Poll every feed once, ingest what is new, and exit (for cron jobs and scripts)." };
        var delay = new Option<string>("--delay") { Description = "Least time between two requests to one host (a robots.txt Crawl-delay can raise it).", DefaultValueFactory = _ => "1s", HelpName = "DURATION" };
        var maxItems = new Option<int>("--max-items-per-poll") { Description = "Most entries of one feed fetched in one poll, newest first; the others wait for later polls. A failed entry is tried again after 15m, 30m, 1h, 2h and 4h (remembered in the store), then given up.", DefaultValueFactory = _ => FeedWatcher.DefaultMaxEntriesPerPoll, HelpName = "N" };
        var budget = new Option<string>("--feed-budget") { Description = "Longest one feed's poll may take; entries not fetched by then wait for the next poll. Feeds are polled side by side, so a slow feed holds up no other beyond this.", DefaultValueFactory = _ => "5m", HelpName = "DURATION" };
        var addresses = new AddressOptions();
        var cmd = new Command("watch", "Poll news feeds and store each new article as it arrives: feeds are asked for with conditional requests, pages are fetched politely (robots.txt, one request at a time per host, a pause between requests, retries with backoff), and the article is extracted from each page. The feeds you give may be anywhere; what they link to, and every redirect, is fetched from public addresses only unless --allow-private-addresses says otherwise. Stop with Ctrl+C; what was stored is kept.")
        {
            sources, db, every, once, delay, maxItems, budget,
        };
        addresses.AddTo(cmd);
        cmd.SetAction(async (parse, cancel) =>
        {
            if (!TryDuration(parse.GetValue(every)!, out var interval) || interval < TimeSpan.FromSeconds(1)) return Fail(stderr, $"--every {parse.GetValue(every)}: give a duration such as 15m, 1h or 90s");
            if (!TryDuration(parse.GetValue(delay)!, out var pause)) return Fail(stderr, $"--delay {parse.GetValue(delay)}: give a duration such as 1s or 500ms");
            if (!TryDuration(parse.GetValue(budget)!, out var feedBudget) || feedBudget < TimeSpan.FromSeconds(1)) return Fail(stderr, $"--feed-budget {parse.GetValue(budget)}: give a duration of a second or more, such as 5m or 90s");
            if (parse.GetValue(maxItems) is < 1 or > FeedWatcher.EntriesConsidered) return Fail(stderr, $"--max-items-per-poll {parse.GetValue(maxItems)}: give a number of entries from 1 to {FeedWatcher.EntriesConsidered}");
            if (addresses.Get(parse, stderr, new FetchOptions { PerHostDelay = pause }) is not { } fetchOptions) return Failed;
            string dbPath = parse.GetValue(db)!;
            if (StoreAddress.Refusal(dbPath) is { } refusal) return Fail(stderr, refusal);
            IArticleStore store;
            try
            {
                store = dbPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? new JsonlArticleStore(dbPath) : StoreAddress.Open(dbPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StoreException)
            {
                return Fail(stderr, $"cannot open the store {StoreAddress.Shown(dbPath)}: {e.Message}");
            }
            // Each poll's articles join their stories at once; the stories are consolidated (clustered afresh) when the
            // feeds go quiet, and before a single poll (--once) exits.
            var live = store is IStoryStore stories ? new LiveStories(stories, Pipeline.AnalysisPipeline.Default) { Quiet = TimeSpan.FromMinutes(1) } : null;
            using (store)
            using (var fetcher = new PoliteFetcher(fetchOptions))
            {
                var watcher = new FeedWatcher(fetcher, new PageExtractor(), store) { MaxEntriesPerPoll = parse.GetValue(maxItems), FeedBudget = feedBudget };
                var log = new SynchronousProgress<WatchEvent>(e =>
                {
                    if (e.Kind is WatchEventKind.FeedFailed or WatchEventKind.ArticleFailed) stderr.WriteLine($"parallax: warning: {e.Url}: {e.Detail}");
                    else if (e.Kind == WatchEventKind.EntriesWaiting) stderr.WriteLine($"parallax: note: {e.Url}: {e.Detail} (see --max-items-per-poll and --feed-budget)");
                    else if (e.Kind == WatchEventKind.ArticleAdded) stdout.WriteLine($"added\t{e.Url}\t{e.Detail}");
                });
                var feeds = await watcher.ResolveFeedsAsync(parse.GetValue(sources)!, log, cancel);
                if (feeds.Count == 0) return Fail(stderr, "no feed to watch; give feed addresses or OPML lists");
                bool anyFailed = false;
                var gate = new object();
                // After each poll (of all feeds with --once, else of one feed on its own schedule): place what it brought,
                // consolidate when due, and say what it found. Feeds end their polls concurrently; one at a time here.
                void Polled(string what, PollReport r, bool last)
                {
                    lock (gate)
                    {
                        anyFailed |= r.FeedsFailed > 0 || r.ArticlesFailed > 0;
                        if (live is not null)
                        {
                            if (r.Added > 0) live.Place(cancel);
                            if (last || live.ConsolidationDue()) live.Consolidate(cancel: cancel);
                        }
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"polled {what} at {DateTime.Now:HH:mm:ss} ({r.Unchanged} unchanged, {r.FeedsFailed} failed): {r.Added} new articles, {r.AlreadyStored} already stored, {r.Skipped} skipped, {r.ArticlesFailed} failed{(r.Waiting > 0 ? $", {r.Waiting} waiting for later polls" : "")}; {store.Count} in {parse.GetValue(db)}"));
                    }
                }
                try
                {
                    if (parse.GetValue(once)) Polled($"{feeds.Count} feeds", await watcher.PollAsync(feeds, log, cancel), last: true);
                    else await watcher.WatchAsync(feeds, interval, log, (feed, r) => Polled(feed.Url.AbsoluteUri, r, last: false), cancel);
                }
                catch (OperationCanceledException)
                {
                    stdout.WriteLine($"stopped; {store.Count} articles in {parse.GetValue(db)}");
                }
                return anyFailed ? Partial : Ok;
            }
        });
        return cmd;
    }
}
