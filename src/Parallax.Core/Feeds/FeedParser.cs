using System.Globalization;
using System.Xml.Linq;

namespace Parallax.Feeds;

/// <summary>Reads RSS 2.0 (and 0.9x), Atom 1.0 and RSS 1.0/RDF feeds, and OPML lists of feeds, from untrusted bytes.</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Parses a feed; <paramref name="baseUrl"/> resolves relative links. Throws <see cref="FormatException"/> with a readable reason when the bytes are not a feed.</summary>
    public static Feed Parse(byte[] bytes, Uri? baseUrl = null)
    {
        var root = Load(bytes, "the feed").Root ?? throw new FormatException("the feed is empty");
        return root.Name.LocalName switch
        {
            "rss" => Rss2(root, baseUrl),
            "feed" when root.Name.Namespace == Atom || root.Name.Namespace == XNamespace.None => AtomFeed(root, baseUrl),
            "RDF" => RdfFeed(root, baseUrl),
            "opml" => throw new FormatException("this is an OPML list of feeds, not a feed"),
            var other => throw new FormatException($"not a feed: the document is <{other}>, not RSS, Atom or RDF"),
        };
    }

    /// <summary>The feed addresses an OPML document lists (outlines with an xmlUrl, at any depth).</summary>
    public static IReadOnlyList<Uri> ParseOpml(byte[] bytes, Uri? baseUrl = null)
    {
        var doc = Load(bytes, "the OPML list");
        if (doc.Root?.Name.LocalName != "opml") throw new FormatException($"not an OPML list: the document is <{doc.Root?.Name.LocalName}>");
        var feeds = new List<Uri>();
        foreach (var outline in doc.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            if (Resolve((string?)outline.Attribute("xmlUrl"), baseUrl) is { } url && !feeds.Contains(url)) feeds.Add(url);
        }
        return feeds;
    }

    /// <summary>Parses untrusted XML, turning every way it can be refused into a <see cref="FormatException"/> that names <paramref name="what"/>.</summary>
    private static XDocument Load(byte[] bytes, string what)
    {
        try
        {
            return SafeXml.Load(bytes);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException)
        {
            throw new FormatException(what + " " + SafeXml.Describe(e), e);
        }
    }

    /// <summary>Whether the bytes are an OPML document rather than a feed (looks at the root element only).</summary>
    public static bool IsOpml(byte[] bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        return head.Contains("<opml", StringComparison.OrdinalIgnoreCase);
    }

    private static Feed Rss2(XElement rss, Uri? baseUrl)
    {
        var channel = rss.Element("channel") ?? throw new FormatException("an RSS feed without a <channel>");
        var items = channel.Elements("item").Select(i => Item(
            link: Resolve(Text(i.Element("link")), baseUrl) ?? Permalink(i.Element("guid"), baseUrl),
            id: Text(i.Element("guid")),
            title: Text(i.Element("title")),
            published: Text(i.Element("pubDate")) ?? Text(i.Element(Dc + "date")),
            author: Text(i.Element(Dc + "creator")) ?? Text(i.Element("author")),
            summary: Text(i.Element("description")),
            content: Text(i.Element(Content + "encoded")))).OfType<FeedItem>().ToList();
        return new Feed(FeedFormat.Rss2, Text(channel.Element("title")), Text(channel.Element("link")), Text(channel.Element("language")), items);
    }

    private static Feed AtomFeed(XElement feed, Uri? baseUrl)
    {
        var ns = feed.Name.Namespace;
        var items = feed.Elements(ns + "entry").Select(e => Item(
            link: AtomLink(e, ns, baseUrl),
            id: Text(e.Element(ns + "id")),
            title: Text(e.Element(ns + "title")),
            published: Text(e.Element(ns + "published")) ?? Text(e.Element(ns + "updated")),
            author: Text(e.Element(ns + "author")?.Element(ns + "name")),
            summary: Text(e.Element(ns + "summary")),
            content: Text(e.Element(ns + "content")))).OfType<FeedItem>().ToList();
        return new Feed(FeedFormat.Atom, Text(feed.Element(ns + "title")), AtomLink(feed, ns, baseUrl)?.ToString(), (string?)feed.Attribute(XNamespace.Xml + "lang"), items);
    }

    private static Feed RdfFeed(XElement rdf, Uri? baseUrl)
    {
        var channel = rdf.Element(Rss1 + "channel");
        var items = rdf.Elements(Rss1 + "item").Select(i => Item(
            link: Resolve(Text(i.Element(Rss1 + "link")), baseUrl) ?? Resolve((string?)i.Attribute(Rdf + "about"), baseUrl),
            id: (string?)i.Attribute(Rdf + "about"),
            title: Text(i.Element(Rss1 + "title")),
            published: Text(i.Element(Dc + "date")),
            author: Text(i.Element(Dc + "creator")),
            summary: Text(i.Element(Rss1 + "description")),
            content: Text(i.Element(Content + "encoded")))).OfType<FeedItem>().ToList();
        return new Feed(FeedFormat.Rdf, Text(channel?.Element(Rss1 + "title")), Text(channel?.Element(Rss1 + "link")), Text(channel?.Element(Dc + "language")), items);
    }

    private static FeedItem? Item(Uri? link, string? id, string? title, string? published, string? author, string? summary, string? content)
    {
        string? key = id ?? link?.AbsoluteUri;
        if (key is null) return null;
        return new FeedItem
        {
            Id = key,
            Link = link?.AbsoluteUri,
            Title = title,
            Published = FeedDates.TryParse(published, out var when) ? when : null,
            Author = author,
            Summary = summary,
            Content = content,
        };
    }

    /// <summary>The entry's web page: the link with rel="alternate" (or no rel), preferring an HTML one.</summary>
    private static Uri? AtomLink(XElement e, XNamespace ns, Uri? baseUrl)
    {
        var links = e.Elements(ns + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate").ToList();
        var best = links.FirstOrDefault(l => ((string?)l.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) == true) ?? links.FirstOrDefault();
        return Resolve((string?)best?.Attribute("href"), baseUrl);
    }

    /// <summary>An RSS guid is the article's address only when it says so (isPermaLink is true by default).</summary>
    private static Uri? Permalink(XElement? guid, Uri? baseUrl) =>
        guid is null || string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase) ? null : Resolve(Text(guid), baseUrl);

    private static string? Text(XElement? e)
    {
        if (e is null) return null;
        string v = e.Value.Trim();
        return v.Length == 0 ? null : v;
    }

    private static Uri? Resolve(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        // On Unix "/local/budget" parses as an absolute file: address, so only http(s) counts as absolute here.
        Uri? url = Fetching.WebAddress.TryParse(href, out var abs) ? abs
            : baseUrl is not null && Uri.TryCreate(baseUrl, href, out var rel) ? rel : null;
        return url is not null && Fetching.WebAddress.Is(url) ? url : null;
    }
}

