using System.Security.Cryptography;
using System.Text;

namespace Parallax.Storage;

/// <summary>How every store recognises an article it already holds: by its text however it is spaced, or by its address however it is spelled.</summary>
public static class ArticleKeys
{
    /// <summary>The same text, however it is spaced, hashes alike.</summary>
    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text.Words.SingleSpaced(text).Trim())))[..32];

    /// <summary>An address without its fragment and trailing slash, with a lower-case host, so trivially different spellings match.</summary>
    public static string NormalUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u)) return url.Trim();
        string s = u.GetLeftPart(UriPartial.Query);
        return s.EndsWith('/') ? s[..^1] : s;
    }
}
