using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parallax.Rendering;

/// <summary>Shared settings for the JSON Parallax writes: indented, UTF-8, and safe to embed (HTML-sensitive characters escaped).</summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options with { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Date(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d) w.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }

    /// <summary>The "start" and "end" offsets of a span.</summary>
    public static void Offsets(Utf8JsonWriter w, Parallax.Model.Span span)
    {
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
    }

    public static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
