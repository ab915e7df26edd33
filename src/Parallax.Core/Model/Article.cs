namespace Parallax.Model;

/// <summary>One report: its original text, which every annotation indexes, and what is known about it.</summary>
public sealed record Article
{
    public required string Id { get; init; }

    /// <summary>The body every offset indexes; never rewritten.</summary>
    public required string Text { get; init; }

    /// <summary>The outlet that published it, when known.</summary>
    public string? Source { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>True when <see cref="Published"/> was inferred from the rest of its story rather than read from the input.</summary>
    public bool PublishedInferred { get; init; }

    /// <summary>Where the article was read from (a path, or "-" for standard input).</summary>
    public string? Origin { get; init; }

    /// <summary>Input fields Parallax does not interpret, kept as raw JSON values.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra;

    private static readonly IReadOnlyDictionary<string, string> EmptyExtra = new Dictionary<string, string>();

    /// <summary>An extra field's value when it is a JSON string (its text, unescaped), else null.</summary>
    public string? ExtraText(string key)
    {
        if (!Extra.TryGetValue(key, out var raw) || raw.Length < 2 || raw[0] != '"') return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
