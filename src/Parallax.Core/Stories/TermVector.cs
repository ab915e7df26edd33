using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stories;

/// <summary>A sparse, L2-normalised bag of weighted terms (stems, entity names, years) describing a text.</summary>
public sealed class TermVector
{
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Normalises <paramref name="weights"/> in place and keeps it; the caller gives up the dictionary.</summary>
    public TermVector(Dictionary<string, double> weights)
    {
        double norm = 0;
        foreach (var w in weights.Values) norm += w * w;
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            foreach (var key in weights.Keys.ToList()) weights[key] /= norm;
        }
        Weights = weights;
    }

    public double Cosine(TermVector other)
    {
        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        double dot = 0;
        foreach (var (term, w) in small)
        {
            if (large.TryGetValue(term, out double v)) dot += w * v;
        }
        return dot;
    }

    /// <summary>The raw term counts of an article: content-word stems, and entity names counted extra since they identify events best.</summary>
    public static Dictionary<string, double> Counts(AnalyzedArticle a)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        string text = a.Text;
        foreach (var t in a.Tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 3) continue;
            string w = text[t.Start..t.End];
            if (Words.IsStop(w)) continue;
            string stem = Words.Stem(w);
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }
        foreach (var e in a.Entities)
        {
            if (e.Type == EntityType.Other) continue;
            string key = "@" + e.Name.ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + 2;
        }
        if (a.Article.Title is { } title)
        {
            foreach (var t in Tokenizer.Tokenize(title))
            {
                string w = title[t.Start..t.End];
                if (t.Kind != TokenKind.Word || t.Length < 3 || Words.IsStop(w)) continue;
                string stem = Words.Stem(w);
                counts[stem] = counts.GetValueOrDefault(stem) + 2;
            }
        }
        return counts;
    }
}
