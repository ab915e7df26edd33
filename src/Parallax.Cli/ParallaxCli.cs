using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary>The <c>parallax</c> command line: a thin shell over the library that parses options, reads inputs and writes what the library renders.</summary>
public static partial class ParallaxCli
{
    /// <summary>Exit codes: 0 all inputs used; 1 nothing could be done; 2 done, but some inputs were skipped.</summary>
    public const int Ok = 0, Failed = 1, Partial = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected = true)
    {
        var root = BuildCommand(stdout, stderr, stdin, stderrRedirected);
        var parse = root.Parse(args);
        // A command line that does not parse gets one error line and a hint, not the whole help.
        if (parse.Action is System.CommandLine.Invocation.ParseErrorAction) return CliFace.ParseError(parse, stderr);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug must still end in one line, not a stack trace; the inputs that caused it are what a report needs.
            var inner = e is AggregateException { InnerExceptions.Count: > 0 } agg ? agg.InnerExceptions[0] : e;
            stderr.WriteLine($"parallax: internal error: {inner.GetType().Name}: {inner.Message} — please report it with the input that caused it");
            return Failed;
        }
    }

    internal static RootCommand BuildCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var root = new RootCommand(
            "Parallax reads many outlets' reports of the same events and tells you what actually happened: which articles " +
            "belong to which story, what the sources agree on, where they contradict each other, who said what, what only one " +
            "outlet reports, and when it happened — every statement cited to the sentences it came from.\n\n" +
            "Inputs are .txt files (a leading 'date 2025-11-24', front matter or dateline is read as metadata), .html pages, " +
            ".jsonl files (one article per line: id, source, title, published, url, text), folders of these, or '-' for standard input.\n\n" +
            "Start with:  parallax brief examples/\n" +
            "From the web: parallax extract URL (one page), parallax watch FEED_OR_OPML... (poll feeds into a store)\n" +
            "As a service: parallax ingest FOLDER (into parallax.db), then parallax serve (a web site and JSON API on http://127.0.0.1:5080),\n" +
            "              parallax stories, parallax search WORDS, parallax brief --db parallax.db --story ID\n\n" +
            "Exit codes: 0 all inputs were read; 2 output written but some inputs were skipped (each named on stderr); 1 nothing could be done.");
        root.Add(BriefCommand(stdout, stderr, stdin, stderrRedirected));
        root.Add(AnalyzeCommand(stdout, stderr, stdin));
        root.Add(ClusterCommand(stdout, stderr, stdin, stderrRedirected));
        root.Add(BenchCommand(stdout, stderr, stdin, stderrRedirected));
        root.Add(ExtractCommand(stdout, stderr));
        root.Add(WatchCommand(stdout, stderr));
        root.Add(EvalCommand(stdout, stderr, stderrRedirected));
        root.Add(IngestCommand(stdout, stderr, stdin, stderrRedirected));
        root.Add(StoriesCommand(stdout, stderr));
        root.Add(SearchCommand(stdout, stderr));
        root.Add(ServeCommand(stdout, stderr));
        root.Add(CheckCommand(stdout, stderr));
        root.SetAction(_ =>
        {
            CliFace.Overview(root, stdout);
            return Ok;
        });
        CliFace.Install(root);
        return root;
    }

    private static Command AnalyzeCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var file = new Argument<string>("FILE") { Description = "An article: a .txt, .html or single-line .jsonl file, or '-' for standard input." };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) that relative times like 'Monday' are read against; overrides any date in the file.", HelpName = "YYYY-MM-DD" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: json (the v1 contract) or md (for reading).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md");
        var cmd = new Command("analyze", "Show one article's annotations: sentences, people/organisations/places, quotes with speakers, quantities, and time expressions with calendar values.")
        {
            file, published, format,
        };
        var sizes = new LimitOptions();
        sizes.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            if (sizes.Get(parse, stderr) is not { } limits) return Failed;
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateParsing.TryParseIso(p, out var d)) return Fail(stderr, $"--published \"{p}\" is not a date; {DateParsing.IsoHint}, e.g. 2025-11-24");
                date = d;
            }
            var read = ArticleSource.Read([parse.GetValue(file)!], stdin, limits);
            ReportProblems(stderr, read);
            if (read.Articles.Count == 0) return Failed;
            var article = read.Articles[0];
            if (date is not null) article = article with { Published = date };
            var analyzed = AnalysisPipeline.Default.Analyze(article);
            stdout.Write(parse.GetValue(format) == "md" ? AnalysisRenderer.Markdown(analyzed) : AnalysisRenderer.Json(analyzed) + "\n");
            return read.Errors.Count > 0 || read.Articles.Count > 1 ? Partial : Ok;
        });
        return cmd;
    }

    private static Command BriefCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var paths = PathsArgument();
        paths.Arity = ArgumentArity.ZeroOrMore;
        var db = new Option<string?>("--db") { Description = "Brief a stored story instead of files: the store (see 'parallax ingest'); needs --story.", HelpName = "FILE" };
        var storyId = new Option<string?>("--story") { Description = "With --db: the id of the story to brief (list them with 'parallax stories').", HelpName = "ID" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: md (Markdown to read or paste), html (a self-contained page with the sources side by side), or json (version 2 of the brief contract, for other tools; see the README).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the brief to FILE instead of standard output.", HelpName = "FILE" };
        var cmd = new Command("brief", "Read the articles, group them into stories, and write one brief per story: what the sources agree on and how many carry it, where they contradict each other, who said what, what only one outlet reports, a timeline and the names — each statement cited to its sources.")
        {
            paths, format, output, db, storyId,
        };
        var sizes = new LimitOptions();
        sizes.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            if (sizes.Get(parse, stderr) is not { } limits) return Failed;
            List<Briefing.Brief> briefs;
            ReadResult? read = null;
            if (parse.GetValue(db) is { } dbPath)
            {
                if (parse.GetValue(paths) is { Length: > 0 }) return Fail(stderr, "give either files to brief or --db with --story, not both");
                if (parse.GetValue(storyId) is not { } id) return Fail(stderr, $"--db needs --story ID; list the stories with: parallax stories --db {dbPath}");
                using var store = OpenStore(dbPath, stderr, mustExist: true);
                if (store is null) return Failed;
                var brief = StoredBrief(store, id, stderr);
                if (brief is null) return Failed;
                briefs = [brief];
            }
            else
            {
                if (parse.GetValue(storyId) is not null) return Fail(stderr, "--story needs --db FILE, the store that holds the story");
                if (parse.GetValue(paths) is not { Length: > 0 } inputs) return Fail(stderr, "give articles to brief (files or folders), or --db FILE --story ID (try: parallax brief examples/)");
                (read, var analyzed) = ReadAndAnalyze(inputs, stdin, stderr, stderrRedirected, limits);
                if (analyzed.Count == 0) return Fail(stderr, "no articles to brief; give .txt, .html or .jsonl files or folders holding them (try: parallax brief examples/)");
                var stories = new Stories.StoryClusterer().Cluster(analyzed);
                var builder = new Briefing.BriefBuilder(AnalysisPipeline.Default);
                briefs = [.. stories.Select(builder.Build)];
            }
            string text = parse.GetValue(format) switch
            {
                "json" => BriefJson.Write(briefs),
                "html" => BriefHtml.Write(briefs),
                _ => BriefMarkdown.Write(briefs),
            };
            if (parse.GetValue(output) is { } file)
            {
                try
                {
                    File.WriteAllText(file.FullName, text);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Fail(stderr, $"cannot write {file.FullName} ({e.Message}); choose another --output path");
                }
            }
            else
            {
                stdout.Write(text);
            }
            return read?.Errors.Count > 0 ? Partial : Ok;
        });
        return cmd;
    }

    private static Command ClusterCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format", "-f") { Description = "Output format: jsonl (one line per article: id, story, duplicateOf) or md (stories as lists).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "md");
        var cmd = new Command("cluster", "Group articles into stories (reports of the same event) and mark near-duplicate copies, without writing briefs.")
        {
            paths, format,
        };
        var sizes = new LimitOptions();
        sizes.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            if (sizes.Get(parse, stderr) is not { } limits) return Failed;
            var (read, analyzed) = ReadAndAnalyze(parse.GetValue(paths)!, stdin, stderr, stderrRedirected, limits);
            if (analyzed.Count == 0) return Fail(stderr, "no articles to cluster; give .txt, .html or .jsonl files or folders holding them");
            var stories = new Stories.StoryClusterer().Cluster(analyzed);
            stdout.Write(parse.GetValue(format) == "md" ? ClusterRenderer.Markdown(stories) : ClusterRenderer.Jsonl(stories, analyzed));
            return read.Errors.Count > 0 ? Partial : Ok;
        });
        return cmd;
    }

    private static Command BenchCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var paths = PathsArgument();
        var limits = new Option<int[]>("--sizes") { Description = "Measure at these article counts (first N of the input), e.g. --sizes 5000 10000 20000; default: all of it.", AllowMultipleArgumentsPerToken = true, HelpName = "N" };
        var stream = new Option<bool>("--stream") { Description = "Analysis only: articles are read, analysed in parallel batches and dropped, so memory stays flat. Reports words/s (and per core) and memory at each of --sizes (default: every 5,000 articles)." };
        var briefs = new Option<bool>("--briefs") { Description = "Also build a brief for every story (keeps every analysis in memory; measures the whole 'brief' path)." };
        var storySizes = new Option<int[]>("--story-sizes")
        {
            HelpName = "N",
            Description = "Time the brief of one story of N articles on one core, for each N given (e.g. --story-sizes 5 20 100): stories of at least N articles are found in the input and cut to their first N; reports the median and slowest over up to 5 such stories.",
            AllowMultipleArgumentsPerToken = true,
        };
        var shapes = new Option<int[]>("--shapes")
        {
            Description = "Time hostile input shapes built from the corpus at these sizes in MB (e.g. --shapes 1 2 4 8 16 32): one article of real sentences on one line, the same text with no sentence breaks (both analysed and briefed), and that many MB of articles all sharing one id (read and stored). Time per MB should stay flat as size doubles. Bypasses the per-article limit, to measure the library.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "MB",
        };
        var http = new Option<string[]>("--http")
        {
            Description = "Load-test a running 'parallax serve' instead: request these addresses in turn at --rate requests per second for --duration (open loop: requests start on schedule, latency counts from when each was due) and report the rate reached and p50/p90/p99/max latency. Write one address as STORIES:BASE (e.g. STORIES:http://127.0.0.1:5080) for 200 story pages of that server.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "URL",
        };
        var rate = new Option<double>("--rate") { Description = "With --http: requests per second.", DefaultValueFactory = _ => 500, HelpName = "RATE" };
        var duration = new Option<string>("--duration") { Description = "With --http: how long to send, e.g. 20s.", DefaultValueFactory = _ => "20s", HelpName = "DURATION" };
        paths.Arity = ArgumentArity.ZeroOrMore;
        var cmd = new Command("bench", "Measure speed on a corpus: articles and words per second for reading, analysis and story clustering, with peak memory, at one or more input sizes (the first N articles), to show how time grows with input. With --http, measure a running server's latency at a fixed request rate instead.")
        {
            paths, limits, stream, briefs, storySizes, shapes, http, rate, duration,
        };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(http) is { Length: > 0 } targets) return HttpBench(targets, parse.GetValue(rate), parse.GetValue(duration)!, stdout, stderr);
            if (parse.GetValue(paths) is not { Length: > 0 }) return Fail(stderr, "give the articles to measure on (files or folders), or --http URL to load-test a server");
            if (parse.GetValue(stream)) return StreamBench(parse.GetValue(paths)!, parse.GetValue(limits) ?? [], stdout, stderr, stderrRedirected);
            if (parse.GetValue(shapes) is { Length: > 0 } mb) return ShapeBench.Run(parse.GetValue(paths)!, mb, stdout, stderr);
            if (parse.GetValue(storySizes) is { Length: > 0 } perStory) return StoryBench(parse.GetValue(paths)!, perStory, stdout, stderr, stderrRedirected);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            int[] sizes = parse.GetValue(limits) is { Length: > 0 } l ? l.Where(n => n > 0).Distinct().Order().ToArray() : [int.MaxValue];
            bool withBriefs = parse.GetValue(briefs);
            stdout.WriteLine("articles\twords\tanalyse_s\tcluster_s\tbrief_s\ttotal_s\tarticles_per_s\twords_per_s\tstories\tcopies\tpeak_MB");
            int available = int.MaxValue, measured = -1;
            string summary = "";
            foreach (int size in sizes)
            {
                if (size > available) break;
                // Each size is a fresh run over the first N articles, read and analysed as a stream; clustering keeps only
                // each article's features, as a long-running feed would.
                var errors = new List<ReadError>();
                var warnings = new List<ReadError>();
                var features = new List<Stories.StoryFeatures>();
                var kept = new Dictionary<string, Model.AnalyzedArticle>(StringComparer.Ordinal);
                long words = 0;
                GC.Collect();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using (var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "analysing", size == int.MaxValue ? 0 : size))
                {
                    Corpus.AnalyzeStream(ArticleSource.Stream(parse.GetValue(paths)!, errors, warnings, stdin).Take(size), AnalysisPipeline.Default,
                        a => (Features: Stories.StoryFeatures.Of(a), Words: a.Tokens.Count(t => t.Kind == Model.TokenKind.Word), Analysis: withBriefs ? a : null),
                        x =>
                        {
                            features.Add(x.Features);
                            if (x.Analysis is not null) kept[x.Analysis.Id] = x.Analysis;
                            words += x.Words;
                            progress.Report(features.Count);
                        });
                    progress.Done();
                }
                double analyse = clock.Elapsed.TotalSeconds;
                if (features.Count == 0) return Fail(stderr, "no articles to measure");
                if (features.Count == measured) break; // the input ran out at the previous size
                measured = features.Count;
                if (features.Count < size) available = features.Count;
                clock.Restart();
                var stories = new Stories.StoryClusterer().Cluster(features);
                double cluster = clock.Elapsed.TotalSeconds;
                clock.Restart();
                if (withBriefs)
                {
                    var builder = new Briefing.BriefBuilder(AnalysisPipeline.Default);
                    Parallel.ForEach(stories, st => builder.Build(new Stories.Story(st.Id, [.. st.Articles.Select(id => kept[id])], st.DuplicateOf)));
                }
                double brief = clock.Elapsed.TotalSeconds;
                double total = analyse + cluster + brief;
                long peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
                stdout.WriteLine(string.Join('\t', features.Count, words, analyse.ToString("F2", ci), cluster.ToString("F2", ci), brief.ToString("F2", ci), total.ToString("F2", ci),
                    (features.Count / total).ToString("F0", ci), (words / total).ToString("F0", ci), stories.Count, stories.Sum(st => st.DuplicateOf.Count), peak));
                summary = $"{features.Count} articles on {Environment.ProcessorCount} cores ({errors.Count} errors, {warnings.Count} warnings)";
            }
            stderr.WriteLine(summary);
            return Ok;
        });
        return cmd;
    }

    private static int HttpBench(string[] targets, double rate, string duration, TextWriter stdout, TextWriter stderr)
    {
        if (rate is <= 0 or > 100_000) return Fail(stderr, "--rate takes requests per second, between 1 and 100000");
        if (!TryDuration(duration, out var span) || span <= TimeSpan.Zero) return Fail(stderr, $"--duration {duration}: give a duration such as 20s");
        var urls = new List<Uri>();
        foreach (var t in targets)
        {
            if (t.StartsWith("STORIES:", StringComparison.Ordinal))
            {
                string server = t["STORIES:".Length..].TrimEnd('/');
                try
                {
                    using var http = new HttpClient();
                    var list = System.Text.Json.JsonDocument.Parse(http.GetStringAsync($"{server}/api/stories?limit=200").GetAwaiter().GetResult());
                    urls.AddRange(list.RootElement.GetProperty("stories").EnumerateArray().Select(s => new Uri(server + s.GetProperty("href").GetString())));
                }
                catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    return Fail(stderr, $"cannot list the stories of {server} ({e.Message}); is 'parallax serve' running there?");
                }
                if (urls.Count == 0) return Fail(stderr, $"{server} has no stories to request");
            }
            else if (Fetching.WebAddress.TryParse(t, out var u))
            {
                urls.Add(u);
            }
            else
            {
                return Fail(stderr, $"--http {t}: give http(s) addresses, or STORIES:BASE");
            }
        }
        stdout.WriteLine("target	sent	ok	failed	rate_per_s	p50_ms	p90_ms	p99_ms	max_ms");
        var r = LoadClient.RunAsync(urls, rate, span, CancellationToken.None).GetAwaiter().GetResult();
        stdout.WriteLine(LoadClient.Line(urls.Count == 1 ? urls[0].ToString() : $"{urls.Count} addresses", r));
        return r.Failed > 0 ? Partial : Ok;
    }

    /// <summary>
    /// Times single briefs: the input is clustered from features first, then read again keeping the analyses of the stories
    /// to be briefed only, so a large corpus fits; each brief is built three times on this thread and the median taken.
    /// </summary>
    private static int StoryBench(string[] paths, int[] sizes, TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        sizes = [.. sizes.Where(n => n > 0).Distinct().Order()];
        if (sizes.Length == 0) return Fail(stderr, "--story-sizes needs one or more article counts above zero, e.g. --story-sizes 5 100");
        const int StoriesPerSize = 5;
        var errors = new List<ReadError>();
        var features = new List<Stories.StoryFeatures>();
        using (var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "finding stories", 0))
        {
            Corpus.AnalyzeStream(ArticleSource.Stream(paths, errors, []), AnalysisPipeline.Default, Stories.StoryFeatures.Of, f =>
            {
                features.Add(f);
                progress.Report(features.Count);
            });
            progress.Done();
        }
        if (features.Count == 0) return Fail(stderr, "no articles to measure");
        var stories = new Stories.StoryClusterer().Cluster(features);
        var picked = sizes.ToDictionary(n => n, n => stories.Where(st => st.Articles.Count >= n).OrderBy(st => st.Articles.Count).Take(StoriesPerSize).ToList());
        var wanted = picked.Values.SelectMany(l => l).SelectMany(st => st.Articles).ToHashSet(StringComparer.Ordinal);
        var kept = new Dictionary<string, Model.AnalyzedArticle>(StringComparer.Ordinal);
        Corpus.AnalyzeStream(ArticleSource.Stream(paths, [], []).Where(a => wanted.Contains(a.Id)), AnalysisPipeline.Default, a => kept[a.Id] = a);
        var builder = new Briefing.BriefBuilder(AnalysisPipeline.Default);
        // One brief first, untimed, so the timings do not include compiling the code on first use.
        var first = picked.Values.SelectMany(l => l).FirstOrDefault();
        if (first is not null) builder.Build(new Stories.Story(first.Id, [.. first.Articles.Where(kept.ContainsKey).Select(id => kept[id])], first.DuplicateOf));
        stdout.WriteLine("articles_per_story\tstories\tmedian_ms\tslowest_ms\tfacts\tconflicts");
        foreach (int n in sizes)
        {
            if (picked[n].Count == 0)
            {
                stdout.WriteLine(string.Join('\t', n, 0, "-", "-", "-", "-"));
                continue;
            }
            var times = new List<double>();
            int facts = 0, conflicts = 0;
            foreach (var st in picked[n])
            {
                var members = st.Articles.Where(kept.ContainsKey).Select(id => kept[id]).OrderBy(a => a.Article.Published ?? DateOnly.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal).Take(n).ToList();
                var story = new Stories.Story(st.Id, members, st.DuplicateOf.Where(kv => members.Any(m => m.Id == kv.Key)).ToDictionary());
                var runs = new List<double>();
                Briefing.Brief? brief = null;
                for (int run = 0; run < 3; run++)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    brief = builder.Build(story);
                    runs.Add(clock.Elapsed.TotalMilliseconds);
                }
                times.Add(runs.Order().ElementAt(1));
                facts += brief!.Facts.Count;
                conflicts += brief.Conflicts.Count;
            }
            times.Sort();
            stdout.WriteLine(string.Join('\t', n, times.Count, times[times.Count / 2].ToString("F1", ci), times[^1].ToString("F1", ci), facts / times.Count, conflicts / times.Count));
        }
        stderr.WriteLine($"{features.Count} articles, {stories.Count} stories; briefs built one at a time on one thread ({errors.Count} read errors)");
        return Ok;
    }

    /// <summary>Streams the corpus through the analysis pipeline, printing throughput and memory at checkpoints to show both stay flat.</summary>
    private static int StreamBench(string[] paths, int[] sizes, TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        var checkpoints = new SortedSet<int>(sizes.Where(n => n > 0));
        int cores = Environment.ProcessorCount;
        stdout.WriteLine("articles\twords\tseconds\tarticles_per_s\twords_per_s\twords_per_s_per_core\theap_MB\tworking_set_MB\tpeak_MB");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long words = 0;
        int articles = 0;
        using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "analysing", 0);
        void Report()
        {
            double t = clock.Elapsed.TotalSeconds;
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            stdout.WriteLine(string.Join('\t', articles, words, t.ToString("F2", ci), (articles / t).ToString("F0", ci), (words / t).ToString("F0", ci), (words / t / cores).ToString("F0", ci),
                GC.GetTotalMemory(false) / (1024 * 1024), self.WorkingSet64 / (1024 * 1024), self.PeakWorkingSet64 / (1024 * 1024)));
        }
        Corpus.AnalyzeStream(ArticleSource.Stream(paths, errors, warnings), AnalysisPipeline.Default, analyzed =>
        {
            foreach (var token in analyzed.Tokens)
            {
                if (token.Kind == Model.TokenKind.Word) words++;
            }
            articles++;
            progress.Report(articles);
            if (checkpoints.Count > 0 ? checkpoints.Contains(articles) : articles % 5000 == 0) Report();
        });
        progress.Done();
        Report();
        if (articles == 0) return Fail(stderr, "no articles to measure");
        stderr.WriteLine($"{articles} articles on {cores} cores ({errors.Count} errors, {warnings.Count} warnings)");
        return Ok;
    }

    private static Command EvalCommand(TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var eval = new Command("eval", "Score Parallax against annotated public data (gold standards), as CI does with the floors in quality/floors.json.");

        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder of TimeML .tml files with a creation time and gold TIMEX3 annotations (e.g. ../shared/corpora/timebank)." };
        var errors = new Option<int>("--errors") { Description = "Also list up to N errors (missed, spurious, wrong value) for analysis.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var timex = new Command("timex", "Time expressions: extent F1 (strict and relaxed), type accuracy and value F1, TempEval-3 style.") { dir, errors };
        timex.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            if (!folder.Exists || !folder.EnumerateFiles("*.tml").Any()) return Fail(stderr, $"{folder.FullName} holds no .tml files; point it at a TimeML folder such as ../shared/corpora/timebank");
            try
            {
                var s = Evaluation.TimexScores.Evaluate(folder.FullName, AnalysisPipeline.Default);
                var ci = System.Globalization.CultureInfo.InvariantCulture;
                stdout.WriteLine(string.Create(ci, $"gold {s.Gold}, found {s.Predicted}"));
                stdout.WriteLine(string.Create(ci, $"extent strict F1   {s.StrictF1:F3}"));
                stdout.WriteLine(string.Create(ci, $"extent relaxed F1  {s.RelaxedF1:F3}  (P {s.RelaxedPrecision:F3}, R {s.RelaxedRecall:F3})"));
                stdout.WriteLine(string.Create(ci, $"type accuracy      {s.TypeAccuracy:F3}"));
                stdout.WriteLine(string.Create(ci, $"value F1           {s.ValueF1:F3}"));
                foreach (var e in s.Errors.Take(parse.GetValue(errors)))
                {
                    stdout.WriteLine($"{e.Kind}\t{e.Document}\t{e.Text.ReplaceLineEndings(" ")}\tgold={e.GoldValue}\tours={e.Value}");
                }
                return Ok;
            }
            catch (System.Xml.XmlException e)
            {
                return Fail(stderr, $"a .tml file is not well-formed XML ({e.Message})");
            }
        });
        eval.Add(timex);

        var split = new Argument<DirectoryInfo>("DIR") { Description = "A PolNeAR split: a folder with text/*.txt and attributions/*.ann (e.g. ../shared/corpora/polnear/dev)." };
        var speakerErrors = new Option<int>("--errors") { Description = "Also list up to N direct quotes whose speaker is wrong: the gold source, the speaker found, and the quote.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var quotes = new Command("quotes", "Quotations and attributions: content-span overlap P/R/F1 and speaker accuracy, for direct quotes and for all attributions.") { split, speakerErrors };
        quotes.SetAction(parse =>
        {
            var folder = parse.GetValue(split)!;
            if (!Directory.Exists(Path.Combine(folder.FullName, "attributions")) || !Directory.Exists(Path.Combine(folder.FullName, "text"))) return Fail(stderr, $"{folder.FullName} has no text/ and attributions/ folders; point it at a PolNeAR split such as ../shared/corpora/polnear/dev");
            int listed = parse.GetValue(speakerErrors);
            var wrong = listed > 0 ? new List<string>() : null;
            var (direct, all, docs) = Evaluation.AttributionEvaluation.Evaluate(folder.FullName, AnalysisPipeline.Default, wrong);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(ci, $"documents {docs}"));
            stdout.WriteLine(string.Create(ci, $"direct quotes    gold {direct.Gold,5}  found {direct.Predicted,5}  P {direct.Precision:F3}  R {direct.Recall:F3}  F1 {direct.F1:F3}  speaker accuracy {direct.SpeakerAccuracy:F3}"));
            stdout.WriteLine(string.Create(ci, $"all attributions gold {all.Gold,5}  found {all.Predicted,5}  P {all.Precision:F3}  R {all.Recall:F3}  F1 {all.F1:F3}  speaker accuracy {all.SpeakerAccuracy:F3}"));
            foreach (var line in (wrong ?? []).Order(StringComparer.Ordinal).Take(listed)) stdout.WriteLine("wrong speaker\t" + line);
            return Ok;
        });
        eval.Add(quotes);

        var ecb = new Argument<DirectoryInfo>("DIR") { Description = "The ECB+ folder (../shared/corpora/ecbplus) or its mentions/ folder: one folder per sub-topic with the documents' JSON, tokens.conll and entity_mentions.json." };
        var topicRange = new Option<string?>("--topics") { Description = "Only these topics, as a range or list: 1-35, 36-45, 1,3,5. Default: every topic present.", HelpName = "RANGE" };
        var entityErrors = new Option<int>("--errors") { Description = "Also list up to N gold entities split apart and N found entities merging gold ones (named participants, resolved across each topic).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var entities = new Command("entities", "Cross-document entity coreference on ECB+ (named people, organisations and governments linked across the documents of a topic): MUC, B³, CEAF-e and their CoNLL average, beside two exact-string baselines.") { ecb, topicRange, entityErrors };
        entities.SetAction(parse =>
        {
            var folder = parse.GetValue(ecb)!;
            string mentionsDir = Directory.Exists(Path.Combine(folder.FullName, "mentions")) ? Path.Combine(folder.FullName, "mentions") : folder.FullName;
            if (!Directory.EnumerateFiles(mentionsDir, "entity_mentions.json", SearchOption.AllDirectories).Any()) return Fail(stderr, $"{folder.FullName} holds no */entity_mentions.json; point it at ../shared/corpora/ecbplus");
            Func<int, bool>? topics = null;
            if (parse.GetValue(topicRange) is { } range)
            {
                if (!Evaluation.TopicRange.TryParse(range, out var set)) return Fail(stderr, $"--topics {range}: give a range or a list of topic numbers, e.g. 1-35 or 1,3,5");
                topics = set.Contains;
            }
            var (docs, dropped) = Evaluation.EcbPlusCorpus.Read(mentionsDir, topics);
            if (docs.Count == 0) return Fail(stderr, "no ECB+ documents in those topics");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(ci, $"documents {docs.Count} in {docs.Select(d => d.Topic).Distinct().Count()} topics; gold mentions not placed on the text: {dropped}"));
            var reports = Evaluation.EntityEvaluation.Evaluate(docs, AnalysisPipeline.Default, parse.GetValue(entityErrors), out var errorLines);
            foreach (var r in reports)
            {
                stdout.WriteLine(string.Create(ci, $"{r.Mentions}: {r.Gold} gold mentions, {r.Found} found by Parallax ({(double)r.Found / Math.Max(1, r.Gold):P1})"));
                stdout.WriteLine("  grouping                                   MUC F1  B3 P   B3 R   B3 F1  CEAF-e  CoNLL");
                foreach (var run in r.Runs)
                {
                    var s = run.Scores;
                    stdout.WriteLine(string.Create(ci, $"  {run.Name,-42} {s.Muc.F1:F3}  {s.BCubed.Precision:F3}  {s.BCubed.Recall:F3}  {s.BCubed.F1:F3}  {s.CeafE.F1:F3}   {s.Conll:F3}"));
                }
            }
            foreach (var line in errorLines) stdout.WriteLine(line);
            return Ok;
        });
        eval.Add(entities);

        var msrp = new Argument<FileInfo>("FILE") { Description = "An MSRP-format .tsv: a header, then label (1 = paraphrase), two ids and two sentences per line (e.g. ../shared/corpora/msrp/train.tsv)." };
        var msrpTrain = new Option<FileInfo?>("--train") { Description = "Tune every threshold and fit the combination on this file, and score FILE as unseen. Default: tune on four fifths of FILE and score the fifth kept aside (chosen by a hash of the ids).", HelpName = "FILE" };
        var predictions = new Option<bool>("--predictions") { Description = "Print one JSON line per unseen pair instead: {\"id1\",\"id2\",\"same\",\"score\",\"kind\"} from the fitted combination; kind is same, conflict (the same proposition with another figure) or different." };
        var fitOut = new Option<FileInfo?>("--fit") { Description = "Write the fitted combination (feature means, scales and weights, bias, threshold) to this file.", HelpName = "FILE" };
        var vectorsFrom = new Option<string[]>("--vectors")
        {
            HelpName = "PATH",
            Description = "Also learn word vectors from these articles (files or folders, e.g. ../shared/corpora/allsides.jsonl.gz; PPMI and a randomized SVD, 30,000 words × 100 dimensions) and score their sentence cosine alone and as a further feature.",
            AllowMultipleArgumentsPerToken = true,
        };
        var vectorArticles = new Option<int?>("--vector-articles") { Description = "With --vectors: learn from the first N articles only.", HelpName = "N" };
        var paraphrase = new Command("paraphrase", "Paraphrase identification on MSRP-format pairs: accuracy and P/R/F1 of \"same\" for word overlap, the fact aligner's cosine and a logistic regression over all features, each tuned on one set of pairs and scored on another.") { msrp, msrpTrain, predictions, fitOut, vectorsFrom, vectorArticles };
        paraphrase.SetAction(parse =>
        {
            var file = parse.GetValue(msrp)!;
            List<Evaluation.ParaphrasePair> pairs, tunePairs;
            try
            {
                if (!file.Exists) return Fail(stderr, $"{file.FullName} does not exist; point it at an MSRP-format .tsv such as ../shared/corpora/msrp/train.tsv");
                pairs = Evaluation.MsrpCorpus.Read(file.FullName);
                var train = parse.GetValue(msrpTrain);
                if (train is not null && !train.Exists) return Fail(stderr, $"--train {train.FullName} does not exist");
                tunePairs = train is null ? pairs.Where(p => !p.Aside).ToList() : Evaluation.MsrpCorpus.Read(train.FullName);
                if (train is null) pairs = pairs.Where(p => p.Aside).ToList();
            }
            catch (FormatException e)
            {
                return Fail(stderr, e.Message);
            }
            if (pairs.Count == 0 || tunePairs.Count == 0) return Fail(stderr, "no pairs to tune on or to score");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var (tune, analysedTune) = Evaluation.ParaphraseEvaluation.Measure(tunePairs, AnalysisPipeline.Default);
            var (unseen, analysed) = Evaluation.ParaphraseEvaluation.Measure(pairs, AnalysisPipeline.Default);
            string? vectorLine = null;
            if (parse.GetValue(vectorsFrom) is { Length: > 0 } corpus)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var readErrors = new List<ReadError>();
                var readWarnings = new List<ReadError>();
                var texts = ArticleSource.Stream(corpus, readErrors, readWarnings).Select(a => a.Text);
                if (parse.GetValue(vectorArticles) is { } limit) texts = texts.Take(Math.Max(0, limit));
                int read = 0;
                var vectors = Similarity.WordVectors.Train(texts.Select(t => { read++; return t; }));
                foreach (var e in readErrors) stderr.WriteLine($"parallax: {e}");
                (tune, unseen) = Evaluation.ParaphraseEvaluation.WithVectors(tune, unseen, vectors);
                vectorLine = string.Create(ci, $"word vectors: {vectors.Words.Count} words × {vectors.Dimensions} learnt from {read} articles in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var (runs, combined) = Evaluation.ParaphraseEvaluation.Compare(tune, unseen);
            if (parse.GetValue(fitOut) is { } outFile) File.WriteAllText(outFile.FullName, combined.Write());
            int numbers = Array.IndexOf(Similarity.ParaphraseFeatures.Names, "numbersDiffer");
            if (parse.GetValue(predictions))
            {
                foreach (var p in unseen)
                {
                    double score = Evaluation.ParaphraseEvaluation.Probability(combined, p.Features);
                    bool same = score >= combined.Threshold;
                    string kind = same ? (p.Features[numbers] > 0 ? "conflict" : "same") : "different";
                    stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id1 = p.Pair.Id1, id2 = p.Pair.Id2, same, score = Math.Round(score, 4), kind }));
                }
                return Ok;
            }
            double sentences = 2.0 * (tunePairs.Count + pairs.Count);
            stdout.WriteLine(string.Create(ci, $"pairs: tuned on {tune.Count} ({tune.Count(p => p.Pair.Same)} same), scored on {unseen.Count} unseen ({unseen.Count(p => p.Pair.Same)} same)"));
            stdout.WriteLine(string.Create(ci, $"analysis and features: {sentences / Math.Max(1e-9, analysedTune + analysed):F0} sentences/s"));
            if (vectorLine is not null) stdout.WriteLine(vectorLine);
            stdout.WriteLine("  decision                                                             tuned: acc    F1  | unseen: acc    P      R      F1");
            foreach (var r in runs)
            {
                stdout.WriteLine(string.Create(ci, $"  {r.Name,-68} {r.Tuned.Accuracy:F3}  {r.Tuned.F1:F3} |  {r.Unseen.Accuracy:F3}  {r.Unseen.Precision:F3}  {r.Unseen.Recall:F3}  {r.Unseen.F1:F3}"));
            }
            var conflicts = unseen.Where(p => Evaluation.ParaphraseEvaluation.Decide(combined, p.Features) && p.Features[numbers] > 0).ToList();
            stdout.WriteLine(string.Create(ci, $"unseen pairs the combination calls the same proposition with another figure (a conflict, not a paraphrase): {conflicts.Count}, of which MSRP labels {conflicts.Count(p => !p.Pair.Same)} not paraphrases"));
            return Ok;
        });
        eval.Add(paraphrase);

        var file = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var haystack = new Option<string[]>("--haystack")
        {
            HelpName = "PATH",
            Description = "Hide the gold articles among these other articles (files or folders, e.g. ../shared/corpora/allsides.jsonl.gz) and cluster everything together; scores cover the gold articles, and outside articles that join gold stories are counted.",
            AllowMultipleArgumentsPerToken = true,
        };
        var examples = new Option<int>("--errors") { Description = "Also list up to N of each kind of error, costliest first: gold stories split, found stories merging gold ones, outside articles joining gold stories.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var clusters = new Command("clusters", "Story clustering: BCubed precision/recall/F1, pairwise F1, and how many gold stories were split or merged.") { file, haystack, examples };
        clusters.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(file)!, stderr);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to score against");
            var about = new Dictionary<string, Model.Article>(StringComparer.Ordinal);
            var features = new List<Stories.StoryFeatures>();
            var errors = new List<ReadError>();
            var warnings = new List<ReadError>();
            if (parse.GetValue(haystack) is { Length: > 0 } hay)
            {
                int seen = 0, clashes = 0;
                using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "analysing the haystack", 0);
                var outside = ArticleSource.Stream(hay, errors, warnings).Where(a =>
                {
                    bool clash = gold.ContainsKey(a.Id) || about.ContainsKey(a.Id);
                    if (clash) clashes++;
                    return !clash;
                }).Select(a =>
                {
                    about[a.Id] = a with { Text = "" };
                    return a;
                });
                Corpus.AnalyzeStream(outside, AnalysisPipeline.Default, Stories.StoryFeatures.Of, f =>
                {
                    features.Add(f);
                    progress.Report(++seen);
                });
                progress.Done();
                ReportProblems(stderr, errors, []); // a haystack's undated articles are not the gold file's problem
                if (clashes > 0) stderr.WriteLine($"parallax: warning: {clashes} haystack articles reuse an id already read; skipped");
                if (features.Count == 0) return Fail(stderr, "the haystack holds no readable articles");
            }
            foreach (var a in read.Articles) about.TryAdd(a.Id, a);
            features.AddRange(Corpus.Analyze(read.Articles, AnalysisPipeline.Default).Select(Stories.StoryFeatures.Of));
            var stories = new Stories.StoryClusterer().Cluster(features);
            var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var st in stories)
            {
                foreach (var id in st.Articles) predicted[id] = st.Id;
            }
            var s = Evaluation.ClusterScores.Of(gold, predicted);
            var found = Evaluation.ClusterErrors.Of(gold, predicted);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            if (features.Count > read.Articles.Count) stdout.WriteLine(string.Create(ci, $"haystack {features.Count - read.Articles.Count} articles, {stories.Count} stories found in all"));
            stdout.WriteLine(string.Create(ci, $"articles {gold.Count}, gold stories {s.GoldClusters}, found {s.PredictedClusters}"));
            stdout.WriteLine(string.Create(ci, $"BCubed P {s.Precision:F3}  R {s.Recall:F3}  F1 {s.F1:F3}"));
            stdout.WriteLine(string.Create(ci, $"pairwise F1 {s.PairwiseF1:F3}; gold stories split {s.Split}, found stories merging gold ones {s.Merged}"));
            if (features.Count > read.Articles.Count)
            {
                stdout.WriteLine(string.Create(ci, $"outside articles in gold stories {found.Intrusions.Sum(i => i.Items.Count)}, in {found.Intrusions.Select(i => i.Gold).Distinct().Count()} of {s.GoldClusters} gold stories"));
            }
            int n = parse.GetValue(examples);
            string Line(string id) => about.TryGetValue(id, out var a)
                ? $"{a.Published?.ToString("yyyy-MM-dd", ci) ?? "undated"}  {a.Source ?? "?"}  {(a.Title ?? id).ReplaceLineEndings(" ")}"
                : id;
            foreach (var e in found.Splits.Take(n))
            {
                stdout.WriteLine(string.Create(ci, $"split\t{e.Gold}\t{e.PairsApart} pairs apart"));
                for (int i = 0; i < e.Pieces.Count; i++) foreach (var id in e.Pieces[i]) stdout.WriteLine($"  piece {i + 1}\t{Line(id)}");
            }
            foreach (var e in found.Merges.Take(n))
            {
                stdout.WriteLine(string.Create(ci, $"merged\t{e.Predicted}\t{e.PairsTogether} pairs together"));
                foreach (var part in e.Parts) foreach (var id in part) stdout.WriteLine($"  {gold[id]}\t{Line(id)}");
            }
            foreach (var e in found.Intrusions.Take(n))
            {
                stdout.WriteLine($"outside articles joined\t{e.Gold}");
                foreach (var id in gold.Keys.Where(id => gold[id] == e.Gold)) stdout.WriteLine($"  gold\t{Line(id)}");
                foreach (var id in e.Items) stdout.WriteLine($"  outside\t{Line(id)}");
            }
            return read.Errors.Count > 0 || errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(clusters);

        var namesFile = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var names = new Command("names", "Names across the reports of each gold story: people named, people named by several reports, and every person spelled more than one way (suspect spellings marked ?), for review.") { namesFile };
        names.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(namesFile)!, stderr);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to group by");
            var r = Evaluation.NameConsistency.Of(Corpus.Analyze(read.Articles, AnalysisPipeline.Default), gold);
            stdout.WriteLine($"stories {r.Stories}, people {r.People}, named by several reports {r.PeopleInSeveralArticles}, spelled more than one way {r.VariantGroups.Count}");
            foreach (var g in r.VariantGroups)
            {
                stdout.WriteLine($"{g.Story}\t{g.Canonical}\t{string.Join("; ", g.Variants.Select(v => v.Name + (v.Suspect ? "?" : "") + " [" + string.Join(", ", v.Articles) + "]"))}");
            }
            return read.Errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(names);

        var conflictsFile = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choice of which article, value, name or quote to change; other seeds give other plants.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var missed = new Option<int>("--errors") { Description = "Also list up to N planted changes the brief missed, and N conflicts reported on untouched stories.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var conflicts = new Command("conflicts", "Conflict detection on real text: brief each gold story as it is (conflicts there count as false alarms), then with a copy of one article in which a date, a figure, a name's spelling or a quote's wording was changed, and count how many planted changes the brief reports.") { conflictsFile, seed, missed };
        conflicts.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(conflictsFile)!, stderr);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to group by");
            var analyzed = Corpus.Analyze(read.Articles, AnalysisPipeline.Default);
            var stories = gold.Values.Distinct().Count();
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            int n = parse.GetValue(missed);
            var failures = new List<string>();
            foreach (var mode in Enum.GetValues<Evaluation.PlantMode>())
            {
                using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, mode == Evaluation.PlantMode.Copy ? "briefing stories with planted copies" : "briefing stories with changes in place", stories);
                var r = Evaluation.PlantedConflicts.Evaluate(analyzed, gold, AnalysisPipeline.Default, mode, parse.GetValue(seed), progress);
                progress.Done();
                if (mode == Evaluation.PlantMode.Copy)
                {
                    stdout.WriteLine(string.Create(ci, $"stories {r.Stories}"));
                    stdout.WriteLine(string.Create(ci, $"conflicts per untouched story {r.UntouchedPerStory:F2}  ({r.Untouched.Count}: {string.Join(", ", r.Untouched.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()).Select(g => $"{BriefMarkdown.KindLabel(g.Key).ToLowerInvariant()} {g.Count()}"))})"));
                    foreach (var c in r.Untouched.Take(n))
                    {
                        stdout.WriteLine($"untouched\t{BriefMarkdown.KindLabel(c.Kind).ToLowerInvariant()}\t{Flat(c.About)}\t{string.Join(" | ", c.Variants.Select(v => Flat(v.Value)))}");
                    }
                }
                string where = mode == Evaluation.PlantMode.Copy ? "in a copy of one article (against its original)" : "in place (against another outlet's wording)";
                stdout.WriteLine(string.Create(ci, $"planted {where}: {r.Contradictions.Count}, reported {r.Contradictions.Count(o => o.Found)}, recall {r.Recall:F3} (dates, figures, person names, quotes), respelled names of all kinds {r.NameRecall:F3}, further conflicts per planted story {r.ExtraPerPlantedStory:F2}"));
                foreach (var kind in Enum.GetValues<Evaluation.PlantKind>())
                {
                    string label = kind switch
                    {
                        Evaluation.PlantKind.Body => "organisation or place",
                        Evaluation.PlantKind.ShortName => "full name cut to the family name, kept as one person without a conflict",
                        _ => kind.ToString().ToLowerInvariant(),
                    };
                    stdout.WriteLine(string.Create(ci, $"  {r.RecallOf(kind):F3}  ({r.Outcomes.Count(o => o.Plant.Kind == kind && o.Found),2} of {r.Planted(kind),2})  {label}"));
                }
                foreach (var o in r.Outcomes.Where(o => !o.Found).Take(n))
                {
                    stdout.WriteLine($"missed\t{o.Story}\t{o.Plant.Kind.ToString().ToLowerInvariant()}\t{Flat(o.Plant.Before)} -> {Flat(o.Plant.After)}\t{o.ChangedSentence}" + (o.Note is null ? "" : "\t" + o.Note));
                }
                failures.AddRange(r.Failures);
            }
            foreach (var f in failures.Distinct()) stderr.WriteLine($"parallax: error: brief failed for {f}");
            return failures.Count > 0 || read.Errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(conflicts);
        eval.Add(ExtractionEvalCommand(stdout, stderr, stderrRedirected));
        return eval;
    }

    private static string Flat(string s) => s.ReplaceLineEndings(" ");

    /// <summary>Reads a JSONL file and the gold "story" of each article that has one.</summary>
    private static (ReadResult Read, Dictionary<string, string> Gold) ReadWithStories(string path, TextWriter stderr)
    {
        var read = ArticleSource.Read([path]);
        ReportProblems(stderr, read);
        var gold = read.Articles.Where(a => a.Extra.ContainsKey("story")).ToDictionary(a => a.Id, a => a.Extra["story"].Trim('"'), StringComparer.Ordinal);
        return (read, gold);
    }

    private static Argument<string[]> PathsArgument() => new("PATH")
    {
        Description = "Articles to read: .txt/.html/.jsonl files, folders (read recursively), or '-' for standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Reads the inputs, reports unreadable ones on stderr, and analyses the rest with progress on a terminal.</summary>
    private static (ReadResult Read, IReadOnlyList<Model.AnalyzedArticle> Analyzed) ReadAndAnalyze(string[] paths, Func<Stream> stdin, TextWriter stderr, bool stderrRedirected, ReadLimits limits)
    {
        var read = ArticleSource.Read(paths, stdin, limits);
        ReportProblems(stderr, read);
        if (read.Articles.Count == 0) return (read, []);
        using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "analysing", read.Articles.Count);
        var analyzed = Corpus.Analyze(read.Articles, AnalysisPipeline.Default, progress);
        progress.Done();
        return (read, analyzed);
    }

    internal static void ReportProblems(TextWriter stderr, ReadResult read) => ReportProblems(stderr, read.Errors, read.Warnings);

    internal static void ReportProblems(TextWriter stderr, IEnumerable<ReadError> errors, IEnumerable<ReadError> warnings)
    {
        // Every error is named up to a point, so a file of a million bad lines does not bury the terminal; the count is always given.
        const int shownErrors = 1000, shownWarnings = 20;
        int e = 0, w = 0;
        foreach (var error in errors)
        {
            if (++e <= shownErrors) stderr.WriteLine($"parallax: error: {error}");
        }
        if (e > shownErrors) stderr.WriteLine($"parallax: error: … and {e - shownErrors:N0} more errors ({e:N0} in all)");
        foreach (var warning in warnings)
        {
            if (++w <= shownWarnings) stderr.WriteLine($"parallax: warning: {warning}");
        }
        if (w > shownWarnings) stderr.WriteLine($"parallax: warning: … and {w - shownWarnings:N0} more warnings ({w:N0} in all)");
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"parallax: error: {message}");
        return Failed;
    }
}
