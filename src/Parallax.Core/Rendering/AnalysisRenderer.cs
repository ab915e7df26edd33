using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Model;
using Parallax.Rendering.Contract;

namespace Parallax.Rendering;

/// <summary>Writes one article's annotations: JSON per <see cref="ArticleAnalysis"/>, or Markdown for reading.</summary>
public static class AnalysisRenderer
{
    public static string Json(AnalyzedArticle a) => JsonSerializer.Serialize(Of(a), AnalysisContractJson.Default.ArticleAnalysis);

    /// <summary>The contract record of one article's analysis.</summary>
    public static ArticleAnalysis Of(AnalyzedArticle a)
    {
        var art = a.Article;
        return new ArticleAnalysis(
            art.Id, art.Source, art.Title, art.Url, art.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), art.PublishedInferred, art.Text,
            [.. a.Sentences.Select(s => new SpanItem(s.Span.Start, s.Span.End))],
            [.. a.Entities.Select(e => new EntityMentionItem(e.Span.Start, e.Span.End, e.Text, e.Type.ToString().ToLowerInvariant(), e.Name, e.Title))],
            [.. a.Quotes.Select(q => new QuoteMentionItem(q.Span.Start, q.Span.End, q.Text, q.Direct, q.Speaker, q.SpeakerSpan?.Start, q.SpeakerSpan?.End, q.Cue) { SpeakerConfidence = q.SpeakerConfidence is { } c ? Math.Round(c, 3) : null })],
            [.. a.Quantities.Select(q => new QuantityItem(q.Span.Start, q.Span.End, q.Text, q.Value, q.UpperValue, q.Unit, q.Qualifier, q.IsChange))],
            [.. a.Times.Select(t => new TimeItem(t.Span.Start, t.Span.End, t.Text, t.Type.ToString().ToUpperInvariant(), t.Value, t.Mod))]);
    }

    public static string Markdown(AnalyzedArticle a)
    {
        var art = a.Article;
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Md.Escape(art.Title ?? art.Id)).AppendLine();
        sb.Append("- **id:** ").AppendLine(Md.Escape(art.Id));
        if (art.Source is not null) sb.Append("- **source:** ").AppendLine(Md.Escape(art.Source));
        sb.Append("- **published:** ").AppendLine(art.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (art.PublishedInferred ? " (inferred)" : "") ?? "unknown");
        sb.Append("- **sentences:** ").AppendLine(a.Sentences.Count.ToString(CultureInfo.InvariantCulture)).AppendLine();
        sb.AppendLine("## Entities").AppendLine();
        foreach (var g in a.Entities.GroupBy(e => (e.Name, e.Type)).OrderBy(g => g.Key.Type).ThenByDescending(g => g.Count()))
        {
            var forms = g.Select(e => e.Text).Distinct().Where(t => t != g.Key.Name).ToList();
            var title = g.Select(e => e.Title).FirstOrDefault(t => t is not null);
            sb.Append("- ").Append(Md.Escape(g.Key.Name)).Append(" — ").Append(g.Key.Type.ToString().ToLowerInvariant());
            if (title is not null) sb.Append(", ").Append(Md.Escape(title));
            sb.Append(", ").Append(g.Count()).Append(g.Count() == 1 ? " mention" : " mentions");
            if (forms.Count > 0) sb.Append(" (also ").Append(string.Join(", ", forms.Select(Md.Escape))).Append(')');
            sb.AppendLine();
        }
        sb.AppendLine().AppendLine("## Quotes").AppendLine();
        foreach (var q in a.Quotes)
        {
            sb.Append("- ").Append(q.Direct ? "“" + Md.Escape(q.Text) + "”" : "_(reported)_ " + Md.Escape(q.Text));
            string unknown = q.SpeakerConfidence is { } unsure ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"_speaker held back (best guess only {unsure:F2} sure)_") : "_speaker unknown_";
            sb.Append(" — ").AppendLine(q.Speaker is null ? unknown : Md.Escape(q.Speaker) + (q.Cue is null ? "" : $" ({q.Cue})"));
        }
        sb.AppendLine().AppendLine("## Quantities").AppendLine();
        foreach (var q in a.Quantities)
        {
            sb.Append("- ").Append(Md.Escape(q.Text)).Append(" → ").Append(q.Value?.ToString("G", CultureInfo.InvariantCulture) ?? "?");
            if (q.UpperValue is { } upper) sb.Append('–').Append(upper.ToString("G", CultureInfo.InvariantCulture));
            if (q.Unit is not null) sb.Append(' ').Append(q.Unit);
            if (q.Qualifier is not null) sb.Append(" (").Append(q.Qualifier).Append(')');
            if (q.IsChange) sb.Append(" — a change");
            sb.AppendLine();
        }
        sb.AppendLine().AppendLine("## Times").AppendLine();
        foreach (var t in a.Times)
        {
            sb.Append("- ").Append(Md.Escape(t.Text)).Append(" → `").Append(t.Value).Append("` ").Append(t.Type.ToString().ToUpperInvariant());
            if (t.Mod is not null) sb.Append(" (").Append(t.Mod).Append(')');
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>Escapes article text for Markdown so it cannot inject links, emphasis or HTML.</summary>
public static class Md
{
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            if (c is '\r' or '\n') { sb.Append(' '); continue; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
