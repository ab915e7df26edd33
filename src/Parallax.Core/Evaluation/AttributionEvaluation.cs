using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Text;

namespace Parallax.Evaluation;

/// <summary>A gold attribution from a brat standoff file: who (source), the cue, and what (content, possibly in pieces).</summary>
public sealed record GoldAttribution(IReadOnlyList<Span> Content, IReadOnlyList<Span> Source, IReadOnlyList<Span> Cue, bool Direct);

/// <summary>
/// Precision, recall and F1 of content spans by overlap, and how often the speaker is right on matched quotes:
/// <see cref="SpeakerAccuracy"/> counts a quote left unattributed as wrong; <see cref="SpeakerPrecision"/> scores only the
/// speakers a brief would show (a resolved name), and <see cref="SpeakerCoverage"/> is the share of quotes that have one.
/// </summary>
public sealed record AttributionScore(int Gold, int Predicted, int MatchedGold, int MatchedPredicted, int SpeakerChecked, int SpeakerCorrect, int SpeakerShown = 0, int SpeakerShownCorrect = 0)
{
    public double SpeakerPrecision => SpeakerShown == 0 ? 0 : (double)SpeakerShownCorrect / SpeakerShown;

    public double SpeakerCoverage => SpeakerChecked == 0 ? 0 : (double)SpeakerShown / SpeakerChecked;

    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double SpeakerAccuracy => SpeakerChecked == 0 ? 0 : (double)SpeakerCorrect / SpeakerChecked;
}

/// <summary>
/// Scores quotation finding on PolNeAR-style data (texts plus brat .ann files with Source, Cue and Content spans):
/// for direct quotations and for all attributions, content overlap P/R/F1 and speaker accuracy (the speaker mention
/// overlaps the gold source, or the resolved speaker names the same person).
/// </summary>
public static partial class AttributionEvaluation
{
    private static readonly Regex TextBound = TextBoundPattern();
    private static readonly Regex Event = EventPattern();

    public static (AttributionScore Direct, AttributionScore All, int Documents) Evaluate(string splitDirectory, AnalysisPipeline pipeline) => Evaluate(splitDirectory, pipeline, null);

    /// <summary>
    /// As above; <paramref name="speakerErrors"/>, when given, collects every matched direct quote whose speaker is wrong
    /// (gold source, found speaker, quote); <paramref name="include"/>, when given, picks the documents scored by name.
    /// </summary>
    public static (AttributionScore Direct, AttributionScore All, int Documents) Evaluate(string splitDirectory, AnalysisPipeline pipeline, List<string>? speakerErrors, Func<string, bool>? include = null)
    {
        var pairs = Documents(splitDirectory).Where(p => include is null || include(Path.GetFileNameWithoutExtension(p.Text))).ToList();
        var direct = new int[pairs.Count][];
        var all = new int[pairs.Count][];
        Parallel.For(0, pairs.Count, i =>
        {
            string text = File.ReadAllText(pairs[i].Text);
            var gold = ReadAnn(File.ReadAllText(pairs[i].Ann), text);
            var quotes = pipeline.Analyze(new Article { Id = Path.GetFileNameWithoutExtension(pairs[i].Text), Text = text }).Quotes;
            var errors = speakerErrors is null ? null : new List<string>();
            direct[i] = Score(gold.Where(g => g.Direct).ToList(), gold, quotes.Where(q => q.Direct).ToList(), text, errors);
            if (errors is { Count: > 0 })
            {
                lock (speakerErrors!) speakerErrors.AddRange(errors.Select(e => Path.GetFileNameWithoutExtension(pairs[i].Text) + "\t" + e));
            }
            all[i] = Score(gold, gold, quotes, text);
        });
        AttributionScore Sum(int[][] r) => new(r.Sum(x => x[0]), r.Sum(x => x[1]), r.Sum(x => x[2]), r.Sum(x => x[3]), r.Sum(x => x[4]), r.Sum(x => x[5]), r.Sum(x => x[6]), r.Sum(x => x[7]));
        return (Sum(direct), Sum(all), pairs.Count);
    }

    /// <summary>Each annotated text of a split with its annotation file (one annotator per text), in name order.</summary>
    public static List<(string Text, string Ann)> Documents(string splitDirectory)
    {
        var annotations = Directory.EnumerateFiles(Path.Combine(splitDirectory, "attributions"), "*.ann").Order(StringComparer.Ordinal)
            .GroupBy(p => Regex.Replace(Path.GetFileNameWithoutExtension(p), "_[0-9a-f]{4}$", "", RegexOptions.None, Patterns.Timeout))
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return annotations.Select(kv => (Text: Path.Combine(splitDirectory, "text", kv.Key + ".txt"), Ann: kv.Value)).Where(p => File.Exists(p.Text)).OrderBy(p => p.Text, StringComparer.Ordinal).ToList();
    }

