using System.Globalization;
using System.Text;
using Parallax.Model;

namespace Parallax.Rendering;

/// <summary>
/// One article's text as HTML with what the analysis found marked in place: people, organisations and places, quotations
/// (with their speaker), quantities and time expressions (with their calendar value). Marks may overlap (a name inside a
/// quote); the text is cut at every mark's edge and each piece carries the classes of all marks covering it. Everything
/// from the article is HTML-escaped.
/// </summary>
public static class AnalysisHtml
{
    /// <summary>The marked text, as a <c>&lt;div class="marked"&gt;</c>.</summary>
    public static string MarkedText(AnalyzedArticle a)
    {
        var marks = new List<(Span Span, string Class, string? Title)>();
        foreach (var e in a.Entities) marks.Add((e.Span, "ent " + e.Type.ToString().ToLowerInvariant(), e.Type.ToString().ToLowerInvariant() + ": " + e.Name));
        foreach (var q in a.Quotes) marks.Add((q.Span, q.Direct ? "quote" : "quote reported", "quote" + (q.Speaker is { } s ? " by " + s : "")));
        foreach (var q in a.Quantities) marks.Add((q.Span, "qty", Quantity(q)));
        foreach (var t in a.Times) marks.Add((t.Span, "time", t.Type.ToString().ToLowerInvariant() + " " + t.Value));
        string text = a.Text;
        var sb = new StringBuilder("<div class=\"marked\">");
        foreach (var (start, end) in TextPieces.Cut(text.Length, marks.Select(m => m.Span)))
        {
            var covering = marks.Where(m => m.Span.Start <= start && m.Span.End >= end).ToList();
            string piece = E(text[start..end]);
            if (covering.Count == 0)
            {
                sb.Append(piece);
            }
            else
            {
                sb.Append("<span class=\"").Append(string.Join(' ', covering.Select(m => m.Class).Distinct()))
                  .Append("\" title=\"").Append(E(string.Join("; ", covering.Select(m => m.Title).Distinct())))
                  .Append("\" data-s=\"").Append(start).Append("\" data-e=\"").Append(end).Append("\">").Append(piece).Append("</span>");
            }
        }
        return sb.Append("</div>").ToString();
    }

    /// <summary>A quantity's normalised reading: "≈ 42000000 USD", "10–20 percent", "change: -10 percent".</summary>
    public static string Quantity(Quantity q)
    {
        var ci = CultureInfo.InvariantCulture;
        string value = q.Value is { } v ? v.ToString("G", ci) + (q.UpperValue is { } u ? "–" + u.ToString("G", ci) : "") : "?";
        string hedge = q.Qualifier is { } h ? h + " " : "";
        return (q.IsChange ? "change: " : "") + hedge + value + (q.Unit is { } unit ? " " + unit : "");
    }

    private static string E(string s) => Markup.Escape(s);
}
