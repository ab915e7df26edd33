using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;

namespace Parallax.Cli;

/// <summary><c>parallax bench</c>: speed over a corpus, of the library or of a running server.</summary>
public static partial class ParallaxCli
{
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
            Description = "Time hostile input shapes built from the corpus at these sizes in MB (e.g. --shapes 1 2 4 8 16 32): one article of real sentences on one line, the same text with no sentence breaks (both analysed and briefed), that many MB of articles all sharing one id (read and stored), and web pages of that size extracted: sentences nested in div tags never closed (refused past the depth limit), nested just under the limit, and in a flat run of p tags never closed (cut at 8 MB, as any page is). Time per MB should stay flat as size doubles. Bypasses the per-article limit, to measure the library.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "MB",
        };
        var http = new Option<string[]>("--http")
        {
            Description = "Load-test a running 'parallax serve' instead: request these addresses in turn at --rate requests per second for --duration (open loop: requests start on schedule, latency counts from when each was due) and report the rate reached and p50/p90/p99/max latency. Write one address as STORIES:BASE (e.g. STORIES:http://127.0.0.1:5080) for 200 story pages of that server.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "URL",
        };
        var add = new Option<string>("--add")
        {
            Description = "With --http BASE: add the articles of this JSON Lines file to that server, one request each at --rate a second (default 1; 0 sends each when the last was answered, keeping the file's order) through POST /api/articles/files, and report the latency of an add (p50/p90/p95/p99/max) and how many the server stored without placing at once. Add to a copy of a store: the articles stay.",
            HelpName = "FILE",
        };
        var burst = new Option<string>("--burst")
        {
            Description = "With --http BASE: send bursts of adds to that server, CLIENTSxEACH (e.g. 50x20: 50 threads at once, each sending 20 articles as JSON to /api/articles one after another), --bursts times, and report per burst the answers that were 2xx, other statuses, and connections reset or closed unanswered, with p50/p99/max latency. Adds articles: use a throwaway store.",
            HelpName = "CLIENTSxEACH",
        };
        var bursts = new Option<int>("--bursts") { Description = "With --burst: how many bursts, one after another.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var token = new Option<string>("--token") { Description = "With --add or --burst: the server's write token, when it has one.", HelpName = "TOKEN" };
        var rate = new Option<double>("--rate") { Description = "With --http: requests per second.", DefaultValueFactory = _ => 500, HelpName = "RATE" };
        var duration = new Option<string>("--duration") { Description = "With --http: how long to send, e.g. 20s.", DefaultValueFactory = _ => "20s", HelpName = "DURATION" };
        paths.Arity = ArgumentArity.ZeroOrMore;
        var cmd = new Command("bench", "Measure speed on a corpus: articles and words per second for reading, analysis and story clustering, with peak memory, at one or more input sizes (the first N articles), to show how time grows with input. With --http, measure a running server's latency at a fixed request rate instead.")
        {
            paths, limits, stream, briefs, storySizes, shapes, http, add, burst, bursts, token, rate, duration,
        };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(burst) is { } shape) return BurstBench(parse.GetValue(http) ?? [], shape, parse.GetValue(bursts), parse.GetValue(token), stdout, stderr);
            if (parse.GetValue(add) is { } addFile) return AddBench(parse.GetValue(http) ?? [], addFile, parse.GetResult(rate) is null ? 1 : parse.GetValue(rate), parse.GetValue(token), stdout, stderr);
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

    private static int AddBench(string[] servers, string file, double rate, string? token, TextWriter stdout, TextWriter stderr)
    {
        if (servers is not [var server] || !Fetching.WebAddress.TryParse(server, out var baseUri)) return Fail(stderr, "--add needs one server: --http http://127.0.0.1:5080 --add FILE");
        if (rate is < 0 or > 1000) return Fail(stderr, "--rate takes adds per second with --add, up to 1000 (0: one after another, each when the last was answered)");
        List<string> lines;
        try
        {
            lines = [.. File.ReadLines(file).Where(l => l.Trim().Length > 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot read {file}: {e.Message}");
        }
        if (lines.Count == 0) return Fail(stderr, $"{file} holds no articles (one JSON object a line)");
        (LoadReport Report, int Deferred, int Briefing) r;
        try
        {
            r = LoadClient.AddAsync(baseUri, lines, rate, token, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            return Fail(stderr, $"cannot reach {baseUri.GetLeftPart(UriPartial.Authority)} ({e.Message}); is 'parallax serve' running there?");
        }
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        stdout.WriteLine("target\tadds\tok\tfailed\trate_per_s\tp50_ms\tp90_ms\tp95_ms\tp99_ms\tmax_ms\tnot_placed_at_once\tanswered_before_brief");
        var x = r.Report;
        stdout.WriteLine(string.Join('\t', baseUri.GetLeftPart(UriPartial.Authority) + "/api/articles/files", x.Sent, x.Ok, x.Failed, x.Rate.ToString("F2", ci), x.P50.ToString("F1", ci),
            x.P90.ToString("F1", ci), x.P95.ToString("F1", ci), x.P99.ToString("F1", ci), x.Max.ToString("F1", ci), r.Deferred, r.Briefing));
        return x.Failed > 0 ? Partial : Ok;
    }

    private static int BurstBench(string[] servers, string shape, int count, string? token, TextWriter stdout, TextWriter stderr)
    {
        if (servers is not [var server] || !Fetching.WebAddress.TryParse(server, out var baseUri)) return Fail(stderr, "--burst needs one server: --http http://127.0.0.1:5080 --burst 50x20");
        var parts = shape.Split('x', 'X');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int clients) || !int.TryParse(parts[1], out int each) || clients is < 1 or > 1000 || each is < 1 or > 10_000)
        {
            return Fail(stderr, $"--burst {shape}: give CLIENTSxEACH, e.g. 50x20 (1 to 1000 clients, 1 to 10000 adds each)");
        }
        if (count is < 1 or > 1000) return Fail(stderr, "--bursts takes a count from 1 to 1000");
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        stdout.WriteLine("burst\tsent\tok_2xx\tnot_2xx\treset\tother_failures\tseconds\tp50_ms\tp99_ms\tmax_ms\tstatuses");
        string run = Guid.NewGuid().ToString("N")[..8];
        bool clean = true;
        for (int b = 1; b <= count; b++)
        {
            BurstReport r;
            try
            {
                r = LoadClient.Burst(baseUri, clients, each, token, $"{run}-{b}");
            }
            catch (HttpRequestException e)
            {
                return Fail(stderr, $"cannot reach {baseUri.GetLeftPart(UriPartial.Authority)} ({e.Message}); is 'parallax serve' running there?");
            }
            clean &= r.Ok == r.Sent;
            stdout.WriteLine(string.Join('\t', b, r.Sent, r.Ok, r.NotOk, r.Reset, r.Other, r.Seconds.ToString("F1", ci), r.P50.ToString("F0", ci), r.P99.ToString("F0", ci), r.Max.ToString("F0", ci), r.Statuses));
        }
        return clean ? Ok : Partial;
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
        LoadReport r;
        try
        {
            r = LoadClient.RunAsync(urls, rate, span, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            // The warm-up found no server: a mistake of the command, not a measurement.
            return Fail(stderr, $"cannot reach {urls[0].GetLeftPart(UriPartial.Authority)} ({e.Message}); is 'parallax serve' running there?");
        }
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
}