    /// <summary>Recall over <paramref name="gold"/>; precision of <paramref name="found"/> against any gold attribution (<paramref name="anyGold"/>).</summary>
    private static int[] Score(List<GoldAttribution> gold, List<GoldAttribution> anyGold, IReadOnlyList<Quote> found, string text, List<string>? errors = null)
    {
        int matchedGold = 0, speakerChecked = 0, speakerCorrect = 0, shown = 0, shownCorrect = 0;
        foreach (var g in gold)
        {
            var q = found.FirstOrDefault(q => g.Content.Any(c => c.Overlaps(q.Span)));
            if (q is null) continue;
            matchedGold++;
            if (g.Source.Count == 0 || g.Source.All(src => CueOnly.Contains(src.Of(text).Trim()))) continue;
            speakerChecked++;
            bool same = SameSpeaker(g, q, text);
            if (q.Speaker is not null)
            {
                shown++;
                if (same) shownCorrect++;
            }
            if (same) speakerCorrect++;
            else errors?.Add($"gold {string.Join(" ", g.Source.Select(x => x.Of(text)))}\tfound {(q.SpeakerSpan is { } sp ? sp.Of(text) : "-")} ({q.Speaker ?? "-"})\t{Flat(q.Span.Of(text))}");
        }
        int matchedFound = found.Count(q => anyGold.Any(g => g.Content.Any(c => c.Overlaps(q.Span))));
        return [gold.Count, found.Count, matchedGold, matchedFound, speakerChecked, speakerCorrect, shown, shownCorrect];
    }

    /// <summary>
    /// Sources annotated as the reporting verb alone ("said", "according to"): an annotation slip that names no one, so
    /// no speaker can be checked against it (about 1% of PolNeAR's direct quotes).
    /// </summary>
    internal static readonly System.Collections.Frozen.FrozenSet<string> CueOnly = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "said", "says", "say", "told", "tells", "asked", "asks", "wrote", "writes", "added", "adds", "stated", "according to", "said in a statement");

    private static string Flat(string s) => (s.Length > 90 ? s[..90] + "…" : s).ReplaceLineEndings(" ");

    private static bool SameSpeaker(GoldAttribution g, Quote q, string text)
    {
        if (q.SpeakerSpan is { } s && g.Source.Any(src => src.Overlaps(s))) return true;
        if (q.Speaker is null) return false;
        // The resolved name counts when the gold source mentions its surname (or its only name).
        string last = q.Speaker.Split(' ')[^1];
        return g.Source.Any(src => src.Of(text).Contains(last, StringComparison.OrdinalIgnoreCase));
    }

    public static List<GoldAttribution> ReadAnn(string ann, string text)
    {
        var spans = new Dictionary<string, (string Label, List<Span> Spans)>(StringComparer.Ordinal);
        foreach (Match m in Patterns.Matches(TextBound, ann))
        {
            var list = m.Groups["spans"].Value.Split(';').Select(p => p.Split(' ')).Select(p => new Span(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
                .Where(s => s.End <= text.Length && s.Start < s.End).ToList();
            spans[m.Groups["id"].Value] = (m.Groups["label"].Value, list);
        }
        var result = new List<GoldAttribution>();
        foreach (Match m in Patterns.Matches(Event, ann))
        {
            var args = m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split(':')).Where(a => a.Length == 2).ToList();
            List<Span> Of(string role) => args.Where(a => a[0].StartsWith(role, StringComparison.Ordinal) && spans.ContainsKey(a[1])).SelectMany(a => spans[a[1]].Spans).ToList();
            var content = Of("Content");
            if (content.Count == 0) continue;
            result.Add(new GoldAttribution(content, Of("Source"), Of("Cue"), IsDirect(content, text)));
        }
        return result;
    }

    /// <summary>Gold content is a direct quotation when it is printed between quotation marks.</summary>
    private static bool IsDirect(List<Span> content, string text)
    {
        string c = string.Concat(content.Select(s => s.Of(text))).Trim().TrimEnd('.', ',');
        return c.Length > 2 && (c[0] is '“' or '"' && c[^1] is '”' or '"' || c.Length > 4 && c.StartsWith("''", StringComparison.Ordinal) && c.EndsWith("''", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?<id>T\d+)\t(?<label>\w+) (?<spans>\d+ \d+(?:;\d+ \d+)*)\t", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex TextBoundPattern();

    [GeneratedRegex(@"^E\d+\t(?<args>.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex EventPattern();
}
