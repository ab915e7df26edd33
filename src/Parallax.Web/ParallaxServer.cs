using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Parallax.Rendering;

namespace Parallax.Web;

/// <summary>
/// The Parallax web server: the site (stories ranked, a story's brief with its sources side by side, an article with what
/// was found in it, a form to add articles, search) and a JSON API with an OpenAPI document, over one store.
/// </summary>
public static partial class ParallaxServer
{
    /// <summary>Builds the server; <paramref name="configure"/> can adjust the builder (tests use an in-memory server).</summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        // Reachable from other machines without a write token, anyone could add articles: refused before anything starts.
        if (options.StartRefusal is { } refusal) throw new InvalidOperationException(refusal);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            // Addresses past MaxAddressChars are answered 414 by this server, with a line saying so; only past this by the HTTP layer, bare.
            k.Limits.MaxRequestLineSize = MaxRequestLine;
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxUploadBytes;
            f.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxUploadBytes);
            f.ValueCountLimit = MaxFormParts;
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parallax";
            doc.Info.Description = "Stories, briefs, articles and search over a Parallax store. Writes need 'Authorization: Bearer TOKEN' when the server runs with a token or is reachable from other machines.";
            return Task.CompletedTask;
        }));
        // A query value of the wrong type ("limit=abc") throws, so the guard below answers it with one line instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new Site(options));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(Guarded);
        if (options.TrustedProxies.Count > 0)
        {
            // Only the named proxies are believed, one hop deep: a visitor's own X-Forwarded-Host never names the host.
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto,
                ForwardLimit = 1,
            };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in options.TrustedProxies) forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.Use(KnownHost);
        // Articles other processes stored are placed, and stories consolidated when due, in the background; the first tick
        // reads the stored stories into memory, so the first add does not wait for that.
        var site = app.Services.GetRequiredService<Site>();
        app.Lifetime.ApplicationStarted.Register(() => site.TickEvery(options.PendingRefreshEvery, app.Lifetime.ApplicationStopping));
        MapPages(app);
        Api.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/assets/site.css", () => Asset(SiteCss, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/assets/brief.js", () => Asset(BriefHtml.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/assets/icon.svg", () => Asset(Icon, "image/svg+xml")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/icon.svg", permanent: true)).ExcludeFromDescription();
        app.MapGet("/healthz", async (Site site, CancellationToken cancel) => Results.Text(await site.ReadAsync(store => store.StoriesPending, cancel) ? "ok (stories pending)" : "ok")).ExcludeFromDescription();
        app.MapFallback((HttpContext c) => c.Request.Path.StartsWithSegments("/api")
            ? Api.Error(404, "no such API endpoint; see /openapi/v1.json")
            : Results.Content(Pages.Problem("Not found", "There is no page at this address."), "text/html; charset=utf-8", statusCode: 404));
        return app;
    }

    private static IResult Asset(string content, string type) => Results.Text(content, type, Encoding.UTF8);

    /// <summary>Two offset bars: the same event seen from two places.</summary>
    private const string Icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect x=\"2\" y=\"3\" width=\"9\" height=\"4\" rx=\"1\" fill=\"#06c\"/><rect x=\"5\" y=\"9\" width=\"9\" height=\"4\" rx=\"1\" fill=\"#e90\"/></svg>";

    private static readonly string SiteCss = ReadAsset("site.css") + "\n" + BriefHtml.Css;

    private static string ReadAsset(string name)
    {
        using var s = typeof(ParallaxServer).Assembly.GetManifestResourceStream($"Parallax.Web.Assets.{name}") ?? throw new InvalidOperationException($"asset {name} missing");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static IResult HtmlPage(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>An id from a catch-all route: the server decodes the path except "%2F", so an id holding "/" arrives with it still encoded.</summary>
    internal static string Id(string routed) => routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a write must be refused, or null when it may go ahead.</summary>
    internal static (int Status, string Message)? WriteRefusal(HttpContext c, ServerOptions options, string? formToken)
    {
        // A page on another site must not be able to make a visitor's browser add articles here (cross-site request forgery).
        var headers = c.Request.Headers;
        if (headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site") return (403, "writes from other sites are refused");
        string fetchSite = headers["Sec-Fetch-Site"].ToString();
        if (headers.Origin.ToString() is { Length: > 0 } origin)
        {
            // "null" is an opaque origin (a sandboxed frame, a data: page, a redirect across sites). Chromium also sends it for
            // this site's own forms under its no-referrer policy, but then says same-origin in Sec-Fetch-Site.
            bool sameSite = origin == "null"
                ? fetchSite == "same-origin"
                : Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, c.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
            if (!sameSite) return (403, "writes from other sites are refused");
        }
        if (options.WriteToken is null)
        {
            // No token: writes are open to this machine only, and a visitor a proxy forwarded is never of this machine.
            return !options.ReachableFromOtherMachines && FromThisMachine(c) ? null
                : (403, "this server has no write token, so adding articles is open to this machine only, and this request came from elsewhere (or through a proxy); start the server with PARALLAX_TOKEN set (or --token) to add articles from other machines");
        }
        string? given = formToken;
        if (headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = auth["Bearer ".Length..].Trim();
        if (given is null) return (401, "adding articles needs the write token");
        bool same = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(options.WriteToken)));
        return same ? null : (401, "the write token is wrong");
    }

    /// <summary>
    /// Whether a request came straight from this machine: from a loopback address (or in process), carrying none of the
    /// headers a proxy adds — a proxy on this machine connects from loopback for visitors from anywhere.
    /// </summary>
    internal static bool FromThisMachine(HttpContext c)
    {
        if (c.Connection.RemoteIpAddress is { } from && !System.Net.IPAddress.IsLoopback(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from)) return false;
        var h = c.Request.Headers;
        return !(h.ContainsKey("X-Forwarded-For") || h.ContainsKey("X-Forwarded-Host") || h.ContainsKey("X-Forwarded-Proto") || h.ContainsKey("Forwarded")
            || h.ContainsKey("X-Real-IP") || h.ContainsKey("X-Original-For") || h.ContainsKey("Via"));
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
