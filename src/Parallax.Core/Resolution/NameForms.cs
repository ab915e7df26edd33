using System.Collections.Frozen;
using System.Text;
using Parallax.Text;

namespace Parallax.Resolution;

/// <summary>How one name is written compared with another of the same entity.</summary>
public enum NameVariantKind
{
    /// <summary>Written the same way.</summary>
    Same,

    /// <summary>The same letters in other typography or case: O'Neill / O’Neill, TEIXEIRA / Teixeira, Bettie Page's.</summary>
    Typography,

    /// <summary>A shorter form: the family name alone, a given name cut short or familiar (Tim, Bill), an initial, an acronym.</summary>
    ShortForm,

    /// <summary>A slip in a letter or two of some part of the name: Karoline / Caroline, Priebus / Preibus, Turkmenistan / Turkeminstan.</summary>
    SuspectSpelling,

    /// <summary>One name romanised two ways: Zelensky / Zelenskyy, Gaddafi / Qaddafi, Sergei / Sergey.</summary>
    Transliteration,

    /// <summary>The name inside a longer run of capitalised words ("Actress Tara Reid", a headline's "Tara Reid Checks Into Rehab"): a mention, not a spelling to show.</summary>
    Embedded,
}

/// <summary>Name parts compared without typography, case or accents, and the tests that say two parts are one name written two ways.</summary>
public static class NameForms
{
    private static readonly FrozenSet<string> Suffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV");

