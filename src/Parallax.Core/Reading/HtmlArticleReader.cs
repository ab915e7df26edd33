using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>A first main-text extractor for web pages: metadata from meta tags, body from the densest block of paragraphs.</summary>
public static class HtmlArticleReader
{
    private static readonly string[] Noise = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "figcaption", "iframe", "svg", "button", "template"];
    private static readonly string[] Blocks = ["p", "h2", "h3", "h4", "li", "blockquote", "pre"];

    public static Article Parse(string id, string html, string? origin = null)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument(html);
        string? source = Meta(doc, "og:site_name");
        string? title = Meta(doc, "og:title") ?? WithoutSiteName(doc.Title, source) ?? doc.QuerySelector("h1")?.TextContent.Trim();
        string? published = Meta(doc, "article:published_time") ?? Meta(doc, "datePublished") ?? Meta(doc, "date") ?? Meta(doc, "pubdate")
            ?? Meta(doc, "publishdate") ?? Meta(doc, "dc.date") ?? doc.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        string? url = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(doc, "og:url");
        foreach (var el in doc.QuerySelectorAll(string.Join(",", Noise)).ToList()) el.Remove();
        var container = doc.QuerySelector("article") ?? DensestContainer(doc) ?? doc.Body;
        var paragraphs = new List<string>();
        if (container is not null)
        {
            foreach (var block in container.QuerySelectorAll(string.Join(",", Blocks)))
            {
                // Nested blocks (a <p> inside an <li>) are read once, from the innermost.
                if (block.QuerySelector(string.Join(",", Blocks)) is not null) continue;
                string t = Collapse(block.TextContent);
                if (t.Length > 0) paragraphs.Add(t);
            }
            if (paragraphs.Count == 0) paragraphs.Add(Collapse(container.TextContent));
        }
        return new Article
        {
            Id = id,
            Text = string.Join("\n\n", paragraphs.Where(p => p.Length > 0)),
            Title = string.IsNullOrWhiteSpace(title) ? null : Collapse(title),
            Source = source,
            Url = url,
            Published = DateParsing.TryParse(published, out var d) ? d : null,
            Origin = origin,
        };
    }

    /// <summary>"Headline | Outlet" → "Headline" when the outlet is known.</summary>
    private static string? WithoutSiteName(string? title, string? site)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = title.Trim();
        if (site is null) return title;
        foreach (var sep in new[] { " | ", " - ", " — ", " – ", " :: " })
        {
            if (title.EndsWith(sep + site, StringComparison.OrdinalIgnoreCase)) return title[..^(sep.Length + site.Length)].Trim();
        }
        return title;
    }

    private static IElement? DensestContainer(IDocument doc) =>
        doc.QuerySelectorAll("p").Select(p => p.ParentElement).Where(p => p is not null)
            .GroupBy(p => p!).OrderByDescending(g => g.Sum(p => p!.TextContent.Length)).Select(g => g.Key).FirstOrDefault();

    private static string? Meta(IDocument doc, string name)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            if (string.Equals(m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase))
            {
                var c = m.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(c)) return c.Trim();
            }
        }
        return null;
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
