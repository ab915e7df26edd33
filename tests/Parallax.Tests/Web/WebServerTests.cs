using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Parallax.Storage;
using Parallax.Web;
using Xunit;

namespace Parallax.Tests;

/// <summary>The web server in process: pages, the JSON API and its OpenAPI document, and the security rules.</summary>
public sealed class WebServerTests : WebServerTestBase
{
    [Fact]
    public async Task Home_story_and_article_pages_show_the_brief_and_the_marked_text()
    {
        var (client, _) = await Server();
        string home = await Page(client, "/");
        Assert.Contains("4 sources", home, StringComparison.Ordinal);
        string storyHref = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/stories/[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(storyHref);

        string story = await Page(client, storyHref);
        foreach (var part in new[] { "What the sources agree on", "Where they differ", "Who said what", "Only in one source", "Timeline", "Names", "Sources side by side", "data-spans=", "/assets/brief.js" })
        {
            Assert.Contains(part, story, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script>", story, StringComparison.Ordinal); // no inline script: the CSP would block it
        string articleHref = System.Text.RegularExpressions.Regex.Match(story, "href=\"\\.\\./(articles/[^\"]+)\"").Groups[1].Value;
        string article = await Page(client, "/" + articleHref);
        Assert.Contains("class=\"ent person\"", article, StringComparison.Ordinal);
        Assert.Contains("class=\"time\"", article, StringComparison.Ordinal);
        Assert.Contains("class=\"qty\"", article, StringComparison.Ordinal);
        Assert.Contains("quote", article, StringComparison.Ordinal);
        Assert.Contains("In the story", article, StringComparison.Ordinal);

        string search = await Page(client, "/search?q=Meridian+bridge");
        Assert.Contains("Meridian", search, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 · Avalen Courier", search, StringComparison.Ordinal);
        Assert.Contains("results for", search, StringComparison.Ordinal);
        string newest = await Page(client, "/search?q=Meridian+bridge&sort=date&outlet=Avalen+Courier");
        Assert.Contains("newest first", newest, StringComparison.Ordinal);
        Assert.Contains("<option value=\"date\" selected>", newest, StringComparison.Ordinal);
        Assert.Contains("value=\"Avalen Courier\" placeholder", newest, StringComparison.Ordinal);
        Assert.Contains("0 results", await Page(client, "/search?q=Meridian+bridge&until=2020-01-01"), StringComparison.Ordinal);
        Assert.Contains("Not a date", await Page(client, "/search?q=Meridian&since=yesterday", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        // Beyond the last page a search says so rather than failing.
        Assert.Contains("results for", await Page(client, "/search?q=Meridian+bridge&page=400"), StringComparison.Ordinal);
        Assert.Contains("No story matches", await Page(client, "/?since=2099-01-01"), StringComparison.Ordinal);
        // The site's filters take the API's names; an older link's "min" still works.
        Assert.Contains("name=\"minSources\"", home, StringComparison.Ordinal);
        Assert.Contains("No story matches", await Page(client, "/?minSources=5"), StringComparison.Ordinal);
        Assert.Contains("No story matches", await Page(client, "/?min=5"), StringComparison.Ordinal);
        Assert.Contains("4 sources", await Page(client, "/?minSources=4"), StringComparison.Ordinal);
        // Who carries each story, by name, on the front page.
        Assert.Contains("<span class=\"outlets\">", home, StringComparison.Ordinal);
        Assert.Contains("Avalen Courier", home, StringComparison.Ordinal);
        await Page(client, "/stories/story-999", HttpStatusCode.NotFound);
        await Page(client, "/articles/nope", HttpStatusCode.NotFound);
        await Page(client, "/no/such/page", HttpStatusCode.NotFound);
        var css = await client.GetAsync("/assets/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_front_page_filters_by_outlet_topic_and_conflicts_and_the_api_takes_the_same_names()
    {
        var (client, _) = await Server(extra: SampleStories.Rated());
        string home = await Page(client, "/");
        Assert.Contains("2 stories", home, StringComparison.Ordinal);
        // The coverage strip says in words what its colours show, and each segment names its outlet.
        Assert.Contains("aria-label=\"Coverage by leaning: 1 left, 1 right\"", home, StringComparison.Ordinal);
        Assert.Contains("<title>Left Daily (left)</title>", home, StringComparison.Ordinal);
        Assert.Contains(">labor unions (1)</option>", home, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Avalen Courier\">", home, StringComparison.Ordinal);

        string byTopic = await Page(client, "/?topic=labor_unions");
        Assert.Contains("1 story,", byTopic, StringComparison.Ordinal);
        Assert.Contains("Port Calder", byTopic, StringComparison.Ordinal);
        Assert.Contains("Clear filters", byTopic, StringComparison.Ordinal);
        // An outlet by its name in any case; the example story's outlets do not carry the strike.
        Assert.Contains("Port Calder", await Page(client, "/?outlet=right+post"), StringComparison.Ordinal);
        Assert.DoesNotContain("Port Calder", await Page(client, "/?outlet=Avalen+Courier"), StringComparison.Ordinal);
        Assert.Contains("No story matches", await Page(client, "/?outlet=Nobody+Weekly"), StringComparison.Ordinal);
        string withConflicts = await Page(client, "/?conflicts=1");
        Assert.Contains("1 story,", withConflicts, StringComparison.Ordinal);
        Assert.DoesNotContain("Port Calder", withConflicts, StringComparison.Ordinal);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/stories?topic=labor_unions&outlet=Left%20Daily");
        Assert.Equal(1, api.GetProperty("total").GetInt32());
        var item = api.GetProperty("stories")[0];
        Assert.Equal("labor_unions", item.GetProperty("topic").GetString());
        var coverage = item.GetProperty("coverage").EnumerateArray().Select(o => (o.GetProperty("outlet").GetString(), o.GetProperty("leaning").GetString())).ToList();
        Assert.Equal([("Left Daily", "left"), ("Right Post", "right")], coverage);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/stories?conflicts=true")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/stories?conflicts=maybe")).StatusCode);
        var byDate = await client.GetFromJsonAsync<JsonElement>("/api/search?q=strike&sort=date&outlet=Right%20Post&since=2026-02-01");
        Assert.True(byDate.GetProperty("total").GetInt32() >= 1);
        Assert.All(byDate.GetProperty("hits").EnumerateArray(), h => Assert.Equal("2026-02-10", h.GetProperty("date").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=strike&sort=oldest")).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/search?q=strike&conflicts=1")).GetProperty("total").GetInt32());
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/search?q=strike&topic=labor_unions&minSources=2")).GetProperty("total").GetInt32() >= 1);
        Assert.Contains("name=\"topic\"", await Page(client, "/search?q=strike&topic=labor_unions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_added_through_the_api_joins_its_story_at_once_and_the_story_keeps_its_id()
    {
        var (client, _) = await Server();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/stories");
        string id = list.GetProperty("stories")[0].GetProperty("id").GetString()!;
        var added = await client.PostAsJsonAsync("/api/articles", new
        {
            text = "PORT AVALEN — The Meridian Bridge repair, which cost $42 million, is finished, Mayor Elena Marsch said on Monday, and the bridge will reopen to traffic in March after a final load test.",
            title = "Meridian Bridge repair finished, mayor says",
            source = "Avalen Evening Post",
            published = "2026-03-02",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("pending").GetBoolean());
        Assert.Equal(id, body.GetProperty("results")[0].GetProperty("story").GetString());
        // The brief is rebuilt in the background when it takes longer than the add waits; it is stored soon after.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        int articles;
        while ((articles = (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("articles").GetArrayLength()) < 5 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(5, articles);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/stories")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_kept_search_result_is_forgotten_when_an_article_is_added()
    {
        var (client, _) = await Server();
        async Task<int> Found() => (await client.GetFromJsonAsync<JsonElement>("/api/search?q=Calder")).GetProperty("total").GetInt32();
        Assert.Equal(0, await Found());
        Assert.Equal(0, await Found()); // the kept result
        var added = await client.PostAsJsonAsync("/api/articles", new { text = "Dock workers at Port Calder walked off the job on Monday, halting cargo traffic, the union said.", title = "Strike at Port Calder" });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        Assert.True(await Found() >= 1, "a search after an add still gave the result kept before it");
    }

    [Fact]
    public async Task The_api_serves_what_the_pages_show_and_the_openapi_document_lists_it()
    {
        var (client, options) = await Server();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/stories");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("stories")[0];
        string id = item.GetProperty("id").GetString()!;
        Assert.Equal(4, item.GetProperty("sources").GetInt32());

        var brief = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal(id, brief.GetProperty("id").GetString());
        Assert.True(brief.GetProperty("facts").GetArrayLength() > 0);
        string storyPage = await Page(client, $"/stories/{id}");
        foreach (var fact in brief.GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("sources").GetInt32() >= 2))
        {
            Assert.Contains(WebUtility.HtmlEncode(fact.GetProperty("text").GetString()!), storyPage, StringComparison.Ordinal);
        }
        string articleId = brief.GetProperty("articles")[0].GetProperty("id").GetString()!;
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Equal(id, article.GetProperty("story").GetString());
        Assert.True(article.GetProperty("analysis").GetProperty("entities").GetArrayLength() > 0);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=%22Meridian%20Bridge%22");
        var hit = search.GetProperty("hits")[0];
        var mark = hit.GetProperty("highlights")[0];
        Assert.Equal("Meridian Bridge", hit.GetProperty("passage").GetString()![mark[0].GetInt32()..mark[1].GetInt32()]);
        int total = search.GetProperty("total").GetInt32();
        Assert.True(total >= 2);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/search?q=%22Meridian%20Bridge%22&limit=1&offset=1");
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        Assert.Equal(1, second.GetProperty("offset").GetInt32());
        Assert.Equal(search.GetProperty("hits")[1].GetProperty("passage").GetString(), second.GetProperty("hits")[0].GetProperty("passage").GetString());
        Assert.Equal(search.GetProperty("hits")[1].GetProperty("source").GetString(), second.GetProperty("hits")[0].GetProperty("source").GetString());
        Assert.All(search.GetProperty("hits").EnumerateArray(), h => Assert.False(string.IsNullOrEmpty(h.GetProperty("source").GetString())));
        Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-03-02");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=bridge&offset=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=%22")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nope")).StatusCode);

        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/search", "/api/articles", "/api/articles/files", "/api/quarantine" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
        Assert.Contains(paths.GetProperty("/api/stories").GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "since");
        // The brief's contract is described, not left as "any JSON": its facts carry their support spans.
        var schemas = openapi.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("StoryBrief", out var briefSchema), "OpenAPI lacks the StoryBrief schema");
        Assert.True(briefSchema.GetProperty("properties").TryGetProperty("facts", out _));
        Assert.True(schemas.GetProperty("FactItem").GetProperty("properties").TryGetProperty("support", out _));
        Assert.True(schemas.GetProperty("ArticleAnalysis").GetProperty("properties").TryGetProperty("quotes", out _), "OpenAPI lacks the analysis contract");
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/quarantine")).GetArrayLength());
        _ = options;
    }

    [Fact]
    public async Task Everything_from_an_article_is_escaped_and_no_script_address_is_linked()
    {
        const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var hostile = new Model.Article
        {
            Id = "evil\"><script>alert(2)</script>",
            Title = "Council " + Payload,
            Source = "<b onmouseover=alert(3)>Outlet</b>",
            Url = "javascript:alert(4)",
            Published = new DateOnly(2026, 3, 2),
            Text = $"The council said on Monday \"{Payload} is not welcome\" in the city. Mayor Jane Doe said the vote was 5 to 2. {Payload}",
        };
        var (client, _) = await Server(withExamples: false, extra: [hostile]);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/stories");
        string id = list.GetProperty("stories")[0].GetProperty("id").GetString()!;
        var pages = new[]
        {
            await Page(client, "/"),
            await Page(client, $"/stories/{Uri.EscapeDataString(id)}"),
            await Page(client, $"/articles/{Uri.EscapeDataString(hostile.Id)}"),
            await Page(client, "/search?q=council+welcome"),
            await Page(client, "/search?q=" + Uri.EscapeDataString("<script>alert(5)</script>")),
        };
        foreach (var html in pages)
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script&gt;alert(", pages[2], StringComparison.Ordinal);
        var json = await client.GetStringAsync($"/api/articles/{Uri.EscapeDataString(hostile.Id)}");
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal); // escaped as \u003C, safe even if served as HTML
    }

    [Fact]
    public async Task Adding_by_paste_form_and_api_joins_stories_and_a_repeat_is_recognised()
    {
        var (client, _) = await Server(withExamples: false);
        Assert.Contains("No stories yet", await Page(client, "/"), StringComparison.Ordinal);
        var form = new MultipartFormDataContent
        {
            { new StringContent("Harbour reopens"), "title" },
            { new StringContent("Coast News"), "source" },
            { new StringContent("2026-05-04"), "published" },
            { new StringContent("The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said."), "text" },
            { new StringContent("paste"), "mode" },
        };
        var posted = await client.PostAsync("/add", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        string story = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/stories/story-", story, StringComparison.Ordinal);
        Assert.Contains("Harbour reopens", await Page(client, story), StringComparison.Ordinal);

        var again = await client.PostAsJsonAsync("/api/articles", new { text = "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said.", title = "Copy" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("sameText", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("status").GetString());

        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("date 2026-05-05\n\nThe harbour of Port Avalen saw its first ships on Tuesday after the $12 million repairs, the port authority said."));
        upload.Add(file, "files", "../../etc/harbour.txt");
        var bad = new ByteArrayContent([0x4d, 0x5a, 0x90]);
        upload.Add(bad, "files", "tool.exe");
        var uploaded = await client.PostAsync("/api/articles/files", upload);
        var result = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal("added", result.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal("harbour", result.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Contains("tool.exe", result.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists("/etc/harbour.txt"));

        var missing = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent("paste"), "mode" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("nothing to add", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badDate = await client.PostAsJsonAsync("/api/articles", new { text = "Some text about a harbour reopening on Monday.", published = "yesterday" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var notJson = await client.PostAsync("/api/articles", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task Oversized_uploads_and_bodies_are_refused_with_413_and_nothing_is_stored()
    {
        var (client, options) = await Server(withExamples: false);
        string big = new('x', (int)options.MaxUploadBytes + 10);
        var json = await client.PostAsync("/api/articles", new StringContent(JsonSerializer.Serialize(new { text = big }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(big)), "files", "big.txt" } };
        var files = await client.PostAsync("/api/articles/files", upload);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, files.StatusCode);
        var formPost = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent(big), "text" } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, formPost.StatusCode);
        AssertSecurityHeaders(formPost);
        Assert.DoesNotContain("   at ", await formPost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = new SqliteStore(options.DbPath);
        Assert.Equal(0, store.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://192.168.0.1/admin")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://2130706433/")]
    [InlineData("file:///etc/passwd")]
    public async Task Fetching_a_page_refuses_addresses_that_are_not_public(string target)
    {
        var (client, _) = await Server(withExamples: false);
        var api = await client.PostAsJsonAsync("/api/articles", new { fetch = target });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        string problem = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0].GetString()!;
        Assert.True(problem.Contains("public", StringComparison.Ordinal) || problem.Contains("http(s)", StringComparison.Ordinal), problem);
        var form = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent(target), "fetch" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
    }

    [Fact]
    public async Task Writes_need_the_token_when_the_server_is_reachable_from_other_machines()
    {
        var article = new { text = "The harbour in Port Avalen reopened on Monday after repairs, the port authority said." };
        // Reachable from other machines without a token, the server does not start (see WebWriteTests).
        var open = await Assert.ThrowsAsync<InvalidOperationException>(() => Server(o => o with { Urls = ["http://0.0.0.0:5080"] }, withExamples: false));
        Assert.Contains("PARALLAX_TOKEN", open.Message, StringComparison.Ordinal);

        var (guarded, _) = await Server(o => o with { Urls = ["http://0.0.0.0:5080"], WriteToken = "correct-horse-battery" }, withExamples: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.PostAsJsonAsync("/api/articles", article)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.SendAsync(wrong)).StatusCode);
        var right = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "correct-horse-battery");
        Assert.Equal(HttpStatusCode.Created, (await guarded.SendAsync(right)).StatusCode);
        var formWithoutToken = await guarded.PostAsync("/add", new MultipartFormDataContent { { new StringContent(article.text), "text" } });
        Assert.Equal(HttpStatusCode.Unauthorized, formWithoutToken.StatusCode);
        Assert.Contains("name=\"token\"", await formWithoutToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("name=\"token\"", await Page(guarded, "/add"), StringComparison.Ordinal);

        // Loopback only and no token: this machine may write, but never a page from another site (CSRF).
        var (local, _) = await Server(withExamples: false);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await local.SendAsync(crossSite)).StatusCode);
        Assert.True(ServerOptions.IsLoopback("http://127.0.0.1:5080") && ServerOptions.IsLoopback("http://[::1]:5080") && ServerOptions.IsLoopback("http://localhost:5080"));
        Assert.False(ServerOptions.IsLoopback("http://0.0.0.0:5080") || ServerOptions.IsLoopback("http://*:5080") || ServerOptions.IsLoopback("http://192.168.1.5:5080"));
    }

    [Fact]
    public async Task A_page_fetched_from_an_allowed_address_is_extracted_and_added()
    {
        await using var origin = new LocalWebServer();
        string body = string.Concat(Enumerable.Repeat("<p>The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said in a statement.</p>", 4));
        origin.Map("/news/harbour", 200, $"<html><head><title>Harbour reopens</title></head><body><nav>Home | News</nav><article><h1>Harbour reopens</h1>{body}</article></body></html>");
        origin.Map("/robots.txt", 404, "");
        var loopback = IPAddress.Loopback;
        var (client, _) = await Server(o => o with { Fetch = o.Fetch with { PerHostDelay = TimeSpan.Zero, AllowAddress = a => a.Equals(loopback) } }, withExamples: false);
        var added = await client.PostAsJsonAsync("/api/articles", new { fetch = origin.Base + "/news/harbour" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var result = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal("Harbour reopens", result.GetProperty("title").GetString());
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{result.GetProperty("id").GetString()}");
        Assert.DoesNotContain("Home | News", article.GetProperty("analysis").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every bad request is a 4xx with one line of JSON saying what to do, never an empty body or a 500.</summary>
    [Theory]
    [InlineData("POST", "/api/articles", "null", 400)]
    [InlineData("POST", "/api/articles", "[null]", 400)]
    [InlineData("POST", "/api/articles", "\"text\"", 400)]
    [InlineData("POST", "/api/articles", "[]", 400)]
    [InlineData("POST", "/api/articles", "{\"text\": 5}", 400)]
    [InlineData("POST", "/api/articles", "{\"text\": \"A pasted article.\", \"published\": \"9999-12-31\"}", 400)]
    [InlineData("GET", "/api/stories?limit=abc", null, 400)]
    [InlineData("GET", "/api/stories?minSources=2147483648", null, 400)]
    [InlineData("GET", "/api/stories?limit=0", null, 400)]
    [InlineData("GET", "/api/stories?since=notadate", null, 400)]
    [InlineData("GET", "/api/stories?until=9999-12-31", null, 400)]
    [InlineData("GET", "/api/search?q=bridge&limit=-1", null, 400)]
    [InlineData("GET", "/api/articles/", null, 400)]
    public async Task Bad_requests_get_a_4xx_with_one_line_saying_why(string method, string path, string? body, int expected)
    {
        var (client, _) = await Server(withExamples: false);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        Assert.Equal(expected, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string message = error.TryGetProperty("error", out var e) ? e.GetString()! : string.Join("; ", error.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        using var store = new SqliteStore(Path.Combine(Dir, "site0.db"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_bad_filter_on_the_home_page_is_a_400_page()
    {
        var (client, _) = await Server(withExamples: false);
        Assert.Contains("is not a date", await Page(client, "/?since=yesterday", HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_from_an_opaque_origin_and_requests_for_other_hosts_are_refused()
    {
        var (client, _) = await Server(withExamples: false);
        var article = new { text = "The harbour reopened on Monday after repairs, the port authority said." };
        var opaque = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        opaque.Headers.Add("Origin", "null");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(opaque)).StatusCode);
        // Chromium sends "Origin: null" for this site's own form under its no-referrer policy, with Sec-Fetch-Site saying so.
        var ownForm = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        ownForm.Headers.Add("Origin", "null");
        ownForm.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(ownForm)).StatusCode);

        // DNS rebinding: a page whose name now points at 127.0.0.1 still names its own host.
        var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        rebound.Headers.Host = "attacker.example";
        var refused = await client.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
        Assert.Contains("--allowed-hosts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var options = new ServerOptions { DbPath = "x.db", Urls = ["http://127.0.0.1:5080"], AllowedHosts = ["news.example.org"] };
        Assert.True(options.HostAllowed("localhost:5080") && options.HostAllowed("127.0.0.1:5080") && options.HostAllowed("[::1]:5080") && options.HostAllowed("News.Example.org"));
        Assert.False(options.HostAllowed("attacker.example") || options.HostAllowed(""));
        Assert.True(new ServerOptions { DbPath = "x.db", Urls = ["http://0.0.0.0:5080"] }.HostAllowed("192.0.2.7:5080"));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_host_the_visitor_asked_for_is_checked_and_nobody_else_can_name_one()
    {
        await Server(o => o with { AllowedHosts = ["news.example.org"], TrustedProxies = [IPAddress.Parse("10.0.0.5")], WriteToken = "correct-horse-battery" }, withExamples: false);
        var server = Apps[^1].GetTestServer();
        async Task<int> Send(string from, string? forwardedHost, string method = "GET", string? origin = null)
        {
            var context = await server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse(from);
                c.Request.Method = method;
                c.Request.Path = "/api/articles";
                if (method == "GET") c.Request.Path = "/api/stories";
                c.Request.Host = new Microsoft.AspNetCore.Http.HostString("10.0.0.9:5080"); // the address the proxy reaches the server at
                if (forwardedHost is not null)
                {
                    c.Request.Headers["X-Forwarded-Host"] = forwardedHost;
                    c.Request.Headers["X-Forwarded-Proto"] = "https";
                }
                if (origin is not null) c.Request.Headers.Origin = origin;
                if (method == "POST")
                {
                    c.Request.ContentType = "application/json";
                    c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"The harbour reopened on Monday after repairs, the port authority said.\"}"));
                }
            });
            return context.Response.StatusCode;
        }

        Assert.Equal(200, await Send("10.0.0.5", "news.example.org")); // the proxy says whom the visitor asked for
        Assert.Equal(421, await Send("10.0.0.5", "attacker.example")); // and that name is checked
        Assert.Equal(421, await Send("192.0.2.7", "news.example.org")); // anyone else's header is ignored: its own Host is checked
        Assert.NotEqual(403, await Send("10.0.0.5", "news.example.org", "POST", origin: "https://news.example.org")); // a write from the site itself
        Assert.Equal(403, await Send("10.0.0.5", "news.example.org", "POST", origin: "https://attacker.example"));
    }

    [Fact]
    public async Task Only_http_addresses_are_kept_from_input()
    {
        var (client, _) = await Server(withExamples: false);
        var posted = await client.PostAsJsonAsync("/api/articles", new { text = "A report on the harbour, reopened on Monday after repairs.", url = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("id").GetString();
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.DoesNotContain("javascript:", article.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_that_expands_past_the_limit_is_refused_and_names_no_server_path()
    {
        var (client, options) = await Server(withExamples: false);
        using var packed = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes("{\"id\":\"ok\",\"text\":\"An article before the padding.\"}\n"));
            gz.Write(new byte[options.MaxUploadBytes * 4]);
        }
        Assert.True(packed.Length < options.MaxUploadBytes);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(packed.ToArray()), "files", "bomb.jsonl.gz" } };
        var response = await client.PostAsync("/api/articles/files", upload);
        string text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("parallax-upload-", text, StringComparison.Ordinal);
        Assert.Contains("bomb.jsonl.gz", text, StringComparison.Ordinal);
        Assert.Contains("after decompression", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paste_while_another_process_refreshes_is_stored_at_once_and_joins_its_story_after()
    {
        var (client, options) = await Server(o => o with { ConsolidateWhenQuiet = TimeSpan.FromSeconds(1) }, withExamples: false);
        using var store = new SqliteStore(options.DbPath);
        // The server holds the stories for a moment at start (it reads them into memory); the other process waits its turn.
        var wait = System.Diagnostics.Stopwatch.StartNew();
        IDisposable? held;
        while ((held = store.TryLockRefresh()) is null && wait.Elapsed < HangGuard.Limit) await Task.Delay(20);
        Assert.NotNull(held);
        var posted = await client.PostAsJsonAsync("/api/articles", new { text = "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said." });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var added = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(added.GetProperty("pending").GetBoolean());
        Assert.Equal(1, store.Count);
        held!.Dispose();
        // The server looks at pending stories every few seconds; a generous guard, not a timing.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (store.StoriesPending && clock.Elapsed < HangGuard.Limit) await Task.Delay(100);
        Assert.False(store.StoriesPending);
        Assert.Equal(1, store.Stories(new StoryQuery()).Total);
    }

    [Fact]
    public async Task A_server_that_leaves_stories_to_workers_stores_an_add_and_a_worker_places_it()
    {
        var (client, options) = await Server(o => o with { LeaveStoriesToWorkers = true }, withExamples: false);
        var posted = await client.PostAsJsonAsync("/api/articles", new { text = "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said." });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var added = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(added.GetProperty("pending").GetBoolean());
        using var store = new SqliteStore(options.DbPath);
        Assert.Equal((1, 0), (store.Count, store.Stories(new StoryQuery()).Total));
        // The server holds no stories: a worker takes them at once, and places and briefs the article.
        var worker = new Worker(store, Pipeline.AnalysisPipeline.Default, consolidateAfter: TimeSpan.Zero);
        var done = worker.Run(TimeSpan.FromMilliseconds(20), untilIdle: true);
        Assert.True(done.Placer);
        Assert.Equal(1, done.Placed);
        var page = await client.GetStringAsync("/api/stories");
        Assert.Contains("Port Avalen", page, StringComparison.Ordinal);
    }
}
