using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stages.Quotes;


namespace Parallax.Evaluation;

/// <summary>One quote found in a PolNeAR text, its speaker candidates, and which of them the gold source names.</summary>
public sealed record SpeakerExample(string Document, bool Direct, SpeakerChoice Choice, IReadOnlyList<bool> Said)
{
    /// <summary>The quote's words and the gold source's, for reading errors.</summary>
    public string Note { get; init; } = "";

    public IReadOnlyList<SpeakerCandidate> Candidates => Choice.Candidates;
}

/// <summary>Precision of the speakers shown, their coverage (share of quotes shown with a named speaker), and the count of quotes.</summary>
public sealed record SpeakerDecisionScore(int Quotes, int Shown, int ShownCorrect)
{
    public double Precision => Shown == 0 ? 0 : (double)ShownCorrect / Shown;

    public double Coverage => Quotes == 0 ? 0 : (double)Shown / Quotes;
}

/// <summary>
/// Fits the <see cref="SpeakerModel"/> on PolNeAR: every quote the extractor finds that overlaps a gold attribution with a
/// source gives one example per candidate, labelled by whether the candidate's mention overlaps the gold source (or its
/// resolved name's last word is in it). The threshold is the lowest that keeps the shown speakers of direct quotes at the
/// wanted precision on the fitting documents. One fifth of a split, chosen by a hash of the file names, is kept aside.
/// </summary>
public static class SpeakerTraining
{
    /// <summary>
    /// The precision on the fitting documents the shipped model's threshold is chosen for: the training command's default,
    /// and what the test that refits the model uses, so the two cannot drift apart.
    /// </summary>
    public const double ShippedPrecision = 0.975;

    /// <summary>Sources annotated as a bare pronoun or relative: with no coreference in the gold, they name no one checkable.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> BarePronouns = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "he", "she", "they", "i", "we", "it", "who", "that", "which", "his", "her", "their");

    private static bool Unknowable(string source) => BarePronouns.Contains(source) || AttributionEvaluation.CueOnly.Contains(source);

    /// <summary>True for the documents kept aside (one in five, by a hash of the name: the same on every machine).</summary>
    public static bool Aside(string document) => AsideSplit.IsAside(document);

