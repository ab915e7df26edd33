namespace Parallax.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>The body was read.</summary>
    Ok,

    /// <summary>The server said the resource has not changed since the validators given (HTTP 304).</summary>
    NotModified,

    /// <summary>robots.txt does not allow Parallax to fetch this address.</summary>
    Disallowed,

    /// <summary>The fetch failed; <see cref="FetchResult.Error"/> says why.</summary>
    Failed,
}

/// <summary>What a conditional request sends back: the validators of the copy already held.</summary>
public sealed record Validators(string? ETag, string? LastModified);

/// <summary>The outcome of one fetch, after redirects and retries.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }

    public required Uri RequestedUrl { get; init; }

    /// <summary>Where the body came from, after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public int? HttpStatus { get; init; }

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>The validators to send next time, for a conditional request.</summary>
    public Validators? Validators { get; init; }

    /// <summary>Why the fetch failed, written for a person ("timed out after 30 s", "more than 10 MB").</summary>
    public string? Error { get; init; }

    public int Attempts { get; init; } = 1;

    /// <summary>True when the address guard refused the address (see <see cref="FetchOptions.PublicAddressesOnly"/>): no request was sent to it.</summary>
    public bool Refused { get; init; }
}
