using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Model;
using Parallax.Reading;
using Parallax.Rendering;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>
/// The Parallax web server: the site (stories ranked, a story's brief with its sources side by side, an article with what
/// was found in it, a form to add articles, search) and a JSON API with an OpenAPI document, over one store.
/// </summary>
public static partial class ParallaxServer
{
    [LoggerMessage(Level = LogLevel.Error, Message = "request {Path} failed")]
    private static partial void RequestFailed(ILogger logger, Exception error, string path);

    /// <summary>Sent with every response: scripts and styles only from this server, no framing, no plugins, no referrer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Builds the server; <paramref name="configure"/> can adjust the builder (tests use an in-memory server).</summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxUploadBytes;
            f.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxUploadBytes);
            f.ValueCountLimit = 64;
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
        app.Use(KnownHost);
        // Stories that an add left pending (another process was ingesting) are finished in the background.
        var site = app.Services.GetRequiredService<Site>();
        var timer = new Timer(_ => site.RefreshPending(), null, options.PendingRefreshEvery, options.PendingRefreshEvery);
        app.Lifetime.ApplicationStopping.Register(() => timer.Dispose());
        MapPages(app);
        Api.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/assets/site.css", () => Asset(SiteCss, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/assets/brief.js", () => Asset(BriefHtml.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/assets/icon.svg", () => Asset(Icon, "image/svg+xml")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/icon.svg", permanent: true)).ExcludeFromDescription();
        app.MapGet("/healthz", (Site site) => Results.Text(site.Store.StoriesPending ? "ok (stories pending)" : "ok")).ExcludeFromDescription();
        app.MapFallback((HttpContext c) => c.Request.Path.StartsWithSegments("/api")
            ? Api.Error(404, "no such API endpoint; see /openapi/v1.json")
            : Results.Content(Pages.Problem("Not found", "There is no page at this address."), "text/html; charset=utf-8", statusCode: 404));
        return app;
    }

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

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", (HttpContext c, Site site) =>
        {
            var q = c.Request.Query;
            if (!Api.Day(q["since"], "From", out var since, out var problem) || !Api.Day(q["until"], "To", out var until, out problem))
            {
                return HtmlPage(Pages.Problem("Not a date", problem! + "."), 400);
            }
            // The API's name for the filter; "min" is what links made before it carried the same name.
            string? minText = q["minSources"].Count > 0 ? q["minSources"] : q["min"];
            int min = int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 1;
            int page = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 100_000) : 1;
            int size = site.Options.PageSize;
            var query = new StoryQuery(since, until, size, (page - 1) * size, min)
            {
                Outlet = Api.Text(q["outlet"]),
                Topic = Api.Text(q["topic"]),
                HasConflicts = Api.Flag(q["conflicts"]),
            };
            return HtmlPage(Pages.Home(site.Store.Stories(query), query, page, size, site.Store.StoriesPending, site.FilterChoices()));
        }).ExcludeFromDescription();

        app.MapGet("/stories/{**id}", (string id, HttpContext c, Site site) =>
        {
            id = Id(id);
            var story = site.Store.Story(id);
            var brief = story is null ? null : site.Store.OpenBriefHtml(id);
            if (story is null || brief is null) return HtmlPage(Pages.Problem("No such story", $"There is no story {id}; it may have merged into another as articles arrived."), 404);
            string? notice = c.Request.Query["added"].Count > 0 ? "Your articles were added to this story." : null;
            return Results.Stream(async output =>
            {
                await using (brief) await Pages.WriteStory(output, story.Summary, brief, notice, c.RequestAborted);
            }, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/articles/{**id}", (string id, Site site) =>
        {
            id = Id(id);
            var stored = site.Store.Article(id);
            if (stored is null) return HtmlPage(Pages.Problem("No such article", $"There is no article {id} in this store."), 404);
            string? storyTitle = stored.Story is { } s ? site.Store.Story(s)?.Summary.Title : null;
            return HtmlPage(Pages.Article(stored, site.Analysis(stored)!, storyTitle));
        }).ExcludeFromDescription();

        app.MapGet("/search", (HttpContext c, Site site) =>
        {
            var q = c.Request.Query;
            string query = q["q"].ToString();
            if (!Api.Day(q["since"], "From", out var since, out var problem) || !Api.Day(q["until"], "To", out var until, out problem))
            {
                return HtmlPage(Pages.Problem("Not a date", problem! + "."), 400);
            }
            int page = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 1 + SqliteStore.MaxSearchOffset / site.Options.SearchPageSize) : 1;
            var search = new SearchQuery(query, site.Options.SearchPageSize, (page - 1) * site.Options.SearchPageSize)
            {
                Since = since,
                Until = until,
                Outlet = Api.Text(q["outlet"]),
                Newest = Api.Newest(q["sort"]),
            };
            var found = FtsQuery.From(query) is null ? new SearchPage([], 0) : site.Search(search);
            return HtmlPage(Pages.Search(search, found, page, site.FilterChoices()));
        }).ExcludeFromDescription();

        app.MapGet("/add", (Site site) => HtmlPage(Pages.Add(site.Options.WritesNeedToken, site.Options.MaxUploadBytes))).ExcludeFromDescription();

        app.MapPost("/add", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (WriteRefusal(c, site.Options, formToken: null) is { } early && early.Status != 401) return HtmlPage(Pages.Problem("Not allowed", early.Message), early.Status);
            var form = await c.Request.ReadFormAsync(cancel);
            string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
            var filled = new AddForm(F("title"), F("source"), F("published"), F("url"), F("text"), F("fetch"));
            if (WriteRefusal(c, site.Options, F("token")) is { } refusal) return HtmlPage(Pages.Add(site.Options.WritesNeedToken, site.Options.MaxUploadBytes, refusal.Message, filled), refusal.Status);
            IResult Again(string error, int status = 422) => HtmlPage(Pages.Add(site.Options.WritesNeedToken, site.Options.MaxUploadBytes, error, filled), status);

            List<Article> articles = [];
            var problems = new List<string>();
            if (form.Files.Count > 0)
            {
                var (read, issues) = Site.ReadUploads(form.Files.Select(f => (f.FileName, f.OpenReadStream())), site.Options.MaxUploadBytes);
                articles.AddRange(read);
                problems.AddRange(issues);
                if (articles.Count == 0) return Again(problems.Count > 0 ? string.Join("; ", problems) : "the files hold no article");
            }
            else if (filled.Fetch is { } address)
            {
                var (article, error) = await site.FetchAsync(address, cancel);
                if (article is null) return Again(error!);
                articles.Add(article);
            }
            else if (filled.Text is { } text)
            {
                var (article, error) = Site.Paste(text, filled.Title, filled.Source, filled.Published, filled.Url);
                if (article is null) return Again(error!);
                articles.Add(article);
            }
            else
            {
                return Again("nothing to add: paste a text, choose files, or give an address");
            }
            var added = site.Add(articles, cancel);
            if (added.Articles.Count == 1 && problems.Count == 0 && added.Articles[0].Story is { } story)
            {
                return Results.Redirect($"/stories/{Uri.EscapeDataString(story)}?added=1", permanent: false, preserveMethod: false);
            }
            return HtmlPage(Pages.Added(added, problems));
        }).ExcludeFromDescription().DisableAntiforgery();
    }

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
        if (!options.WritesNeedToken) return null;
        if (options.WriteToken is null) return (403, "this server is reachable from other machines and has no write token, so it accepts no writes; start it with PARALLAX_TOKEN set (or --token) to allow adding articles");
        string? given = formToken;
        if (headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = auth["Bearer ".Length..].Trim();
        if (given is null) return (401, "adding articles needs the write token");
        bool same = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(options.WriteToken)));
        return same ? null : (401, "the write token is wrong");
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
