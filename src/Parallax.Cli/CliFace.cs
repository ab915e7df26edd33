using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Cli;

/// <summary>
/// How the command line meets a newcomer: every command's help ends with examples, <c>parallax</c> alone gives a short
/// overview, and a mistyped command line gets one error line and one hint — never the whole help.
/// </summary>
internal static partial class CliFace
{
    /// <summary>Examples by command path ("parallax eval clusters"), shown at the end of that command's help.</summary>
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["parallax"] = ["parallax brief examples/", "parallax ingest examples/ && parallax serve"],
        ["parallax brief"] = ["parallax brief examples/", "parallax brief ../shared/samples/seeds --format html -o seeds.html", "parallax brief --db parallax.db --story story-1 --format json"],
        ["parallax analyze"] = ["parallax analyze examples/harbor-wire.txt", "parallax analyze report.txt --published 2025-11-24 --format json"],
        ["parallax cluster"] = ["parallax cluster examples/", "parallax cluster feed.jsonl --format jsonl > stories.jsonl"],
        ["parallax bench"] = ["parallax bench ../shared/corpora/allsides.jsonl.gz --sizes 5000 10000 20000", "parallax bench --http STORIES:http://127.0.0.1:5080 --rate 100 --duration 20s"],
        ["parallax extract"] = ["parallax extract https://example.com/news/story.html", "parallax extract saved-page.html --url https://example.com/news/story.html"],
        ["parallax watch"] = ["parallax watch https://example.com/rss.xml --every 15m", "parallax watch feeds.opml --db newsroom.db"],
        ["parallax eval"] = ["parallax eval clusters ../shared/corpora/ecbplus/stories.jsonl --errors 10", "parallax eval quotes ../shared/corpora/polnear/dev"],
        ["parallax eval timex"] = ["parallax eval timex ../shared/corpora/timebank --errors 20"],
        ["parallax eval quotes"] = ["parallax eval quotes ../shared/corpora/polnear/dev --errors 20"],
        ["parallax eval entities"] = ["parallax eval entities ../shared/corpora/ecbplus --topics 1-24", "parallax eval entities ../shared/corpora/ecbplus --topics 25-35 --errors 10"],
        ["parallax eval paraphrase"] = ["parallax eval paraphrase ../shared/corpora/msrp/train.tsv"],
        ["parallax eval clusters"] = ["parallax eval clusters ../shared/corpora/basil-dev.jsonl", "parallax eval clusters ../shared/corpora/basil-dev.jsonl --haystack ../shared/corpora/allsides.jsonl.gz --errors 10"],
        ["parallax eval names"] = ["parallax eval names ../shared/corpora/basil-dev.jsonl"],
        ["parallax eval conflicts"] = ["parallax eval conflicts ../shared/corpora/basil-dev.jsonl"],
        ["parallax eval extraction"] = ["parallax eval extraction ../shared/corpora/extraction-dev --passes 5"],
        ["parallax ingest"] = ["parallax ingest examples/", "parallax ingest feed.jsonl --db newsroom.db", "parallax ingest feed.jsonl --db postgresql://parallax@db.example/newsroom --leave-to-workers"],
        ["parallax refresh"] = ["parallax refresh", "parallax refresh --db newsroom.db", "parallax refresh --reanalyse --db newsroom.db"],
        ["parallax worker"] = ["parallax worker --db postgresql://parallax@db.example:5432/newsroom", "parallax worker --db postgresql://parallax@db.example/newsroom --until-idle"],
        ["parallax stories"] = ["parallax stories --limit 20", "parallax stories --since 2025-11-01 --min-sources 2 --with-conflicts"],
        ["parallax search"] = ["parallax search rare earths", "parallax search \"return visit\" --db newsroom.db"],
        ["parallax serve"] = ["parallax serve", "parallax serve --db newsroom.db --urls http://0.0.0.0:5080 --token SECRET"],
        ["parallax check"] = ["parallax check", "parallax check --db newsroom.db"],
    };

    /// <summary>Makes every command's help end with its examples, and <c>--version</c> print Parallax's one version.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction standard } help) help.Action = new HelpWithExamples(standard);
            if (option is VersionOption version) version.Action = new PrintVersion();
        }
    }

    /// <summary>The version the library reports (and the fetcher's User-Agent carries), with the commit it was built from.</summary>
    public static string Version =>
        typeof(Fetching.FetchOptions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: { Length: > 0 } informational }, ..]
            && informational.StartsWith(Fetching.FetchOptions.Version, StringComparison.Ordinal)
            ? informational
            : Fetching.FetchOptions.Version;

    /// <summary>The examples of one command path, as its help shows them (for tests).</summary>
    public static IReadOnlyList<string> ExamplesOf(string path) => Examples.GetValueOrDefault(path) ?? [];

    /// <summary>The command path a parse ended at, e.g. "parallax eval clusters".</summary>
    public static string PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(r.Command is RootCommand ? "parallax" : r.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>What <c>parallax</c> alone prints: the commands, one line each, and where to start.</summary>
    public static void Overview(RootCommand root, TextWriter output)
    {
        output.WriteLine("Parallax reads many outlets' reports of the same events and tells you what happened: the stories, what");
        output.WriteLine("the sources agree on, where they contradict each other, who said what — each statement cited to its source.");
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = root.Subcommands.Max(c => c.Name.Length);
        foreach (var command in root.Subcommands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}  {FirstSentence(command.Description)}");
        }
        output.WriteLine();
        output.WriteLine("Examples:");
        foreach (var example in ExamplesOf("parallax")) output.WriteLine($"  {example}");
        output.WriteLine();
        output.WriteLine("Run 'parallax COMMAND --help' for a command's options and examples, 'parallax --help' for inputs and exit codes.");
    }

    /// <summary>One line for a command line that did not parse, and one hint saying where to look.</summary>
    public static int ParseError(ParseResult parse, TextWriter stderr)
    {
        var error = parse.Errors[0];
        string message = OneLine(error.Message);
        if (error.SymbolResult is System.CommandLine.Parsing.OptionResult { Option: var option } && !message.Contains(option.Name, StringComparison.Ordinal))
        {
            message = $"{option.Name}: {message}";
        }
        stderr.WriteLine($"parallax: error: {message}");
        stderr.WriteLine($"parallax: hint: see '{PathOf(parse)} --help' for what it takes, with examples");
        return ParallaxCli.Failed;
    }

    /// <summary>A parser message on one line: "Must be one of:\n\t'md'\n\t'html'" reads "must be one of 'md', 'html'".</summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length <= 1) return message.Trim();
        return lines[0].TrimEnd(':') + " " + string.Join(", ", lines.Skip(1));
    }

    private static string FirstSentence(string? description)
    {
        if (string.IsNullOrEmpty(description)) return "";
        var match = SentenceEnd().Match(description);
        string first = match.Success ? description[..match.Index] : description.TrimEnd('.');
        if (first.Length <= 90) return first;
        // A long first sentence is cut where it turns to detail (a colon) when that leaves enough to say what it does.
        int colon = first.IndexOf(':', StringComparison.Ordinal);
        if (colon is >= 20 and <= 90) return first[..colon];
        return first[..first.LastIndexOf(' ', 87)].TrimEnd(',', ';') + "…";
    }

    [GeneratedRegex(@"\.(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ParallaxCli.Ok;
        }
    }

    /// <summary>The standard help, then the command's examples.</summary>
    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int result = standard.Invoke(parseResult);
            var examples = ExamplesOf(PathOf(parseResult));
            if (examples.Count == 0) return result;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(examples.Count == 1 ? "Example:" : "Examples:");
            foreach (var example in examples) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {example}"));
            output.WriteLine();
            return result;
        }
    }
}
