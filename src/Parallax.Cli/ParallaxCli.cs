using System.CommandLine;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary>The <c>parallax</c> command line: a thin shell over the library that parses options, reads inputs and writes what the library renders.</summary>
public static class ParallaxCli
{
    /// <summary>Exit codes: 0 all inputs used; 1 nothing could be done; 2 done, but some inputs were skipped.</summary>
    public const int Ok = 0, Failed = 1, Partial = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected = true)
    {
        var root = BuildCommand(stdout, stderr, stdin);
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    internal static RootCommand BuildCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var root = new RootCommand(
            "Parallax reads many outlets' reports of the same events and tells you what actually happened: which articles " +
            "belong to which story, what the sources agree on, where they contradict each other, who said what, what only one " +
            "outlet reports, and when it happened — every statement cited to the sentences it came from.\n\n" +
            "Inputs are .txt files (a leading 'date 2025-11-24', front matter or dateline is read as metadata), .html pages, " +
            ".jsonl files (one article per line: id, source, title, published, url, text), folders of these, or '-' for standard input.\n\n" +
            "Start with:  parallax brief examples/");
        root.Add(AnalyzeCommand(stdout, stderr, stdin));
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
        cmd.SetAction(parse =>
        {
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateParsing.TryParseIso(p, out var d)) return Fail(stderr, $"--published \"{p}\" is not a date; write it as YYYY-MM-DD, e.g. 2025-11-24");
                date = d;
            }
            var read = ArticleSource.Read([parse.GetValue(file)!], stdin);
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

    internal static void ReportProblems(TextWriter stderr, ReadResult read)
    {
        foreach (var e in read.Errors) stderr.WriteLine($"parallax: error: {e}");
        foreach (var w in read.Warnings) stderr.WriteLine($"parallax: warning: {w}");
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"parallax: error: {message}");
        return Failed;
    }
}
