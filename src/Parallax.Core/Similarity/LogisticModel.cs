using System.Globalization;
using System.Text;

namespace Parallax.Similarity;

/// <summary>
/// A logistic regression over standardised features, with the decision threshold chosen on the data it was fitted on.
/// Small and readable on purpose: a handful of weights written to a text file beside the code that uses them.
/// </summary>
public sealed class LogisticModel
{
    public IReadOnlyList<string> Features { get; }
    private readonly double[] _mean, _scale, _weights;
    private readonly double _bias;

    /// <summary>Least probability for "same".</summary>
    public double Threshold { get; }

    public LogisticModel(IReadOnlyList<string> features, double[] mean, double[] scale, double[] weights, double bias, double threshold)
    {
        if (mean.Length != features.Count || scale.Length != features.Count || weights.Length != features.Count) throw new ArgumentException("one mean, scale and weight per feature");
        (Features, _mean, _scale, _weights, _bias, Threshold) = (features, mean, scale, weights, bias, threshold);
    }

    /// <summary>The probability that the pair with these features is "same".</summary>
    public double Probability(ReadOnlySpan<double> x)
    {
        double z = _bias;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * (x[i] - _mean[i]) / _scale[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits by batch gradient descent with an L2 penalty (fixed iterations: the same data gives the same model), then picks
    /// the threshold with the best accuracy on the same data.
    /// </summary>
    public static LogisticModel Fit(IReadOnlyList<string> features, IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 1e-3, int iterations = 2000, double rate = 0.5)
    {
        int n = x.Count, d = features.Count;
        if (n == 0) throw new ArgumentException("no examples to fit");
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            double sd = Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
            scale[j] = sd < 1e-9 ? 1 : sd;
        }
        var z = x.Select(r => Enumerable.Range(0, d).Select(j => (r[j] - mean[j]) / scale[j]).ToArray()).ToArray();
        var w = new double[d];
        double b = 0;
        var grad = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            double gb = 0;
            for (int i = 0; i < n; i++)
            {
                double s = b;
                for (int j = 0; j < d; j++) s += w[j] * z[i][j];
                double err = 1 / (1 + Math.Exp(-s)) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) grad[j] += err * z[i][j];
                gb += err;
            }
            for (int j = 0; j < d; j++) w[j] -= rate * (grad[j] / n + l2 * w[j]);
            b -= rate * gb / n;
        }
        var fitted = new LogisticModel(features, mean, scale, w, b, 0.5);
        double threshold = BestThreshold(x.Select(r => fitted.Probability(r)).ToList(), y);
        return new LogisticModel(features, mean, scale, w, b, threshold);
    }

    /// <summary>The cut on <paramref name="scores"/> with the best accuracy (the lower of equal ones' midpoints).</summary>
    public static double BestThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> y)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        int positives = y.Count(v => v);
        // Threshold below everything: all predicted same.
        int correct = positives, best = correct;
        double cut = order.Length == 0 ? 0.5 : scores[order[0]] - 1e-9;
        for (int k = 0; k < order.Length; k++)
        {
            correct += y[order[k]] ? -1 : 1;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            if (correct > best)
            {
                best = correct;
                cut = k + 1 < order.Length ? (scores[order[k]] + scores[order[k + 1]]) / 2 : scores[order[k]] + 1e-9;
            }
        }
        return cut;
    }

    /// <summary>The model as text: one line per feature ("name mean scale weight"), then "bias" and "threshold".</summary>
    public string Write()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# feature mean scale weight — written by `parallax eval paraphrase FILE --fit OUT`");
        for (int j = 0; j < Features.Count; j++) sb.AppendLine(string.Create(ci, $"{Features[j]} {_mean[j]:R} {_scale[j]:R} {_weights[j]:R}"));
        sb.AppendLine(string.Create(ci, $"bias {_bias:R}"));
        sb.AppendLine(string.Create(ci, $"threshold {Threshold:R}"));
        return sb.ToString();
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static LogisticModel Read(IEnumerable<string> lines)
    {
        var ci = CultureInfo.InvariantCulture;
        var names = new List<string>();
        var mean = new List<double>();
        var scale = new List<double>();
        var weights = new List<double>();
        double? bias = null, threshold = null;
        int number = 0;
        foreach (var raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool ok = true;
            if (p[0] == "bias" && p.Length == 2) ok = double.TryParse(p[1], NumberStyles.Float, ci, out var v) && (bias = v) is not null;
            else if (p[0] == "threshold" && p.Length == 2) ok = double.TryParse(p[1], NumberStyles.Float, ci, out var v) && (threshold = v) is not null;
            else if (p.Length == 4 && double.TryParse(p[1], NumberStyles.Float, ci, out var m) && double.TryParse(p[2], NumberStyles.Float, ci, out var s) && double.TryParse(p[3], NumberStyles.Float, ci, out var w) && s > 0)
            {
                names.Add(p[0]);
                mean.Add(m);
                scale.Add(s);
                weights.Add(w);
            }
            else ok = false;
            if (!ok) throw new FormatException($"line {number}: expected \"feature mean scale weight\", \"bias B\" or \"threshold T\", found \"{line}\"");
        }
        if (bias is null || threshold is null || names.Count == 0) throw new FormatException("a model needs feature lines, a bias line and a threshold line");
        return new LogisticModel(names, [.. mean], [.. scale], [.. weights], bias.Value, threshold.Value);
    }
}
