using System.CommandLine;
using System.Globalization;
using Parallax.Extraction;
using Parallax.Fetching;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary>The commands over a store: ingest, list stories, search, and brief a stored story.</summary>
public static partial class ParallaxCli
{
    /// <summary>The store file when --db is not given: $PARALLAX_DB, else parallax.db in the current folder.</summary>
    internal static string DefaultDb => Environment.GetEnvironmentVariable("PARALLAX_DB") is { Length: > 0 } db ? db : "parallax.db";

    internal static Option<string> DbOption(string what = "The store: an SQLite file, created on first use, or a PostgreSQL database (postgresql://user@host:5432/db, or Host=...;Database=...; the database must exist).") =>
        new("--db") { Description = what + " $PARALLAX_DB, when set, is the default.", DefaultValueFactory = _ => DefaultDb, HelpName = "FILE|URL" };

    /// <summary>A count and its noun, singular for one: "1 story", "2 stories".</summary>
    internal static string Count(long n, string one, string many) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    /// <summary>Opens the store, or says on stderr why it cannot be opened. <paramref name="readOnly"/>: for a command that only reads (see <see cref="StoreAddress.Open"/>).</summary>
    internal static IStoryStore? OpenStore(string path, TextWriter stderr, bool mustExist = false, bool readOnly = false)
    {
        if (StoreAddress.Refusal(path) is { } refusal)
        {
            Fail(stderr, refusal);
            return null;
        }
        if (mustExist && StoreAddress.Of(path) == StoreAddress.Kind.Sqlite && !File.Exists(path))
        {
            Fail(stderr, $"no store at {StoreAddress.Shown(path)}; create one with: parallax ingest --db {path} FOLDER_OR_FILES");
            return null;
        }
        try
        {
            return StoreAddress.Open(path, readOnly);
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Fail(stderr, e.Message);
            return null;
        }
    }

