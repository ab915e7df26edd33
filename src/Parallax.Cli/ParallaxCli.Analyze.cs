using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary><c>parallax analyze</c>: what the analyzers read in each article.</summary>
public static partial class ParallaxCli
{
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
}
