using Parallax.Model;

namespace Parallax.Extraction;

/// <summary>Where a page's publication date was read from, most trusted first.</summary>
public enum DateEvidence
{
    None,
    JsonLd,
    MetaTag,
    TimeElement,
    Url,
    Byline,
}

/// <summary>The article a web page carries: its main text with paragraphs kept, and what the page says about it.</summary>
public sealed record ExtractedPage
{
    /// <summary>The article body, paragraphs separated by a blank line; empty when the page holds no article.</summary>
    public required string Text { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>Which part of the page the date came from.</summary>
    public DateEvidence PublishedFrom { get; init; }

    public string? Author { get; init; }

    /// <summary>The outlet's name.</summary>
    public string? Source { get; init; }

    /// <summary>The canonical address, else the address the page was fetched from.</summary>
    public string? Url { get; init; }

    /// <summary>A language tag such as "en" or "pt-BR", as the page declares it.</summary>
    public string? Language { get; init; }

    /// <summary>The page as an article for the pipeline.</summary>
    public Article ToArticle(string id, string? origin) => new()
    {
        Id = id,
        Text = Text,
        Title = Title,
        Source = Source,
        Url = Url,
        Published = Published,
        Origin = origin,
    };
}
