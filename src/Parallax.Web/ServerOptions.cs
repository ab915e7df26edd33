using System.Net;
using Parallax.Fetching;

namespace Parallax.Web;

/// <summary>How <c>parallax serve</c> runs: the store, the addresses it listens on, the write token, and its limits.</summary>
public sealed record ServerOptions
{
    public required string DbPath { get; init; }

    /// <summary>Addresses to listen on, e.g. http://127.0.0.1:5080.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>
    /// The token that adding articles needs (as "Authorization: Bearer TOKEN", or the form's token field). Without one, only
    /// a server no other machine can reach may run (<see cref="StartRefusal"/>), and it takes writes from this machine only.
    /// </summary>
    public string? WriteToken { get; init; }

    /// <summary>Largest request body: a paste, an upload of files, or a JSON article.</summary>
    public long MaxUploadBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How pages are fetched for "add by address": public addresses only, bounded in size and time.</summary>
    public FetchOptions Fetch { get; init; } = new() { PublicAddressesOnly = true, MaxBytes = 5 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(20), Retries = 1 };

    /// <summary>Stories per page of the home page.</summary>
    public int PageSize { get; init; } = 30;

    /// <summary>Results per page of the site's search.</summary>
    public int SearchPageSize { get; init; } = 20;

    /// <summary>
    /// Host names (with or without a port) requests may be addressed to, beyond the listen addresses and localhost; a request
    /// naming any other host is refused, so a page that rebinds its own name to 127.0.0.1 cannot reach this server.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>How often the server looks for articles other processes stored (to place them) and for stories due to be consolidated.</summary>
    public TimeSpan PendingRefreshEvery { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long an add through the API waits for the rebuilt briefs of the stories its articles joined; the story is known
    /// at once, and a brief not ready by then is stored in the background (a story of fifty articles takes about half a second).
    /// </summary>
    public TimeSpan AddWaitsForBriefs { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How long the stream of added articles must be quiet before the stories are consolidated (clustered afresh).</summary>
    public TimeSpan ConsolidateWhenQuiet { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether <c>parallax worker</c> processes place and brief added articles: the server only stores them (an add is
    /// answered "deferred") and reads, holding no stories in memory, so any number of servers can run over one store.
    /// </summary>
    public bool LeaveStoriesToWorkers { get; init; }

    /// <summary>
    /// The reverse proxies (by address) whose <c>X-Forwarded-Host</c>, <c>-Proto</c> and <c>-For</c> are believed: behind
    /// them, the host and origin checks see the host the visitor asked for. Empty: the headers are ignored, from anyone.
    /// </summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>The longest live placements go unconsolidated however busy the stream.</summary>
    public TimeSpan ConsolidateAtLeastEvery { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>True when a Host header may be answered: any host when listening on all interfaces without an allow-list, else only those listed.</summary>
    public bool HostAllowed(string? host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        string name = HostName(host);
        if (name is "localhost" or "127.0.0.1" or "::1") return true;
        if (AllowedHosts.Any(h => string.Equals(HostName(h), name, StringComparison.OrdinalIgnoreCase))) return true;
        foreach (var url in Urls)
        {
            if (!TryParseListenUrl(url, out var u)) continue;
            string listen = u.Host.Trim('[', ']');
            if (listen is "0.0.0.0" or "::" && AllowedHosts.Count == 0) return true;
            if (string.Equals(listen, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>"example.org" from "Example.org:5080", "::1" from "[::1]:5080".</summary>
    private static string HostName(string host)
    {
        host = host.Trim().ToLowerInvariant();
        if (host.StartsWith('[')) return host[1..Math.Max(1, host.IndexOf(']'))];
        int colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(':') == colon ? host[..colon] : host;
    }

    /// <summary>True when every address listened on is a loopback address (only this machine can connect).</summary>
    public bool LoopbackOnly => Urls.All(IsLoopback);

    /// <summary>
    /// True when visitors from other machines can reach this server: it listens beyond loopback, or believes a proxy (whose
    /// visitors are anyone), or answers a host name other than loopback's (a name only a proxy or another machine uses).
    /// </summary>
    public bool ReachableFromOtherMachines => !LoopbackOnly || TrustedProxies.Count > 0 || AllowedHosts.Any(h => !IsLoopbackName(HostName(h)));

    /// <summary>Writes need a token: always when one is set, and when the server can be reached from other machines.</summary>
    public bool WritesNeedToken => WriteToken is not null || ReachableFromOtherMachines;

    /// <summary>The write policy in words, for the start banner and the add page.</summary>
    public string WritePolicy => WritesNeedToken ? "adding articles needs the token" : "adding articles open to this machine only";

    /// <summary>
    /// Why the server must not start as configured, or null: reachable from other machines with no write token, anyone
    /// there could add articles (a proxy's visitors all look local), so the token is required, not writes left open.
    /// </summary>
    public string? StartRefusal
    {
        get
        {
            if (WriteToken is not null || !ReachableFromOtherMachines) return null;
            string why = !LoopbackOnly ? $"it listens on {string.Join(", ", Urls.Where(u => !IsLoopback(u)))}"
                : TrustedProxies.Count > 0 ? $"it trusts the proxy {string.Join(", ", TrustedProxies)}"
                : $"it answers {string.Join(", ", AllowedHosts.Where(h => !IsLoopbackName(HostName(h))))}";
            return $"this server is reachable from other machines ({why}), so adding articles needs a write token: set PARALLAX_TOKEN or pass --token, at least 12 characters (e.g. export PARALLAX_TOKEN=$(openssl rand -hex 16))";
        }
    }

    /// <summary>True for a host name only this machine resolves to itself: localhost (and its subdomains) or a loopback address.</summary>
    private static bool IsLoopbackName(string name) =>
        name is "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>True when a listen address is loopback only (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string url)
    {
        if (!TryParseListenUrl(url, out var u)) return false;
        if (u.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>An address to listen on, with Kestrel's wildcard hosts ("*", "+") read as 0.0.0.0, all interfaces.</summary>
    public static bool TryParseListenUrl(string url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? parsed) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out parsed);
}
