using System.Diagnostics;
using System.Text.Json;
using Parallax.Extraction;

namespace Parallax.Evaluation;

/// <summary>One benchmark page scored: its shares of true-positive, false-positive and false-negative shingles (summing to 1).</summary>
public sealed record PageScore(string Key, string? Url, double Tp, double Fp, double Fn, int ExtractedWords, int GoldWords)
{
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp + Fp == 0 ? 0 : Tp / (Tp + Fp);

    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp + Fn == 0 ? 0 : Tp / (Tp + Fn);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores of main-text extraction against gold article bodies, computed as the public article-extraction benchmark does:
/// each text becomes a bag of 4-word shingles; per page, shingle counts give true/false positives and false negatives,
/// normalised so every page weighs the same; precision and recall are averaged over pages and F1 is taken from those averages.
/// </summary>
/// <param name="Pages">Each page's score.</param>
/// <param name="ColdTime">Extraction time of the first pass, which includes compiling the code.</param>
/// <param name="WarmTimes">Extraction times of further passes over the same pages, after warm-up passes, once the code is compiled and optimised.</param>
public sealed record ExtractionScores(IReadOnlyList<PageScore> Pages, TimeSpan ColdTime, IReadOnlyList<TimeSpan> WarmTimes)
{
    public double Precision => Mean(Pages.Where(p => p.Tp + p.Fp > 0).Select(p => p.Precision));

    public double Recall => Mean(Pages.Where(p => p.Tp + p.Fn > 0).Select(p => p.Recall));

    /// <summary>The benchmark's headline figure: the harmonic mean of mean precision and mean recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The mean of each page's own F1, which punishes a page extracted badly more than the headline figure does.</summary>
    public double MeanPageF1 => Mean(Pages.Select(p => p.F1));

    /// <summary>Pages per second on one thread in the median warm pass (the first pass when there were none).</summary>
    public double PagesPerSecond
    {
        get
        {
            var t = WarmTimes.Count == 0 ? ColdTime : WarmTimes.Order().ElementAt(WarmTimes.Count / 2);
            return t.TotalSeconds == 0 ? 0 : Pages.Count / t.TotalSeconds;
        }
    }

    public double ColdPagesPerSecond => ColdTime.TotalSeconds == 0 ? 0 : Pages.Count / ColdTime.TotalSeconds;

    private static double Mean(IEnumerable<double> xs)
    {
        var list = xs.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }

    /// <summary>
    /// Scores <paramref name="extractor"/> on a benchmark folder holding <c>ground-truth.json</c> and <c>html/KEY.html.gz</c>,
    /// then runs <paramref name="warmupPasses"/> untimed passes so the code is compiled and optimised, and times <paramref name="timedPasses"/>
    /// more (the pages are held in memory, so reading from disk is not timed).
    /// </summary>
    public static ExtractionScores Evaluate(string folder, PageExtractor extractor, int timedPasses = 3, int warmupPasses = 2, IProgress<int>? progress = null)
    {
        var gold = ReadGold(Path.Combine(folder, "ground-truth.json"));
        var inputs = gold.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Value.Body, g.Value.Url, Html: ReadPage(Path.Combine(folder, "html", g.Key + ".html.gz"))))
            .ToList();
        var pages = new List<PageScore>();
        var clock = Stopwatch.StartNew();
        var texts = new List<string>();
        foreach (var (_, _, url, html) in inputs)
        {
            texts.Add(TextOf(extractor, html, url));
            progress?.Report(texts.Count);
        }
        var cold = clock.Elapsed;
        for (int i = 0; i < inputs.Count; i++) pages.Add(Score(inputs[i].Key, inputs[i].Url, inputs[i].Body, texts[i]));
        for (int pass = 0; pass < warmupPasses && timedPasses > 0; pass++)
        {
            foreach (var (_, _, url, html) in inputs) TextOf(extractor, html, url);
        }
        var warm = new List<TimeSpan>();
        for (int pass = 0; pass < timedPasses; pass++)
        {
            clock.Restart();
            foreach (var (_, _, url, html) in inputs) TextOf(extractor, html, url);
            warm.Add(clock.Elapsed);
        }
        return new ExtractionScores(pages, cold, warm);
    }

    /// <summary>The page's text; a page refused as past a page's limits has none, and scores zero.</summary>
    private static string TextOf(PageExtractor extractor, byte[] html, string? url)
    {
        try
        {
            return extractor.Extract(html, url).Text;
        }
        catch (PageRefusedException)
        {
            return "";
        }
    }

    private static byte[] ReadPage(string path) => File.Exists(path) ? SavedPage.Read(path) : [];

    /// <summary>The gold bodies of a benchmark's <c>ground-truth.json</c>, by page key.</summary>
    public static Dictionary<string, (string Body, string? Url)> ReadGold(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var gold = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var page in doc.RootElement.EnumerateObject())
        {
            string body = page.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            string? url = page.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            gold[page.Name] = (body, url);
        }
        return gold;
    }

    public static PageScore Score(string key, string? url, string gold, string extracted)
    {
        var goldTokens = Tokens(gold);
        var predTokens = Tokens(extracted);
        var truth = Shingles(goldTokens);
        var pred = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in pred)
        {
            int t = truth.GetValueOrDefault(shingle);
            tp += Math.Min(t, count);
            fp += Math.Max(0, count - t);
        }
        foreach (var (shingle, count) in truth) fn += Math.Max(0, count - pred.GetValueOrDefault(shingle));
        double sum = tp + fp + fn;
        if (sum > 0)
        {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        return new PageScore(key, url, tp, fp, fn, predTokens.Count, goldTokens.Count);
    }

    /// <summary>Runs of word characters, as the benchmark's <c>\w+</c> finds them: letters, numbers and the underscore.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || char.IsNumber(text[i]));
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>Counts of 4-token shingles; a text shorter than four tokens is one shingle of all its tokens, and an empty text has none.</summary>
    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        const int n = 4;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        for (int i = 0; i < Math.Max(1, tokens.Count - n + 1); i++)
        {
            string shingle = string.Join(' ', tokens.GetRange(i, Math.Min(n, tokens.Count - i)));
            counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
        }
        return counts;
    }
}
