using Parallax.Model;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Briefing.Propositions;

/// <summary>The words (and numbers) of a stretch of text, and where quotations lie in it: what the proposition stages read.</summary>
internal static class ClauseWords
{
    /// <summary>The quotations inside <paramref name="span"/>, marks included, as spans of the article's text.</summary>
    public static List<Span> Quoted(string text, Span span) =>
        [.. QuotationMarks.Spans(span.Of(text)).Select(s => new Span(s.Start + span.Start - 1, s.End + span.Start + 1))];

    /// <summary>The word and number tokens inside <paramref name="span"/>, leaving out any that start inside <paramref name="skip"/>.</summary>
    public static List<Token> Of(AnalyzedArticle a, Span span, List<Span>? skip = null)
    {
        var words = new List<Token>();
        for (int k = Tokenizer.FirstAtOrAfter(a.Tokens, span.Start); k < a.Tokens.Count && a.Tokens[k].Start < span.End; k++)
        {
            var t = a.Tokens[k];
            if (t.Kind is TokenKind.Word or TokenKind.Number && (skip is null || !skip.Any(q => q.Start <= t.Start && t.Start < q.End))) words.Add(t);
        }
        return words;
    }
}