    private static readonly FrozenSet<string> Connectives = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "of", "and", "the", "for", "&", "de", "la", "del", "on", "in");

    /// <summary>Familiar given name → the formal names it stands for.</summary>
    private static readonly FrozenDictionary<string, string[]> Familiar = Lexicon.Lines(typeof(NameForms), "nicknames.lex")
        .Select(l => l.Split('=', StringSplitOptions.TrimEntries))
        .Where(p => p.Length == 2)
        .GroupBy(p => Fold(p[0]), StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => Fold(p[1])).ToArray(), StringComparer.Ordinal);

    /// <summary>Lower case, ASCII apostrophes and no accents: "O’Neill" → "o'neill", "Zelenskyy" stays itself.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (Accents.IsCombining(c)) continue;
            sb.Append(c is '’' or '‘' or '`' ? '\'' : char.ToLowerInvariant(Accents.Strip(c)));
        }
        return sb.ToString();
    }

    /// <summary>A name's parts, folded, without a possessive, a leading "the" or a generational suffix: "Donald J. Trump Jr.'s" → donald, j., trump.</summary>
    public static string[] Parts(string name)
    {
        var parts = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[^1].EndsWith("'s", StringComparison.Ordinal) && parts[^1].Length > 2) parts[^1] = parts[^1][..^2];
        if (parts.Count > 1 && parts[0] == "the") parts.RemoveAt(0);
        while (parts.Count > 1 && Suffixes.Contains(parts[^1])) parts.RemoveAt(parts.Count - 1);
        return [.. parts];
    }

    /// <summary>Where <paramref name="shorter"/> (two parts or more) sits as a run inside <paramref name="longer"/>, or -1.</summary>
    public static int RunWithin(string[] longer, string[] shorter)
    {
        if (shorter.Length < 2 || longer.Length <= shorter.Length) return -1;
        for (int i = 0; i + shorter.Length <= longer.Length; i++)
        {
            if (longer.AsSpan(i, shorter.Length).SequenceEqual(shorter)) return i;
        }
        return -1;
    }

    /// <summary>The initials of a multi-word name's significant words, for matching an acronym: "Central Election Commission" → "cec".</summary>
    public static string Initials(string[] parts) =>
        parts.Length < 2 ? "" : string.Concat(parts.Where(p => !Connectives.Contains(p) && p.Length > 0 && char.IsLetter(p[0])).Select(p => p[0]));

    /// <summary>"j." or "j" for "john": a part that is only an initial.</summary>
    public static bool IsInitial(string part) => part.Length == 1 || (part.Length == 2 && part[1] == '.');

    /// <summary>One given name standing for another: the same, an initial, a familiar form (Bill/William), or a cut-short start (Tim/Timothy).</summary>
    public static bool ShortGiven(string a, string b)
    {
        if (a == b) return true;
        if (IsInitial(a) || IsInitial(b)) return a[0] == b[0];
        if (Familiar.TryGetValue(a, out var fa) && fa.Contains(b)) return true;
        if (Familiar.TryGetValue(b, out var fb) && fb.Contains(a)) return true;
        var (s, l) = a.Length <= b.Length ? (a, b) : (b, a);
        // One letter short is a slip (Scot, Darrel, Tod for Scott, Darrell, Todd), not a short form.
        return s.Length >= 3 && l.Length - s.Length >= 2 && l.StartsWith(s, StringComparison.Ordinal);
    }

    /// <summary>
    /// A slip of a letter or two: one edit (a swap of neighbours counts as one) in a part of five letters or more, or of
    /// four when the first letters agree; two in one of eight or more.
    /// </summary>
    public static bool CloseSpelling(string a, string b)
    {
        if (a == b) return true;
        // A plural or a possessive ("Senate Republican"/"Republicans") is the same word, not a slip.
        if (Plural(a, b)) return false;
        int shortest = Math.Min(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > 2 || shortest < 4) return false;
        int d = Edit.DamerauDistance(a, b, 2);
        return d <= 1 && (shortest >= 5 || a[0] == b[0]) || (d == 2 && shortest >= 8);
    }

    /// <summary>One word the plural of the other ("republicans", "republican"); a double s lost is a slip ("Congres"), not a singular.</summary>
    public static bool Plural(string a, string b) =>
        (a == b + "s" || b == a + "s") && !(a.Length > b.Length ? a : b).EndsWith("ss", StringComparison.Ordinal);

    /// <summary>Endings that make a name's people, adjective or plural ("Virginia"/"Virginians", "Democratic"/"Democrats", "Korea"/"Koreans").</summary>
    private static readonly string[] FormEndings = ["", "s", "n", "ns", "an", "ans", "ian", "ians", "ic", "ics", "ish", "ese", "i", "is", "y", "ies"];

    /// <summary>
    /// Two forms of one word rather than one word respelled: after a shared stem of four letters or more, each ends in one of
    /// the endings that make a name's people, its adjective or its plural, one of them two letters or more ("West
    /// Virginia"/"West Virginians", "House Democratic"/"House Democrats", "Texas"/"Texans"). A slip inside the stem
    /// ("Illinois"/"Illinnois") or of one letter at the end ("Kentucky"/"Kentucki") is no such form.
    /// </summary>
    public static bool WordForm(string a, string b)
    {
        if (a == b) return false;
        int stem = 0;
        while (stem < a.Length && stem < b.Length && a[stem] == b[stem]) stem++;
        if (stem < 4) return false;
        // A letter doubled ("Republicanns") is a slip of the keyboard, whatever ending it makes.
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (longer.Length == shorter.Length + 1 && stem > 0 && stem < longer.Length && longer[stem] == longer[stem - 1] && longer.Remove(stem, 1) == shorter) return false;
        string ea = a[stem..], eb = b[stem..];
        // One of the endings is two letters or more: a letter added, dropped or changed at the end is a slip ("Kentucki").
        return Math.Max(ea.Length, eb.Length) >= 2 && Array.IndexOf(FormEndings, ea) >= 0 && Array.IndexOf(FormEndings, eb) >= 0;
    }

    /// <summary>A truncated or garbled given name that keeps its initial and its letters in order ("Se" for "Sanae").</summary>
    public static bool Garbled(string a, string b)
    {
        var (s, l) = a.Length <= b.Length ? (a, b) : (b, a);
        if (s.Length < 2 || s[0] != l[0] || s.Length * 2 < l.Length - 1) return false;
        int j = 0;
        foreach (char c in l)
        {
            if (j < s.Length && s[j] == c) j++;
        }
        return j == s.Length;
    }

    /// <summary>Every string one deletion away, and the string itself: two strings within one edit share one of these keys.</summary>
    public static IEnumerable<string> DeletionKeys(string s)
    {
        yield return s;
        if (s.Length < 4) yield break;
        for (int i = 0; i < s.Length; i++) yield return string.Concat(s.AsSpan(0, i), s.AsSpan(i + 1));
    }
}
