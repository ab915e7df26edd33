using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parallax.Feeds;

/// <summary>
/// Parses untrusted XML (feeds, OPML) with no DTD processing, no external resolution and bounded size, so billion-laughs
/// entity expansion, external entities (XXE) and oversized documents all fail with a clear message instead of doing harm.
/// A document whose bytes contradict its declared encoding is read by its bytes (UTF-8 when valid, else Windows-1252).
/// </summary>
public static class SafeXml
{
    /// <summary>The most characters a feed may hold once decoded.</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    public static XDocument Load(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, Settings());
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (IsEncodingProblem(e))
        {
            // A wrong charset label is common in the wild; the bytes settle it, as they do for web pages.
            string text = Extraction.HtmlDecoding.Decode(bytes);
            using var reader = XmlReader.Create(new StringReader(WithoutDeclaration(text)), Settings());
            return XDocument.Load(reader, LoadOptions.None);
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        // Ignore, not Prohibit: many real feeds carry a harmless DOCTYPE; ignoring it leaves its entities undefined, so they cannot expand.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static bool IsEncodingProblem(XmlException e) =>
        e.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase) || e.InnerException is DecoderFallbackException or ArgumentException;

    /// <summary>Text read from a string must not keep a declaration naming another encoding.</summary>
    private static string WithoutDeclaration(string text)
    {
        string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!trimmed.StartsWith("<?xml", StringComparison.Ordinal)) return trimmed;
        int end = trimmed.IndexOf("?>", StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[(end + 2)..];
    }

    /// <summary>A one-line reason an XML document was refused, for error messages.</summary>
    public static string Describe(Exception e) => e switch
    {
        XmlException x when x.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) || x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            "uses entities from a DTD, which Parallax does not expand (they can hide entity bombs and external files)",
        XmlException x when x.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase) || x.Message.Contains("exceed", StringComparison.OrdinalIgnoreCase) =>
            "is too large to be a feed",
        XmlException x => $"is not well-formed XML ({x.Message})",
        _ => e.Message,
    };
}