/// <summary>Dates as feeds write them: RFC 822 in RSS ("Mon, 18 Nov 2019 10:00:00 GMT", "+0000", "EST"), ISO 8601 in Atom and Dublin Core.</summary>
public static class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00",
        ["UT"] = "+00:00",
        ["UTC"] = "+00:00",
        ["Z"] = "+00:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
        ["BST"] = "+01:00",
        ["CET"] = "+01:00",
        ["CEST"] = "+02:00",
    };

    private static readonly string[] Rfc822 =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "ddd, d MMMM yyyy HH:mm:ss zzz",
    ];

    public static bool TryParse(string? text, out DateTimeOffset when)
    {
        when = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string t = text.Trim();
        // "+0000" → "+00:00" and named zones → offsets, which the format strings understand.
        int space = t.LastIndexOf(' ');
        if (space > 0)
        {
            string zone = t[(space + 1)..];
            if (Zones.TryGetValue(zone, out var offset)) t = t[..space] + " " + offset;
            else if (zone.Length == 5 && zone[0] is '+' or '-' && zone[1..].All(char.IsAsciiDigit)) t = t[..space] + " " + zone[..3] + ":" + zone[3..];
        }
        if (DateTimeOffset.TryParseExact(t, Rfc822, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out when)) return Plausible(when);
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out when)) return Plausible(when);
        return false;
    }

    private static bool Plausible(DateTimeOffset when) => when.Year is >= 1990 and <= 2100;
}
