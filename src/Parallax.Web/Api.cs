using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parallax.Model;
using Parallax.Reading;
using Parallax.Rendering;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>A page of stories, best first.</summary>
public sealed record StoryListResponse(int Total, int Offset, IReadOnlyList<StoryListItem> Stories);

/// <summary>One story in a list: what the home page shows for it.</summary>
public sealed record StoryListItem(string Id, string Title, string? Date, int Sources, int Articles, int Conflicts, string Summary, string Href, IReadOnlyList<string> Outlets)
{
    /// <summary>The commonest topic its input labels its articles with, if any.</summary>
    public string? Topic { get; init; }

    /// <summary>Who carries it: each outlet with its articles in the story and its leaning when the input rates it.</summary>
    public IReadOnlyList<CoverageItem> Coverage { get; init; } = [];
}

/// <summary>One outlet in a story: articles is its count there (copies aside); leaning is left, lean left, center, lean right, right or null.</summary>
public sealed record CoverageItem(string Outlet, int Articles, string? Leaning);

/// <summary>Search results over articles and facts, best first; each passage has the matched words' offsets.</summary>
public sealed record SearchResponse(string Query, int Total, int Offset, IReadOnlyList<SearchResult> Hits);

/// <summary>A search result: kind is "article" or "fact"; highlights are [start, end) offsets into passage.</summary>
public sealed record SearchResult(string Kind, string? Story, string? Article, string Title, string Passage, IReadOnlyList<int[]> Highlights, string? Source, string? Date);

/// <summary>An article to add: its text with optional metadata, or an address to fetch it from (then only "fetch").</summary>
public sealed record ArticleInput(string? Text, string? Title, string? Source, string? Published, string? Url, string? Fetch);

/// <summary>
/// What became of each article sent; pending is true when their stories are still being worked out (another ingest was
/// running); briefing is true when each article is in its story but a rebuilt brief is still on its way (within a second or so).
/// </summary>
public sealed record AddResponse(IReadOnlyList<AddedArticle> Results, IReadOnlyList<string> Problems, bool Pending = false, bool Briefing = false);

/// <summary>An article set aside: the stage that could not process it and why.</summary>
public sealed record QuarantineItem(string Id, string Stage, string Reason, string Href);

/// <summary>An error: one line saying what went wrong and what to do.</summary>
public sealed record ErrorResponse(string Error);

/// <summary>A stored article: the story it belongs to (null while pending), when it was added, and its analysis.</summary>
public sealed record ArticleResponse(string? Story, string Added, Parallax.Rendering.Contract.ArticleAnalysis Analysis);

/// <summary>The JSON API: the same data the pages show.</summary>
internal static class Api
{
    /// <summary>A filter's text, or null when it is empty or longer than any outlet or topic name.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > 200 ? null : value.Trim();

    private static bool IsFlag(string value) => value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "0" or "false" or "no" or "off" or "";

    /// <summary>Whether a search's sort asks for the newest first ("date") rather than the best match ("relevance", the default).</summary>
    public static bool Newest(string? sort) => string.Equals(sort?.Trim(), "date", StringComparison.OrdinalIgnoreCase);