    /// <summary>The examples of every annotated text of a PolNeAR split.</summary>
    public static List<SpeakerExample> Examples(string splitDirectory, AnalysisPipeline pipeline)
    {
        var pairs = AttributionEvaluation.Documents(splitDirectory);
        var perDocument = new List<SpeakerExample>[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            string text = File.ReadAllText(pairs[i].Text);
            var gold = AttributionEvaluation.ReadAnn(File.ReadAllText(pairs[i].Ann), text).Where(g => g.Source.Count > 0).ToList();
            string id = Path.GetFileNameWithoutExtension(pairs[i].Text);
            var a = pipeline.Analyze(new Article { Id = id, Text = text });
            var examples = new List<SpeakerExample>();
            foreach (var (m, _, choice) in SpeakerCandidates.Choices(text, a.Tokens, a.Sentences, a.Entities, QuoteExtractor.Extract(text, a.Tokens, a.Sentences, a.Entities)))
            {
                var g = gold.FirstOrDefault(g => g.Content.Any(c => c.Overlaps(m.Content)));
                if (g is null) continue;
                // A source annotated as a bare pronoun, relative or cue word that no candidate covers says nothing checkable about who spoke.
                if (!choice.Candidates.Any(c => g.Source.Any(src => src.Overlaps(c.Mention))) && g.Source.All(src => Unknowable(src.Of(text).Trim()))) continue;
                examples.Add(new SpeakerExample(id, m.Direct, choice, choice.Candidates.Select(c => Said(g, c, text)).ToList())
                {
                    Note = $"gold {string.Join(" ", g.Source.Select(x => x.Of(text)))}\tcandidates {string.Join(" | ", choice.Candidates.Select(c => c.Mention.Of(text) + (c.FromRules ? "*" : "")))}\t{m.Content.Of(text).ReplaceLineEndings(" ")}",
                });
            }
            perDocument[i] = examples;
        });
        return [.. perDocument.SelectMany(e => e)];
    }

    /// <summary>Whether the gold source names this candidate: the mentions overlap, or the source holds its name's last word.</summary>
    public static bool Said(GoldAttribution gold, SpeakerCandidate candidate, string text)
    {
        if (gold.Source.Any(s => s.Overlaps(candidate.Mention))) return true;
        if (candidate.Name is null) return false;
        string last = candidate.Name.Split(' ')[^1];
        return gold.Source.Any(s => s.Of(text).Contains(last, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Fits the conditional logit on <paramref name="examples"/> by full-batch gradient descent (fixed steps: the same
    /// data gives the same model) on the log-probability of the right candidates (or of "unattributed" when none is right),
    /// with a small L2 penalty, then sets the threshold for <paramref name="precision"/> on their direct quotes.
    /// </summary>
    public static SpeakerModel Fit(IReadOnlyList<SpeakerExample> examples, double precision, int iterations = 3000, double rate = 1.0, double l2 = 1e-4)
    {
        int dc = SpeakerCandidates.CandidateFeatures.Count, dq = SpeakerCandidates.QuoteFeatures.Count;
        var wc = new double[dc];
        var wq = new double[dq];
        var gc = new double[dc];
        var gq = new double[dq];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(gc);
            Array.Clear(gq);
            var model = new SpeakerModel(wc, wq, 0.5);
            foreach (var e in examples)
            {
                var p = model.Probabilities(e.Choice);
                // The target spreads over the right candidates in proportion to the model's own belief (the gradient of log Σ p over them).
                double right = 0;
                for (int i = 0; i < e.Candidates.Count; i++) if (e.Said[i]) right += p[i];
                bool none = right == 0 && !e.Said.Any(s => s);
                for (int i = 0; i <= e.Candidates.Count; i++)
                {
                    bool isRight = i < e.Candidates.Count ? e.Said[i] : none;
                    double target = !isRight ? 0 : i < e.Candidates.Count ? (right > 0 ? p[i] / right : 1.0 / e.Said.Count(s => s)) : 1;
                    double err = p[i] - target;
                    if (err == 0) continue;
                    var (x, g) = i < e.Candidates.Count ? (e.Candidates[i].Features, gc) : (e.Choice.Unattributed, gq);
                    for (int j = 0; j < x.Length; j++) g[j] += err * x[j];
                }
            }
            for (int j = 0; j < dc; j++) wc[j] -= rate * (gc[j] / examples.Count + l2 * wc[j]);
            for (int j = 0; j < dq; j++) wq[j] -= rate * (gq[j] / examples.Count + l2 * wq[j]);
        }
        var fitted = new SpeakerModel(wc, wq, 0.5);
        return new SpeakerModel(wc, wq, ThresholdFor(fitted, examples.Where(e => e.Direct).ToList(), precision));
    }

    /// <summary>The lowest threshold at which the named speakers shown for <paramref name="examples"/> reach <paramref name="precision"/>.</summary>
    public static double ThresholdFor(SpeakerModel model, IReadOnlyList<SpeakerExample> examples, double precision)
    {
        var best = examples.Select(e => BestOf(model, e)).Where(b => b.Named).OrderByDescending(b => b.P).ToList();
        int shown = 0, correct = 0;
        double cut = 1;
        foreach (var b in best)
        {
            shown++;
            if (b.Correct) correct++;
            if ((double)correct / shown >= precision) cut = b.P;
        }
        return cut;
    }

    /// <summary>How the model's decisions score on <paramref name="examples"/>.</summary>
    public static SpeakerDecisionScore Score(SpeakerModel model, IEnumerable<SpeakerExample> examples)
    {
        int quotes = 0, shown = 0, correct = 0;
        foreach (var e in examples)
        {
            quotes++;
            var b = BestOf(model, e);
            if (!b.Named || b.P < model.Threshold) continue;
            shown++;
            if (b.Correct) correct++;
        }
        return new SpeakerDecisionScore(quotes, shown, correct);
    }

    /// <summary>The baselines a model must beat: the rules' own choice shown whenever it is named, and how many quotes have a right named candidate at all.</summary>
    public static (SpeakerDecisionScore Rules, double Reachable) Baselines(IReadOnlyList<SpeakerExample> examples)
    {
        int shown = 0, correct = 0, reachable = 0;
        foreach (var e in examples)
        {
            int r = e.Candidates.ToList().FindIndex(c => c.FromRules);
            if (r >= 0 && e.Candidates[r].Name is not null)
            {
                shown++;
                if (e.Said[r]) correct++;
            }
            if (e.Candidates.Where((c, i) => c.Name is not null && e.Said[i]).Any()) reachable++;
        }
        return (new SpeakerDecisionScore(examples.Count, shown, correct), examples.Count == 0 ? 0 : (double)reachable / examples.Count);
    }

    /// <summary>The shown speakers that are wrong, most confident first: the note, the chosen candidate and its probability.</summary>
    public static IEnumerable<string> Errors(SpeakerModel model, IEnumerable<SpeakerExample> examples) =>
        examples.Select(e => (e, b: model.Best(e.Choice))).Where(x => x.b is { } b && b.Probability >= model.Threshold && !x.e.Said[b.Index])
            .OrderByDescending(x => x.b!.Value.Probability)
            .Where(x => x.e.Candidates[x.b!.Value.Index].Name is not null)
            .Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.b!.Value.Probability:F3}\tchose {x.e.Candidates[x.b.Value.Index].Name}\t{x.e.Note}"));

    private static (double P, bool Named, bool Correct) BestOf(SpeakerModel model, SpeakerExample e) =>
        model.Best(e.Choice) is { } b ? (b.Probability, e.Candidates[b.Index].Name is not null, e.Said[b.Index]) : (0, false, false);
}
