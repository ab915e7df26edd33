using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>The site's pages: stories, a story, an article, search, and the add form.</summary>
public static partial class ParallaxServer
{
    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            var q = c.Request.Query;
            if (!Api.Day(q["since"], "From", out var since, out var problem) || !Api.Day(q["until"], "To", out var until, out problem))
            {
                return HtmlPage(Pages.Problem("Not a date", problem! + "."), 400);
            }
            int min = MinSources(q);
            int page = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 100_000) : 1;
            int size = site.Options.PageSize;
            var query = new StoryQuery(since, until, size, (page - 1) * size, min)
            {
                Outlet = Api.Text(q["outlet"]),
                Topic = Api.Text(q["topic"]),
                HasConflicts = Api.Flag(q["conflicts"]),
            };
            var (stories, pending) = await site.ReadAsync(store => (store.Stories(query), store.StoriesPending), cancel);
            return HtmlPage(Pages.Home(stories, query, page, size, pending, await site.FilterChoicesAsync(cancel)));
        }).ExcludeFromDescription();

        app.MapGet("/stories/{**id}", async (string id, HttpContext c, Site site, CancellationToken cancel) =>
        {
            id = Id(id);
            var (story, brief) = await site.ReadAsync(store => store.Story(id) is { } found ? (found, store.OpenBriefHtml(id)) : (null, null), cancel);
            if (story is null || brief is null) return HtmlPage(Pages.Problem("No such story", $"There is no story {id}; it may have merged into another as articles arrived."), 404);
            string? notice = c.Request.Query["added"].Count > 0 ? "Your articles were added to this story." : null;
            return Results.Stream(async output =>
            {
                await using (brief) await Pages.WriteStory(output, story.Summary, brief, notice, c.RequestAborted);
            }, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/articles/{**id}", async (string id, Site site, CancellationToken cancel) =>
        {
            id = Id(id);
            var (stored, storyTitle) = await site.ReadAsync(store => store.Article(id) is { } found ? (found, found.Story is { } s ? store.Story(s)?.Summary.Title : null) : (null, null), cancel);
            if (stored is null) return HtmlPage(Pages.Problem("No such article", $"There is no article {id} in this store."), 404);
            return HtmlPage(Pages.Article(stored, site.Analysis(stored)!, storyTitle));
        }).ExcludeFromDescription();

        app.MapGet("/search", async (HttpContext c, Site site, CancellationToken cancel) =>
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
                Topic = Api.Text(q["topic"]),
                MinSources = MinSources(q),
                HasConflicts = Api.Flag(q["conflicts"]),
                Newest = Api.Newest(q["sort"]),
            };
            var found = FtsQuery.From(query) is null ? new SearchPage([], 0) : await site.SearchAsync(search, cancel);
            return HtmlPage(Pages.Search(search, found, page, await site.FilterChoicesAsync(cancel)));
        }).ExcludeFromDescription();

        app.MapGet("/add", (Site site) => HtmlPage(Pages.Add(site.Options))).ExcludeFromDescription();

        app.MapPost("/add", async (HttpContext c, Site site, CancellationToken cancel) =>
        {
            if (WriteRefusal(c, site.Options, formToken: null) is { } early && early.Status != 401) return HtmlPage(Pages.Problem("Not allowed", early.Message), early.Status);
            var form = await ReadFormAsync(c, cancel);
            string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
            var filled = new AddForm(F("title"), F("source"), F("published"), F("url"), F("text"), F("fetch"));
            if (WriteRefusal(c, site.Options, F("token")) is { } refusal) return HtmlPage(Pages.Add(site.Options, refusal.Message, filled), refusal.Status);
            IResult Again(string error, int status = 422) => HtmlPage(Pages.Add(site.Options, error, filled), status);

            // A person adding waits for the brief, so the story they are sent to shows their article.
            var briefWait = TimeSpan.FromSeconds(20);
            AddResult added;
            IReadOnlyList<string> problems = [];
            if (form.Files.Count > 0)
            {
                (added, problems) = await site.AddUploadsAsync([.. form.Files.Select(f => (f.FileName, f.OpenReadStream()))], cancel, briefWait);
                if (added.Articles.Count == 0) return Again(problems.Count > 0 ? string.Join("; ", problems) : "the files hold no article");
            }
            else
            {
                var (article, error) = filled.Fetch is { } address ? await site.FetchAsync(address, cancel)
                    : filled.Text is { } text ? Site.Paste(text, filled.Title, filled.Source, filled.Published, filled.Url)
                    : (null, "nothing to add: paste a text, choose files, or give an address");
                if (article is null) return Again(error!);
                added = await site.AddAsync([article], cancel, briefWait);
            }
            if (added.Articles.Count == 1 && problems.Count == 0 && added.Articles[0].Story is { } story)
            {
                return Results.Redirect($"/stories/{Uri.EscapeDataString(story)}?added=1", permanent: false, preserveMethod: false);
            }
            return HtmlPage(Pages.Added(added, problems));
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    /// <summary>
    /// A page's "at least N sources" filter, 1 to 1,000 (1 when absent or not a number). "min" is what links made before
    /// the filter took the API's name.
    /// </summary>
    private static int MinSources(IQueryCollection q)
    {
        string? text = q["minSources"].Count > 0 ? q["minSources"] : q["min"];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 1000) : 1;
    }
}
