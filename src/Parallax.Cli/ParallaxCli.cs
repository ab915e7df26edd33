using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;

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
        root.Add(RefreshCommand(stdout, stderr, stderrRedirected));
        root.Add(WorkerCommand(stdout, stderr, stderrRedirected));
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
