using System.CommandLine;
using System.Globalization;
using Parallax.Evaluation;
using Parallax.Extraction;

namespace Parallax.Cli;

/// <summary><c>parallax eval extraction</c>: article text taken from web pages, scored against gold bodies.</summary>
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
}
