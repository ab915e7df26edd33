using System.Globalization;
using System.Text;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>
/// Decides who said a quote. A conditional logit over the quote's <see cref="SpeakerChoice"/>: each candidate and the
/// choice "unattributed" get a score (weights times features), and their softmax is the probability of each. The weights
/// are trained on PolNeAR (<c>speaker.model</c> beside this file, written by <c>parallax eval quotes DIR --fit FILE</c>).
/// The best candidate is kept only when its probability reaches the threshold, a cut chosen for precision: a wrong
/// speaker does more harm than a missing one, so below it the quote stays unattributed.
/// </summary>
public sealed class SpeakerModel
{
    private static readonly Lazy<SpeakerModel> Shipped = new(() => Read(Lexicon.Lines(typeof(SpeakerModel), "speaker.model")));

    private readonly double[] _candidate;
    private readonly double[] _unattributed;

    /// <summary>The model shipped in the repository.</summary>
    public static SpeakerModel Default => Shipped.Value;

    /// <summary>The least probability at which the best candidate is shown as the speaker.</summary>
    public double Threshold { get; }

    /// <summary>A model from its weights: one per <see cref="SpeakerCandidates.CandidateFeatures"/> and one per <see cref="SpeakerCandidates.QuoteFeatures"/>.</summary>
    public SpeakerModel(double[] candidate, double[] unattributed, double threshold)
    {
        if (candidate.Length != SpeakerCandidates.CandidateFeatures.Count || unattributed.Length != SpeakerCandidates.QuoteFeatures.Count)
        {
            throw new ArgumentException("one weight per candidate feature and per quote feature");
        }
        (_candidate, _unattributed, Threshold) = (candidate, unattributed, threshold);
    }

    /// <summary>The probability of each candidate, in order, and last that of leaving the quote unattributed.</summary>
    public double[] Probabilities(SpeakerChoice choice)
    {
        var p = new double[choice.Candidates.Count + 1];
        for (int i = 0; i < choice.Candidates.Count; i++) p[i] = Dot(_candidate, choice.Candidates[i].Features);
        p[^1] = Dot(_unattributed, choice.Unattributed);
        double max = p.Max(), sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp(p[i] - max);
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }

    /// <summary>
    /// The most probable candidate's index and probability, or null when there is none; an unnamed one ("a reporter")
    /// may win too, and then no name is shown. A person's mentions are not summed: a person named three times is not
    /// thereby likelier to have said this quote. A candidate named inside the quoted words is never chosen.
    /// </summary>
    public (int Index, double Probability)? Best(SpeakerChoice choice)
    {
        var p = Probabilities(choice);
        (int, double)? best = null;
        for (int i = 0; i < choice.Candidates.Count; i++)
        {
            if (choice.Candidates[i].NamedInQuote) continue; // the quote speaks of them: they are not who speaks
            if (choice.Candidates[i].Outlet && !choice.Candidates[i].NamedByCue) continue; // "told CNBC": the outlet reports the words
            if (best is null || p[i] > best.Value.Item2) best = (i, p[i]);
        }
        return best;
    }

    /// <summary>
    /// The quote with the speaker this model chose, or with no name when no candidate reaches the threshold. A mention
    /// the rules found that names no one ("his aides said", "a reporter asked") is kept as the quote's speaker mention
    /// either way: it is what the text says, and it sets the quote under no one.
    /// </summary>
    public Quote Decide(Quote byRules, SpeakerChoice choice)
    {
        var described = choice.Candidates.FirstOrDefault(c => c.FromRules && c.Name is null)?.Mention;
        var unattributed = byRules with { Speaker = null, SpeakerSpan = described, SpeakerConfidence = null };
        if (Best(choice) is not { } best) return unattributed;
        var c = choice.Candidates[best.Index];
        if (c.Name is null || best.Probability < Threshold) return unattributed with { SpeakerConfidence = best.Probability };
        return byRules with { Speaker = c.Name, SpeakerSpan = c.Mention, SpeakerConfidence = best.Probability };
    }

    private static double Dot(double[] w, double[] x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++) s += w[i] * x[i];
        return s;
    }

    /// <summary>The model as text: "candidate NAME WEIGHT" and "quote NAME WEIGHT" lines, then "threshold T".</summary>
    public string Write(string writtenBy)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"# speaker model: a conditional logit over a quote's candidates and \"unattributed\" — written by `{writtenBy}`");
        for (int i = 0; i < _candidate.Length; i++) sb.AppendLine(string.Create(ci, $"candidate {SpeakerCandidates.CandidateFeatures[i]} {_candidate[i]:R}"));
        for (int i = 0; i < _unattributed.Length; i++) sb.AppendLine(string.Create(ci, $"quote {SpeakerCandidates.QuoteFeatures[i]} {_unattributed[i]:R}"));
        sb.AppendLine(string.Create(ci, $"threshold {Threshold:R}"));
        return sb.ToString();
    }

    /// <summary>Reads what <see cref="Write"/> wrote; a feature the file does not name weighs nothing, one the code does not know is an error.</summary>
    public static SpeakerModel Read(IEnumerable<string> lines)
    {
        var ci = CultureInfo.InvariantCulture;
        var candidate = new double[SpeakerCandidates.CandidateFeatures.Count];
        var quote = new double[SpeakerCandidates.QuoteFeatures.Count];
        double? threshold = null;
        foreach (var raw in lines)
        {
            var p = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length == 0 || p[0].StartsWith('#')) continue;
            if (p is ["threshold", var t] && double.TryParse(t, NumberStyles.Float, ci, out var cut)) threshold = cut;
            else if (p is [var kind and ("candidate" or "quote"), var name, var w] && double.TryParse(w, NumberStyles.Float, ci, out var weight))
            {
                var names = kind == "candidate" ? SpeakerCandidates.CandidateFeatures : SpeakerCandidates.QuoteFeatures;
                int i = names.ToList().IndexOf(name);
                if (i < 0) throw new FormatException($"the speaker model names a feature the code does not compute ({kind} {name}); fit it again with `parallax eval quotes DIR --fit FILE`");
                (kind == "candidate" ? candidate : quote)[i] = weight;
            }
            else throw new FormatException($"speaker model: expected \"candidate NAME WEIGHT\", \"quote NAME WEIGHT\" or \"threshold T\", found \"{raw.Trim()}\"");
        }
        return new SpeakerModel(candidate, quote, threshold ?? throw new FormatException("the speaker model has no threshold line"));
    }
}
