using System.Net;

namespace Parallax.Rendering;

/// <summary>The one escaping rule for every page Parallax writes: text becomes HTML text, safe in attributes too (quotes included).</summary>
public static class Markup
{
    /// <summary>HTML-escapes text; null is the empty string.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
