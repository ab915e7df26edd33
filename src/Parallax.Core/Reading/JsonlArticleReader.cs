using System.Buffers;
using System.Text;
using System.Text.Json;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Reads JSON Lines: one article per line with id, source, title, published, url and text; other fields are kept as they are.</summary>
public static class JsonlArticleReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "id", "source", "title", "published", "url", "text" };

    /// <summary>
    /// Articles one line at a time, so a large file is never held in memory whole. A bad line (not JSON, not UTF-8, too
    /// long) goes to <paramref name="errors"/> with its file and line number, and the lines after it are read; a line
    /// without text is left to the admission check (<see cref="ArticleAdmission"/>), which takes its title or refuses it.
    /// </summary>
    public static IEnumerable<Article> Enumerate(Stream utf8, string origin, List<ReadError> errors, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var lines = new ByteLines(utf8, limits.MaxLineBytes);
        while (lines.Next(out var line))
        {
            string where = $"{origin}:{line.Number}";
            if (line.TooLong)
            {
                errors.Add(new ReadError(where, $"line is {ReadLimits.Size(line.Length)}, over the {ReadLimits.Size(limits.MaxLineBytes)} limit for one line (--max-line-mb); line skipped"));
                continue;
            }
            var bytes = line.Bytes.Span;
            if (line.Number == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            if (IsBlank(bytes)) continue;
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                errors.Add(new ReadError(where, $"not valid UTF-8 ({BadByte(bytes)}); line skipped; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"));
                continue;
            }
            if (Parse(bytes, where, $"{Path.GetFileNameWithoutExtension(origin)}-{line.Number}", errors) is { } article) yield return article;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>"0xFF at byte 12": the first byte that does not begin a valid UTF-8 sequence.</summary>
    private static string BadByte(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[at..], out _, out int used);
            if (status != OperationStatus.Done) return $"0x{bytes[at]:X2} at byte {at + 1} of the line";
            at += used;
        }
        return "an invalid byte";
    }

    private static Article? Parse(ReadOnlySpan<byte> line, string where, string fallbackId, List<ReadError> errors)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            using var doc = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                errors.Add(new ReadError(where, "more than one JSON value on the line; line skipped"));
                return null;
            }
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ReadError(where, "expected a JSON object per line"));
                return null;
            }
            // A line without "text" is kept as it is: the admission check every article passes takes its title instead, or refuses it.
            string text = Str(root, "text") ?? "";
            string id = Str(root, "id") is { Length: > 0 } given ? given : fallbackId;
            if (!Published(root, out var published, out string? dateError))
            {
                errors.Add(new ReadError(where, $"field \"published\" {dateError}; {DateParsing.PublishedHint}; article {ArticleAdmission.Clip(id)} skipped"));
                return null;
            }
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                if (!Known.Contains(p.Name)) extra[p.Name] = p.Value.GetRawText();
            }
            return new Article
            {
                Id = id,
                Text = text,
                Source = Str(root, "source"),
                Title = Str(root, "title"),
                Url = Str(root, "url"),
                Published = published,
                Origin = where,
                Extra = extra,
            };
        }
        catch (JsonException e)
        {
            errors.Add(new ReadError(where, $"not valid JSON ({e.Message.Split('.')[0]})"));
            return null;
        }
    }

    /// <summary>
    /// The line's publication date: absent, null or "" is undated (true, no date); a string is read by
    /// <see cref="DateParsing.TryParsePublished(string?, out DateOnly?, out string?)"/>; any other kind of value is false with why, never a silent "undated".
    /// </summary>
    private static bool Published(JsonElement root, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (!root.TryGetProperty("published", out var v)) return true;
        switch (v.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                if (DateParsing.TryParsePublished(v.GetString(), out date, out error)) return true;
                error = ": " + error;
                return false;
            default:
                error = $"is {DateParsing.KindOf(v)}, not a string";
                return false;
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
