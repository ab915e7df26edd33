using System.Text.RegularExpressions;
using Parallax.Model;

namespace Parallax.Stages.Entities;

/// <summary>
/// What may sit inside a run of name words without ending it: a nickname in quotes ("William “Mo” Cowan"), the close of
/// an editor's bracket that completes a quoted name ("(Libyan strongman Moammar) Gadhafi"), and a lower-case Arabic
/// article joined to a family name ("Bashar al-Assad").
/// </summary>
public static partial class NameRuns
{
    /// <summary>
    /// How many tokens from <paramref name="end"/> on continue the run ending before it, up to and including the next name
    /// word; 0 when nothing is inserted there.
    /// </summary>
    public static int Inserted(string text, IReadOnlyList<Token> tokens, int sentenceFirst, int start, int end, int last, Func<Token, bool> isName)
    {
        if (end >= last || tokens[end - 1].Kind != TokenKind.Word) return 0;
        char open = text[tokens[end].Start];
        // A one-word nickname in double quotes between a given and a family name.
        if (end + 3 < last && tokens[end].Length == 1 && open is '"' or '“' && tokens[end].Start - tokens[end - 1].End == 1
            && isName(tokens[end + 1]) && tokens[end + 1].Start == tokens[end].End
            && tokens[end + 2].Length == 1 && text[tokens[end + 2].Start] is '"' or '”' && tokens[end + 2].Start == tokens[end + 1].End
            && tokens[end + 3].Start - tokens[end + 2].End == 1 && isName(tokens[end + 3]))
        {
            return 4;
        }
        // The close of a bracket opened just before the run: the editor's insertion supplies the given name, the quoted
        // speaker the family name. A bracket opened further back ("(AP) President …") is no insertion.
        if (end + 1 < last && tokens[end].Length == 1 && open == ')' && tokens[end].Start == tokens[end - 1].End
            && tokens[end + 1].Start - tokens[end].End == 1 && (isName(tokens[end + 1]) || ArticlePrefixed(text, tokens[end + 1])))
        {
            for (int k = start - 1; k >= Math.Max(sentenceFirst, start - 4); k--)
            {
                char c = text[tokens[k].Start];
                if (c == ')') return 0;
                if (c == '(' && tokens[k].Length == 1) return 2;
            }
        }
        return 0;
    }

    /// <summary>"al-Qaddafi", "el-Sisi": an Arabic article in lower case joined by a hyphen to a capitalised name.</summary>
    public static bool ArticlePrefixed(string text, Token t) =>
        t.Kind == TokenKind.Word && t.Length > 4 && (text.AsSpan(t.Start).StartsWith("al-", StringComparison.Ordinal) || text.AsSpan(t.Start).StartsWith("el-", StringComparison.Ordinal))
        && char.IsUpper(text[t.Start + 3]);

    /// <summary>The name as written without a quoted nickname or an editor's closing bracket: "William “Mo” Cowan" → "William Cowan".</summary>
    public static string WithoutInsertions(string phrase) =>
        phrase.Contains('"') || phrase.Contains('“') || phrase.Contains(')') ? Closing().Replace(Nickname().Replace(phrase, ""), "") : phrase;

    [GeneratedRegex(@" [""“][^ ""”]+[""”](?= )")]
    private static partial Regex Nickname();

    [GeneratedRegex(@"\)(?= )")]
    private static partial Regex Closing();
}
