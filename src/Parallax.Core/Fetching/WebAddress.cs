using System.Diagnostics.CodeAnalysis;

namespace Parallax.Fetching;

/// <summary>What counts as a web address Parallax may fetch or link to: an absolute http or https address, nothing else (no file:, javascript: or data:).</summary>
public static class WebAddress
{
    public static bool Is(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && Is(url);
}
