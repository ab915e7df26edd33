using System.Globalization;
using System.Text;
using Parallax.Model;
using Parallax.Rendering;
using Parallax.Storage;
using static Parallax.Web.Html;

namespace Parallax.Web;

/// <summary>The site's pages, as HTML strings. Everything from articles and from the request is escaped.</summary>
internal static class Pages
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", Ci) ?? "undated";

    /// <summary>What the front page's filters offer: the topics and outlets stories carry, commonest first.</summary>
    public sealed record Choices(IReadOnlyList<(string Topic, int Stories)> Topics, IReadOnlyList<(string Outlet, int Stories)> Outlets);

    public static string Home(StoryPage page, StoryQuery query, int pageNumber, int pageSize, bool pending, Choices choices)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Stories</h1>");
        sb.Append("<form class=\"filters\" method=\"get\" action=\"/\" aria-label=\"Filter stories\">");
        var filters = new Filters(query.Since, query.Until, query.Outlet, query.Topic, query.MinSources, query.HasConflicts);
        filters.Fields(sb, choices);
        sb.Append("<button type=\"submit\">Filter</button>");
        if (query.Filtered) sb.Append("<a class=\"clear\" href=\"/\">Clear filters</a>");
        sb.Append("</form>");
        if (pending) sb.Append("<p class=\"notice\">Some articles are not in their stories yet: an ingest is running, or was interrupted (then run <code>parallax ingest</code> again to finish).</p>");
        if (page.Total == 0)
        {
            sb.Append(!query.Filtered
                ? "<p>No stories yet. <a href=\"/add\">Add articles</a>, or run <code>parallax ingest FOLDER</code> on this store.</p>"
                : "<p>No story matches these filters.</p>");
            return Page("Stories", sb.ToString());
        }
        sb.Append("<p class=\"meta\">").Append(page.Total.ToString("N0", Ci)).Append(page.Total == 1 ? " story" : " stories").Append(", ranked by how many sources carry them and how recent they are.</p>");
        sb.Append("<ol class=\"stories\" start=\"").Append((pageNumber - 1) * pageSize + 1).Append("\">");
        foreach (var s in page.Stories) StoryLine(sb, s);
        sb.Append("</ol>");
        string Link(int n) => "/?" + string.Join("&", filters.Parameters().Append("page=" + n.ToString(Ci)));
        Pager(sb, pageNumber, (page.Total + pageSize - 1) / pageSize, Link, "← Newer", "Older →");
        return Page("Stories", sb.ToString());
    }

    /// <summary>One story in a list: its headline, date, who carries it (with a strip of their leanings), conflicts and its line.</summary>
    private static void StoryLine(StringBuilder sb, StorySummary s)
    {
        sb.Append("<li><a class=\"title\" href=\"/stories/").Append(Uri.EscapeDataString(s.Id)).Append("\">").Append(E(s.Title)).Append("</a><div class=\"meta\">")
          .Append(Day(s.Date)).Append(" · <span class=\"badge\">").Append(s.Sources).Append(s.Sources == 1 ? " source" : " sources").Append("</span>");
        if (s.Articles != s.Sources) sb.Append(" <span class=\"badge\">").Append(s.Articles).Append(" articles</span>");
        if (s.Conflicts > 0) sb.Append(" <span class=\"badge conflicts\">").Append(s.Conflicts).Append(s.Conflicts == 1 ? " conflict" : " conflicts").Append("</span>");
        if (s.Topic is { } topic) sb.Append(" <a class=\"badge topic\" href=\"/?topic=").Append(Uri.EscapeDataString(topic)).Append("\">").Append(E(Briefing.Topics.Label(topic))).Append("</a>");
        if (s.Outlets.Count > 0)
        {
            // Who carries it, by name: the first few, and how many more.
            const int named = 4;
            sb.Append(" · <span class=\"outlets\">").Append(E(string.Join(", ", s.Outlets.Take(named))));
            if (s.Outlets.Count > named) sb.Append(" and ").Append(s.Outlets.Count - named).Append(" more");
            sb.Append("</span>");
        }
        sb.Append("</div>");
        Strip(sb, s.Coverage);
        if (s.Summary.Length > 0) sb.Append("<p class=\"line\">").Append(E(s.Summary)).Append("</p>");
        sb.Append("</li>");
    }

    /// <summary>
    /// The coverage strip: one segment per article, grouped left to right by its outlet's leaning, with the counts in words
    /// beside it (colour is never the only sign). Drawn only when the input rates some outlet.
    /// </summary>
    internal static void Strip(StringBuilder sb, IReadOnlyList<Briefing.OutletShare> coverage)
    {
        if (!coverage.Any(o => o.Leaning is not null)) return;
        var groups = Briefing.Leanings.Scale.Select(l => (Leaning: (string?)l, Outlets: coverage.Where(o => o.Leaning == l).ToList()))
            .Append((Leaning: null, Outlets: coverage.Where(o => o.Leaning is null).ToList())).Where(g => g.Outlets.Count > 0).ToList();
        int total = coverage.Sum(o => o.Articles);
        string words = string.Join(", ", groups.Select(g => $"{g.Outlets.Sum(o => o.Articles)} {g.Leaning ?? "unrated"}"));
        sb.Append("<div class=\"coverage\"><svg class=\"strip\" viewBox=\"0 0 ").Append(total * 10).Append(" 8\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Coverage by leaning: ")
          .Append(E(words)).Append("\">");
        int x = 0;
        foreach (var (leaning, outlets) in groups)
        {
            foreach (var o in outlets)
            {
                sb.Append("<rect class=\"lean-").Append(leaning?.Replace(' ', '-') ?? "unrated").Append("\" x=\"").Append(x).Append("\" y=\"0\" width=\"").Append(o.Articles * 10 - 1).Append("\" height=\"8\"><title>")
                  .Append(E(o.Name)).Append(" (").Append(leaning ?? "unrated").Append(o.Articles > 1 ? $", {o.Articles} articles" : "").Append(")</title></rect>");
                x += o.Articles * 10;
            }
        }
        sb.Append("</svg><span class=\"lean-words\">").Append(E(words)).Append("</span></div>");
    }

    /// <summary>Links to the page before and after, and where this one is; nothing when everything fits on one page.</summary>
    private static void Pager(StringBuilder sb, int pageNumber, int pages, Func<int, string> link, string previous, string next)
    {
        if (pages <= 1) return;
        sb.Append("<nav class=\"pager\" aria-label=\"Pages\">");
        if (pageNumber > 1) sb.Append("<a rel=\"prev\" href=\"").Append(E(link(pageNumber - 1))).Append("\">").Append(previous).Append("</a>");
        sb.Append("<span>Page ").Append(pageNumber.ToString("N0", Ci)).Append(" of ").Append(pages.ToString("N0", Ci)).Append("</span>");
        if (pageNumber < pages) sb.Append("<a rel=\"next\" href=\"").Append(E(link(pageNumber + 1))).Append("\">").Append(next).Append("</a>");
        sb.Append("</nav>");
    }

    /// <summary>A story page, written around its stored brief fragment, which is copied to the response as it decompresses.</summary>
    public static async Task WriteStory(Stream output, StorySummary story, Stream briefHtml, string? notice, CancellationToken cancel)
    {
        var (head, tail) = Frame(story.Title, briefScript: true);
        var before = new StringBuilder(head);
        if (notice is not null) before.Append("<p class=\"notice\">").Append(E(notice)).Append("</p>");
        await output.WriteAsync(Encoding.UTF8.GetBytes(before.ToString()), cancel);
        await briefHtml.CopyToAsync(output, cancel);
        string after = "<p class=\"meta\">This brief as JSON: <a href=\"/api/stories/" + Uri.EscapeDataString(story.Id) + "\">/api/stories/" + E(story.Id) + "</a></p>" + tail;
        await output.WriteAsync(Encoding.UTF8.GetBytes(after), cancel);
    }

    public static string Article(StoredArticle stored, AnalyzedArticle a, string? storyTitle)
    {
        var art = stored.Article;
        var sb = new StringBuilder(art.Text.Length * 3);
        sb.Append("<article class=\"analysed\"><h1>").Append(E(art.Title ?? art.Id)).Append("</h1><p class=\"meta\">").Append(E(art.Source ?? "unknown outlet")).Append(" · ").Append(Day(art.Published));
        if (SafeHref(art.Url) is { } href) sb.Append(" · <a href=\"").Append(E(href)).Append("\" rel=\"noopener noreferrer nofollow\">original</a>");
        sb.Append(" · ").Append(E(art.Id)).Append("</p>");
        if (stored.Story is { } story)
        {
            sb.Append("<p>In the story <a href=\"/stories/").Append(Uri.EscapeDataString(story)).Append("\">").Append(E(storyTitle ?? story)).Append("</a>.</p>");
        }
        sb.Append("<p class=\"legend\">Marked: <span class=\"person\">person</span><span class=\"organization\">organisation</span><span class=\"place\">place</span><span class=\"quote\">quotation</span><span class=\"qty\">quantity</span><span class=\"time\">time</span> (hover for what was read)</p>");
        sb.Append(AnalysisHtml.MarkedText(a));

        sb.Append("<h2>Quotations</h2>");
        if (a.Quotes.Count == 0) sb.Append("<p class=\"none\">None found.</p>");
        else
        {
            sb.Append("<table class=\"found\"><tr><th>Speaker</th><th>Words</th><th>Cue</th></tr>");
            foreach (var q in a.Quotes)
            {
                sb.Append("<tr><td>").Append(E(q.Speaker ?? "(unattributed)")).Append("</td><td>").Append(q.Direct ? "<q>" + E(q.Text) + "</q>" : "<em>(reported)</em> " + E(q.Text)).Append("</td><td>").Append(E(q.Cue)).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("<h2>Names</h2>");
        var names = a.Entities.GroupBy(e => (e.Name, e.Type)).OrderBy(g => g.Key.Type).ThenByDescending(g => g.Count()).ToList();
        if (names.Count == 0) sb.Append("<p class=\"none\">None found.</p>");
        else
        {
            sb.Append("<table class=\"found\"><tr><th>Name</th><th>Kind</th><th>Mentions</th><th>Title</th></tr>");
            foreach (var g in names)
            {
                sb.Append("<tr><td>").Append(E(g.Key.Name)).Append("</td><td>").Append(g.Key.Type.ToString().ToLowerInvariant()).Append("</td><td>").Append(g.Count()).Append("</td><td>")
                  .Append(E(g.Select(e => e.Title).FirstOrDefault(t => t is not null))).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("<h2>Quantities</h2>");
        if (a.Quantities.Count == 0) sb.Append("<p class=\"none\">None found.</p>");
        else
        {
            sb.Append("<table class=\"found\"><tr><th>Text</th><th>Read as</th></tr>");
            foreach (var q in a.Quantities) sb.Append("<tr><td>").Append(E(q.Text)).Append("</td><td>").Append(E(AnalysisHtml.Quantity(q))).Append("</td></tr>");
            sb.Append("</table>");
        }
        sb.Append("<h2>Times</h2>");
        if (a.Times.Count == 0) sb.Append("<p class=\"none\">None found.</p>");
        else
        {
            sb.Append("<table class=\"found\"><tr><th>Text</th><th>Type</th><th>Value</th></tr>");
            foreach (var t in a.Times)
            {
                sb.Append("<tr><td>").Append(E(t.Text)).Append("</td><td>").Append(t.Type.ToString().ToLowerInvariant()).Append("</td><td><code>").Append(E(t.Value)).Append("</code> ")
                  .Append(E(Briefing.TimeLabel.Of(t.Value))).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("<p class=\"meta\">As JSON: <a href=\"/api/articles/").Append(Uri.EscapeDataString(art.Id)).Append("\">/api/articles/").Append(E(art.Id)).Append("</a></p></article>");
        return Page(art.Title ?? art.Id, sb.ToString());
    }

    public static string Add(ServerOptions options, string? error = null, AddForm? form = null)
    {
        bool needsToken = options.WritesNeedToken;
        long maxBytes = options.MaxUploadBytes;
        var sb = new StringBuilder();
        sb.Append("<div class=\"add\"><h1>Add articles</h1>");
        sb.Append("<p>Articles join the stories they belong to, and those stories' briefs are rebuilt. An article already stored (the same text or the same address) is recognised and not stored twice. Up to ")
          .Append(maxBytes / (1024 * 1024)).Append(" MB at a time.</p>");
        sb.Append("<p class=\"meta\">").Append(needsToken
            ? "On this server, adding articles needs the token: the write token the server was started with."
            : "On this server, adding articles is open to this machine only: it listens on loopback, has no write token, and takes no writes from elsewhere.").Append("</p>");
        if (error is not null) sb.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        string Token() => needsToken
            ? "<label>Write token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label>"
            : "";
        sb.Append("<section><h2>Paste an article</h2><form method=\"post\" action=\"/add\" enctype=\"multipart/form-data\">");
        sb.Append("<label>Title <input type=\"text\" name=\"title\" value=\"").Append(E(form?.Title)).Append("\"></label>");
        sb.Append("<label>Outlet <input type=\"text\" name=\"source\" value=\"").Append(E(form?.Source)).Append("\"></label>");
        sb.Append("<label>Published <input type=\"date\" name=\"published\" value=\"").Append(E(form?.Published)).Append("\"></label>");
        sb.Append("<label>Address (optional) <input type=\"url\" name=\"url\" value=\"").Append(E(form?.Url)).Append("\"></label>");
        sb.Append("<label>Text <textarea name=\"text\" required>").Append(E(form?.Text)).Append("</textarea></label>");
        sb.Append(Token()).Append("<button type=\"submit\" name=\"mode\" value=\"paste\">Add this article</button></form></section>");
        sb.Append("<section><h2>Upload files</h2><form method=\"post\" action=\"/add\" enctype=\"multipart/form-data\">");
        sb.Append("<label>.txt, .html or .jsonl files (gzipped or not) <input type=\"file\" name=\"files\" multiple accept=\".txt,.html,.htm,.jsonl,.gz\"></label>");
        sb.Append(Token()).Append("<button type=\"submit\" name=\"mode\" value=\"upload\">Upload</button></form></section>");
        sb.Append("<section><h2>Fetch a page</h2><form method=\"post\" action=\"/add\" enctype=\"multipart/form-data\">");
        sb.Append("<label>Address of an article page <input type=\"url\" name=\"fetch\" placeholder=\"https://\" value=\"").Append(E(form?.Fetch)).Append("\"></label>");
        sb.Append(Token()).Append("<button type=\"submit\" name=\"mode\" value=\"fetch\">Fetch and add</button></form>");
        sb.Append("<p class=\"meta\">The page is fetched politely (robots.txt is respected) from public addresses only, and its article text extracted.</p></section></div>");
        return Page("Add articles", sb.ToString());
    }

    public static string Added(AddResult result, IReadOnlyList<string> problems)
    {
        var added = result.Articles;
        var sb = new StringBuilder("<h1>Added</h1>");
        int n = added.Count(a => a.Status == "added"), refused = added.Count(a => a.Status == "refused");
        sb.Append("<p class=\"notice\">").Append(n).Append(n == 1 ? " article added" : " articles added")
          .Append(added.Count - n - refused > 0 ? $", {added.Count - n - refused} already stored" : "").Append(refused > 0 ? $", {refused} refused" : "").Append(".</p>");
        if (result.Deferred) sb.Append("<p class=\"notice\">").Append(E(char.ToUpperInvariant(AddResult.DeferredNote[0]) + AddResult.DeferredNote[1..])).Append(".</p>");
        foreach (var p in problems) sb.Append("<p class=\"error\">").Append(E(p)).Append("</p>");
        sb.Append("<ul class=\"stories\">");
        foreach (var a in added)
        {
            sb.Append("<li><a class=\"title\" href=\"/articles/").Append(Uri.EscapeDataString(a.Id)).Append("\">").Append(E(a.Title)).Append("</a> <span class=\"badge\">")
              .Append(a.Status switch { "added" => "added", "sameText" => "already stored (same text)", "sameUrl" => "already stored (same address)", _ => "refused" }).Append("</span>");
            if (a.Reason is { } why) sb.Append(" <span class=\"error\">").Append(E(why)).Append("</span>");
            if (a.Story is { } s) sb.Append(" in <a class=\"story-link\" href=\"/stories/").Append(Uri.EscapeDataString(s)).Append("\">its story</a>");
            sb.Append("</li>");
        }
        sb.Append("</ul><p><a href=\"/add\">Add more</a> · <a href=\"/\">All stories</a></p>");
        return Page("Added", sb.ToString());
    }

    public static string Search(SearchQuery search, SearchPage found, int pageNumber, Choices choices)
    {
        string query = search.Text;
        var hits = found.Hits;
        var sb = new StringBuilder("<h1>Search</h1>");
        if (FtsQuery.From(query) is null)
        {
            sb.Append("<p>Type words to look for in articles and in the facts of their briefs; \"quoted words\" must appear together.</p>");
            return Page("Search", sb.ToString(), query);
        }
        sb.Append("<form class=\"filters\" method=\"get\" action=\"/search\" aria-label=\"Sort and filter results\"><input type=\"hidden\" name=\"q\" value=\"").Append(E(query)).Append("\">");
        sb.Append("<label>Sort <select name=\"sort\"><option value=\"relevance\"").Append(search.Newest ? "" : " selected").Append(">best match</option><option value=\"date\"")
          .Append(search.Newest ? " selected" : "").Append(">newest</option></select></label>");
        var filters = new Filters(search.Since, search.Until, search.Outlet, search.Topic, search.MinSources, search.HasConflicts);
        filters.Fields(sb, choices);
        sb.Append("<button type=\"submit\">Apply</button>");
        if (search.Filtered || search.Newest) sb.Append("<a class=\"clear\" href=\"/search?q=").Append(E(Uri.EscapeDataString(query))).Append("\">Clear</a>");
        sb.Append("</form>");
        int size = search.Limit, first = (pageNumber - 1) * size + 1;
        sb.Append("<p class=\"meta\" role=\"status\">").Append(found.Total.ToString("N0", Ci)).Append(found.Total == 1 ? " result" : " results").Append(" for <strong>").Append(E(query)).Append("</strong>");
        if (hits.Count > 0 && found.Total > hits.Count) sb.Append(", ").Append(first.ToString("N0", Ci)).Append('–').Append((first + hits.Count - 1).ToString("N0", Ci)).Append(" shown");
        sb.Append(search.Newest ? ", newest first" : ", best match first").Append("</p><ol class=\"hits\" start=\"").Append(first).Append("\">");
        foreach (var h in hits)
        {
            string href = h.Kind == SearchHitKind.Article ? "/articles/" + Uri.EscapeDataString(h.Article!) : "/stories/" + Uri.EscapeDataString(h.Story!);
            sb.Append("<li><span class=\"badge\">").Append(h.Kind == SearchHitKind.Article ? "article" : "fact").Append("</span><a href=\"").Append(href).Append("\">").Append(E(h.Title)).Append("</a>");
            if (h.Kind == SearchHitKind.Article && h.Story is { } st) sb.Append(" · <a href=\"/stories/").Append(Uri.EscapeDataString(st)).Append("\">story</a>");
            sb.Append("<div class=\"meta\">").Append(Day(h.Date));
            if (h.Source is { } source) sb.Append(" · ").Append(E(source));
            sb.Append("</div><div>").Append(Marked(h.Snippet)).Append("</div></li>");
        }
        sb.Append("</ol>");
        string Link(int n) => "/search?" + string.Join("&", new[] { "q=" + Uri.EscapeDataString(query) }
            .Concat(search.Newest ? ["sort=date"] : []).Concat(filters.Parameters()).Append("page=" + n.ToString(Ci)));
        int pages = (Math.Min(found.Total, SqliteStore.MaxSearchOffset + size) + size - 1) / size;
        Pager(sb, pageNumber, pages, Link, search.Newest ? "← Newer" : "← Better matches", search.Newest ? "Older →" : "More results →");
        return Page("Search: " + query, sb.ToString(), query);
    }

    /// <summary>
    /// The filters the front page and search share — days, outlet, at least N sources, topic, only with conflicts — as
    /// form fields and as the query parameters of a link to another page of results (the API's names).
    /// </summary>
    private sealed record Filters(DateOnly? Since, DateOnly? Until, string? Outlet, string? Topic, int MinSources, bool HasConflicts)
    {
        public void Fields(StringBuilder sb, Choices choices)
        {
            sb.Append("<label>From <input type=\"date\" name=\"since\" value=\"").Append(E(Since?.ToString("yyyy-MM-dd", Ci))).Append("\"></label>");
            sb.Append("<label>To <input type=\"date\" name=\"until\" value=\"").Append(E(Until?.ToString("yyyy-MM-dd", Ci))).Append("\"></label>");
            sb.Append("<label>Outlet <input type=\"text\" name=\"outlet\" list=\"outlet-names\" value=\"").Append(E(Outlet)).Append("\" placeholder=\"any\"></label>");
            if (choices.Outlets.Count > 0)
            {
                sb.Append("<datalist id=\"outlet-names\">");
                foreach (var (outlet, _) in choices.Outlets) sb.Append("<option value=\"").Append(E(outlet)).Append("\">");
                sb.Append("</datalist>");
            }
            sb.Append("<label>At least <select name=\"minSources\">");
            foreach (int n in new[] { 1, 2, 3, 5 })
            {
                sb.Append("<option value=\"").Append(n).Append('"').Append(MinSources == n ? " selected" : "").Append('>').Append(n).Append(n == 1 ? " source" : " sources").Append("</option>");
            }
            sb.Append("</select></label>");
            if (choices.Topics.Count > 0 || Topic is not null)
            {
                sb.Append("<label>Topic <select name=\"topic\"><option value=\"\">any</option>");
                foreach (var (key, n) in choices.Topics)
                {
                    sb.Append("<option value=\"").Append(E(key)).Append('"').Append(string.Equals(Topic, key, StringComparison.OrdinalIgnoreCase) ? " selected" : "").Append('>')
                      .Append(E(Briefing.Topics.Label(key))).Append(" (").Append(n.ToString("N0", Ci)).Append(")</option>");
                }
                sb.Append("</select></label>");
            }
            sb.Append("<label class=\"check\"><input type=\"checkbox\" name=\"conflicts\" value=\"1\"").Append(HasConflicts ? " checked" : "").Append("> Only with conflicts</label>");
        }

        public IEnumerable<string> Parameters() => new[]
        {
            Since is { } a ? "since=" + a.ToString("yyyy-MM-dd", Ci) : null,
            Until is { } b ? "until=" + b.ToString("yyyy-MM-dd", Ci) : null,
            MinSources > 1 ? "minSources=" + MinSources.ToString(Ci) : null,
            string.IsNullOrWhiteSpace(Topic) ? null : "topic=" + Uri.EscapeDataString(Topic),
            string.IsNullOrWhiteSpace(Outlet) ? null : "outlet=" + Uri.EscapeDataString(Outlet),
            HasConflicts ? "conflicts=1" : null,
        }.OfType<string>();
    }

    /// <summary>A snippet with its match marks as &lt;mark&gt;, everything else escaped.</summary>
    public static string Marked(string snippet) =>
        E(snippet).Replace(SearchHit.MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(SearchHit.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    public static string Problem(string title, string message) =>
        Page(title, $"<h1>{E(title)}</h1><p class=\"error\">{E(message)}</p><p><a href=\"/\">All stories</a></p>");
}

/// <summary>What the add form was filled with, to show again after an error.</summary>
internal sealed record AddForm(string? Title, string? Source, string? Published, string? Url, string? Text, string? Fetch);
