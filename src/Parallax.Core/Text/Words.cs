using System.Collections.Frozen;

namespace Parallax.Text;

/// <summary>Shared word-level helpers: function words, a light stemmer, and case tests.</summary>
public static class Words
{
    /// <summary>Runs of whitespace as single spaces, ends trimmed. Written out rather than as a regex: a regex timeout can fire on a tiny input during a long garbage-collection pause.</summary>
    public static string SingleSpaced(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Function words and very common verbs that carry no topic.</summary>
    public static readonly FrozenSet<string> Stop = Lexicon.Set(typeof(Words), "stopwords.lex");

    public static bool IsStop(string word) => Stop.Contains(word);

    /// <summary>
    /// True when <paramref name="text"/> also writes <paramref name="word"/> in lower case as a word of its own ("the clause"
    /// beside "Supremacy Clause"): a capitalised word the writer also uses as an ordinary word is capitalised only by position.
    /// </summary>
    public static bool UsedInLowerCase(string text, string word)
    {
        if (word.Length == 0 || word.Length > 64) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        // A long text is read once into the set of its lower-case words, rather than searched again for every word asked
        // about (which made long articles quadratic).
        if (text.Length > LongText && AllLetters(lower))
        {
            return LowerCaseWords.GetValue(text, WordsInLowerCase).GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
        }
        int offset = 0;
        while (offset < text.Length)
        {
            int i = text.AsSpan(offset).IndexOf(lower, StringComparison.Ordinal);
            if (i < 0) return false;
            int at = offset + i, end = at + lower.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return true;
            offset = at + 1;
        }
        return false;
    }

    private const int LongText = 16 * 1024;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, HashSet<string>> LowerCaseWords = new();

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }

    /// <summary>Every maximal run of letters in the text that has no capital: the words it writes in lower case.</summary>
    private static HashSet<string> WordsInLowerCase(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            bool capital = false;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                capital |= char.ToLowerInvariant(text[i]) != text[i];
                i++;
            }
            if (!capital && i - start <= 64) lookup.Add(text.AsSpan(start, i - start));
        }
        return words;
    }

    public static bool IsCapitalized(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>A crude English suffix stripper: enough to make "visits", "visited" and "visiting" meet.</summary>
    public static string Stem(string word)
    {
        string w = word.ToLowerInvariant();
        if (w.Length <= 3) return w;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) return TrimDouble(w[..^3]);
        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) return TrimDouble(w.EndsWith("ied", StringComparison.Ordinal) ? w[..^3] + "y" : w[..^2]);
        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && (w[^3] is 's' or 'x' or 'z' || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))) return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        if (w.EndsWith('e') && w.Length > 4) w = w[..^1];
        return w;
    }

    private static string TrimDouble(string w)
    {
        if (w.Length >= 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'e')) w = w[..^1];
        if (w.EndsWith('e') && w.Length > 4) w = w[..^1];
        return w;
    }
}
