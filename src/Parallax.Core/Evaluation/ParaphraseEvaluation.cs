using System.Diagnostics;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Resolution;
using Parallax.Similarity;

namespace Parallax.Evaluation;

/// <summary>Accuracy and precision, recall and F1 of the "same" class over labelled pairs.</summary>
public sealed record BinaryScores(int TruePositive, int FalsePositive, int FalseNegative, int TrueNegative)
{
    public int Pairs => TruePositive + FalsePositive + FalseNegative + TrueNegative;
    public double Accuracy => Pairs == 0 ? 0 : (double)(TruePositive + TrueNegative) / Pairs;
    public double Precision => TruePositive + FalsePositive == 0 ? 0 : (double)TruePositive / (TruePositive + FalsePositive);
    public double Recall => TruePositive + FalseNegative == 0 ? 0 : (double)TruePositive / (TruePositive + FalseNegative);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static BinaryScores Of(IEnumerable<(bool Gold, bool Predicted)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (g, p) in pairs)
        {
            if (g && p) tp++;
            else if (p) fp++;
            else if (g) fn++;
            else tn++;
        }
        return new BinaryScores(tp, fp, fn, tn);
    }
}

/// <summary>One way of deciding "same", scored on the pairs it was tuned on and on pairs it never saw.</summary>
public sealed record ParaphraseRun(string Name, BinaryScores Tuned, BinaryScores Unseen);

/// <summary>A pair with its features, as measured once for every decision compared.</summary>
public sealed record MeasuredPair(ParaphrasePair Pair, double[] Features);

/// <summary>
/// Paraphrase identification on MSRP-format pairs: each sentence analysed as a one-sentence article, the two resolved
/// together, their features measured, and several decisions (word overlap, the aligner's cosine, a logistic regression
/// over all features) tuned on one set of pairs and scored on another.
/// </summary>
public static class ParaphraseEvaluation
{
    /// <summary>The features of every pair, and the seconds spent analysing and measuring.</summary>
    public static (List<MeasuredPair> Pairs, double Seconds) Measure(IReadOnlyList<ParaphrasePair> pairs, AnalysisPipeline pipeline)
    {
        var watch = Stopwatch.StartNew();
        var articles = pairs.SelectMany((p, i) => new[]
        {
            new Article { Id = $"{i}a", Text = p.Text1 },
            new Article { Id = $"{i}b", Text = p.Text2 },
        }).ToList();
        var analyses = Corpus.Analyze(articles, pipeline);
        var views = new SentenceView[analyses.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var a = analyses[2 * i];
            var b = analyses[2 * i + 1];
            var (_, canonical) = EntityLinker.Resolve([a, b], new HashSet<string>([a.Id, b.Id], StringComparer.Ordinal));
            views[2 * i] = SentenceView.Of(a, new Span(0, a.Text.Length), canonical);
            views[2 * i + 1] = SentenceView.Of(b, new Span(0, b.Text.Length), canonical);
        });
        var idf = Briefing.FactAligner.Idf([.. views.Select(v => v.Terms)]);
        var measured = pairs.Select((p, i) => new MeasuredPair(p, ParaphraseFeatures.Of(views[2 * i], views[2 * i + 1], idf))).ToList();
        return (measured, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The feature word vectors add: the cosine of the two sentences' idf-weighted mean word vectors.</summary>
    public const string VectorFeature = "wordVectorCosine";

    /// <summary>
    /// The pairs with the word-vector cosine of their sentences added as a last feature; words are weighted by their idf over
    /// every sentence of <paramref name="pairs"/> and <paramref name="others"/>.
    /// </summary>
    public static (List<MeasuredPair> Pairs, List<MeasuredPair> Others) WithVectors(IReadOnlyList<MeasuredPair> pairs, IReadOnlyList<MeasuredPair> others, WordVectors vectors)
    {
        var sentences = pairs.Concat(others).SelectMany(p => new[] { p.Pair.Text1, p.Pair.Text2 }).Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, WordVectors.ContentWords, StringComparer.Ordinal);
        // The aligner's idf, over the sentences' content words.
        var idf = Briefing.FactAligner.Idf([.. sentences.Values.Select(words => (IReadOnlyDictionary<string, double>)words.Distinct(StringComparer.Ordinal).ToDictionary(w => w, _ => 1.0, StringComparer.Ordinal))]);
        double Idf(string w) => idf[w];
        List<MeasuredPair> Add(IReadOnlyList<MeasuredPair> list) =>
            [.. list.Select(p => p with { Features = [.. p.Features, vectors.TextSimilarity(sentences[p.Pair.Text1], sentences[p.Pair.Text2], Idf)] })];
        return (Add(pairs), Add(others));
    }

