using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Parallax.Fetching;

/// <summary>
/// Fetches web pages and feeds the way a well-behaved crawler does: robots.txt obeyed, one host asked at a set pace and
/// a set number of requests at a time, a clear User-Agent, conditional requests, retries with backoff, bounded redirects,
/// and every response bounded in time and size (after decompression) so a hostile server cannot stall or flood it.
/// Thread-safe; share one instance.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private const string Accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    /// <summary>Guarded when only public addresses may be fetched: it connects only to addresses the guard allows.</summary>
    private readonly HttpClient _http;

    /// <summary>For the first request of an address the operator typed: any address, through a proxy if one is set.</summary>
    private readonly HttpClient _open;

    private readonly Func<IPAddress, bool> _allow;
    private readonly Func<string, bool> _allowHost;
    private readonly FetchOptions _options;
    private readonly string _productToken;
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public PoliteFetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FetchOptions();
        _productToken = _options.UserAgent.Split('/', ' ')[0];
        var allowed = _options.PrivateAllowed;
        _allow = _options.AllowAddress ?? (a => AddressGuard.IsPublic(a) || allowed.Allows(a));
        _allowHost = allowed.AllowsHost;
        if (handler is not null)
        {
            _http = _open = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            return;
        }
        _http = new HttpClient(Handler(_options.PublicAddressesOnly), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        // Its own connection pool, so a connection opened to an operator's private address is never reused for input.
        _open = _options.PublicAddressesOnly ? new HttpClient(Handler(guarded: false), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan } : _http;
    }

    private SocketsHttpHandler Handler(bool guarded) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = _options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxResponseHeadersLength = 64,
        UseCookies = false,
        // A proxy would connect on our behalf, past the address check.
        UseProxy = !guarded,
        ConnectCallback = guarded ? AddressGuard.Connector(_allow, _allowHost) : null,
    };

    public FetchOptions Options => _options;

    /// <summary>Fetches <paramref name="url"/>, an address given by input, following redirects; with <paramref name="validators"/>, asks only for a changed copy.</summary>
    public Task<FetchResult> FetchAsync(Uri url, Validators? validators = null, CancellationToken cancel = default) =>
        FetchAsync(url, validators, AddressOrigin.Input, cancel);

    /// <summary>
    /// Fetches <paramref name="url"/>, following redirects; with <paramref name="validators"/>, asks only for a changed copy.
    /// With <see cref="AddressOrigin.Operator"/>, the first request is not held to <see cref="FetchOptions.PublicAddressesOnly"/>.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators, AddressOrigin origin, CancellationToken cancel = default)
    {
        if (!WebAddress.Is(url))
        {
            return new FetchResult { Status = FetchStatus.Failed, RequestedUrl = url, Error = "only http and https addresses can be fetched" };
        }
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        int attempts = 0;
        for (int hop = 0; ; hop++)
        {
            var host = Host(current);
            bool operatorsOwn = hop == 0 && origin == AddressOrigin.Operator;
            var client = operatorsOwn ? _open : _http;
            if (_options.PublicAddressesOnly && !operatorsOwn && await AddressGuard.RefusalOfAsync(current.Host, cancel, _allow, _allowHost).ConfigureAwait(false) is { } refusal)
            {
                return new FetchResult { Status = FetchStatus.Failed, RequestedUrl = url, FinalUrl = current, Error = RefusalLine(refusal), Refused = true, Attempts = attempts };
            }
            if (_options.RespectRobotsTxt && !(await RobotsFor(host, current, client).WaitAsync(cancel).ConfigureAwait(false)).Allows(current))
            {
                return new FetchResult { Status = FetchStatus.Disallowed, RequestedUrl = url, FinalUrl = current, Error = $"robots.txt of {current.Authority} does not allow {_productToken} to fetch {current.AbsolutePath}", Attempts = attempts };
            }
            var outcome = await WithRetries(client, host, current, validators, cancel).ConfigureAwait(false);
            attempts += outcome.Attempts;
            if (outcome.Error is not null)
            {
                return new FetchResult { Status = FetchStatus.Failed, RequestedUrl = url, FinalUrl = current, HttpStatus = outcome.Status, Error = outcome.Error, Refused = outcome.Refused, Attempts = attempts };
            }
            int status = outcome.Status!.Value;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                if (outcome.Location is null) return Failed($"HTTP {status} redirect without a Location");
                if (hop >= _options.MaxRedirects) return Failed($"more than {_options.MaxRedirects} redirects");
                if (!Uri.TryCreate(current, outcome.Location, out var next) || !WebAddress.Is(next))
                {
                    return Failed($"redirected to an address that cannot be fetched ({outcome.Location})");
                }
                if (!visited.Add(next.AbsoluteUri)) return Failed($"redirect loop at {next}");
                current = next;
                continue;
            }
            if (status == 304)
            {
                return new FetchResult { Status = FetchStatus.NotModified, RequestedUrl = url, FinalUrl = current, HttpStatus = 304, Validators = outcome.Validators ?? validators, Attempts = attempts };
            }
            if (status is < 200 or > 299) return Failed($"HTTP {status}");
            return new FetchResult
            {
                Status = FetchStatus.Ok,
                RequestedUrl = url,
                FinalUrl = current,
                HttpStatus = status,
                Body = outcome.Body,
                ContentType = outcome.ContentType,
                Validators = outcome.Validators,
                Attempts = attempts,
            };

            FetchResult Failed(string error) => new() { Status = FetchStatus.Failed, RequestedUrl = url, FinalUrl = current, HttpStatus = status, Error = error, Attempts = attempts };
        }
    }

    /// <summary>One host's pace and rules: a gate for its concurrency, when it may next be asked, and its robots.txt once read.</summary>
    private sealed class HostState(int concurrency)
    {
        public SemaphoreSlim Gate { get; } = new(concurrency, concurrency);

        public DateTime NextAllowedUtc { get; set; } = DateTime.MinValue;

        public Task<RobotsTxt>? Robots { get; set; }

        public TimeSpan? CrawlDelay { get; set; }
    }

    private HostState Host(Uri url) => _hosts.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => new HostState(Math.Max(1, _options.PerHostConcurrency)));

    /// <summary>
    /// The host's robots.txt, read once and shared. It is read without the caller's token, which only stops the caller's
    /// wait: a caller giving up (a feed out of time) must not leave a cancelled read behind for every later caller.
    /// </summary>
    private Task<RobotsTxt> RobotsFor(HostState host, Uri url, HttpClient client)
    {
        lock (host)
        {
            return host.Robots ??= LoadRobots(host, new Uri(url, "/robots.txt"), client);
        }
    }

    private async Task<RobotsTxt> LoadRobots(HostState host, Uri robotsUrl, HttpClient client)
    {
        var outcome = await WithRetries(client, host, robotsUrl, null, CancellationToken.None).ConfigureAwait(false);
        RobotsTxt robots;
        if (outcome.Error is null && outcome.Status is >= 200 and <= 299)
        {
            robots = RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(outcome.Body), _productToken);
        }
        else if (outcome.Status is >= 300 and <= 499)
        {
            // No robots.txt (or one behind a redirect, which RFC 9309 allows following; treating it as absent is the lenient reading).
            robots = RobotsTxt.AllowAll;
        }
        else
        {
            robots = RobotsTxt.DisallowAll;
        }
        host.CrawlDelay = robots.CrawlDelay;
        return robots;
    }

    private sealed record Attempt(int? Status, byte[] Body, string? ContentType, Validators? Validators, string? Location, string? Error, bool Retryable, TimeSpan? RetryAfter)
    {
        public int Attempts { get; init; } = 1;

        public bool Refused { get; init; }
    }

    private async Task<Attempt> WithRetries(HttpClient client, HostState host, Uri url, Validators? validators, CancellationToken cancel)
    {
        Attempt last = null!;
        for (int attempt = 0; attempt <= _options.Retries; attempt++)
        {
            if (attempt > 0)
            {
                var backoff = TimeSpan.FromMilliseconds(_options.RetryBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.75 + (Random.Shared.NextDouble() / 2)));
                var wait = last.RetryAfter is { } ra && ra > backoff ? ra : backoff;
                if (wait > _options.MaxRetryWait) wait = _options.MaxRetryWait;
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
            last = await Polite(client, host, url, validators, cancel).ConfigureAwait(false) with { Attempts = attempt + 1 };
            if (!last.Retryable) break;
        }
        return last;
    }

    /// <summary>One request, at the host's pace.</summary>
    private async Task<Attempt> Polite(HttpClient client, HostState host, Uri url, Validators? validators, CancellationToken cancel)
    {
        await host.Gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (host) wait = host.NextAllowedUtc - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel).ConfigureAwait(false);
            try
            {
                return await Send(client, url, validators, cancel).ConfigureAwait(false);
            }
            finally
            {
                var delay = _options.PerHostDelay;
                if (host.CrawlDelay is { } cd && cd > delay) delay = cd < _options.MaxCrawlDelay ? cd : _options.MaxCrawlDelay;
                lock (host) host.NextAllowedUtc = DateTime.UtcNow + delay;
            }
        }
        finally
        {
            host.Gate.Release();
        }
    }

    private async Task<Attempt> Send(HttpClient client, Uri url, Validators? validators, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (validators?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            string? location = response.Headers.Location?.OriginalString;
            var found = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
            if (found.ETag is null && found.LastModified is null) found = null;
            if (status == 429 || status >= 500)
            {
                return new Attempt(status, [], null, null, null, $"HTTP {status}", Retryable: true, RetryAfter(response.Headers.RetryAfter));
            }
            if (status is < 200 or > 299)
            {
                return new Attempt(status, [], null, found, location, null, false, null);
            }
            if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
            {
                return new Attempt(status, [], null, null, null, $"larger than {Megabytes(_options.MaxBytes)} ({Megabytes(length)} announced)", false, null);
            }
            byte[] body;
            await using (var raw = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false))
            await using (var decompressed = Decompressed(raw, response.Content.Headers.ContentEncoding))
            {
                body = await ReadBounded(decompressed, timeout.Token).ConfigureAwait(false);
            }
            return new Attempt(status, body, response.Content.Headers.ContentType?.ToString(), found, location, null, false, null);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new Attempt(null, [], null, null, null, $"timed out after {_options.Timeout.TotalSeconds:0.#} s", Retryable: true, null);
        }
        catch (TooLargeException e)
        {
            return new Attempt(null, [], null, null, null, e.Message, false, null);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new Attempt(null, [], null, null, null, RefusalLine(refused), false, null) { Refused = true };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            return new Attempt(null, [], null, null, null, Describe(e), Retryable: e is not InvalidDataException, null);
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static Stream Decompressed(Stream raw, ICollection<string> encodings)
    {
        var stream = raw;
        foreach (var encoding in encodings.Reverse())
        {
            stream = encoding.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                "identity" => stream,
                var other => throw new InvalidDataException($"unknown content encoding '{other}'"),
            };
        }
        return stream;
    }

    /// <summary>Reads at most <see cref="FetchOptions.MaxBytes"/>, counting decompressed bytes, so neither an endless response nor a compression bomb gets further.</summary>
    private async Task<byte[]> ReadBounded(Stream stream, CancellationToken cancel) =>
        await Reading.BoundedRead.ReadAllAsync(stream, _options.MaxBytes, cancel).ConfigureAwait(false)
        ?? throw new TooLargeException($"larger than {Megabytes(_options.MaxBytes)}");

    private sealed class TooLargeException(string message) : Exception(message);

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message.TrimEnd('.');
    }

    /// <summary>A refusal as one line: what was refused, and how the operator allows it when <see cref="FetchOptions.RefusalHint"/> says.</summary>
    private string RefusalLine(AddressRefusedException refused) => refused.Message + (_options.RefusalHint?.Invoke(refused.Address) ?? "");

    public void Dispose()
    {
        if (!ReferenceEquals(_open, _http)) _open.Dispose();
        _http.Dispose();
    }
}
