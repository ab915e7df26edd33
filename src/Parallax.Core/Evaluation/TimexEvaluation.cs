using Parallax.Model;
using Parallax.Pipeline;

namespace Parallax.Evaluation;

/// <summary>One disagreement with the gold annotation, for error analysis.</summary>
public sealed record TimexError(string Document, string Kind, string Text, string? GoldValue, string? Value);

/// <summary>
/// Time-expression scores in the TempEval-3 manner: extent F1 (strict: same span; relaxed: overlapping), type accuracy
/// on relaxed matches, and value F1 (relaxed match with the same normalised value).
/// </summary>
public sealed record TimexScores(int Gold, int Predicted, int Strict, int Relaxed, int TypeCorrect, int ValueCorrect, IReadOnlyList<TimexError> Errors)
{
    public double StrictF1 => F1(Strict);

    public double RelaxedF1 => F1(Relaxed);

    public double RelaxedPrecision => Predicted == 0 ? 0 : (double)Relaxed / Predicted;

    public double RelaxedRecall => Gold == 0 ? 0 : (double)Relaxed / Gold;

    public double TypeAccuracy => Relaxed == 0 ? 0 : (double)TypeCorrect / Relaxed;

    public double ValueF1 => F1(ValueCorrect);

    private double F1(int correct)
    {
        double p = Predicted == 0 ? 0 : (double)correct / Predicted, r = Gold == 0 ? 0 : (double)correct / Gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Scores the pipeline on every .tml file of <paramref name="directory"/>.</summary>
    public static TimexScores Evaluate(string directory, AnalysisPipeline pipeline)
    {
        var docs = Directory.EnumerateFiles(directory, "*.tml").Order(StringComparer.Ordinal).Select(TimeMlDocument.Read).ToList();
        var results = new (int Gold, int Pred, int Strict, int Relaxed, int Type, int Value, List<TimexError> Errors)[docs.Count];
        Parallel.For(0, docs.Count, i => results[i] = Score(docs[i], pipeline));
        return new TimexScores(results.Sum(r => r.Gold), results.Sum(r => r.Pred), results.Sum(r => r.Strict), results.Sum(r => r.Relaxed),
            results.Sum(r => r.Type), results.Sum(r => r.Value), results.SelectMany(r => r.Errors).ToList());
    }

    private static (int, int, int, int, int, int, List<TimexError>) Score(TimeMlDocument doc, AnalysisPipeline pipeline)
    {
        var found = pipeline.Analyze(new Article { Id = doc.Name, Text = doc.Text, Published = doc.CreationTime }).Times;
        var used = new bool[found.Count];
        int strict = 0, relaxed = 0, type = 0, value = 0;
        var errors = new List<TimexError>();
        foreach (var g in doc.Gold)
        {
            int best = -1;
            for (int k = 0; k < found.Count; k++)
            {
                if (used[k] || !found[k].Span.Overlaps(g.Span)) continue;
                if (best < 0 || found[k].Span == g.Span) best = k;
            }
            string goldText = g.Span.Of(doc.Text);
            if (best < 0)
            {
                errors.Add(new TimexError(doc.Name, "missed", goldText, g.Value, null));
                continue;
            }
            used[best] = true;
            var t = found[best];
            relaxed++;
            if (t.Span == g.Span) strict++;
            if (string.Equals(t.Type.ToString(), g.Type, StringComparison.OrdinalIgnoreCase)) type++;
            if (t.Value == g.Value) value++;
            else errors.Add(new TimexError(doc.Name, "wrong value", goldText, g.Value, t.Value));
        }
        for (int k = 0; k < found.Count; k++)
        {
            if (!used[k]) errors.Add(new TimexError(doc.Name, "spurious", found[k].Text, null, found[k].Value));
        }
        return (doc.Gold.Count, found.Count, strict, relaxed, type, value, errors);
    }
}
