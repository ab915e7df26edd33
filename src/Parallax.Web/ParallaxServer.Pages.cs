using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parallax.Model;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>The site's pages: stories, a story, an article, search, and the add form.</summary>
public static partial class ParallaxServer
{
    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", (HttpContext c, Site site) =>
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
                Topic = Api.Text(q["topic"]),
                MinSources = MinSources(q),
                HasConflicts = Api.Flag(q["conflicts"]),
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
            // A person pasting waits for the brief, so the story they are sent to shows their article.
            var added = site.Add(articles, cancel, TimeSpan.FromSeconds(20));
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
