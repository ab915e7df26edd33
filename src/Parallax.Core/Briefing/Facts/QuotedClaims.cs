using Parallax.Model;

namespace Parallax.Briefing.Facts;

/// <summary>
/// A fact worded by a sentence that is nothing but a quotation ("“If even one life can be saved, we must try.”") says
/// nothing on its own: a reader needs to know who said it. Such a fact is shown with its speaker, as the quote stage
/// decided it, and without one it is not a statement the sources agree on.
/// </summary>
public static class QuotedClaims
{
    /// <summary>True when <paramref name="text"/> is one quotation and nothing else (a closing stop aside).</summary>
    public static bool IsBareQuotation(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (t.Length < 3) return false;
        bool opens = t[0] is '“' or '"' or '‘';
        bool closes = t[^1] is '”' or '"' or '’';
        if (!opens || !closes) return false;
        // A second quotation opening inside ("“…,” he said, “…”") means narration stands between: not bare.
        int marks = t.Count(c => c is '“' or '”' or '"');
        return marks == 2;
    }

    /// <summary>
    /// The speaker of a quotation that two or more sources print, when at least two of them name the same person and none
    /// names another: one source's attribution alone is not what the sources agree on.
    /// </summary>
    public static string? AgreedSpeaker(IEnumerable<(string Article, string? Speaker)> bySource)
    {
        var named = bySource.Where(s => s.Speaker is not null).DistinctBy(s => s.Article).ToList();
        var speakers = named.Select(s => s.Speaker!).Distinct(StringComparer.Ordinal).ToList();
        return speakers.Count == 1 && named.Count >= 2 ? speakers[0] : null;
    }

    /// <summary>The speaker the article's quote stage shows for the quotation at <paramref name="span"/>, or null when it holds it back.</summary>
    public static string? SpeakerOf(AnalyzedArticle article, Span span) =>
        article.Quotes.Where(q => q.Direct && q.Span.Overlaps(span) && q.Speaker is not null).Select(q => q.Speaker).FirstOrDefault();
}
