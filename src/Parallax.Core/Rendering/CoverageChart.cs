using System.Globalization;
using System.Text;
using Parallax.Briefing;

namespace Parallax.Rendering;

/// <summary>
/// A story's coverage over time as an SVG drawn here (no script, no outside request): one row per outlet, one column per
/// day (or per week when the story runs longer than <see cref="MaxDayColumns"/> days), a dot sized by the articles the
/// outlet published then. Articles with no date of their own sit in a last column. Each dot names what it stands for.
/// </summary>
public static class CoverageChart
{
    /// <summary>Above this many days the columns are weeks, so a story of months stays readable.</summary>
    public const int MaxDayColumns = 45;

    /// <summary>Outlets drawn one per row; the rest share a last row.</summary>
    public const int MaxRows = 12;

    private const int LabelWidth = 120, Row = 22, Top = 8, Axis = 26, PlotWidth = 480, MinPlot = 240;

    /// <summary>One mark: an outlet's articles in one column.</summary>
    private readonly record struct Mark(int Row, int Column, int Articles);

    /// <summary>The chart, or null when there is nothing over time to show (fewer than two articles with dates of their own).</summary>
    public static string? Svg(Brief brief)
    {
        var articles = brief.Articles.Where(a => a.DuplicateOf is null).ToList();
        var dated = articles.Where(a => a.Article.Published is not null && !a.Article.PublishedInferred).ToList();
        if (dated.Count < 2) return null;
        var first = dated.Min(a => a.Article.Published!.Value);
        var last = dated.Max(a => a.Article.Published!.Value);
        int days = last.DayNumber - first.DayNumber + 1;
        int step = days > MaxDayColumns ? 7 : 1;
        int columns = (days + step - 1) / step;
        bool undated = dated.Count < articles.Count;

        // Rows: outlets by their articles here, most first; beyond the cap, one row for all the others.
        var outlets = articles.GroupBy(a => Outlets.Key(a.Article), StringComparer.Ordinal)
            .Select(g => (Name: Outlets.NameOf(g.Select(a => a.Article)) ?? g.First().Label, Articles: g.ToList()))
            .OrderByDescending(g => g.Articles.Count).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var rows = outlets.Take(MaxRows).Select(o => (o.Name, o.Articles)).ToList();
        if (outlets.Count > MaxRows)
        {
            rows[^1] = ($"{outlets.Count - MaxRows + 1} other outlets", [.. outlets.Skip(MaxRows - 1).SelectMany(o => o.Articles)]);
        }

        int slots = columns + (undated ? 1 : 0);
        // Columns of at most 28 px, but a plot wide enough that the axis labels never run into each other.
        double cell = Math.Min(Math.Max(28, (double)MinPlot / slots), (double)PlotWidth / slots);
        var marks = new List<Mark>();
        for (int r = 0; r < rows.Count; r++)
        {
            foreach (var g in rows[r].Articles.GroupBy(a => a.Article.Published is { } d && !a.Article.PublishedInferred ? (d.DayNumber - first.DayNumber) / step : columns))
            {
                marks.Add(new Mark(r, g.Key, g.Count()));
            }
        }
        int most = marks.Max(m => m.Articles);
        int width = LabelWidth + (int)Math.Ceiling(cell * slots) + 10, height = Top + rows.Count * Row + Axis;
        var ci = CultureInfo.InvariantCulture;
        string X(int column) => (LabelWidth + cell * (column + 0.5)).ToString("0.#", ci);
        string Y(int row) => (Top + row * Row + Row / 2.0).ToString("0.#", ci);
        string ColumnLabel(int column) => column == columns ? "undated"
            : step == 1 ? first.AddDays(column).ToString("yyyy-MM-dd", ci)
            : $"the week of {first.AddDays(column * step).ToString("yyyy-MM-dd", ci)}";

        var sb = new StringBuilder();
        string span = first == last ? first.ToString("yyyy-MM-dd", ci) : $"{first.ToString("yyyy-MM-dd", ci)} to {last.ToString("yyyy-MM-dd", ci)}";
        sb.Append("<svg class=\"coverage-chart\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" width=\"").Append(width).Append("\" role=\"img\" aria-label=\"")
          .Append(E($"Articles per outlet per {(step == 1 ? "day" : "week")}, {span}: {rows.Count} {(rows.Count == 1 ? "outlet" : "outlets")}, {dated.Count} dated articles"))
          .Append("\"><title>Coverage over time</title>");
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append("<line class=\"row\" x1=\"").Append(LabelWidth).Append("\" x2=\"").Append(width - 10).Append("\" y1=\"").Append(Y(r)).Append("\" y2=\"").Append(Y(r)).Append("\"/>");
            sb.Append("<text class=\"outlet\" x=\"").Append(LabelWidth - 8).Append("\" y=\"").Append(Y(r)).Append("\" dy=\"0.35em\" text-anchor=\"end\">").Append(E(BriefBuilder.Shorten(rows[r].Name, 18))).Append("</text>");
        }
        foreach (var m in marks)
        {
            double radius = 3 + 5 * Math.Sqrt((double)m.Articles / most);
            sb.Append("<circle class=\"mark").Append(m.Column == columns ? " undated" : "").Append("\" cx=\"").Append(X(m.Column)).Append("\" cy=\"").Append(Y(m.Row)).Append("\" r=\"").Append(radius.ToString("0.#", ci))
              .Append("\"><title>").Append(E($"{rows[m.Row].Name}: {m.Articles} {(m.Articles == 1 ? "article" : "articles")} {(m.Column == columns ? "with no date" : (step == 1 ? "on " : "in ") + ColumnLabel(m.Column))}")).Append("</title></circle>");
        }
        // The axis names the first and last columns, and the undated one; a mark's own title gives its exact date.
        double axisY = Top + rows.Count * Row + 16;
        bool room = cell * columns >= 160;
        sb.Append("<text class=\"axis\" x=\"").Append(LabelWidth).Append("\" y=\"").Append(axisY.ToString("0.#", ci)).Append("\">").Append(E(room || columns == 1 ? first.ToString("yyyy-MM-dd", ci) : span)).Append("</text>");
        if (columns > 1 && room) sb.Append("<text class=\"axis\" x=\"").Append(X(columns - 1)).Append("\" y=\"").Append(axisY.ToString("0.#", ci)).Append("\" text-anchor=\"").Append(undated ? "middle" : "end").Append("\">").Append(E(last.ToString("yyyy-MM-dd", ci))).Append("</text>");
        if (undated) sb.Append("<text class=\"axis\" x=\"").Append(X(columns)).Append("\" y=\"").Append(axisY.ToString("0.#", ci)).Append("\" text-anchor=\"end\">undated</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string E(string s) => Markup.Escape(s);
}
