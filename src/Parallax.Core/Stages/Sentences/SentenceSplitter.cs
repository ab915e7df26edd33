using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Text;

namespace Parallax.Stages.Sentences;

/// <summary>
/// Finds sentence boundaries: terminal punctuation followed by a capital, never after a known abbreviation or an initial,
/// not inside an open quotation, and not before a reporting clause ("…!” Trump said). A line break always ends a sentence.
/// </summary>
public sealed class SentenceSplitter : IAnalysisStage
{
    private static readonly FrozenSet<string> Abbreviations = Lexicon.Set(typeof(SentenceSplitter), "abbreviations.lex");
    private static readonly FrozenSet<string> SentenceStarters = Lexicon.Set(typeof(SentenceSplitter), "starters.lex");
    private static readonly FrozenSet<string> ReportingVerbs = Lexicon.Set(typeof(SentenceSplitter), "reporting-verbs.lex");

    /// <summary>Past this many characters an unclosed quotation no longer holds a sentence open.</summary>
    private const int MaxQuoteHold = 600;

    public string Name => "sentences";

    public AnalysisLayer Reads => AnalysisLayer.Tokens;

    public AnalysisLayer Writes => AnalysisLayer.Sentences;

    /// <summary>Longest sentence, in tokens; a longer run without a break is cut here.</summary>
    public const int MaxSentenceTokens = 1000;

    public void Run(DocumentBuilder document) => document.Sentences = Split(document.Text, document.Tokens);

    public static IReadOnlyList<Sentence> Split(string text) => Split(text, Tokenizer.Tokenize(text));

    public static IReadOnlyList<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<Sentence>();
        int first = -1; // index of the first token of the current sentence
        int quoteDepth = 0;
        int quoteOpenedAt = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            var tok = tokens[i];
            if (first < 0) first = i;
            char c = text[tok.Start];

            if (tok.Kind == TokenKind.Punctuation && IsQuoteAt(text, tok.Start))
            {
                if (IsOpening(text, tok.Start))
                {
                    if (quoteDepth == 0) quoteOpenedAt = tok.Start;
                    quoteDepth++;
                }
                else if (quoteDepth > 0)
                {
                    quoteDepth--;
                }
            }

            int boundaryAfter = -1; // index of last token of the sentence, if a boundary follows it
            bool next = i + 1 < tokens.Count;
            if (next && HasLineBreak(text, tok.End, tokens[i + 1].Start))
            {
                boundaryAfter = i;
            }
            else if (IsTerminator(text, tok))
            {
                int last = i;
                int depth = quoteDepth;
                // Closing quotes and brackets right after the terminator belong to this sentence.
                while (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[last].End && IsCloser(text, tokens[last + 1]))
                {
                    last++;
                    if (IsQuoteAt(text, tokens[last].Start) && depth > 0) depth--;
                }
                if (last + 1 >= tokens.Count)
                {
                    boundaryAfter = last;
                }
                else if (IsBoundary(text, tokens, i, last, depth, quoteOpenedAt))
                {
                    boundaryAfter = last;
                }
                if (boundaryAfter >= 0)
                {
                    quoteDepth = depth;
                    i = last;
                }
            }

            // Text without sentence breaks (a list, a dump, an attack) is cut into pieces of bounded length, so every stage that
            // works sentence by sentence stays linear in the article's length. No real sentence comes near it: the longest
            // of 300,000 AllSides sentences has 732 tokens.
            if (boundaryAfter < 0 && i - first + 1 >= MaxSentenceTokens) boundaryAfter = i;

