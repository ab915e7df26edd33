using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Parallax.Reading;

namespace Parallax.Extraction;

/// <summary>What a page says about its article, read before any cleaning: structured data first, then meta tags, then visible hints.</summary>
internal sealed record PageMetadata(
    string? Title,
    DateOnly? Published,
    DateEvidence PublishedFrom,
    string? Author,
    string? Source,
    string? Url,
    string? Language)
{
    private static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Report", "WebPage"];

    private static readonly string[] PublishedMeta =
        ["article:published_time", "og:article:published_time", "datePublished", "article.published", "published_time", "pubdate", "publishdate", "publish-date", "publish_date",
         "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "og:pubdate", "article_date_original", "originalpublicationdate"];

    private static readonly Regex UrlDate = new(@"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:/|[^0-9]|$)", RegexOptions.NonBacktracking);

    private static readonly Regex BylineDate = new(
        @"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase);

    /// <summary>Reads the metadata of <paramref name="doc"/>; <paramref name="pageUrl"/> is where it was fetched from, and dates after <paramref name="now"/> (plus a day) or before 1990 are refused.</summary>
    public static PageMetadata Read(IDocument doc, string? pageUrl, DateTime now)
    {
        var ld = JsonLdArticle.Find(doc);
        var tags = MetaTags(doc);
        string? Meta(string name) => tags.GetValueOrDefault(name);
        string? site = ld?.Publisher ?? Meta("og:site_name") ?? Meta("application-name") ?? Meta("twitter:site")?.TrimStart('@');
        string? title = ld?.Headline ?? Meta("og:title") ?? Meta("twitter:title") ?? WithoutSiteName(doc.Title, site) ?? doc.QuerySelector("h1")?.TextContent;
        string? author = ld?.Author ?? Meta("author") ?? Meta("article:author") ?? Meta("parsely-author") ?? Meta("dc.creator")
            ?? Visible(doc.QuerySelector("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline__name, .author-name, .byline a"));
        if (author is not null && (author.StartsWith("http", StringComparison.OrdinalIgnoreCase) || author.Length > 120)) author = null;
        string? url = Absolute(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), pageUrl) ?? Absolute(Meta("og:url"), pageUrl) ?? ld?.Url ?? pageUrl;
        string? language = LanguageTag(doc.DocumentElement.GetAttribute("lang")) ?? LanguageTag(Meta("content-language") ?? HttpEquiv(doc, "content-language"))
            ?? LanguageTag(Meta("og:locale")) ?? LanguageTag(ld?.Language);

        var lastPlausible = DateOnly.FromDateTime(now).AddDays(1);
        bool Plausible(DateOnly d) => d.Year >= 1990 && d <= lastPlausible;
        DateOnly? published = null;
        var from = DateEvidence.None;
        void Try(string? text, DateEvidence evidence)
        {
            if (published is null && DateParsing.TryParse(text, out var d) && Plausible(d))
            {
                published = d;
                from = evidence;
            }
        }
        Try(ld?.DatePublished, DateEvidence.JsonLd);
        foreach (var name in PublishedMeta) Try(Meta(name), DateEvidence.MetaTag);
        // The first few only, each read once: an element's text is the whole of what it holds, and a page can nest thousands.
        foreach (var time in doc.QuerySelectorAll("time[datetime], [itemprop=datePublished]").Take(40))
        {
            if (published is not null) break;
            Try(time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? time.TextContent, DateEvidence.TimeElement);
        }
        foreach (var u in new[] { url, pageUrl })
        {
            if (u is not null && published is null && UrlDate.Match(u) is { Success: true } m)
            {
                Try($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", DateEvidence.Url);
            }
        }
        if (published is null)
        {
            foreach (var el in doc.QuerySelectorAll("[class*=date], [class*=time], [class*=byline], [class*=meta], [id*=date]").Take(40))
            {
                string text = el.TextContent;
                if (text.Length > 200) continue;
                if (BylineDate.Match(text) is { Success: true } m) Try(m.Value.Replace(",", "", StringComparison.Ordinal), DateEvidence.Byline);
                if (published is not null) break;
            }
        }
        return new PageMetadata(Clean(title), published, from, Clean(author), Clean(site), url, language);
    }

    /// <summary>
    /// The content of the page's meta tags by property, name or itemprop (case-insensitive), read in one pass; where several
    /// tags share a key, the first with content wins.
    /// </summary>
    private static Dictionary<string, string> MetaTags(IDocument doc)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.Head?.QuerySelectorAll("meta") ?? doc.QuerySelectorAll("meta"))
        {
            var c = m.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(c)) continue;
            foreach (var key in new[] { m.GetAttribute("property"), m.GetAttribute("name"), m.GetAttribute("itemprop") })
            {
                if (key is not null) tags.TryAdd(key, c.Trim());
            }
        }
        return tags;
    }

    private static string? HttpEquiv(IDocument doc, string name) =>
        doc.QuerySelectorAll("meta[http-equiv]").FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");

    private static string? Visible(IElement? el) => el is null ? null : Clean(el.TextContent);

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = System.Net.WebUtility.HtmlDecode(Text.Words.SingleSpaced(s.Trim()));
        if (s.StartsWith("By ", StringComparison.Ordinal)) s = s[3..];
        return s.Length == 0 ? null : s;
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (Fetching.WebAddress.TryParse(href.Trim(), out var abs)) return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href.Trim(), out var rel)) return rel.ToString();
        return null;
    }

    /// <summary>"en_US" → "en-US"; anything that is not a language tag → null.</summary>
    private static string? LanguageTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        tag = tag.Trim().Replace('_', '-').Split(',')[0].Trim();
        if (!Regex.IsMatch(tag, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.None, TimeSpan.FromMilliseconds(50))) return null;
        var parts = tag.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        if (parts.Length > 1 && parts[1].Length == 2) parts[1] = parts[1].ToUpperInvariant();
        return string.Join('-', parts);
    }

    /// <summary>"Headline | Outlet" → "Headline" when the outlet is known.</summary>
    private static string? WithoutSiteName(string? title, string? site)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = title.Trim();
        if (site is null) return title;
        foreach (var sep in new[] { " | ", " - ", " — ", " – ", " :: ", " · " })
        {
            if (title.EndsWith(sep + site, StringComparison.OrdinalIgnoreCase)) return title[..^(sep.Length + site.Length)].Trim();
        }
        return title;
    }

    /// <summary>The article object of a page's JSON-LD, flattened to the fields Parallax reads.</summary>
    private sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url, string? Language)
    {
        private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

        public static JsonLdArticle? Find(IDocument doc)
        {
            JsonLdArticle? best = null;
            int bestRank = int.MaxValue;
            foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                string json = script.TextContent.Trim();
                if (json.Length == 0 || json.Length > 2_000_000) continue;
                JsonDocument parsed;
                try
                {
                    parsed = JsonDocument.Parse(json, Lenient);
                }
                catch (JsonException)
                {
                    continue;
                }
                using (parsed)
                {
                    foreach (var obj in Objects(parsed.RootElement, 0))
                    {
                        int rank = Rank(obj);
                        if (rank < bestRank)
                        {
                            bestRank = rank;
                            best = From(obj);
                        }
                    }
                }
            }
            return best;
        }

        private static IEnumerable<JsonElement> Objects(JsonElement e, int depth)
        {
            if (depth > 6) yield break;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    foreach (var o in Objects(item, depth + 1)) yield return o;
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                yield return e;
                if (e.TryGetProperty("@graph", out var graph))
                {
                    foreach (var o in Objects(graph, depth + 1)) yield return o;
                }
                if (e.TryGetProperty("mainEntity", out var main))
                {
                    foreach (var o in Objects(main, depth + 1)) yield return o;
                }
            }
        }

        /// <summary>The position of the object's type in <see cref="ArticleTypes"/>; objects of other types rank last and are not used.</summary>
        private static int Rank(JsonElement obj)
        {
            if (!obj.TryGetProperty("@type", out var type)) return int.MaxValue;
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
            int best = int.MaxValue;
            foreach (var t in types)
            {
                int i = Array.IndexOf(ArticleTypes, t);
                if (i >= 0) best = Math.Min(best, i);
            }
            return best;
        }

        private static JsonLdArticle From(JsonElement obj) => new(
            Headline: Str(obj, "headline") ?? Str(obj, "name"),
            DatePublished: Str(obj, "datePublished") ?? Str(obj, "dateCreated"),
            Author: Names(obj, "author"),
            Publisher: Names(obj, "publisher"),
            Url: Str(obj, "url"),
            Language: Str(obj, "inLanguage"));

        private static string? Str(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
                _ => null,
            } : null;

        /// <summary>A person or organisation field, which may be a string, an object with a name, or a list of either.</summary>
        private static string? Names(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var v)) return null;
            var names = new List<string>();
            void Add(JsonElement e)
            {
                if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s) names.Add(s);
                else if (e.ValueKind == JsonValueKind.Object && Str(e, "name") is { Length: > 0 } n) names.Add(n);
            }
            if (v.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in v.EnumerateArray()) Add(e);
            }
            else
            {
                Add(v);
            }
            var distinct = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            return distinct.Count == 0 ? null : string.Join(", ", distinct);
        }
    }
}
