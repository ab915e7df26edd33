using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Reading;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>What guards every request: the security headers, the host check against DNS rebinding, and one clear line (never a stack trace) for anything that fails.</summary>
public static partial class ParallaxServer
{
    [LoggerMessage(Level = LogLevel.Error, Message = "request {Path} failed")]
    private static partial void RequestFailed(ILogger logger, Exception error, string path);

    /// <summary>Sent with every response: scripts and styles only from this server, no framing, no plugins, no referrer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Security headers on every response, and one clear line (never a stack trace) for anything that goes wrong.</summary>
    private static void SecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>Refuses a request addressed to a host this server does not answer for (DNS rebinding), before anything else runs.</summary>
    private static Task KnownHost(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<ServerOptions>();
        if (options.HostAllowed(context.Request.Host.Value)) return next(context);
        context.Response.StatusCode = 421;
        string message = "this server does not answer for that host name; use the address it was started with, or start it with --allowed-hosts";
        if (context.Request.Path.StartsWithSegments("/api")) return Api.Error(421, message).ExecuteAsync(context);
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Pages.Problem("Misdirected request", message));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "request {Path}: the store failed: {Reason}")]
    private static partial void StoreFailed(ILogger logger, string path, string reason);

    /// <summary>What a visitor is told when the store fails: one line; the reason (which may name the server and its database) goes to the log.</summary>
    public const string StoreUnavailable = "the store is unavailable right now; try again in a moment";

    /// <summary>Longest address (path and query) answered; longer ones get a 414 with a line saying so.</summary>
    public const int MaxAddressChars = 8 * 1024;

    /// <summary>
    /// Longest request line the HTTP server reads. Past <see cref="MaxAddressChars"/> this server answers 414 itself (with a
    /// body and its headers); past this, the HTTP server refuses the request before any of this code runs, with an empty 414.
    /// </summary>
    internal const int MaxRequestLine = 64 * 1024;

    /// <summary>Most parts (files and fields) one form may hold.</summary>
    public const int MaxFormParts = 64;

    private static async Task Guarded(HttpContext context, RequestDelegate next)
    {
        SecurityHeaders(context.Response.Headers);
        try
        {
            if (context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length > MaxAddressChars)
            {
                throw new RequestRefusedException(414, $"the address is longer than {MaxAddressChars:N0} characters, the most this server reads; shorten it");
            }
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            (int Status, string Message) outcome = e switch
            {
                RequestRefusedException refused => (refused.Status, refused.Message),
                BadHttpRequestException bad when bad.StatusCode == 413 => (413, TooLarge(context)),
                BadHttpRequestException bad => (bad.StatusCode, "the request could not be read: " + bad.Message.TrimEnd('.') + "; see /openapi/v1.json for what each parameter takes"),
                InputTooLargeException => (413, TooLarge(context)),
                InvalidDataException bad => (400, $"the request could not be read ({bad.Message.Split(". ")[0].TrimEnd('.')})"),
                StoreBusyException busy => (503, busy.Message),
                StoreException => (503, StoreUnavailable),
                _ => (500, $"internal error ({e.GetType().Name}); the server log has the details"),
            };
            var (status, message) = outcome;
            var logs = context.RequestServices.GetService<ILoggerFactory>();
            if (status == 500 && logs is not null) RequestFailed(logs.CreateLogger("Parallax.Web"), e, context.Request.Path);
            if (e is StoreException && logs is not null) StoreFailed(logs.CreateLogger("Parallax.Web"), context.Request.Path, e.Message);
            context.Response.Clear();
            SecurityHeaders(context.Response.Headers);
            context.Response.StatusCode = status;
            if (status == 503) context.Response.Headers.RetryAfter = e is StoreBusyException ? "1" : "5";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Api.Error(status, message).ExecuteAsync(context);
            }
            else
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                string title = status switch
                {
                    413 => "Too large",
                    414 => "Address too long",
                    503 => "Unavailable",
                    >= 400 and < 500 => "Bad request",
                    _ => "Something went wrong",
                };
                await context.Response.WriteAsync(Pages.Problem(title, message));
            }
        }
    }

    /// <summary>
    /// The request's form, read in full; a form that breaks a limit or is not well formed is refused with its reason
    /// (<see cref="RequestRefusedException"/>) — too many parts says so, rather than that the request was too large.
    /// </summary>
    internal static async Task<IFormCollection> ReadFormAsync(HttpContext c, CancellationToken cancel)
    {
        try
        {
            return await c.Request.ReadFormAsync(cancel);
        }
        catch (InvalidDataException e) when (e.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRefusedException(413, $"the form holds more than {MaxFormParts} parts (files and fields), the most this server reads in one request; send the files in smaller groups");
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRefusedException(413, TooLarge(c));
        }
        catch (Exception e) when ((e is InvalidDataException || (e is IOException && e is not BadHttpRequestException)) && !c.RequestAborted.IsCancellationRequested)
        {
            throw new RequestRefusedException(400, $"the form could not be read ({e.Message.Split(". ")[0].TrimEnd('.')}); send multipart/form-data as a browser does");
        }
    }

    private static string TooLarge(HttpContext c) =>
        $"the request is larger than this server accepts ({c.RequestServices.GetRequiredService<ServerOptions>().MaxUploadBytes / (1024 * 1024)} MB); send fewer or smaller files";
}

/// <summary>A request refused with a status and one line saying why, answered as the page or the API answers errors.</summary>
internal sealed class RequestRefusedException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;
}
