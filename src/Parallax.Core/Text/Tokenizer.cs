using Parallax.Model;

namespace Parallax.Text;

/// <summary>Splits text into words, numbers, symbols and punctuation without changing it; every token is a span of the input.</summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetter(c))
            {
                i = ReadWord(text, i);
                tokens.Add(new Token(start, i, TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                i = ReadNumber(text, i);
                tokens.Add(new Token(start, i, TokenKind.Number));
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])) && i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                // Possessive 's stays a token of its own so names do not absorb it.
                i += 2;
                tokens.Add(new Token(start, i, TokenKind.Word));
            }
            else if (IsDoubledApostrophe(text, i))
            {
                // Two apostrophes are one quotation mark in some newspapers' plain text (''like this'').
                i += 2;
                tokens.Add(new Token(start, i, TokenKind.Punctuation));
            }
            else if (char.IsSurrogate(c))
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(start, i, TokenKind.Symbol));
            }
            else
            {
                i++;
                var kind = c is '$' or '€' or '£' or '¥' or '%' or '&' or '+' or '=' or '#' or '@' ? TokenKind.Symbol : TokenKind.Punctuation;
                tokens.Add(new Token(start, i, kind));
            }
        }
        return tokens;
    }

    /// <summary>Index of the first token starting at or after <paramref name="offset"/> (tokens.Count if none).</summary>
    public static int FirstAtOrAfter(IReadOnlyList<Token> tokens, int offset) => Sorted.FirstAtOrAfter(tokens, offset, static t => t.Start);

    /// <summary>Two apostrophes, straight or curly (''like this'', ‘‘like this’’), printed for one double quotation mark.</summary>
    public static bool IsDoubledApostrophe(string text, int at) => text[at] is '\'' or '’' or '‘' && at + 1 < text.Length && text[at + 1] == text[at];

    /// <summary>How many punctuation tokens (opening quotation marks, a bullet) stand from <paramref name="first"/> before <paramref name="limit"/>.</summary>
    public static int PunctuationRun(IReadOnlyList<Token> tokens, int first, int limit)
    {
        int k = first;
        while (k < limit && tokens[k].Kind == TokenKind.Punctuation) k++;
        return k - first;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static int ReadWord(string text, int i)
    {
        int start = i;
        // Dotted abbreviations such as U.S., U.K., a.m. are one token including their final dot.
        int j = i;
        int letters = 0;
        while (j + 1 < text.Length && char.IsLetter(text[j]) && text[j + 1] == '.' && (j == start || text[j - 1] == '.'))
        {
            letters++;
            j += 2;
        }
        if (letters >= 2 && (j >= text.Length || !char.IsLetter(text[j])))
        {
            return j;
        }
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                i++;
            }
            else if ((c == '-' || c == '‐') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                && !(i + 2 < text.Length && char.IsUpper(text[i + 1]) && text[i + 2] == '.'))
            {
                // Hyphenated words stay whole, but "China-U.S." leaves the dotted abbreviation its own token.
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !IsPossessive(text, i))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool IsPossessive(string text, int apostrophe) =>
        apostrophe + 1 < text.Length && (text[apostrophe + 1] is 's' or 'S') && (apostrophe + 2 >= text.Length || !char.IsLetter(text[apostrophe + 2]));

    private static int ReadNumber(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if ((c == ',' || c == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
