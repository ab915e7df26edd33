using Parallax.Model;

namespace Parallax.Stories;

/// <summary>Finds syndicated copies and light rewrites: texts that share most of their five-word shingles.</summary>
public static class NearDuplicates
{
    /// <summary>Share of the smaller text's shingles that must recur in the other for the two to be one text.</summary>
    public const double Containment = 0.8;

    /// <summary>Only shingles whose hash is 0 modulo this are kept: a fixed, content-defined sample, so two copies keep the same ones and containment is estimated without storing them all.</summary>
    public const int SampleModulus = 8;

    /// <summary>Below this many sampled shingles a text is too short for the sample to judge; its full set is used.</summary>
    public const int MinSample = 8;

    /// <summary>The text's five-word shingles (hashed): the content-defined sample, or every one when <paramref name="all"/> is set.</summary>
    public static HashSet<ulong> Shingles(AnalyzedArticle a, bool all = false, int size = 5)
    {
        var words = new List<Token>();
        foreach (var t in a.Tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number) words.Add(t);
        }
        var text = a.Text.AsSpan();
        var set = new HashSet<ulong>();
        for (int i = 0; i + size <= words.Count; i++)
        {
            ulong h = 14695981039346656037UL;
            for (int k = i; k < i + size; k++)
            {
                // FNV-1a over the lower-cased words: stable across runs, unlike string.GetHashCode.
                foreach (char c in text[words[k].Start..words[k].End]) h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                h = (h ^ ' ') * 1099511628211UL;
            }
            if (all || h % SampleModulus == 0) set.Add(h);
        }
        return set;
    }
}