    /// <summary>Every decision tuned on <paramref name="tune"/> and scored on it and on <paramref name="unseen"/>; the fitted combination is returned too.</summary>
    public static (List<ParaphraseRun> Runs, LogisticModel Combined) Compare(IReadOnlyList<MeasuredPair> tune, IReadOnlyList<MeasuredPair> unseen)
    {
        var runs = new List<ParaphraseRun>();
        int cosine = Array.IndexOf(ParaphraseFeatures.Names, "idfCosine");
        int overlap = Array.IndexOf(ParaphraseFeatures.Names, "overlapMin");
        runs.Add(OneThreshold("word overlap (shared words over the longer's), one threshold", tune, unseen, overlap));
        runs.Add(OneThreshold("the aligner's idf cosine, one threshold", tune, unseen, cosine));
        runs.Add(new ParaphraseRun($"the aligner's idf cosine at its threshold ({Briefing.FactAligner.Threshold})",
            Score(tune, p => p.Features[cosine] >= Briefing.FactAligner.Threshold), Score(unseen, p => p.Features[cosine] >= Briefing.FactAligner.Threshold)));
        runs.Add(Logistic($"logistic regression over all {ParaphraseFeatures.Names.Length} features", tune, unseen, Enumerable.Range(0, ParaphraseFeatures.Names.Length).ToArray(), out var combined));
        if (tune.Count > 0 && tune[0].Features.Length > ParaphraseFeatures.Names.Length)
        {
            int vector = ParaphraseFeatures.Names.Length;
            runs.Add(OneThreshold("word-vector cosine alone, one threshold", tune, unseen, vector));
            runs.Add(Logistic($"logistic regression over the {ParaphraseFeatures.Names.Length} features and the word-vector cosine", tune, unseen, Enumerable.Range(0, vector + 1).ToArray(), out _));
        }
        return (runs, combined);
    }

    /// <summary>The model's decision for a pair's full feature vector (the model reads the features it names).</summary>
    public static bool Decide(LogisticModel model, double[] features) => model.Probability(Select(model, features)) >= model.Threshold;

    /// <summary>The model's probability for a pair's full feature vector.</summary>
    public static double Probability(LogisticModel model, double[] features) => model.Probability(Select(model, features));

    private static double[] Select(LogisticModel model, double[] features) =>
        model.Features.Select(f => features[FeatureIndex(f)]).ToArray();

    private static int FeatureIndex(string name) => name == VectorFeature ? ParaphraseFeatures.Names.Length : Array.IndexOf(ParaphraseFeatures.Names, name);

    private static string FeatureName(int index) => index == ParaphraseFeatures.Names.Length ? VectorFeature : ParaphraseFeatures.Names[index];

    private static ParaphraseRun OneThreshold(string name, IReadOnlyList<MeasuredPair> tune, IReadOnlyList<MeasuredPair> unseen, int feature)
    {
        double cut = LogisticModel.BestThreshold(tune.Select(p => p.Features[feature]).ToList(), tune.Select(p => p.Pair.Same).ToList());
        return new ParaphraseRun($"{name} ({cut:F2})", Score(tune, p => p.Features[feature] >= cut), Score(unseen, p => p.Features[feature] >= cut));
    }

    private static ParaphraseRun Logistic(string name, IReadOnlyList<MeasuredPair> tune, IReadOnlyList<MeasuredPair> unseen, int[] features, out LogisticModel model)
    {
        var names = features.Select(FeatureName).ToList();
        model = LogisticModel.Fit(names, tune.Select(p => features.Select(j => p.Features[j]).ToArray()).ToList(), tune.Select(p => p.Pair.Same).ToList());
        var m = model;
        return new ParaphraseRun(name, Score(tune, p => Decide(m, p.Features)), Score(unseen, p => Decide(m, p.Features)));
    }

    private static BinaryScores Score(IReadOnlyList<MeasuredPair> pairs, Func<MeasuredPair, bool> same) => BinaryScores.Of(pairs.Select(p => (p.Pair.Same, same(p))));
}
