using System.Text.Json;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Reads JSON Lines: one article per line with id, source, title, published, url and text; other fields are kept as they are.</summary>
public static class JsonlArticleReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "id", "source", "title", "published", "url", "text" };

    public static void Read(TextReader reader, string origin, List<Article> articles, List<ReadError> errors, List<ReadError> warnings) =>
        articles.AddRange(Enumerate(reader, origin, errors, warnings));

    /// <summary>Articles one line at a time, so a large file is never held in memory whole; bad lines go to <paramref name="errors"/>.</summary>
    public static IEnumerable<Article> Enumerate(TextReader reader, string origin, List<ReadError> errors, List<ReadError> warnings)
    {
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Parse(line, $"{origin}:{lineNo}", $"{Path.GetFileNameWithoutExtension(origin)}-{lineNo}", errors, warnings) is { } article) yield return article;
        }
    }

    private static Article? Parse(string line, string where, string fallbackId, List<ReadError> errors, List<ReadError> warnings)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ReadError(where, "expected a JSON object per line"));
                return null;
            }
            string? text = Str(root, "text");
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new ReadError(where, "article has no \"text\""));
                return null;
            }
            string id = Str(root, "id") ?? fallbackId;
            string? publishedRaw = Str(root, "published");
            DateOnly? published = null;
            if (!string.IsNullOrWhiteSpace(publishedRaw))
            {
                if (DateParsing.TryParse(publishedRaw, out var d)) published = d;
                else warnings.Add(new ReadError(where, $"unreadable date \"{publishedRaw}\"; treating article {id} as undated"));
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

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
