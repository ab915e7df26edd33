using AngleSharp.Html.Parser;

namespace Parallax.Extraction;

/// <summary>Reads the article out of a web page: its main text and its metadata. Thread-safe; one instance serves any number of pages.</summary>
public sealed class PageExtractor
{
    /// <summary>Pages larger than this are cut before parsing, so one enormous page cannot stall a batch.</summary>
    public const int MaxHtmlChars = 8 * 1024 * 1024;

    private readonly Func<DateTime> _now;

    /// <param name="now">The clock used to refuse publication dates in the future; the system clock when omitted.</param>
    public PageExtractor(Func<DateTime>? now = null) => _now = now ?? (() => DateTime.UtcNow);

    /// <summary>Extracts from page bytes, decoding them by the HTTP Content-Type (when given) or the page's own declaration.</summary>
    public ExtractedPage Extract(ReadOnlySpan<byte> html, string? url = null, string? contentType = null) =>
        Extract(HtmlDecoding.Decode(html, contentType), url);

    /// <summary>Extracts from page text; <paramref name="url"/> is where it came from, used for relative links and dates in the address.</summary>
    public ExtractedPage Extract(string html, string? url = null)
    {
        if (html.Length > MaxHtmlChars) html = html[..MaxHtmlChars];
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        using var doc = parser.ParseDocument(InertMarkup.Strip(html));
        var meta = PageMetadata.Read(doc, url, _now());
        string text = MainTextExtractor.Extract(doc, meta.Title);
        return new ExtractedPage
        {
            Text = text,
            Title = meta.Title,
            Published = meta.Published,
            PublishedFrom = meta.PublishedFrom,
            Author = meta.Author,
            Source = meta.Source,
            Url = meta.Url,
            Language = meta.Language,
        };
    }
}
