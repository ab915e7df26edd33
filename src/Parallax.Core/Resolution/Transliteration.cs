using System.Collections.Frozen;
using System.Text;
using Parallax.Text;

namespace Parallax.Resolution;

/// <summary>
/// Whether two folded name parts are one name romanised two ways: the regular alternations of transliteration
/// (an Arabic article al- or el- written or left out; a final -y, -iy, -yy or -ii; kh/h inside a word, q/k, dh/d, zh/j, ou/u, ks/x, yu/iu, a final -ya/-ia, -ah/-a, -off/-ov) and a lexicon of
/// names whose spellings differ further (Gaddafi / Qaddafi / Kadhafi, Kyiv / Kiev).
/// </summary>
public static class Transliteration
{
    /// <summary>Folded spelling → the first spelling of its lexicon line.</summary>
    private static readonly FrozenDictionary<string, string> Known = Lexicon.Lines(typeof(Transliteration), "transliterations.lex")
        .SelectMany(line =>
        {
            var spellings = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(NameForms.Fold).ToArray();
            return spellings.Select(s => (s, spellings[0]));
        })
        .DistinctBy(p => p.s)
        .ToFrozenDictionary(p => p.s, p => p.Item2, StringComparer.Ordinal);

    /// <summary>The alternations, in the order they are applied. A word-initial "Kh" stays: Khan and Han are two names.</summary>
    private static readonly (string From, string To)[] Inner =
    [
        ("kh", "h"), ("dh", "d"), ("zh", "j"), ("q", "k"), ("ou", "u"), ("ks", "x"), ("yu", "iu"), ("yev", "ev"), ("iev", "ev"),
    ];

    private static readonly (string From, string To)[] Endings = [("iy", "i"), ("yy", "i"), ("ii", "i"), ("y", "i"), ("ya", "ia"), ("ah", "a"), ("off", "ov")];

    /// <summary>The spelling every romanisation of <paramref name="part"/> shares; the part itself when no rule applies.</summary>
    public static string Key(string part)
    {
        // The Arabic article is written or left out at will: al-Qaddafi, el-Sisi, Gadhafi, Sisi are each one name.
        if (WithoutArticle(part) is { } bare && bare.Length < part.Length) return Key(bare);
        if (part.Contains('-', StringComparison.Ordinal)) return string.Join('-', part.Split('-').Select(Key));
        if (Known.TryGetValue(part, out var known)) return known;
        if (part.Length < 4) return part;
        var sb = new StringBuilder(part.Length);
        sb.Append(part[0]);
        string rest = part[1..];
        foreach (var (from, to) in Inner) rest = rest.Replace(from, to, StringComparison.Ordinal);
        foreach (var (from, to) in Endings)
        {
            if (!rest.EndsWith(from, StringComparison.Ordinal)) continue;
            rest = rest[..^from.Length] + to;
            break;
        }
        sb.Append(rest);
        string key = sb.ToString();
        return Known.TryGetValue(key, out var k) ? k : key;
    }

    /// <summary>A folded name part without a leading Arabic article: "al-assad" → "assad".</summary>
    public static string WithoutArticle(string part) =>
        part.Length > 4 && (part.StartsWith("al-", StringComparison.Ordinal) || part.StartsWith("el-", StringComparison.Ordinal)) ? part[3..] : part;

    /// <summary>The lexicon's spelling of a folded word when it lists the word (Qaddafi → gaddafi), else the word: no rules applied, so ordinary words stay themselves.</summary>
    public static string Listed(string word) => Known.GetValueOrDefault(word, word);

    /// <summary>True when two different folded parts of at least five letters (or both in the lexicon) romanise one name.</summary>
    public static bool Same(string a, string b)
    {
        if (a == b) return false;
        bool known = Known.ContainsKey(a) && Known.ContainsKey(b);
        if (!known && Math.Min(a.Length, b.Length) < 5) return false;
        return Key(a) == Key(b);
    }
}
