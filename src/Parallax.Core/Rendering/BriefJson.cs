using System.Text.Json;
using Parallax.Briefing;

namespace Parallax.Rendering;

/// <summary>Writes briefs as JSON per the v1 contract (<c>{"stories":[…]}</c>), with additions marked in the README.</summary>
public static class BriefJson
{
    public static string Write(IReadOnlyList<Brief> briefs) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("version", "1");
        w.WriteStartArray("stories");
        foreach (var b in briefs) Story(w, b);
        w.WriteEndArray();
        w.WriteEndObject();
    }) + "\n";

    /// <summary>One story's brief as a JSON object, as it appears in the <c>stories</c> array.</summary>
    public static string WriteStory(Brief brief, bool indented = false) => JsonOutput.Write(w => Story(w, brief), indented);

    private static void Story(Utf8JsonWriter w, Brief b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("title", b.Title);
        JsonOutput.Date(w, "date", b.Date);
        w.WriteStartArray("articles");
        foreach (var a in b.Articles)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            JsonOutput.StringOrNull(w, "source", a.Article.Source);
            JsonOutput.StringOrNull(w, "title", a.Article.Title);
            JsonOutput.StringOrNull(w, "url", a.Article.Url);
            JsonOutput.Date(w, "published", a.Article.Published);
            w.WriteBoolean("publishedInferred", a.Article.PublishedInferred);
            JsonOutput.StringOrNull(w, "duplicateOf", a.DuplicateOf);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("summary");
        foreach (var s in b.Summary)
        {
            w.WriteStartObject();
            w.WriteString("text", s.Text);
            JsonOutput.Strings(w, "articles", s.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("facts");
        foreach (var f in b.Facts)
        {
            w.WriteStartObject();
            w.WriteString("text", f.Text);
            w.WriteString("textFrom", f.TextFrom);
            if (f.Subject is not null) w.WriteString("subject", f.Subject);
            w.WriteNumber("sources", f.Sources);
            JsonOutput.Strings(w, "articles", f.Articles);
            JsonOutput.Strings(w, "disputedBy", f.DisputedBy);
            SupportArray(w, f.Support);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in b.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("about", c.About);
            w.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
            w.WriteStartArray("variants");
            foreach (var v in c.Variants) VariantObject(w, v.Value, v.Text, v.Articles, v.Support);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var q in b.Quotes)
        {
            w.WriteStartObject();
            w.WriteString("speaker", q.Speaker);
            w.WriteString("text", q.Text);
            w.WriteBoolean("direct", q.Direct);
            JsonOutput.Strings(w, "articles", q.Articles);
            w.WriteStartArray("variants");
            foreach (var v in q.Variants) VariantObject(w, null, v.Text, v.Articles, v.Support);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in b.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("type", e.Type.ToString().ToLowerInvariant());
            JsonOutput.StringOrNull(w, "title", e.Title);
            w.WriteNumber("mentions", e.Mentions);
            JsonOutput.Strings(w, "articles", e.Articles);
            w.WriteStartArray("variants");
            foreach (var v in e.Variants)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                JsonOutput.Strings(w, "articles", v.Articles);
                w.WriteBoolean("suspect", v.Suspect);
                w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(v.Kind.ToString()));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("timeline");
        foreach (var t in b.Timeline)
        {
            w.WriteStartObject();
            w.WriteString("when", t.When);
            w.WriteString("label", TimeLabel.Of(t.When));
            w.WriteString("text", t.Text);
            w.WriteBoolean("disputed", t.Disputed);
            JsonOutput.Strings(w, "articles", t.Articles);
            SupportArray(w, t.Support);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One wording of a disputed value or quote; a quote's variant has no separate value.</summary>
    private static void VariantObject(Utf8JsonWriter w, string? value, string text, IReadOnlyList<string> articles, IEnumerable<Support> support)
    {
        w.WriteStartObject();
        if (value is not null) w.WriteString("value", value);
        w.WriteString("text", text);
        JsonOutput.Strings(w, "articles", articles);
        SupportArray(w, support);
        w.WriteEndObject();
    }

    private static void SupportArray(Utf8JsonWriter w, IEnumerable<Support> support)
    {
        w.WriteStartArray("support");
        foreach (var s in support)
        {
            w.WriteStartObject();
            w.WriteString("article", s.Article);
            JsonOutput.Offsets(w, s.Span);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
