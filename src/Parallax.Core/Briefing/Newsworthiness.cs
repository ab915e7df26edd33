using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// How much a claim tells a reader, to rank what only one source reports: the names, figures and dates it carries, and
/// how near the top of its article it sits (outlets put what matters first). Furniture and asides carry none of these
/// and sink to the bottom.
/// </summary>
public static class Newsworthiness
{
    /// <summary>Most claims a brief lists per source under "only in one source" before folding the rest away.</summary>
    public const int Shown = 5;

    /// <summary>The claim's score in <paramref name="article"/>; higher first.</summary>
    public static double Of(Fact fact, AnalyzedArticle article)
    {
        var support = fact.Support.FirstOrDefault(s => s.Article == article.Id);
        if (support is null) return 0;
        var span = support.Span;
        int names = Sorted.Inside(article.Entities, span, static e => e.Span).Where(e => e.Type != EntityType.Other).Select(e => e.Name).Distinct(StringComparer.Ordinal).Count();
        int figures = Sorted.Inside(article.Quantities, span, static q => q.Span).Count(q => q.Value is not null);
        int dates = Sorted.Inside(article.Times, span, static t => t.Span).Count(t => t.Type is TimexType.Date or TimexType.Time);
        int sentence = Math.Max(0, article.SentenceIndexAt(span.Start));
        double lead = 1 - (double)sentence / Math.Max(1, article.Sentences.Count);
        return Math.Min(names, 4) + 1.5 * Math.Min(figures, 2) + 1.5 * Math.Min(dates, 2) + 3 * lead;
    }
}