    private static Command IngestCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var inputs = new Argument<string[]>("PATH|URL")
        {
            Description = "Articles to add: .txt/.html/.jsonl(.gz) files, folders (read recursively), http(s) addresses of article pages (fetched politely, the article extracted), or '-' for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = DbOption();
        var leave = new Option<bool>("--leave-to-workers") { Description = "Only store the articles, and leave their stories to 'parallax worker' processes (which share the work, on several machines)." };
        var cmd = new Command("ingest", "Add articles to a store and bring its stories up to date: each article is stored once (the same address or the same text is recognised), new articles join the stories they belong to, and the briefs of changed stories are rebuilt. Safe to interrupt: what was committed stays, and the next ingest finishes the rest.")
        {
            inputs, db, leave,
        };
        var sizes = new LimitOptions();
        sizes.AddTo(cmd);
        var addresses = new AddressOptions();
        addresses.AddTo(cmd);
        cmd.SetAction((parse, cancel) =>
        {
            if (sizes.Get(parse, stderr) is not { } limits) return Task.FromResult(Failed);
            if (addresses.Get(parse, stderr) is not { } fetchOptions) return Task.FromResult(Failed);
            using var store = OpenStore(parse.GetValue(db)!, stderr);
            if (store is null) return Task.FromResult(Failed);
            var all = parse.GetValue(inputs)!;
            var urls = all.Where(a => WebAddress.TryParse(a, out _)).ToList();
            var paths = all.Where(a => !WebAddress.TryParse(a, out _)).ToArray();
            var errors = new List<ReadError>();
            var warnings = new List<ReadError>();
            var fetched = new List<Model.Article>();
            int failed = 0;
            if (urls.Count > 0)
            {
                using var fetcher = new PoliteFetcher(fetchOptions);
                var extractor = new PageExtractor();
                foreach (var url in urls)
                {
                    var (article, error) = PageArticles.FetchAsync(fetcher, extractor, new Uri(url), AddressOrigin.Operator, cancel).GetAwaiter().GetResult();
                    if (article is null)
                    {
                        stderr.WriteLine($"parallax: error: {url}: {error}");
                        failed++;
                    }
                    else
                    {
                        fetched.Add(article);
                    }
                }
            }
            var articles = fetched.Concat(paths.Length > 0 ? ArticleSource.Stream(paths, errors, warnings, stdin, limits) : []);
            PhaseProgress? shown = null;
            // A PostgreSQL server restarting mid-ingest is waited for, as workers wait for it.
            var retry = StoreAddress.Of(parse.GetValue(db)!) == StoreAddress.Kind.PostgreSql ? Retrying(stderr, () => shown?.Clear()) : null;
            var ingestor = new Ingestor(store, AnalysisPipeline.Default) { Limits = limits, Retry = retry };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            IngestReport report;
            using (var progress = shown = new PhaseProgress(stderr, enabled: !stderrRedirected))
            {
                try
                {
                    report = parse.GetValue(leave) ? IngestReport.Of(ingestor.StoreAll(articles, progress, cancel), RefreshReport.None, deferred: true) : ingestor.Ingest(articles, progress, cancel: cancel);
                }
                catch (StoreException e)
                {
                    return Task.FromResult(Fail(stderr, e.Message));
                }
            }
            errors.AddRange(report.Outcomes.Where(o => o.Status == AddStatus.Refused).Select(o => new ReadError(o.Id, o.Reason + "; not stored")));
            ReportProblems(stderr, errors, warnings);
            var r = report.Refresh;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"added {report.Added} of {Count(report.Offered, "article", "articles")} ({report.SameText} already stored with the same text, {report.SameUrl} with the same address, {report.Refused} refused); {Count(r.Stories, "story", "stories")} ({r.Rebuilt} briefed, {r.Removed} merged away); {Count(store.Count, "article", "articles")} in {store.Path}"));
            if (r.Quarantined > 0) stderr.WriteLine($"parallax: warning: {r.Quarantined} articles could not be processed and were set aside; see them with: parallax check --db {store.Path}");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timings: storing {clock.Elapsed.TotalSeconds - r.Elapsed.TotalSeconds:F1} s, story features {r.FeatureTime.TotalSeconds:F1} s, grouping {r.ClusterTime.TotalSeconds:F1} s, briefs {r.BriefTime.TotalSeconds:F1} s"));
            if (parse.GetValue(leave)) stderr.WriteLine($"parallax: note: stories are left to workers; start them with: parallax worker --db {store.Path}");
            if (report.Offered == 0 && failed == 0 && errors.Count == 0) stderr.WriteLine("parallax: warning: no articles found in the inputs");
            return Task.FromResult(failed > 0 || errors.Count > 0 ? (report.Added > 0 || report.Offered > 0 ? Partial : Failed) : Ok);
        });
        return cmd;
    }

    private static Command RefreshCommand(TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var db = DbOption();
        var reanalyse = new Option<bool>("--reanalyse") { Description = "Analyse every article afresh and rebuild every brief, after an upgrade changed the analyzers (articles set aside are tried again). The current briefs are served until their new ones are in; interrupted, the next 'refresh --reanalyse' resumes where it stopped." };
        var cmd = new Command("refresh", "Bring a store's stories up to date from scratch: compute story features for articles that lack them, group every article into stories afresh, and rebuild the briefs that changed. 'parallax serve' and 'watch' place each new article in its story at once and do this in the background when the stream goes quiet; afterwards the store equals one ingest of the same articles. Waits for another ingest into the store to finish. Safe to interrupt: the next refresh finishes the rest.")
        {
            db, reanalyse,
        };
        cmd.SetAction(parse =>
        {
            using var store = OpenStore(parse.GetValue(db)!, stderr, mustExist: true);
            if (store is null) return Failed;
            var ingestor = new Ingestor(store, AnalysisPipeline.Default);
            IngestReport report;
            using (var progress = new PhaseProgress(stderr, enabled: !stderrRedirected))
            {
                try
                {
                    if (parse.GetValue(reanalyse))
                    {
                        if (store.Reanalysing) stderr.WriteLine("parallax: resuming the re-analysis begun earlier");
                        var (refresh, _) = ingestor.Reanalyse(progress);
                        report = new IngestReport(0, 0, 0, 0, [], refresh);
                        if (store.Reanalysing) stderr.WriteLine($"parallax: warning: the re-analysis is not finished (another process is still analysing); run 'parallax refresh --reanalyse --db {store.Path}' again to finish it");
                    }
                    else report = ingestor.Ingest([], progress);
                }
                catch (StoreException e)
                {
                    return Fail(stderr, e.Message);
                }
            }
            var r = report.Refresh;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Count(r.Stories, "story", "stories")} ({r.Rebuilt} briefed, {r.Removed} merged away, {r.Featured} articles analysed); {Count(store.Count, "article", "articles")} in {store.Path}"));
            if (r.Quarantined > 0) stderr.WriteLine($"parallax: warning: {r.Quarantined} articles could not be processed and were set aside; see them with: parallax check --db {store.Path}");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timings: story features {r.FeatureTime.TotalSeconds:F1} s, grouping {r.ClusterTime.TotalSeconds:F1} s, briefs {r.BriefTime.TotalSeconds:F1} s"));
            return Ok;
        });
        return cmd;
    }

    private static Command StoriesCommand(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption("The store to read.");
        var since = new Option<string?>("--since") { Description = "Only stories dated on or after this day (YYYY-MM-DD).", HelpName = "DATE" };
        var until = new Option<string?>("--until") { Description = "Only stories dated on or before this day (YYYY-MM-DD).", HelpName = "DATE" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many stories to list.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var minSources = new Option<int>("--min-sources") { Description = "Only stories carried by at least this many independent sources.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var outlet = new Option<string?>("--outlet") { Description = "Only stories this outlet carries (its name, any case).", HelpName = "NAME" };
        var topic = new Option<string?>("--topic") { Description = "Only stories about this topic, as the input labels articles (AllSides' topic field, e.g. white_house).", HelpName = "TOPIC" };
        var conflicts = new Option<bool>("--with-conflicts") { Description = "Only stories where the sources contradict each other." };
        var cmd = new Command("stories", "List the stored stories, best first (more sources and more recent rank higher): id, date, independent sources, articles, conflicts found, title and a one-line summary, tab-separated. Brief one with: parallax brief --db FILE --story ID.")
        {
            db, since, until, limit, minSources, outlet, topic, conflicts,
        };
        cmd.SetAction(parse =>
        {
            DateOnly? Day(Option<string?> o, out string? problem)
            {
                problem = null;
                if (parse.GetValue(o) is not { } text) return null;
                if (DateParsing.TryParseIso(text, out var d)) return d;
                problem = $"{o.Name} \"{text}\" is not a date; write it as YYYY-MM-DD";
                return null;
            }
            var from = Day(since, out var p1);
            var to = Day(until, out var p2);
            if ((p1 ?? p2) is { } problem) return Fail(stderr, problem);
            using var store = OpenStore(parse.GetValue(db)!, stderr, mustExist: true, readOnly: true);
            if (store is null) return Failed;
            try
            {
                if (store.Check(quick: true).Quarantined is > 0 and var set) stderr.WriteLine($"parallax: warning: {set} articles could not be processed and are in no story; see them with: parallax check --db {store.Path}");
                stdout.WriteLine("id\tdate\tsources\tarticles\tconflicts\ttitle\tsummary");
                // The store lists a bounded page at a time; as many pages are read as the limit asks for.
                int wanted = Math.Max(0, parse.GetValue(limit)), listed = 0, total = 0;
                var query = new StoryQuery(from, to, 0, 0, parse.GetValue(minSources)) { Outlet = parse.GetValue(outlet), Topic = parse.GetValue(topic), HasConflicts = parse.GetValue(conflicts) };
                do
                {
                    var page = store.Stories(query with { Limit = Math.Min(SqliteStore.MaxStoryLimit, wanted - listed), Offset = listed });
                    total = page.Total;
                    foreach (var s in page.Stories)
                    {
                        stdout.WriteLine(string.Join('\t', s.Id, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated", s.Sources, s.Articles, s.Conflicts, Flat(s.Title), Flat(s.Summary)));
                    }
                    listed += page.Stories.Count;
                    if (page.Stories.Count == 0) break;
                }
                while (listed < wanted && listed < total);
                stderr.WriteLine($"{listed} of {Count(total, "story", "stories")}{(store.StoriesPending ? " (an ingest was interrupted: run 'parallax ingest' again to finish the stories)" : "")}");
                return Ok;
            }
            catch (StoreException e)
            {
                return Fail(stderr, e.Message);
            }
        });
        return cmd;
    }

    private static Command SearchCommand(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string[]>("QUERY") { Description = "Words that must all appear (word forms match: 'tariffs' finds 'tariff'); \"quoted words\" must appear together.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption("The store to search.");
        var limit = new Option<int>("--limit", "-n") { Description = "Most results.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var cmd = new Command("search", "Full-text search over stored articles and the facts of their briefs, best matches first: kind (article or fact), story, article, title, and the matching passage with matched words in [brackets].")
        {
            query, db, limit,
        };
        cmd.SetAction(parse =>
        {
            string q = string.Join(' ', parse.GetValue(query)!);
            if (FtsQuery.From(q) is null) return Fail(stderr, "the query holds no word to look for");
            using var store = OpenStore(parse.GetValue(db)!, stderr, mustExist: true, readOnly: true);
            if (store is null) return Failed;
            try
            {
                var hits = store.Search(q, Math.Max(1, parse.GetValue(limit)));
                stdout.WriteLine("kind\tstory\tarticle\ttitle\tpassage");
                foreach (var h in hits)
                {
                    string passage = Flat(h.Snippet).Replace(SearchHit.MarkStart, '[').Replace(SearchHit.MarkEnd, ']');
                    stdout.WriteLine(string.Join('\t', h.Kind.ToString().ToLowerInvariant(), h.Story ?? "-", h.Article ?? "-", Flat(h.Title), passage));
                }
                stderr.WriteLine($"{hits.Count} results");
                return hits.Count > 0 ? Ok : Partial;
            }
            catch (StoreException e)
            {
                return Fail(stderr, e.Message);
            }
        });
        return cmd;
    }

    private static Command CheckCommand(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption("The store to check.");
        var quick = new Option<bool>("--quick") { Description = "Counts only: skip the integrity check and the digest, which read the whole file." };
        var cmd = new Command("check", "Verify a store: the database's integrity and its search indexes, counts of articles, stories and facts, whether an interrupted ingest left stories to finish, and a digest of the content (two stores with equal digests hold the same articles, stories and briefs).")
        {
            db, quick,
        };
        cmd.SetAction(parse =>
        {
            using var store = OpenStore(parse.GetValue(db)!, stderr, mustExist: true);
            if (store is null) return Failed;
            try
            {
                bool fast = parse.GetValue(quick);
                var r = store.Check(fast);
                stdout.WriteLine($"integrity\t{r.Integrity}");
                stdout.WriteLine($"articles\t{r.Articles}");
                stdout.WriteLine($"articles without story features\t{r.Unfeatured}");
                stdout.WriteLine($"articles quarantined\t{r.Quarantined}");
                stdout.WriteLine($"stories\t{r.Stories}");
                stdout.WriteLine($"facts indexed\t{r.Facts}");
                stdout.WriteLine($"stories pending\t{(r.StoriesPending ? "yes (workers, a server or 'parallax refresh' finish them)" : "no")}");
                stdout.WriteLine($"digest\t{r.Digest}");
                if (r.NotChecked is { } skipped) stderr.WriteLine($"parallax: note: {skipped}");
                foreach (var q in store.Quarantined(20)) stdout.WriteLine($"quarantined\t{q.Id}\t{q.Stage}\t{q.Reason}");
                if (r.Quarantined > 20) stdout.WriteLine($"quarantined\t… and {r.Quarantined - 20} more");
                // A quick check reads counts only; it cannot say the store is damaged, and says so without failing.
                return fast || r.Integrity == "ok" ? Ok : Fail(stderr, $"{store.Path} is damaged: {r.Integrity}");
            }
            catch (StoreException e)
            {
                return Fail(stderr, e.Message);
            }
        });
        return cmd;
    }

    /// <summary>The brief of one stored story, rebuilt from its stored articles (the same brief the store holds).</summary>
    internal static Briefing.Brief? StoredBrief(IStoryStore store, string storyId, TextWriter stderr)
    {
        var stored = store.Story(storyId);
        if (stored is null)
        {
            Fail(stderr, $"no story {storyId} in {store.Path}; list them with: parallax stories --db {store.Path}");
            return null;
        }
        var articles = store.Articles(stored.Articles);
        var analyzed = Corpus.Analyze([.. articles.Select(a => a.Article)], AnalysisPipeline.Default);
        return new Briefing.BriefBuilder(AnalysisPipeline.Default).Build(new Stories.Story(storyId, analyzed, stored.DuplicateOf));
    }

    /// <summary>Progress of a long store operation on one terminal line, phase by phase; silent when stderr is not a terminal.</summary>
    private sealed class PhaseProgress(TextWriter stderr, bool enabled) : IProgress<RefreshProgress>, IDisposable
    {
        private readonly TerminalProgress _line = new(stderr, enabled, "", 0);

        public void Report(RefreshProgress value)
        {
            if (!_line.Due(complete: value.Total > 0 && value.Done >= value.Total)) return;
            _line.Write(value.Total > 0 ? $"{value.Phase} {value.Done}/{value.Total} ({100L * value.Done / value.Total}%)" : $"{value.Phase} {value.Done}");
        }

        /// <summary>Clears the line, so a message can be written; the next report writes it again.</summary>
        public void Clear() => _line.Done();

        public void Dispose() => Clear();
    }
}
