using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// Page furniture inside an article's text: photo credits and captions, copyright lines, sign-up prompts, contributor
/// lines, bylines. Extraction cannot always strip them, and outlets word them alike, so left in they would be "facts"
/// many sources agree on, or dates and figures that conflict.
/// </summary>
public static class Furniture
{
    private static readonly string[] Phrases = [.. Lexicon.Lines(typeof(Furniture), "furniture.lex")];

    /// <summary>Whether the sentence is furniture rather than reporting.</summary>
    public static bool Is(ReadOnlySpan<char> sentence)
    {
        foreach (var p in Phrases)
        {
            if (sentence.Contains(p, StringComparison.Ordinal)) return true;
        }
        return IsByline(sentence);
    }

    /// <summary>"By Jane Smith, USA TODAY", "By JANE SMITH and LEE WU": a short line naming the writers.</summary>
    private static bool IsByline(ReadOnlySpan<char> sentence)
    {
        var s = sentence.Trim();
        if (!s.StartsWith("By ", StringComparison.Ordinal) || s.Length > 90 || s.Length < 5 || !char.IsUpper(s[3])) return false;
        foreach (var range in s[3..].Split(' '))
        {
            var word = s[3..][range].Trim(",.|");
            if (word.Length == 0 || char.IsUpper(word[0]) || word is "and" or "of" or "the" or "de" or "van" or "von") continue;
            return false;
        }
        return true;
    }
}
