namespace Parallax.Fetching;

/// <summary>How politely and how defensively <see cref="PoliteFetcher"/> fetches. The defaults suit a newsroom polling a few hundred feeds.</summary>
public sealed record FetchOptions
{
    /// <summary>Parallax's version (major.minor.patch), the one <c>parallax --version</c> prints.</summary>
    public static string Version { get; } = typeof(FetchOptions).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>What requests say they are, with the version (declared after it: static fields start in the order written).</summary>
    public static readonly string DefaultUserAgent = $"Parallax/{Version} (+https://github.com/parallax-news/parallax; news reader that cites its sources)";

    /// <summary>Sent with every request; robots.txt rules are matched against its first word ("Parallax").</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The longest one request may take, headers and body together, including a slow trickle of bytes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most bytes a response body may have, after decompression (so a gzip bomb stops here).</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>The least time between two requests to one host (a robots.txt Crawl-delay can raise it, up to <see cref="MaxCrawlDelay"/>).</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight to one host at once.</summary>
    public int PerHostConcurrency { get; init; } = 1;

    /// <summary>Further attempts after a network error, a timeout, a 429 or a 5xx answer.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The wait before the first retry; it doubles with each retry (with jitter), and a server's Retry-After is honoured up to <see cref="MaxRetryWait"/>.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(60);

    public bool RespectRobotsTxt { get; init; } = true;

    /// <summary>
    /// Refuse loopback, private, link-local and other non-public addresses, at every redirect and at connect time (see
    /// <see cref="AddressGuard"/>), except those <see cref="PrivateAllowed"/> names. On for every fetch made on someone
    /// else's say-so: a stranger's address on the web server, a feed's links, an OPML list's feeds, every redirect. An
    /// address the operator typed is fetched with <see cref="AddressOrigin.Operator"/>, whose first request may go anywhere.
    /// On unless turned off, so a fetcher built without thought is safe.
    /// </summary>
    public bool PublicAddressesOnly { get; init; } = true;

    /// <summary>With <see cref="PublicAddressesOnly"/>: the non-public addresses, ranges and hosts the operator allows anyway.</summary>
    public AddressAllowance PrivateAllowed { get; init; } = AddressAllowance.None;

    /// <summary>What to add to a refusal, given the address refused: how to allow it ("; to fetch it, pass --allow-private-addresses 10.0.0.5").</summary>
    public Func<string, string>? RefusalHint { get; init; }

    /// <summary>With <see cref="PublicAddressesOnly"/>: which addresses count as allowed (tests narrow it to one loopback address).</summary>
    internal Func<System.Net.IPAddress, bool>? AllowAddress { get; init; }
}

/// <summary>Whose word an address is fetched on, which decides whether <see cref="FetchOptions.PublicAddressesOnly"/> applies to it.</summary>
public enum AddressOrigin
{
    /// <summary>Named by input (a feed, a page, an OPML list, a stranger): only allowed addresses.</summary>
    Input,

    /// <summary>Typed by the operator: its first request may go to any address, but every redirect from it is input.</summary>
    Operator,
}
