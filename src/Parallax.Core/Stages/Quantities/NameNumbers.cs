using Parallax.Text;

namespace Parallax.Stages.Quantities;

/// <summary>
/// Numbers that are part of a name or a date rather than a count: "Fox 5", "Channel 4", "Route 66", "Amendment 64" (a bare
/// number right after a capitalised word), and "9/11", "24/7" (digits joined by a slash). None of them is a figure to compare.
/// </summary>
internal static class NameNumbers
{
    public static bool Is(string text, int start, int end, bool bare)
    {
        if (start > 1 && text[start - 1] == '/' && char.IsDigit(text[start - 2])) return true;
        if (end + 1 < text.Length && text[end] == '/' && char.IsDigit(text[end + 1])) return true;
        if (!bare || start < 2 || text[start - 1] != ' ') return false;
        int wordEnd = start - 1;
        int wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1])) wordStart--;
        if (wordStart == wordEnd || !char.IsUpper(text[wordStart])) return false;
        string word = text[wordStart..wordEnd];
        if (wordStart > 0 && char.IsLetterOrDigit(text[wordStart - 1]) || (wordStart > 0 && text[wordStart - 1] is '-' or '.' or '\'')) return false;
        // At a sentence's start a capital says nothing: "Only 5 voted" is a count, "Fox 5 reported" a name.
        int k = wordStart - 1;
        while (k >= 0 && text[k] is ' ' or '\t') k--;
        bool initial = k < 0 || text[k] is '.' or '!' or '?' or '\n' or '\r' or '“' or '"' or '—' or ':';
        return !Words.IsStop(word) && (!initial || word.Length > 1) && !(initial && IsCommonOpening(word));
    }

    /// <summary>Words that open a sentence before a count, not a name: "Roughly 5", "Another 10", "Some 16".</summary>
    private static bool IsCommonOpening(string word) => word.ToLowerInvariant() is "another" or "roughly" or "some" or "only" or "just" or "nearly" or "almost" or "about" or "around" or "over" or "all" or "and" or "but" or "the" or "those" or "these" or "exactly" or "fully";
}
