using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Evaluation;
using Parallax.Extraction;
using Parallax.Feeds;
using Parallax.Fetching;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary>The commands that read the web: extracting articles from pages, scoring extraction, and watching feeds.</summary>
public static partial class ParallaxCli
{
    private static Command ExtractionEvalCommand(TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "An article-extraction benchmark folder: ground-truth.json (gold article bodies by page key) and html/KEY.html.gz (e.g. ../shared/corpora/extraction-dev)." };
        var worst = new Option<int>("--worst") { Description = "Also list the N pages with the lowest F1, with their precision, recall and address.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the pages, after the scored pass and two untimed warm-up passes; the median gives pages/s (0: time the first pass only).", DefaultValueFactory = _ => 3, HelpName = "N" };
        var cmd = new Command("extraction", "Main-text extraction from web pages: precision, recall and F1 over 4-word shingles as the public article-extraction benchmark scores them, the mean per-page F1, and pages per second on one core.") { dir, worst, passes };
        cmd.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            if (!File.Exists(Path.Combine(folder.FullName, "ground-truth.json")) || !Directory.Exists(Path.Combine(folder.FullName, "html")))
            {
                return Fail(stderr, $"{folder.FullName} has no ground-truth.json and html/ folder; point it at a benchmark folder such as ../shared/corpora/extraction-dev");
            }
            ExtractionScores s;
            using (var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "extracting", 0))
            {
                s = ExtractionScores.Evaluate(folder.FullName, new PageExtractor(), parse.GetValue(passes), warmupPasses: 2, progress: progress);
            }
            var ci = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(ci, $"pages {s.Pages.Count}"));
            stdout.WriteLine(string.Create(ci, $"precision {s.Precision:F3}  recall {s.Recall:F3}  F1 {s.F1:F3}"));
            stdout.WriteLine(string.Create(ci, $"mean per-page F1 {s.MeanPageF1:F3}  (pages under 0.9: {s.Pages.Count(p => p.F1 < 0.9)})"));
            stdout.WriteLine(string.Create(ci, $"speed {s.PagesPerSecond:F0} pages/s on one thread, warm (median of {s.WarmTimes.Count} passes after 2 warm-up passes); first pass {s.ColdPagesPerSecond:F0} pages/s including start-up"));
            foreach (var p in s.Pages.OrderBy(p => p.F1).Take(parse.GetValue(worst)))
            {
                stdout.WriteLine(string.Create(ci, $"worst\t{p.F1:F3}\tP {p.Precision:F3}\tR {p.Recall:F3}\twords {p.ExtractedWords}/{p.GoldWords}\t{p.Key[..12]}\t{p.Url}"));
            }
            return Ok;
        });
        return cmd;
    }

    private static Command ExtractCommand(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("FILE|URL") { Description = "A saved web page (.html, or .html.gz) or an http(s) address to fetch (robots.txt is respected)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: json (title, text, published, author, source, url, language, and where the date was read) or txt (title, then the text).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "txt");
        var pageUrl = new Option<string?>("--url") { Description = "For a saved page: the address it was saved from, used for relative links and dates written in the address.", HelpName = "URL" };
        var cmd = new Command("extract", "Read the article out of a web page: its main text without menus, ads, related links, comments or captions, with paragraphs kept, and its title, publication date, author, outlet, canonical address and language.")
        {
            input, format, pageUrl,
        };
        cmd.SetAction(parse =>
        {
            string what = parse.GetValue(input)!;
            var extractor = new PageExtractor();
            ExtractedPage page;
            if (WebAddress.TryParse(what, out var url))
            {
                using var fetcher = new PoliteFetcher();
                var result = fetcher.FetchAsync(url).GetAwaiter().GetResult();
                if (result.Status != FetchStatus.Ok) return Fail(stderr, $"{what}: {result.Error ?? "could not be fetched"}");
                page = extractor.Extract(result.Body, result.FinalUrl?.AbsoluteUri, result.ContentType);
            }
            else if (File.Exists(what))
            {
                byte[] bytes;
                try
                {
                    bytes = SavedPage.Read(what);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    return Fail(stderr, $"{what}: {e.Message}");
                }
                page = extractor.Extract(bytes, parse.GetValue(pageUrl));
            }
            else
            {
                return Fail(stderr, $"{what}: no such file, and not an http(s) address");
            }
            if (parse.GetValue(format) == "txt")
            {
                if (page.Title is not null) stdout.WriteLine(page.Title + "\n");
                stdout.WriteLine(page.Text);
            }
            else
            {
                stdout.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["title"] = page.Title,
                    ["text"] = page.Text,
                    ["published"] = page.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["publishedFrom"] = page.PublishedFrom == DateEvidence.None ? null : page.PublishedFrom.ToString(),
                    ["author"] = page.Author,
                    ["source"] = page.Source,
                    ["url"] = page.Url,
                    ["language"] = page.Language,
                }, IndentedJson));
            }
            if (page.Text.Length == 0)
            {
                stderr.WriteLine($"parallax: warning: {what}: no article text found on the page");
                return Partial;
            }
            return Ok;
        });
        return cmd;
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Command WatchCommand(TextWriter stdout, TextWriter stderr)
    {
        var sources = new Argument<string[]>("FEED_OR_OPML") { Description = "Feed addresses (RSS 2.0, Atom or RSS 1.0), and OPML lists of feeds (addresses ending in .opml, or local files).", Arity = ArgumentArity.OneOrMore };
        var db = DbOption("Where articles are stored: an SQLite store (stories are brought up to date after each poll; see 'parallax serve'), or a file ending in .jsonl for plain JSON Lines (one article a line, readable by 'parallax brief FILE', feed state in FILE.feeds.json).");
        var every = new Option<string>("--every") { Description = "Time between polls, e.g. 15m, 1h, 90s.", DefaultValueFactory = _ => "15m", HelpName = "DURATION" };
        var once = new Option<bool>("--once") { Description = "Poll every feed once, ingest what is new, and exit (for cron jobs and scripts)." };
        var delay = new Option<string>("--delay") { Description = "Least time between two requests to one host (a robots.txt Crawl-delay can raise it).", DefaultValueFactory = _ => "1s", HelpName = "DURATION" };
        var cmd = new Command("watch", "Poll news feeds and store each new article as it arrives: feeds are asked for with conditional requests, pages are fetched politely (robots.txt, one request at a time per host, a pause between requests, retries with backoff), and the article is extracted from each page. Stop with Ctrl+C; what was stored is kept.")
        {
            sources, db, every, once, delay,
        };
        cmd.SetAction(async (parse, cancel) =>
        {
            if (!TryDuration(parse.GetValue(every)!, out var interval) || interval < TimeSpan.FromSeconds(1)) return Fail(stderr, $"--every {parse.GetValue(every)}: give a duration such as 15m, 1h or 90s");
            if (!TryDuration(parse.GetValue(delay)!, out var pause)) return Fail(stderr, $"--delay {parse.GetValue(delay)}: give a duration such as 1s or 500ms");
            string dbPath = parse.GetValue(db)!;
            IArticleStore store;
            try
            {
                store = dbPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? new JsonlArticleStore(dbPath) : new SqliteStore(dbPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StoreException)
            {
                return Fail(stderr, $"cannot open the store {dbPath}: {e.Message}");
            }
            var ingestor = store is IStoryStore stories ? new Ingestor(stories, Pipeline.AnalysisPipeline.Default) : null;
            using (store)
            using (var fetcher = new PoliteFetcher(new FetchOptions { PerHostDelay = pause }))
            {
                var watcher = new FeedWatcher(fetcher, new PageExtractor(), store);
                var log = new SynchronousProgress<WatchEvent>(e =>
                {
                    if (e.Kind is WatchEventKind.FeedFailed or WatchEventKind.ArticleFailed) stderr.WriteLine($"parallax: warning: {e.Url}: {e.Detail}");
                    else if (e.Kind == WatchEventKind.ArticleAdded) stdout.WriteLine($"added\t{e.Url}\t{e.Detail}");
                });
                var feeds = await watcher.ResolveFeedsAsync(parse.GetValue(sources)!, log, cancel);
                if (feeds.Count == 0) return Fail(stderr, "no feed to watch; give feed addresses or OPML lists");
                bool anyFailed = false;
                try
                {
                    while (true)
                    {
                        var r = await watcher.PollAsync(feeds, log, cancel);
                        anyFailed |= r.FeedsFailed > 0 || r.ArticlesFailed > 0;
                        if (r.Added > 0 && ingestor is not null) ingestor.Resume(cancel: cancel);
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"polled {r.Feeds} feeds at {DateTime.Now:HH:mm:ss} ({r.Unchanged} unchanged, {r.FeedsFailed} failed): {r.Added} new articles, {r.AlreadyStored} already stored, {r.Skipped} skipped, {r.ArticlesFailed} failed; {store.Count} in {parse.GetValue(db)}"));
                        if (parse.GetValue(once)) break;
                        await Task.Delay(interval, cancel);
                    }
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

    /// <summary>"15m", "1h", "90s", "500ms" or a plain number of seconds.</summary>
    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                duration = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
        {
            duration = TimeSpan.FromSeconds(plain);
            return true;
        }
        return false;
    }

    /// <summary>Reports on the caller's thread, in order, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}