            if (boundaryAfter >= 0 || i + 1 >= tokens.Count)
            {
                int lastIdx = boundaryAfter >= 0 ? boundaryAfter : i;
                sentences.Add(new Sentence(new Span(tokens[first].Start, tokens[lastIdx].End)));
                first = -1;
                if (lastIdx + 1 < tokens.Count && HasLineBreak(text, tokens[lastIdx].End, tokens[lastIdx + 1].Start))
                {
                    quoteDepth = 0; // quotations do not run across paragraphs here; the quote stage joins them
                }
            }
        }
        return sentences;
    }

    private static bool IsBoundary(string text, IReadOnlyList<Token> tokens, int term, int last, int depth, int quoteOpenedAt)
    {
        var nextTok = tokens[last + 1];
        char n = text[nextTok.Start];
        if (nextTok.Start == tokens[last].End && !IsQuoteAt(text, nextTok.Start) && n != '(') return false; // "3.5", "U.S.-China"
        string nextWord = text[nextTok.Start..nextTok.End];
        bool nextOpensQuote = IsQuoteAt(text, nextTok.Start) && IsOpening(text, nextTok.Start);
        if (!(char.IsUpper(n) || char.IsDigit(n) || nextOpensQuote || n == '(' || n == '['))
        {
            return false;
        }
        if (depth > 0 && nextTok.Start - quoteOpenedAt < MaxQuoteHold)
        {
            return false; // still inside a quotation
        }
        var termTok = tokens[term];
        if (text[termTok.Start] == '.' && termTok.Length == 1 && term > 0)
        {
            var prev = tokens[term - 1];
            string prevWord = text[prev.Start..prev.End];
            if (prev.End == termTok.Start && prev.Kind == TokenKind.Word)
            {
                if (prevWord.Length == 1 && char.IsUpper(prevWord[0])) return false; // an initial: "George W. Bush"
                if (Abbreviations.Contains(prevWord) && !SentenceStarters.Contains(nextWord)) return false;
            }
        }
        else if (termTok.Kind == TokenKind.Word)
        {
            // A dotted abbreviation such as "U.S." ends a sentence only before a word that usually starts one.
            if (!SentenceStarters.Contains(nextWord)) return false;
        }
        // "…strong!” Trump said." — a reporting clause after a closed quotation continues the sentence.
        bool quoted = last > term && IsQuoteAt(text, tokens[last].Start);
        if (quoted && text[termTok.Start] is '!' or '?' && FollowedByReportingClause(text, tokens, last + 1))
        {
            return false;
        }
        return true;
    }

    /// <summary>
    /// The sentences inside one quotation, as spans of the text: a stop, "!" or "?" before a space and a capital ends one, but
    /// not after a title or other abbreviation ("open the government, Mr. President"), an initial or a dotted abbreviation
    /// ("U.S.") unless a word that usually opens a sentence follows.
    /// </summary>
    public static IEnumerable<Span> SentencesWithin(string text, Span quote)
    {
        int start = quote.Start;
        for (int i = quote.Start; i < quote.End; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || i + 2 >= quote.End || text[i + 1] != ' ' || !char.IsUpper(text[i + 2])) continue;
            if (text[i] == '.' && AbbreviationEndsAt(text, i)) continue;
            yield return new Span(start, i + 1);
            start = i + 2;
        }
        if (start < quote.End) yield return new Span(start, quote.End);
    }

    /// <summary>True when the stop at <paramref name="dot"/> closes an abbreviation or an initial, not the sentence before the next word.</summary>
    private static bool AbbreviationEndsAt(string text, int dot)
    {
        int from = dot;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.')) from--;
        string word = text[from..dot];
        int nextEnd = dot + 2;
        while (nextEnd < text.Length && char.IsLetter(text[nextEnd])) nextEnd++;
        bool starter = SentenceStarters.Contains(text[(dot + 2)..nextEnd]);
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "George W. Bush"
        if (word.Contains('.')) return !starter; // "U.S.", "D.C."
        return Abbreviations.Contains(word) && !starter;
    }

    private static bool FollowedByReportingClause(string text, IReadOnlyList<Token> tokens, int from)
    {
        for (int k = from; k < tokens.Count && k < from + 5; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation) return false;
            if (ReportingVerbs.Contains(text[t.Start..t.End])) return true;
        }
        return false;
    }

    private static bool IsTerminator(string text, Token tok)
    {
        if (tok.Kind == TokenKind.Punctuation) return text[tok.Start] is '.' or '!' or '?' or '…';
        // A dotted abbreviation token carries its own final dot.
        return tok.Kind == TokenKind.Word && tok.Length >= 4 && text[tok.End - 1] == '.';
    }

    private static bool IsCloser(string text, Token tok) =>
        tok.Kind == TokenKind.Punctuation && (text[tok.Start] is ')' or ']' or '”' or '’' or '"' or '\'' or '»' || text[tok.Start] is '.' or '!' or '?');

    internal static bool IsQuote(char c) => c is '“' or '”' or '"' or '«' or '»' or '„';

    /// <summary>True when a quotation mark starts at <paramref name="at"/>: one of <see cref="IsQuote(char)"/> or a doubled apostrophe ('').</summary>
    internal static bool IsQuoteAt(string text, int at) => IsQuote(text[at]) || Tokenizer.IsDoubledApostrophe(text, at);

    /// <summary>The number of characters of the quotation mark at <paramref name="at"/> (2 for '').</summary>
    internal static int QuoteWidth(string text, int at) => Tokenizer.IsDoubledApostrophe(text, at) ? 2 : 1;

    /// <summary>Curly quotes say which way they face; a straight quote opens when nothing but space or an opening bracket precedes it.</summary>
    internal static bool IsOpening(string text, int at)
    {
        char c = text[at];
        if (c is '“' or '«' or '„') return true;
        if (c is '”' or '»') return false;
        int after = at + QuoteWidth(text, at);
        bool spaceBefore = at == 0 || char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '[' or '—' or '–';
        bool spaceAfter = after >= text.Length || char.IsWhiteSpace(text[after]);
        return spaceBefore && !spaceAfter;
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (text[k] is '\n' or '\r' or '\u2028' or '\u2029') return true;
        }
        return false;
    }
}