    /// <summary>A yes/no filter: 1, true, yes or on (a checkbox's value) mean yes.</summary>
    public static bool Flag(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    public static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), ParallaxServer.Json, statusCode: status);

    private static IResult RawJson(string json) => Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Parallax");

        api.MapGet("/stories", async (string? since, string? until, int? limit, int? offset, int? minSources, string? outlet, string? topic, string? conflicts, Site site, CancellationToken cancel) =>
        {
            if (!Day(since, "since", out var from, out var problem) || !Day(until, "until", out var to, out problem)) return Error(400, problem!);
            if ((Outside(limit, "limit", 1, 500) ?? Outside(offset, "offset", 0, 10_000_000) ?? Outside(minSources, "minSources", 1, 1000)) is { } range) return Error(400, range);
            if (conflicts is not null && !IsFlag(conflicts)) return Error(400, $"conflicts \"{conflicts}\" is not 1/true or 0/false");
            int take = limit ?? 30, skip = offset ?? 0, min = minSources ?? 1;
            var query = new StoryQuery(from, to, take, skip, min) { Outlet = Text(outlet), Topic = Text(topic), HasConflicts = Flag(conflicts) };
            var page = await site.ReadAsync(store => store.Stories(query), cancel);
            return Results.Json(new StoryListResponse(page.Total, skip, [.. page.Stories.Select(s => new StoryListItem(
                s.Id, s.Title, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Sources, s.Articles, s.Conflicts, s.Summary, "/stories/" + Uri.EscapeDataString(s.Id), s.Outlets)
            {
                Topic = s.Topic,
                Coverage = [.. s.Coverage.Select(o => new CoverageItem(o.Name, o.Articles, o.Leaning))],
            })]), ParallaxServer.Json);
        })
        .WithName("ListStories").WithSummary("Stories ranked by coverage and recency; filter with since/until (YYYY-MM-DD), minSources, outlet (its name, any case), topic and conflicts=1 (only stories with a conflict); page with limit/offset.")
        .Produces<StoryListResponse>().Produces<ErrorResponse>(400);

        api.MapGet("/stories/{**id}", async (string id, Site site, CancellationToken cancel) =>
            await site.ReadAsync(store => store.BriefJson(ParallaxServer.Id(id)), cancel) is { } json ? RawJson(json) : Error(404, $"no story {id}; list them at /api/stories"))
        .WithName("GetStory").WithSummary("A story's brief (the version 2 brief contract: summary, facts with sources and supporting spans, conflicts, quotes, timeline, names).")
        .Produces<Parallax.Rendering.Contract.StoryBrief>().Produces<ErrorResponse>(404);

        api.MapGet("/articles/{**id}", async (string id, Site site, CancellationToken cancel) =>
        {
            id = ParallaxServer.Id(id);
            var stored = await site.ReadAsync(store => store.Article(id), cancel);
            if (stored is null) return Error(404, $"no article {id}");
            var analysis = site.Analysis(stored)!;
            return Results.Json(new ArticleResponse(stored.Story, stored.Added.ToString("o", CultureInfo.InvariantCulture), AnalysisRenderer.Of(analysis)), ParallaxServer.Json);
        })
        .WithName("GetArticle").WithSummary("An article with its story and its analysis: sentences, entities, quotes with speakers, quantities and times, as spans of its text.")
        .Produces<ArticleResponse>().Produces<ErrorResponse>(404);

        api.MapGet("/search", async (string? q, int? limit, int? offset, string? since, string? until, string? outlet, string? topic, int? minSources, string? conflicts, string? sort, Site site, CancellationToken cancel) =>
        {
            if ((Outside(limit, "limit", 1, 200) ?? Outside(offset, "offset", 0, SqliteStore.MaxSearchOffset) ?? Outside(minSources, "minSources", 1, 1000)) is { } range) return Error(400, range);
            if (conflicts is not null && !IsFlag(conflicts)) return Error(400, $"conflicts \"{conflicts}\" is not 1/true or 0/false");
            if (!Day(since, "since", out var from, out var problem) || !Day(until, "until", out var to, out problem)) return Error(400, problem!);
            if (sort is not null && sort is not ("relevance" or "date")) return Error(400, $"sort \"{sort}\" is not relevance or date");
            string query = q ?? "";
            if (FtsQuery.From(query) is null) return Error(400, "give words to look for in q");
            var found = await site.SearchAsync(new SearchQuery(query, limit ?? 20, offset ?? 0) { Since = from, Until = to, Outlet = Text(outlet), Topic = Text(topic), MinSources = minSources ?? 1, HasConflicts = Flag(conflicts), Newest = Newest(sort) }, cancel);
            return Results.Json(new SearchResponse(query, found.Total, offset ?? 0, [.. found.Hits.Select(Result)]), ParallaxServer.Json);
        })
        .WithName("Search").WithSummary("Full-text search over articles and the facts of briefs; all words must match, \"quoted words\" as a phrase; sort=relevance (the default) or date (newest first); filter with since/until (YYYY-MM-DD) and outlet, and by the result's story with topic, minSources and conflicts=1; page with limit/offset, total counts all results.")
        .Produces<SearchResponse>().Produces<ErrorResponse>(400);

        api.MapGet("/quarantine", async (int? limit, Site site, CancellationToken cancel) =>
        {
            if (Outside(limit, "limit", 1, 1000) is { } range) return Error(400, range);
            var quarantined = await site.ReadAsync(store => store.Quarantined(limit ?? 100), cancel);
            return Results.Json(quarantined.Select(q => new QuarantineItem(q.Id, q.Stage, q.Reason, "/articles/" + Uri.EscapeDataString(q.Id))), ParallaxServer.Json);
        })
        .WithName("ListQuarantined").WithSummary("Articles stored but set aside because they could not be analysed or briefed, with the stage and the reason; they are in no story.")
        .Produces<IReadOnlyList<QuarantineItem>>().Produces<ErrorResponse>(400);

        api.MapPost("/articles", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (ParallaxServer.WriteRefusal(c, site.Options, null) is { } refusal) return Error(refusal.Status, refusal.Message);
            if (!ArticleJson.IsJson(c.Request.ContentType)) return Error(415, "send the article as JSON, with Content-Type: application/json");
            var body = await ReadBounded(c, site.Options.MaxUploadBytes, cancel);
            if (body is null) return Error(413, $"the body is larger than {site.Options.MaxUploadBytes / (1024 * 1024)} MB");
            var (inputs, problem, notes) = ArticleJson.Read(body, MaxArticlesPerPost);
            if (problem is not null) return Error(400, problem);
            var articles = new List<Article>();
            var problems = new List<string>();
            foreach (var (input, i) in inputs.Select((x, i) => (x, i)))
            {
                var (article, error) = input.Fetch is { } address ? await site.FetchAsync(address, cancel)
                    : input.Text is not null ? (Site.Pasted(input.Text, input.Title, input.Source, input.Published, input.Url), null)
                    : (null, "give text, or fetch with an address");
                if (article is null) problems.Add($"article {i + 1}: {error}");
                else articles.Add(article);
            }
            if (articles.Count == 0) return Results.Json(new AddResponse([], problems), ParallaxServer.Json, statusCode: 422);
            return Added(await site.AddAsync(articles, cancel), [.. problems, .. notes]);
        })
        .WithName("AddArticles").WithSummary("Add one article or an array of them (as application/json): {text, title, source, published, url}, or {fetch: address} to fetch a public page. published is YYYY-MM-DD or an ISO 8601 time (its calendar day as written); null, \"\" or absent is undated; a value of another kind, or that is no date or time, is refused (400, naming the field). A title or outlet over 1,000 characters is cut to 1,000 (the answer gives the title as stored, and says so in problems). Needs the write token when the server has one.")
        .AddOpenApiOperationTransformer(async (operation, context, cancel) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(ArticleInput), null, cancel);
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        })
        .Produces<AddResponse>(201).Produces<ErrorResponse>(400).Produces<ErrorResponse>(401).Produces<ErrorResponse>(403).Produces<ErrorResponse>(413).Produces<ErrorResponse>(415).Produces<ErrorResponse>(503);

        api.MapPost("/articles/files", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (ParallaxServer.WriteRefusal(c, site.Options, null) is { } refusal) return Error(refusal.Status, refusal.Message);
            if (!c.Request.HasFormContentType) return Error(415, "send the files as multipart/form-data");
            var form = await ParallaxServer.ReadFormAsync(c, cancel);
            if (form.Files.Count == 0) return Error(400, "no files in the form");
            var (added, problems) = await site.AddUploadsAsync([.. form.Files.Select(f => (f.FileName, f.OpenReadStream()))], cancel);
            if (added.Articles.Count == 0) return Results.Json(new AddResponse([], problems), ParallaxServer.Json, statusCode: 422);
            return Added(added, problems);
        })
        .WithName("UploadArticles").WithSummary($"Add articles from uploaded .txt, .html or .jsonl files (gzipped or not), as multipart/form-data, at most {ParallaxServer.MaxFormParts} parts (files and fields) a request. Needs the write token when the server has one.")
        .Produces<AddResponse>(201).Produces<ErrorResponse>(401).Produces<ErrorResponse>(413).Produces<ErrorResponse>(415).Produces<ErrorResponse>(503).DisableAntiforgery();
    }

    /// <summary>A filter's day, or why it is refused; absent is fine.</summary>
    internal static bool Day(string? text, string name, out DateOnly? day, out string? problem)
    {
        day = null;
        problem = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (DateParsing.TryParseIso(text, out var d))
        {
            day = d;
            return true;
        }
        problem = $"{name} \"{(text.Length > 40 ? text[..40] + "…" : text)}\" is not a date; {DateParsing.IsoHint}";
        return false;
    }

    /// <summary>Why a number is refused, or null when it is absent or within [min, max].</summary>
    internal static string? Outside(int? value, string name, int min, int max) =>
        value is { } v && (v < min || v > max) ? $"{name} must be a whole number from {min} to {max}" : null;

    /// <summary>Most articles one request may add.</summary>
    public const int MaxArticlesPerPost = 1000;

    /// <summary>201 when something was added, 202 when it was stored but its story is still to come, 200 when all were repeats; 422 when all were refused.</summary>
    private static IResult Added(AddResult added, IReadOnlyList<string> given)
    {
        var problems = added.Deferred ? [.. given, AddResult.DeferredNote] : given;
        var response = new AddResponse(added.Articles, problems, added.Deferred, added.Briefing);
        int status = added.Articles.All(a => a.Status == "refused") ? 422
            : added.Articles.Any(a => a.Status == "added") ? (added.Deferred ? 202 : 201) : 200;
        return Results.Json(response, ParallaxServer.Json, statusCode: status);
    }

    private static SearchResult Result(SearchHit h)
    {
        var plain = new StringBuilder();
        var marks = new List<int[]>();
        int start = -1;
        foreach (char ch in h.Snippet)
        {
            if (ch == SearchHit.MarkStart) start = plain.Length;
            else if (ch == SearchHit.MarkEnd && start >= 0)
            {
                marks.Add([start, plain.Length]);
                start = -1;
            }
            else plain.Append(ch);
        }
        return new SearchResult(h.Kind == SearchHitKind.Article ? "article" : "fact", h.Story, h.Article, h.Title, plain.ToString(), marks, h.Source, h.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes (read no further than that).</summary>
    private static async Task<byte[]?> ReadBounded(HttpContext c, long max, CancellationToken cancel) =>
        c.Request.ContentLength > max ? null : await BoundedRead.ReadAllAsync(c.Request.Body, max, cancel);
}
