using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parallax.Reading;
using Parallax.Storage;
using Parallax.Web;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Requests at the edges: the wrong content type, too many parts, odd file names, long addresses, the publication date's
/// one rule, over-long fields, and the store failing — each answered with its status and one line that says what to do.
/// </summary>
public sealed class WebRequestTests : WebServerTestBase
{
    private const string Text = "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said.";

    private static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task A_post_to_the_api_that_is_not_json_is_415()
    {
        var (client, options) = await Server(withExamples: false);
        foreach (var content in new HttpContent[]
        {
            new StringContent($"{{\"text\":\"{Text}\"}}", Encoding.UTF8, "text/plain"),
            new FormUrlEncodedContent([new("text", Text)]),
            new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"text\":\"{Text}\"}}")),
        })
        {
            var response = await client.PostAsync("/api/articles", content);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            AssertSecurityHeaders(response);
            Assert.Contains("application/json", await Error(response), StringComparison.Ordinal);
        }
        var files = await client.PostAsync("/api/articles/files", new StringContent($"{{\"text\":\"{Text}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, files.StatusCode);
        Assert.Contains("multipart/form-data", await Error(files), StringComparison.Ordinal);
        using (var store = new SqliteStore(options.DbPath)) Assert.Equal(0, store.Count);

        // JSON under any +json name, with a charset, is taken; the OpenAPI document still describes the body.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/articles", new StringContent($"{{\"text\":\"{Text}\"}}", Encoding.UTF8, "application/vnd.example+json"))).StatusCode);
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").GetProperty("/api/articles").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task Too_many_parts_are_refused_naming_the_part_limit_not_the_size()
    {
        var (client, _) = await Server(withExamples: false);
        MultipartFormDataContent Files(int n)
        {
            var form = new MultipartFormDataContent();
            for (int i = 0; i < n; i++) form.Add(new StringContent($"Short article {i} about the harbour reopening on Monday."), "files", $"a{i}.txt");
            return form;
        }
        var api = await client.PostAsync("/api/articles/files", Files(ParallaxServer.MaxFormParts + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        string message = await Error(api);
        Assert.Contains($"more than {ParallaxServer.MaxFormParts} parts", message, StringComparison.Ordinal);
        Assert.DoesNotContain("MB", message, StringComparison.Ordinal);
        var page = await client.PostAsync("/add", Files(ParallaxServer.MaxFormParts + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        AssertSecurityHeaders(page);
        Assert.Contains($"more than {ParallaxServer.MaxFormParts} parts", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/articles/files", Files(ParallaxServer.MaxFormParts))).StatusCode);
    }

    [Fact]
    public async Task An_upload_with_a_300_character_name_is_stored_under_a_cut_name()
    {
        var (client, options) = await Server(withExamples: false);
        string name = new string('n', 300) + ".txt";
        var form = new MultipartFormDataContent { { new StringContent(Text), "files", name } };
        var response = await client.PostAsync("/api/articles/files", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal("added", added.GetProperty("status").GetString());
        Assert.True(added.GetProperty("id").GetString()!.Length <= 120);
        var page = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent(Text + " Again."), "files", new string('m', 400) + ".jsonl.gz" } });
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);
        using var store = new SqliteStore(options.DbPath);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Long_addresses_and_bad_requests_are_answered_with_a_line_and_the_security_headers()
    {
        var (client, _) = await Server(withExamples: false);
        string longQuery = new('a', ParallaxServer.MaxAddressChars + 10);
        var page = await client.GetAsync("/search?q=" + longQuery);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        AssertSecurityHeaders(page);
        Assert.Contains("8,192 characters", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/search?q=" + longQuery);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, api.StatusCode);
        AssertSecurityHeaders(api);
        Assert.Contains("shorten it", await Error(api), StringComparison.Ordinal);

        var badNumber = await client.GetAsync("/api/stories?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        AssertSecurityHeaders(badNumber);
        Assert.Contains("limit", await Error(badNumber), StringComparison.Ordinal);
        // A form that is not multipart as it says (cut short, no boundary) is a 400 with a line, not a 500 or a 413.
        foreach (var path in new[] { "/add", "/api/articles/files" })
        {
            var garbage = new ByteArrayContent(Encoding.UTF8.GetBytes("garbage"));
            garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xx");
            var response = await client.PostAsync(path, garbage);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertSecurityHeaders(response);
            string body = await response.Content.ReadAsStringAsync();
            Assert.Contains("the form could not be read", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Null, "" and blank mean undated everywhere; a time must be a time; anything but a string or null is refused naming the field.</summary>
    [Theory]
    [InlineData("\"\"", 201, null)]
    [InlineData("\"  \"", 201, null)]
    [InlineData("null", 201, null)]
    [InlineData("\"2025-02-03\"", 201, "2025-02-03")]
    [InlineData("\"2025-02-03T23:30:00-05:00\"", 201, "2025-02-03")]
    [InlineData("\"2025-02-03T09:30:00.123456789Z\"", 201, "2025-02-03")]
    [InlineData("5", 400, "published must be a date written as a string")]
    [InlineData("true", 400, "published must be a date written as a string")]
    [InlineData("{\"day\": 3}", 400, "published must be a date written as a string")]
    [InlineData("\"2025-02-03T25:61:00Z\"", 400, "is not a valid time")]
    [InlineData("\"2025-02-30\"", 400, "is not a date")]
    [InlineData("\"yesterday\"", 400, "is not a date")]
    [InlineData("\"9999-12-31\"", 400, "is outside 1900")]
    public async Task Published_follows_one_rule(string published, int status, string? expected)
    {
        var (client, options) = await Server(withExamples: false);
        var response = await client.PostAsync("/api/articles", new StringContent($"{{\"text\": \"{Text}\", \"published\": {published}}}", Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        using var store = new SqliteStore(options.DbPath);
        if (status == 400)
        {
            Assert.Contains(expected!, await Error(response), StringComparison.Ordinal);
            Assert.Equal(0, store.Count);
            return;
        }
        string id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("id").GetString()!;
        Assert.Equal(expected, store.Article(id)!.Article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task In_an_array_a_refused_field_names_the_article_and_the_field()
    {
        var (client, _) = await Server(withExamples: false);
        var response = await client.PostAsync("/api/articles", new StringContent($"[{{\"text\": \"{Text}\"}}, {{\"text\": \"{Text} Two.\", \"published\": 5}}]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("article 2: published must be", await Error(response), StringComparison.Ordinal);
        var title = await client.PostAsync("/api/articles", new StringContent($"{{\"text\": \"{Text}\", \"title\": 7}}", Encoding.UTF8, "application/json"));
        Assert.Equal("title must be a string or null, not a number", await Error(title));
    }

    [Fact]
    public async Task The_form_takes_an_empty_date_as_undated_and_refuses_an_impossible_time()
    {
        var (client, options) = await Server(withExamples: false);
        var undated = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent(Text), "text" }, { new StringContent(""), "published" } });
        Assert.True(undated.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, undated.StatusCode.ToString());
        var bad = await client.PostAsync("/add", new MultipartFormDataContent { { new StringContent(Text + " More."), "text" }, { new StringContent("2025-02-03T25:61"), "published" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("is not a valid time", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = new SqliteStore(options.DbPath);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_long_title_is_answered_as_it_is_stored_and_the_cut_is_said()
    {
        var (client, options) = await Server(withExamples: false);
        var response = await client.PostAsJsonAsync("/api/articles", new { text = Text, title = new string('T', 100_000) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = body.GetProperty("results")[0];
        Assert.Equal(new string('T', ArticleAdmission.MaxTitleChars), result.GetProperty("title").GetString());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString() == "title is 100,000 characters; stored cut to 1,000");
        using var store = new SqliteStore(options.DbPath);
        Assert.Equal(result.GetProperty("title").GetString(), store.Article(result.GetProperty("id").GetString()!)!.Article.Title);
    }

    [Fact]
    public async Task A_failing_store_is_a_503_of_one_clean_line_with_retry_after()
    {
        var (client, options) = await Server(withExamples: false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // The store's file is overwritten under the running server: every read now fails in the database layer.
        File.WriteAllBytes(options.DbPath, Encoding.UTF8.GetBytes(new string('x', 64 * 1024)));
        foreach (var path in new[] { "/api/stories", "/api/search?q=harbour" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ParallaxServer.StoreUnavailable, await Error(response));
            Assert.NotNull(response.Headers.RetryAfter);
            AssertSecurityHeaders(response);
        }
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains(ParallaxServer.StoreUnavailable, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Detail redacted", html, StringComparison.Ordinal);
        Assert.DoesNotContain(options.DbPath, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_store_queue_refuses_at_once_and_a_cancelled_call_is_dropped()
    {
        using var lane = new StoreLane("test", threads: 1, capacity: 1);
        using var gate = new ManualResetEventSlim();
        var running = lane.Run(() => gate.Wait(HangGuard.Limit));
        // The one thread is busy; one call may wait, and the next is refused rather than queued.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (lane.Waiting > 0 && clock.Elapsed < HangGuard.Limit) await Task.Delay(5);
        using var cancel = new CancellationTokenSource();
        var waiting = lane.Run(() => 1, cancel.Token);
        var busy = Assert.Throws<StoreBusyException>(() => { _ = lane.Run(() => 2); });
        Assert.Contains("try again", busy.Message, StringComparison.Ordinal);
        await cancel.CancelAsync();
        gate.Set();
        Assert.True(await running);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(3, await lane.Run(() => 3));
    }
}
