using System.Text;

namespace Parallax.Extraction;

/// <summary>
/// Cuts what a reader never sees out of a page before it is parsed: scripts (other than JSON-LD metadata), styles, inline SVG,
/// noscript and template blocks, and comments. On news pages these are most of the bytes (62% on the extraction benchmark),
/// and skipping them is most of the parsing time saved. A block left open runs to the end of the page, as browsers read it.
/// </summary>
internal static class InertMarkup
{
    private static readonly string[] RawBlocks = ["script", "style", "svg", "noscript", "template"];

    public static string Strip(string html)
    {
        StringBuilder? kept = null;
        int copied = 0;
        int at = 0;
        while (true)
        {
            int lt = html.IndexOf('<', at);
            if (lt < 0 || lt + 1 >= html.Length) break;
            int end = InertEnd(html, lt);
            if (end < 0)
            {
                at = lt + 1;
                continue;
            }
            kept ??= new StringBuilder(html.Length / 2);
            kept.Append(html, copied, lt - copied);
            // A space keeps words on either side of a removed block apart.
            kept.Append(' ');
            copied = at = end;
            if (at >= html.Length) break;
        }
        if (kept is null) return html;
        kept.Append(html, copied, html.Length - copied);
        return kept.ToString();
    }

    /// <summary>Where the inert block starting at <paramref name="lt"/> ends (just past it), or −1 when the tag there is not one.</summary>
    private static int InertEnd(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            int close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }
        foreach (var name in RawBlocks)
        {
            if (!StartsTag(html, lt, name)) continue;
            int tagEnd = html.IndexOf('>', lt + 1 + name.Length);
            if (tagEnd < 0) return html.Length;
            if (name == "script" && html.AsSpan(lt, tagEnd - lt).Contains("ld+json", StringComparison.OrdinalIgnoreCase)) return -1;
            if (html[tagEnd - 1] == '/') return tagEnd + 1;
            int close = html.IndexOf("</" + name, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
            if (close < 0) return html.Length;
            int closeEnd = html.IndexOf('>', close + 2 + name.Length);
            return closeEnd < 0 ? html.Length : closeEnd + 1;
        }
        return -1;
    }

    private static bool StartsTag(string html, int lt, string name)
    {
        int after = lt + 1 + name.Length;
        if (after >= html.Length || string.Compare(html, lt + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        char c = html[after];
        return c == '>' || c == '/' || char.IsWhiteSpace(c);
    }
}
