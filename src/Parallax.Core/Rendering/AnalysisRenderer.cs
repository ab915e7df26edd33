using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Model;

namespace Parallax.Rendering;

/// <summary>Writes one article's annotations: JSON per the v1 contract, or Markdown for reading.</summary>
public static class AnalysisRenderer
{
    public static string Json(AnalyzedArticle a) => JsonOutput.Write(w => Write(w, a));

    public static void Write(Utf8JsonWriter w, AnalyzedArticle a)
    {
        var art = a.Article;
        w.WriteStartObject();
        w.WriteString("id", art.Id);
        JsonOutput.StringOrNull(w, "source", art.Source);
        JsonOutput.StringOrNull(w, "title", art.Title);
        JsonOutput.StringOrNull(w, "url", art.Url);
        JsonOutput.Date(w, "published", art.Published);
        w.WriteBoolean("publishedInferred", art.PublishedInferred);
        w.WriteString("text", art.Text);
        w.WriteStartArray("sentences");
        foreach (var s in a.Sentences)
        {
            w.WriteStartObject();
            JsonOutput.Offsets(w, s.Span);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in a.Entities)
        {
            w.WriteStartObject();
            JsonOutput.Offsets(w, e.Span);
            w.WriteString("text", e.Text);
            w.WriteString("type", e.Type.ToString().ToLowerInvariant());
            w.WriteString("name", e.Name);
            JsonOutput.StringOrNull(w, "title", e.Title);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var q in a.Quotes)
        {
            w.WriteStartObject();
            JsonOutput.Offsets(w, q.Span);
            w.WriteString("text", q.Text);
            w.WriteBoolean("direct", q.Direct);
            JsonOutput.StringOrNull(w, "speaker", q.Speaker);
            if (q.SpeakerSpan is { } sp)
            {
                w.WriteNumber("speakerStart", sp.Start);
                w.WriteNumber("speakerEnd", sp.End);
            }
            else
            {
                w.WriteNull("speakerStart");
                w.WriteNull("speakerEnd");
            }
            JsonOutput.StringOrNull(w, "cue", q.Cue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("quantities");
        foreach (var q in a.Quantities)
        {
            w.WriteStartObject();
            JsonOutput.Offsets(w, q.Span);
            w.WriteString("text", q.Text);
            if (q.Value is { } v) w.WriteNumber("value", v);
            else w.WriteNull("value");
            if (q.UpperValue is { } upper) w.WriteNumber("upper", upper);
            else w.WriteNull("upper");
            JsonOutput.StringOrNull(w, "unit", q.Unit);
            JsonOutput.StringOrNull(w, "qualifier", q.Qualifier);
            w.WriteBoolean("change", q.IsChange);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("times");
        foreach (var t in a.Times)
        {
            w.WriteStartObject();
            JsonOutput.Offsets(w, t.Span);
            w.WriteString("text", t.Text);
            w.WriteString("type", t.Type.ToString().ToUpperInvariant());
            w.WriteString("value", t.Value);
            JsonOutput.StringOrNull(w, "mod", t.Mod);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
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
            sb.Append(" — ").AppendLine(q.Speaker is null ? "_speaker unknown_" : Md.Escape(q.Speaker) + (q.Cue is null ? "" : $" ({q.Cue})"));
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
