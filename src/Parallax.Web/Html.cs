using System.Text;

namespace Parallax.Web;

/// <summary>Small helpers for writing pages: escaping, and the layout every page shares.</summary>
internal static class Html
{
    /// <summary>HTML-escapes text (quotes included, so it is safe in attributes too).</summary>
    public static string E(string? s) => Rendering.Markup.Escape(s);

    /// <summary>A link target for an address taken from an article: http(s) only, so no javascript: or data: address gets through.</summary>
    public static string? SafeHref(string? url) =>
        Fetching.WebAddress.TryParse(url, out var u) ? u.AbsoluteUri : null;

    public static string Page(string title, string body, string? query = null, bool briefScript = false)
    {
        var (head, tail) = Frame(title, query, briefScript);
        return string.Concat(head, body, tail);
    }

    /// <summary>The layout around a page's body: everything before it, and everything after it.</summary>
    public static (string Head, string Tail) Frame(string title, string? query = null, bool briefScript = false)
    {
        var sb = new StringBuilder(2048);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append(" — Parallax</title>");
        sb.Append("<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>\n");
        sb.Append("<a class=\"skip\" href=\"#main\">Skip to the content</a><header class=\"site\"><a class=\"brand\" href=\"/\">Parallax</a>");
        sb.Append("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"").Append(E(query))
          .Append("\" placeholder=\"Search articles and facts\" aria-label=\"Search articles and facts\"><button type=\"submit\">Search</button></form>");
        sb.Append("<nav aria-label=\"Site\"><a href=\"/\">Stories</a><a href=\"/add\">Add articles</a><a href=\"/openapi/v1.json\">API</a></nav></header>\n<main id=\"main\" tabindex=\"-1\">\n");
        string head = sb.ToString();
        string tail = "\n</main>" + (briefScript ? "<script src=\"/assets/brief.js\"></script>" : "") + "</body></html>\n";
        return (head, tail);
    }
}
