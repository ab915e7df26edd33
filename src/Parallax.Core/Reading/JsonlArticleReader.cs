using System.Text.Json;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Reads JSON Lines: one article per line with id, source, title, published, url and text; other fields are kept as they are.</summary>
public static class JsonlArticleReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "id", "source", "title", "published", "url", "text" };

    public static void Read(TextReader reader, string origin, List<Article> articles, List<ReadError> errors, List<ReadError> warnings)
    {
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string where = $"{origin}:{lineNo}";
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ReadError(where, "expected a JSON object per line"));
                    continue;
                }
                string? text = Str(root, "text");
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add(new ReadError(where, "article has no \"text\""));
                    continue;
                }
                string id = Str(root, "id") ?? $"{Path.GetFileNameWithoutExtension(origin)}-{lineNo}";
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
                articles.Add(new Article
                {
                    Id = id,
                    Text = text,
                    Source = Str(root, "source"),
                    Title = Str(root, "title"),
                    Url = Str(root, "url"),
                    Published = published,
                    Origin = where,
                    Extra = extra,
                });
            }
            catch (JsonException e)
            {
                errors.Add(new ReadError(where, $"not valid JSON ({e.Message.Split('.')[0]})"));
            }
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
