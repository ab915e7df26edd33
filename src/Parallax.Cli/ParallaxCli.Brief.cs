using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary><c>parallax brief</c>: articles in, one brief per story out (Markdown, JSON or HTML).</summary>
public static partial class ParallaxCli
{
    private static Command BriefCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool stderrRedirected)
    {
        var paths = PathsArgument();
        paths.Arity = ArgumentArity.ZeroOrMore;
        var db = new Option<string?>("--db") { Description = "Brief a stored story instead of files: the store (see 'parallax ingest'); needs --story.", HelpName = "FILE" };
        var storyId = new Option<string?>("--story") { Description = "With --db: the id of the story to brief (list them with 'parallax stories').", HelpName = "ID" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: md (Markdown to read or paste), html (a self-contained page with the sources side by side), or json (version 2 of the brief contract, for other tools; see the README).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the brief to FILE instead of standard output.", HelpName = "FILE" };
        var all = new Option<bool>("--all") { Description = "Also show the conflicts held back because the brief is not sure of them, each with its confidence (JSON always lists them under heldBackConflicts)." };
        var cmd = new Command("brief", "Read the articles, group them into stories, and write one brief per story: what the sources agree on and how many carry it, where they contradict each other, who said what, what only one outlet reports, a timeline and the names — each statement cited to its sources.")
        {
            paths, format, output, db, storyId, all,
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
                if (parse.GetValue(storyId) is not { } id) return Fail(stderr, $"--db needs --story ID; list the stories with: parallax stories --db {StoreAddress.Shown(dbPath)}");
                using var store = OpenStore(dbPath, stderr, mustExist: true, readOnly: true);
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
            if (parse.GetValue(all) && parse.GetValue(format) != "json")
            {
                briefs = [.. briefs.Select(b => b with { Conflicts = [.. b.Conflicts, .. b.HeldBackConflicts], HeldBackConflicts = [] })];
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
}
