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

    private static async Task Guarded(HttpContext context, RequestDelegate next)
    {
        SecurityHeaders(context.Response.Headers);
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            (int Status, string Message) outcome = e switch
            {
                BadHttpRequestException bad when bad.StatusCode == 413 => (413, TooLarge(context)),
                BadHttpRequestException bad => (bad.StatusCode, "the request could not be read: " + bad.Message.TrimEnd('.') + "; see /openapi/v1.json for what each parameter takes"),
                InputTooLargeException or InvalidDataException => (413, TooLarge(context)),
                StoreException store => (503, Public(store.Message, context)),
                _ => (500, $"internal error ({e.GetType().Name}); the server log has the details"),
            };
            var (status, message) = outcome;
            if (status == 500 && context.RequestServices.GetService<ILoggerFactory>() is { } logs) RequestFailed(logs.CreateLogger("Parallax.Web"), e, context.Request.Path);
            context.Response.Clear();
            SecurityHeaders(context.Response.Headers);
            context.Response.StatusCode = status;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Api.Error(status, message).ExecuteAsync(context);
            }
            else
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Pages.Problem(status == 413 ? "Too large" : "Something went wrong", message));
            }
        }
    }

    /// <summary>A store problem as a visitor may see it: the file's place on the server is not theirs to know.</summary>
    private static string Public(string message, HttpContext c)
    {
        var site = c.RequestServices.GetService<Site>();
        return site is null ? message : message.Replace(site.Store.Path, "the store", StringComparison.Ordinal);
    }

    private static string TooLarge(HttpContext c) =>
        $"the request is larger than this server accepts ({c.RequestServices.GetRequiredService<ServerOptions>().MaxUploadBytes / (1024 * 1024)} MB); send fewer or smaller files";
}
