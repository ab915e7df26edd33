using Parallax.Evaluation;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary><c>parallax eval conflicts --gold</c>: the conflicts briefs show, scored against real ones listed by careful readers.</summary>
public static partial class ParallaxCli
{
    private static readonly string[] GoldKinds = ["date", "figure", "name", "role", "quote", "speaker", "fact"];

    private static int ScoreConflictGold(ReadResult read, string goldFile, int errors, TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        List<GoldConflictStory> gold;
        try
        {
            gold = ConflictGold.Read(goldFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail(stderr, e is InvalidDataException ? e.Message : $"{goldFile}: cannot read the gold file ({e.Message})");
        }
        var wanted = gold.SelectMany(g => g.Articles).ToHashSet(StringComparer.Ordinal);
        var analyzed = Corpus.Analyze([.. read.Articles.Where(a => wanted.Contains(a.Id))], AnalysisPipeline.Default).ToDictionary(a => a.Id, StringComparer.Ordinal);
        ConflictGoldScores scores;
        using (var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "briefing the gold stories", gold.Count))
        {
            scores = ConflictGold.Evaluate(gold, analyzed, AnalysisPipeline.Default, progress);
            progress.Done();
        }
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var (part, include) in new (string, Func<string, bool>)[] { ("all", _ => true), ("tuned", s => !AsideSplit.IsAside(s)), ("aside", AsideSplit.IsAside) })
        {
            var s = scores.Where(include);
            int stories = gold.Count(g => include(g.Story));
            stdout.WriteLine(string.Create(ci, $"{part} ({stories} stories): precision {s.Precision:F3} ({s.Correct}/{s.Reported.Count}), recall {s.Recall:F3} ({s.Found}/{s.Gold.Count}), F1 {s.F1:F3}; with the {s.HeldBack.Count} held back shown too: precision {s.PrecisionWithHeldBack:F3}, recall {s.RecallWithHeldBack:F3}"));
            var byKind = GoldKinds.Select(k => $"{k} {s.Gold.Count(g => g.Gold.Kind == k && g.Found)}/{s.Gold.Count(g => g.Gold.Kind == k)}"
                + $" ({s.Reported.Count(r => ConflictGold.KindOf(r.Conflict.Kind) == k && r.Match is not null)}/{s.Reported.Count(r => ConflictGold.KindOf(r.Conflict.Kind) == k)} right)");
            stdout.WriteLine("  by kind, found/gold (right/reported): " + string.Join(", ", byKind));
        }
        foreach (var r in scores.Reported.Where(r => r.Match is null).Take(errors))
        {
            stdout.WriteLine(string.Create(ci, $"false\t{r.Story}\t{BriefMarkdown.KindLabel(r.Conflict.Kind).ToLowerInvariant()}\t{r.Conflict.Confidence:F2}\t{Flat(r.Conflict.About)}\t{string.Join(" | ", r.Conflict.Variants.Select(v => Flat(v.Text)))}"));
        }
        foreach (var g in scores.Gold.Where(g => !g.Found).Take(errors))
        {
            stdout.WriteLine($"missed\t{g.Story}\t{g.Gold.Kind}{(g.FoundHeldBack ? " (held back)" : "")}\t{Flat(g.Gold.About)}\t{string.Join(" | ", g.Gold.Variants.Select(v => Flat(v.Text)))}");
        }
        foreach (var f in scores.Failures) stderr.WriteLine($"parallax: error: {f}");
        return scores.Failures.Count > 0 || read.Errors.Count > 0 ? Partial : Ok;
    }
}
