namespace Parallax.Extraction;

/// <summary>Reads the article out of a web page: its main text and its metadata. Thread-safe; one instance serves any number of pages.</summary>
public sealed class PageExtractor
{
    /// <summary>Pages larger than this are cut before parsing, so one enormous page cannot stall a batch.</summary>
    public const int MaxHtmlChars = 8 * 1024 * 1024;

    /// <summary>
    /// Deepest nesting of elements read; a deeper page is refused. The 90 pages of the extraction benchmark nest at most 51 deep
    /// (median 17). Browsers stop nesting at 512, so no page that displays as written goes deeper; and the parser's time
    /// grows with depth on every tag, which this bounds: an 8 MB page nested just under it is parsed in seconds.
    /// </summary>
    public const int MaxDepth = 512;

    /// <summary>
    /// Most elements read, counted after scripts, styles and inline SVG are cut; a page with more is refused. The benchmark's
    /// pages hold at most 1,433 (median 653); a page past this is a dump or an attack, not an article.
    /// </summary>
    public const int MaxElements = 200_000;

    private readonly Func<DateTime> _now;

    /// <param name="now">The clock used to refuse publication dates in the future; the system clock when omitted.</param>
    public PageExtractor(Func<DateTime>? now = null) => _now = now ?? (() => DateTime.UtcNow);

    /// <summary>Extracts from page bytes, decoding them by the HTTP Content-Type (when given) or the page's own declaration.</summary>
    /// <exception cref="PageRefusedException">The page nests elements deeper than <see cref="MaxDepth"/> or holds more than <see cref="MaxElements"/>.</exception>
    public ExtractedPage Extract(ReadOnlySpan<byte> html, string? url = null, string? contentType = null) =>
        Extract(HtmlDecoding.Decode(html, contentType), url);

    /// <summary>Extracts from page text; <paramref name="url"/> is where it came from, used for relative links and dates in the address.</summary>
    /// <exception cref="PageRefusedException">The page nests elements deeper than <see cref="MaxDepth"/> or holds more than <see cref="MaxElements"/>.</exception>
    public ExtractedPage Extract(string html, string? url = null)
    {
        if (html.Length > MaxHtmlChars) html = html[..MaxHtmlChars];
        using var doc = PageParser.Parse(InertMarkup.Strip(html));
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
