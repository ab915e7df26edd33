using System.Text.Json;
using Parallax.Reading;

namespace Parallax.Web;

/// <summary>An article of the API's JSON body once its fields are checked: text or fetch, and the publication day (null: undated).</summary>
internal sealed record PostedArticle(string? Text, string? Title, string? Source, DateOnly? Published, string? Url, string? Fetch);

/// <summary>
/// Reads the API's JSON body of articles (<see cref="ArticleInput"/>, one or an array) field by field, so a refusal names
/// the field and the article: each field is a string or null, published follows the one rule for publication dates
/// (<see cref="DateParsing.TryParsePublished(JsonElement, out DateOnly?, out string?, bool, string)"/>), and a title or
/// outlet longer than is kept is noted (it is cut as stored, and the answer gives the stored title).
/// </summary>
internal static class ArticleJson
{
    private static readonly string[] Fields = ["text", "title", "source", "published", "url", "fetch"];

    /// <summary>True for application/json or any +json type, with or without parameters.</summary>
    public static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The articles of a body, or the one-line reason it is refused (a 400), and notes on what is stored cut.</summary>
    public static (IReadOnlyList<PostedArticle> Articles, string? Problem, IReadOnlyList<string> Notes) Read(byte[] body, int maxArticles)
    {
        const string Shape = "send {\"text\": \"...\", \"title\": \"...\"} or {\"fetch\": \"https://...\"}, or an array of them";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return ([], $"the body is not JSON ({e.Message.Split(". ")[0].TrimEnd('.')}); {Shape}", []);
        }
        using (doc)
        {
            var root = doc.RootElement;
            bool many = root.ValueKind == JsonValueKind.Array;
            if (many && root.GetArrayLength() > maxArticles) return ([], $"send at most {maxArticles} articles in one request", []);
            if (many && root.GetArrayLength() == 0) return ([], "the array holds no article", []);
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || (many && root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object)))
            {
                return ([], $"the body must be an article object or an array of them: {Shape}", []);
            }
            var articles = new List<PostedArticle>();
            var notes = new List<string>();
            foreach (var (item, i) in (many ? root.EnumerateArray().ToList() : [root]).Select((e, i) => (e, i)))
            {
                string where = many ? $"article {i + 1}: " : "";
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                DateOnly? published = null;
                foreach (var field in item.EnumerateObject())
                {
                    // Field names as the API's JSON options read them: any case.
                    string? name = Fields.FirstOrDefault(f => f.Equals(field.Name, StringComparison.OrdinalIgnoreCase));
                    if (name is null) continue;
                    if (name == "published")
                    {
                        if (!DateParsing.TryParsePublished(field.Value, out published, out var problem, isoOnly: true)) return ([], where + problem, []);
                        continue;
                    }
                    if (field.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return ([], $"{where}{name} must be a string or null, not {DateParsing.KindOf(field.Value)}", []);
                    }
                    values[name] = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetString();
                }
                string? V(string name) => values.GetValueOrDefault(name);
                foreach (var name in new[] { "title", "source" })
                {
                    if (V(name)?.Trim() is { Length: > ArticleAdmission.MaxTitleChars } longer)
                    {
                        notes.Add($"{where}{name} is {longer.Length:N0} characters; stored cut to {ArticleAdmission.MaxTitleChars:N0}");
                    }
                }
                articles.Add(new PostedArticle(string.IsNullOrWhiteSpace(V("text")) ? null : V("text"), V("title"), V("source"), published, V("url"), V("fetch")));
            }
            return (articles, null, notes);
        }
    }
}
