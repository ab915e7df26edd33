using Parallax.Model;

namespace Parallax.Stages.Sentences;

/// <summary>Where quotation marks open and close: the words between them, for the entity stage (names inside quotes) and the quote stage.</summary>
public static class QuotationMarks
{
    /// <summary>Content spans between matching quotation marks. A paragraph that ends inside a quotation continues it when the next one opens with a quotation mark.</summary>
    public static IEnumerable<Span> Spans(string text)
    {
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' && open >= 0)
            {
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                bool continues = j < text.Length && (text[j] is '“' or '"' || SentenceSplitter.QuoteWidth(text, j) == 2) && j > i + 1;
                if (!continues) open = -1;
                else i = j + SentenceSplitter.QuoteWidth(text, j) - 1; // skip the re-opening mark of the continued quotation
                continue;
            }
            if (!SentenceSplitter.IsQuoteAt(text, i)) continue;
            int width = SentenceSplitter.QuoteWidth(text, i);
            bool opening = SentenceSplitter.IsOpening(text, i);
            if (open < 0 && opening)
            {
                open = i + width;
                i += width - 1;
            }
            else if (open >= 0 && (!opening || c == '"' || width == 2))
            {
                int end = i;
                // A closing comma or period printed inside the marks is not part of what was said.
                int contentEnd = end;
                while (contentEnd > open && text[contentEnd - 1] is ',' or ' ') contentEnd--;
                if (contentEnd > open) yield return new Span(open, contentEnd);
                open = -1;
                i += width - 1;
            }
        }
    }
}
