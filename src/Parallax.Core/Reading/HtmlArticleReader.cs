using Parallax.Extraction;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Reads a saved web page as an article, through the same extractor <c>parallax extract</c> and <c>watch</c> use.</summary>
public static class HtmlArticleReader
{
    private static readonly PageExtractor Extractor = new();

    public static Article Parse(string id, string html, string? origin = null) => Extractor.Extract(html).ToArticle(id, origin);
}
