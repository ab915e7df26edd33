using System.Globalization;
using System.Text;
using System.Text.Json;
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
public sealed record StoryListItem(string Id, string Title, string? Date, int Sources, int Articles, int Conflicts, string Summary, string Href);

/// <summary>Search results over articles and facts, best first; each passage has the matched words' offsets.</summary>
public sealed record SearchResponse(string Query, IReadOnlyList<SearchResult> Hits);

/// <summary>A search result: kind is "article" or "fact"; highlights are [start, end) offsets into passage.</summary>
public sealed record SearchResult(string Kind, string? Story, string? Article, string Title, string Passage, IReadOnlyList<int[]> Highlights);

/// <summary>An article to add: its text with optional metadata, or an address to fetch it from (then only "fetch").</summary>
public sealed record ArticleInput(string? Text, string? Title, string? Source, string? Published, string? Url, string? Fetch);

/// <summary>What became of each article sent.</summary>
public sealed record AddResponse(IReadOnlyList<AddedArticle> Results, IReadOnlyList<string> Problems);

/// <summary>An error: one line saying what went wrong and what to do.</summary>
public sealed record ErrorResponse(string Error);

/// <summary>The JSON API: the same data the pages show.</summary>
internal static class Api
{
    public static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), ParallaxServer.Json, statusCode: status);

    private static IResult RawJson(string json) => Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Parallax");

        api.MapGet("/stories", (string? since, string? until, int? limit, int? offset, int? minSources, Site site) =>
        {
            int take = Math.Clamp(limit ?? 30, 1, 500), skip = Math.Max(0, offset ?? 0), min = Math.Clamp(minSources ?? 1, 1, 1000);
            var page = site.Store.Stories(new StoryQuery(ParallaxServer.Date(since), ParallaxServer.Date(until), take, skip, min));
            return Results.Json(new StoryListResponse(page.Total, skip, [.. page.Stories.Select(s => new StoryListItem(
                s.Id, s.Title, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Sources, s.Articles, s.Conflicts, s.Summary, "/stories/" + Uri.EscapeDataString(s.Id)))]), ParallaxServer.Json);
        })
        .WithName("ListStories").WithSummary("Stories ranked by coverage and recency; filter with since/until (YYYY-MM-DD) and minSources, page with limit/offset.")
        .Produces<StoryListResponse>();

        api.MapGet("/stories/{**id}", (string id, Site site) =>
            site.Store.BriefJson(ParallaxServer.Id(id)) is { } json ? RawJson(json) : Error(404, $"no story {id}; list them at /api/stories"))
        .WithName("GetStory").WithSummary("A story's brief (the v1 brief contract: summary, facts with sources and supporting spans, conflicts, quotes, timeline, names).")
        .Produces<JsonElement>().Produces<ErrorResponse>(404);

        api.MapGet("/articles/{**id}", (string id, Site site) =>
        {
            id = ParallaxServer.Id(id);
            var stored = site.Store.Article(id);
            if (stored is null) return Error(404, $"no article {id}");
            var analysis = site.Analysis(stored)!;
            string json = JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                if (stored.Story is null) w.WriteNull("story");
                else w.WriteString("story", stored.Story);
                w.WriteString("added", stored.Added.ToString("o", CultureInfo.InvariantCulture));
                w.WritePropertyName("analysis");
                w.WriteRawValue(AnalysisRenderer.Json(analysis));
                w.WriteEndObject();
            }, indented: false);
            return RawJson(json);
        })
        .WithName("GetArticle").WithSummary("An article with its story and its analysis: sentences, entities, quotes with speakers, quantities and times, as spans of its text.")
        .Produces<JsonElement>().Produces<ErrorResponse>(404);

        api.MapGet("/search", (string? q, int? limit, Site site) =>
        {
            string query = q ?? "";
            if (FtsQuery.From(query) is null) return Error(400, "give words to look for in q");
            var hits = site.Store.Search(query, Math.Clamp(limit ?? 20, 1, 200));
            return Results.Json(new SearchResponse(query, [.. hits.Select(Result)]), ParallaxServer.Json);
        })
        .WithName("Search").WithSummary("Full-text search over articles and the facts of briefs; all words must match, \"quoted words\" as a phrase.")
        .Produces<SearchResponse>().Produces<ErrorResponse>(400);

        api.MapPost("/articles", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (ParallaxServer.WriteRefusal(c, site.Options, null) is { } refusal) return Error(refusal.Status, refusal.Message);
            var body = await ReadBounded(c, site.Options.MaxUploadBytes, cancel);
            if (body is null) return Error(413, $"the body is larger than {site.Options.MaxUploadBytes / (1024 * 1024)} MB");
            List<ArticleInput> inputs;
            try
            {
                using var doc = JsonDocument.Parse(body);
                inputs = doc.RootElement.ValueKind == JsonValueKind.Array
                    ? doc.RootElement.Deserialize<List<ArticleInput>>(ParallaxServer.Json) ?? []
                    : [doc.RootElement.Deserialize<ArticleInput>(ParallaxServer.Json)!];
            }
            catch (JsonException e)
            {
                return Error(400, $"the body is not an article as JSON ({e.Message}); send {{\"text\": \"...\", \"title\": \"...\"}} or {{\"fetch\": \"https://...\"}}");
            }
            var articles = new List<Article>();
            var problems = new List<string>();
            foreach (var (input, i) in inputs.Select((x, i) => (x, i)))
            {
                var (article, error) = input.Fetch is { } address ? await site.FetchAsync(address, cancel)
                    : !string.IsNullOrWhiteSpace(input.Text) ? Site.Paste(input.Text, input.Title, input.Source, input.Published, input.Url)
                    : (null, "give text, or fetch with an address");
                if (article is null) problems.Add($"article {i + 1}: {error}");
                else articles.Add(article);
            }
            if (articles.Count == 0) return Results.Json(new AddResponse([], problems), ParallaxServer.Json, statusCode: 422);
            var added = site.Add(articles, cancel);
            return Results.Json(new AddResponse(added, problems), ParallaxServer.Json, statusCode: added.Any(a => a.Status == "added") ? 201 : 200);
        })
        .WithName("AddArticles").WithSummary("Add one article or an array of them: {text, title, source, published, url}, or {fetch: address} to fetch a public page. Needs the write token when the server has one.")
        .Accepts<ArticleInput>("application/json").Produces<AddResponse>(201).Produces<ErrorResponse>(401).Produces<ErrorResponse>(403).Produces<ErrorResponse>(413);

        api.MapPost("/articles/files", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (ParallaxServer.WriteRefusal(c, site.Options, null) is { } refusal) return Error(refusal.Status, refusal.Message);
            if (!c.Request.HasFormContentType) return Error(400, "send the files as multipart/form-data");
            var form = await c.Request.ReadFormAsync(cancel);
            if (form.Files.Count == 0) return Error(400, "no files in the form");
            var (articles, problems) = Site.ReadUploads(form.Files.Select(f => (f.FileName, f.OpenReadStream())));
            if (articles.Count == 0) return Results.Json(new AddResponse([], problems), ParallaxServer.Json, statusCode: 422);
            var added = site.Add(articles, cancel);
            return Results.Json(new AddResponse(added, problems), ParallaxServer.Json, statusCode: added.Any(a => a.Status == "added") ? 201 : 200);
        })
        .WithName("UploadArticles").WithSummary("Add articles from uploaded .txt, .html or .jsonl files (gzipped or not), as multipart/form-data. Needs the write token when the server has one.")
        .Produces<AddResponse>(201).Produces<ErrorResponse>(401).Produces<ErrorResponse>(413).DisableAntiforgery();
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
        return new SearchResult(h.Kind == SearchHitKind.Article ? "article" : "fact", h.Story, h.Article, h.Title, plain.ToString(), marks);
    }

    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes (read no further than that).</summary>
    private static async Task<byte[]?> ReadBounded(HttpContext c, long max, CancellationToken cancel) =>
        c.Request.ContentLength > max ? null : await BoundedRead.ReadAllAsync(c.Request.Body, max, cancel);
}
