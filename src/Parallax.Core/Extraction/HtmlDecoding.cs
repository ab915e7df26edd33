using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Extraction;

/// <summary>
/// Turns a web page's bytes into text the way browsers do: a byte-order mark first, then the charset the server declared,
/// then a charset the page declares in its first few kilobytes; when none is given, or the label is UTF-8 or Latin-1 and the bytes
/// say otherwise, UTF-8 if the bytes are valid UTF-8, else Windows-1252.
/// </summary>
public static class HtmlDecoding
{
    private const int PrescanBytes = 4096;

    private static readonly Regex MetaCharset = new(
        @"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static readonly Regex HeaderCharset = new(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentType"/> is the HTTP Content-Type header when there was one.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var declared = FromName(contentType is null ? null : HeaderCharset.Match(contentType) is { Success: true } h ? h.Groups[1].Value : null);
        if (declared is null)
        {
            string head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
            var m = MetaCharset.Match(head);
            if (m.Success) declared = FromName(m.Groups[1].Value);
        }
        // Pages labelled Latin-1 or ASCII but written in UTF-8, and pages labelled UTF-8 but written in Windows-1252, are both
        // common; browsers trust the label, but for these two the bytes settle it better.
        if (declared is null || declared.CodePage is 1252 or 28591 or 20127 or 65001)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                if (declared is null || declared.CodePage == 65001) declared = Encoding.GetEncoding(1252);
            }
        }
        return declared.GetString(bytes);
    }

    /// <summary>The encoding a label names, with the WHATWG aliases (Latin-1 means Windows-1252); null for unknown labels and for UTF-16, which a byte stream without a mark cannot be.</summary>
    private static Encoding? FromName(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        label = label.Trim().ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") return Encoding.GetEncoding(1252);
        if (label.StartsWith("utf-16", StringComparison.Ordinal)) return null;
        if (label is "utf8") return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
