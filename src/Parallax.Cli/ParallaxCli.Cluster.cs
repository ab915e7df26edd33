using System.CommandLine;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary><c>parallax cluster</c>: which articles belong to which story.</summary>
public static partial class ParallaxCli
{
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
}
