using System.Globalization;
using System.Net;
using System.Text;
using Parallax.Extraction;

namespace Parallax.Cli;

/// <summary>
/// The page shapes of 'bench --shapes': real sentences in the markup that made extraction quadratic — nested in &lt;div&gt;
/// tags never closed (refused past the depth limit), nested to just under that limit and closed, block after block, and a
/// flat run of unclosed &lt;p&gt; (read in full while under the element limit). Pages are extracted from their UTF-8 bytes,
/// as an upload is, and cut at <see cref="PageExtractor.MaxHtmlChars"/> like any page.
/// </summary>
internal static partial class ShapeBench
{
    private static void TimePages(TextWriter stdout, CultureInfo ci, string sentences, int mb)
    {
        long bytes = (long)mb << 20;
        string text = WebUtility.HtmlEncode(sentences);
        byte[] unclosed = Page(text, bytes, static (sb, next) => sb.Append("<div>").Append(next()).Append('\n'));
        Time(stdout, ci, "page nested in unclosed <div>", mb, () => Extract(unclosed));
        int depth = PageExtractor.MaxDepth - 12;
        byte[] deep = Page(text, bytes, (sb, next) =>
        {
            for (int i = 0; i < depth; i++) sb.Append("<div>").Append(next()).Append('\n');
            for (int i = 0; i < depth; i++) sb.Append("</div>");
        });
        Time(stdout, ci, $"page nested {depth} deep", mb, () => Extract(deep));
        byte[] flat = Page(text, bytes, static (sb, next) => sb.Append("<p>").Append(next()).Append('\n'));
        Time(stdout, ci, "page of unclosed <p>", mb, () => Extract(flat));
    }

    /// <summary>An HTML page of that many bytes: the sentences of <paramref name="text"/>, written into the markup by <paramref name="write"/>, which takes them one at a time.</summary>
    private static byte[] Page(string text, long bytes, Action<StringBuilder, Func<string>> write)
    {
        var sb = new StringBuilder((int)Math.Min(int.MaxValue, bytes + 65536));
        sb.Append("<!DOCTYPE html><html><head><title>shape</title></head><body>");
        int at = 0;
        string Next()
        {
            // About one sentence: the next 120 characters, to the following space.
            int end = Math.Min(text.Length, at + 120);
            end = text.IndexOf(' ', end) is var space and >= 0 ? space : text.Length;
            string s = text[at..end];
            at = end >= text.Length ? 0 : end + 1;
            return s;
        }
        while (sb.Length < bytes) write(sb, Next);
        return Encoding.UTF8.GetBytes(sb.ToString(0, (int)Math.Min(sb.Length, bytes)));
    }

    /// <summary>Extracts the page; a refusal past a page's limits is an outcome too, and as fast as it should be.</summary>
    private static void Extract(byte[] page)
    {
        try
        {
            _ = new PageExtractor().Extract(page);
        }
        catch (PageRefusedException)
        {
            // Refused within the limits it names: that is what these shapes measure.
        }
    }
}
