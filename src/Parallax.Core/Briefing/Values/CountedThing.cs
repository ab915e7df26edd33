using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing.Values;

/// <summary>
/// What a figure counts, as the noun written right after it ("300 pages of emails", "a 30-round limit", "the 450-page
/// report", "0.8 million women", "$750,000 in campaign funds"): two outlets' figures of one noun in like contexts are
/// figures of one thing even in sentences too differently worded to align, while "19 hijackers" and "11 pages" never are.
/// </summary>
internal static class CountedThing
{
    private static readonly Regex After = new(
        @"^(?<name>(?:\s+[A-Z][\w.'’-]*){0,3})(?:-|\s+)(?<word>[a-z][a-z-]*)\b(?:\s+(?<next>[a-z][a-z-]*)\b)?",
        RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The concept of the first lower-case word after the figure in its sentence, past a name that qualifies it ("45
    /// Georgetown University faculty"); for an amount of money, what it is "in" ("$750,000 in campaign money"). Null when
    /// a function word follows ("15 of them", "16 were") or a name and then a verb ("5 Democrats voted"): then the figure's
    /// noun is not written beside it.
    /// </summary>
    public static string? Of(string text, Span figure, Span sentence, bool money)
    {
        if (figure.End >= sentence.End) return null;
        int length = Math.Min(80, sentence.End - figure.End);
        var m = After.Match(text.Substring(figure.End, length));
        if (!m.Success) return null;
        bool named = m.Groups["name"].Length > 0;
        string word = Clean(m.Groups["word"].Value);
        if (money)
        {
            // "$750,000 in campaign funds": the "in" phrase says what the money is; anything else after an amount is the clause going on.
            if (named || word != "in" || !m.Groups["next"].Success) return null;
            string next = Clean(m.Groups["next"].Value);
            return next.Length < 3 || Words.IsStop(next) ? null : "in " + SentenceFeatures.Concept(next);
        }
        if (word.Length < 3 || Words.IsStop(word)) return null;
        if (named && (word.EndsWith("ed", StringComparison.Ordinal) || word is "say" or "says" or "want" or "wants")) return null;
        return SentenceFeatures.Concept(word);
    }

    /// <summary>A currency unit as the quantity stage writes it (USD, EUR, GBP).</summary>
    public static bool IsMoney(string unit) => unit.Length == 3 && unit.All(char.IsAsciiLetterUpper);

    // "e-mails" and "emails" are one noun; a hyphen glued to the figure ("30-round") is left out.
    private static string Clean(string word) => word.Trim('-').Replace("-", "", StringComparison.Ordinal);
}
