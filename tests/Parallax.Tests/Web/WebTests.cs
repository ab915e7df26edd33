using System.IO.Compression;
using System.Text;
using Parallax.Cli;
using Parallax.Extraction;
using Parallax.Feeds;
using Parallax.Fetching;
using Parallax.Reading;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>Fetching, watching and storing against a local server on 127.0.0.1 that serves the team's fixtures, some of them hostile.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the server through IAsyncLifetime.DisposeAsync")]
public sealed class WebTests : IAsyncLifetime
{
    static WebTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly LocalWebServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-web-").FullName;

    /// <summary>Fast settings so the tests take seconds; politeness is still on.</summary>
    private static readonly FetchOptions Quick = new()
    {
        PublicAddressesOnly = false, // the test servers are on this machine
        Timeout = TimeSpan.FromSeconds(2),
        MaxBytes = 1024 * 1024,
        PerHostDelay = TimeSpan.FromMilliseconds(20),
        RetryBackoff = TimeSpan.FromMilliseconds(20),
        MaxRedirects = 3,
    };

    public Task InitializeAsync()
    {
        _server.Map("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n", "text/plain");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Fixture(string name) => ExtractionTests.Fixture(name).Replace("{base}", _server.Base, StringComparison.Ordinal);

    /// <summary>The fixture site: two feeds (one an entity bomb), an OPML list, and the articles, one served with a wrong charset label.</summary>
    private void ServeSite()
    {
        _server.Map("/feeds/courier.xml", (request, stream, ct) =>
            request.Headers.TryGetValue("If-None-Match", out var tag) && tag == "\"c1\""
                ? LocalWebServer.Respond(stream, 304, [], null, ct, ("ETag", "\"c1\""))
                : LocalWebServer.Respond(stream, 200, Encoding.UTF8.GetBytes(Fixture("feed-rss.xml")), "application/rss+xml", ct, ("ETag", "\"c1\"")));
        _server.Map("/feeds/laughs.xml", 200, Fixture("billion-laughs.xml"), "application/rss+xml");
        _server.Map("/feeds.opml", 200,
            $"<opml version=\"2.0\"><body><outline xmlUrl=\"{_server.Base}/feeds/courier.xml\"/><outline xmlUrl=\"{_server.Base}/feeds/laughs.xml\"/></body></opml>", "text/x-opml");
        _server.Map("/news/bridge.html", 200, Fixture("article-one.html"));
        // Windows-1252 bytes under a UTF-8 label.
        _server.Map("/news/budget.html", 200, Encoding.GetEncoding(1252).GetBytes(Fixture("article-two.html")), "text/html; charset=utf-8");
        _server.Map("/private/briefing.html", 200, "<p>Members only; robots.txt forbids fetching this page.</p>");
    }

    [Fact]
    public async Task Watch_ingests_new_articles_then_asks_conditionally_and_skips_what_it_has()
    {
        ServeSite();
        using var fetcher = new PoliteFetcher(Quick);
        using var store = new JsonlArticleStore(Path.Combine(_dir, "store.jsonl"));
        var watcher = new FeedWatcher(fetcher, new PageExtractor(), store);
        var events = new List<WatchEvent>();
        var log = new Progress<WatchEvent>(e => { lock (events) events.Add(e); });

        var feeds = await watcher.ResolveFeedsAsync([$"{_server.Base}/feeds.opml"], null, CancellationToken.None);
        Assert.Equal(2, feeds.Count);
        var first = await watcher.PollAsync(feeds, log, CancellationToken.None);

        // Bridge and budget from their pages; the ferry page is missing (404), so the feed's full content stands in.
        Assert.Equal(3, first.Added);
        Assert.Equal(1, first.FeedsFailed);
        Assert.Equal(1, first.Skipped);
        Assert.Empty(_server.RequestsFor("/private/briefing.html"));
        Assert.All(_server.Requests, r => Assert.StartsWith("Parallax/", r.Headers["User-Agent"], StringComparison.Ordinal));

        var stored = ArticleSource.Read([Path.Combine(_dir, "store.jsonl")]).Articles;
        Assert.Equal(3, stored.Count);
        var bridge = stored.Single(a => a.Title == "Harbour bridge reopens after eight months of repairs");
        Assert.StartsWith("The harbour bridge reopened", bridge.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 3), bridge.Published);
        Assert.Contains("Rosa Díaz", stored.Single(a => a.Title == "Council approves new school budget").Text, StringComparison.Ordinal);
        var ferry = stored.Single(a => a.Title == "Ferry strike called off");
        Assert.StartsWith("The ferry workers' union", ferry.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 11), ferry.Published);

        int pageRequests = _server.Requests.Count(r => r.Path.StartsWith("/news/", StringComparison.Ordinal));
        var second = await watcher.PollAsync(feeds, log, CancellationToken.None);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(0, second.Added);
        Assert.Equal("\"c1\"", _server.RequestsFor("/feeds/courier.xml").Last().Headers["If-None-Match"]);
        Assert.Equal(pageRequests, _server.Requests.Count(r => r.Path.StartsWith("/news/", StringComparison.Ordinal)));
        Assert.Single(_server.RequestsFor("/robots.txt"));
    }

    [Fact]
    public async Task A_page_past_the_extraction_limits_is_refused_by_address_and_by_the_watcher_with_its_reason()
    {
        _server.Map("/news/deep.html", 200, "<html><body>" + string.Concat(Enumerable.Repeat("<div>Nested text", 50_000)));
        _server.Map("/feeds/deep.xml", 200,
            $"<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep page</title><link>{_server.Base}/news/deep.html</link><description>Short.</description></item></channel></rss>",
            "application/rss+xml");
        using var fetcher = new PoliteFetcher(Quick);
        var (article, error) = await PageArticles.FetchAsync(fetcher, new PageExtractor(), _server.Url("/news/deep.html"));
        Assert.Null(article);
        Assert.StartsWith($"the page nests elements more than {PageExtractor.MaxDepth} deep", error, StringComparison.Ordinal);

        using var store = new JsonlArticleStore(Path.Combine(_dir, "store.jsonl"));
        var watcher = new FeedWatcher(fetcher, new PageExtractor(), store);
        var events = new List<WatchEvent>();
        var report = await watcher.PollAsync([new WatchedFeed(_server.Url("/feeds/deep.xml"))], new InlineProgress<WatchEvent>(e => { lock (events) events.Add(e); }), CancellationToken.None);
        Assert.Equal((0, 1), (report.Added, report.Skipped));
        var skipped = Assert.Single(events, e => e.Kind == WatchEventKind.ArticleSkipped);
        Assert.StartsWith("the page nests elements more than", skipped.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watch_command_polls_once_into_a_store_that_brief_reads()
    {
        ServeSite();
        string db = Path.Combine(_dir, "cli.jsonl");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await Task.Run(() => ParallaxCli.Run(["watch", $"{_server.Base}/feeds.opml", "--db", db, "--once", "--delay", "10ms", "--allow-private-addresses", "127.0.0.1"], stdout, stderr, () => Stream.Null));
        Assert.Equal(ParallaxCli.Partial, code);
        Assert.Contains("3 new articles", stdout.ToString(), StringComparison.Ordinal);
        // The entity bomb is one clear line, and the other feed was read regardless.
        var warning = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("laughs.xml", StringComparison.Ordinal));
        Assert.Contains("entities", warning, StringComparison.Ordinal);
        Assert.True(File.Exists(db + ".feeds.json"));
        var brief = new StringWriter();
        Assert.Equal(ParallaxCli.Ok, ParallaxCli.Run(["brief", db], brief, new StringWriter(), () => Stream.Null));
        Assert.Contains("Harbour bridge", brief.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_size_limit()
    {
        using var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) gz.Write(zeros);
        }
        Assert.True(packed.Length < 200_000);
        _server.Map("/bomb.html", 200, packed.ToArray(), "text/html", ("Content-Encoding", "gzip"));
        using var fetcher = new PoliteFetcher(Quick);
        var result = await fetcher.FetchAsync(_server.Url("/bomb.html"));
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("larger than 1 MB", result.Error);
    }

    [Fact]
    public async Task An_endless_response_stops_at_the_size_limit_and_a_trickle_at_the_time_limit()
    {
        _server.Map("/endless", async (_, stream, ct) =>
        {
            await LocalWebServer.Head(stream, 200, ct, ("Content-Type", "text/html"));
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>more</p>", 6000)));
            while (!ct.IsCancellationRequested) await stream.WriteAsync(chunk, ct);
        });
        _server.Map("/trickle", async (_, stream, ct) =>
        {
            await LocalWebServer.Head(stream, 200, ct, ("Content-Type", "text/html"));
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync("<"u8.ToArray(), ct);
                await Task.Delay(100, ct);
            }
        });
        // Each limit alone: a busy machine may not read 1 MB within a short time limit, so the size is tried with a long one.
        using (var patient = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromMinutes(2), Retries = 0 }))
        {
            var endless = await patient.FetchAsync(_server.Url("/endless"));
            Assert.Equal("larger than 1 MB", endless.Error);
        }
        using var fetcher = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromSeconds(1), Retries = 0 });
        var trickle = await fetcher.FetchAsync(_server.Url("/trickle"));
        Assert.Equal(FetchStatus.Failed, trickle.Status);
        Assert.Equal("timed out after 1 s", trickle.Error);
    }

    [Fact]
    public async Task Redirects_are_followed_but_loops_and_long_chains_are_refused()
    {
        _server.Map("/moved", 301, "", "text/plain", ("Location", "/news/bridge.html"));
        _server.Map("/news/bridge.html", 200, Fixture("article-one.html"));
        _server.Map("/loop/a", 302, "", "text/plain", ("Location", "/loop/b"));
        _server.Map("/loop/b", 302, "", "text/plain", ("Location", "/loop/a"));
        for (int i = 0; i < 10; i++) _server.Map($"/chain/{i}", 302, "", "text/plain", ("Location", $"/chain/{i + 1}"));
        using var fetcher = new PoliteFetcher(Quick);
        var moved = await fetcher.FetchAsync(_server.Url("/moved"));
        Assert.Equal(FetchStatus.Ok, moved.Status);
        Assert.Equal(_server.Url("/news/bridge.html"), moved.FinalUrl);
        Assert.StartsWith("redirect loop at", (await fetcher.FetchAsync(_server.Url("/loop/a"))).Error, StringComparison.Ordinal);
        Assert.Equal("more than 3 redirects", (await fetcher.FetchAsync(_server.Url("/chain/0"))).Error);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_client_errors_are_not()
    {
        int calls = 0;
        _server.Map("/flaky", (_, stream, ct) => Interlocked.Increment(ref calls) == 1
            ? LocalWebServer.Respond(stream, 503, [], "text/plain", ct, ("Retry-After", "0"))
            : LocalWebServer.Respond(stream, 200, "<p>fine now</p>"u8.ToArray(), "text/html", ct));
        using var fetcher = new PoliteFetcher(Quick);
        var flaky = await fetcher.FetchAsync(_server.Url("/flaky"));
        Assert.Equal(FetchStatus.Ok, flaky.Status);
        Assert.Equal(2, flaky.Attempts);
        var missing = await fetcher.FetchAsync(_server.Url("/missing"));
        Assert.Equal("HTTP 404", missing.Error);
        Assert.Equal(1, missing.Attempts);
    }

    [Fact]
    public async Task Robots_txt_is_obeyed_and_read_once_per_host()
    {
        _server.Map("/private/briefing.html", 200, "<p>secret</p>");
        using var fetcher = new PoliteFetcher(Quick);
        var refused = await fetcher.FetchAsync(_server.Url("/private/briefing.html"));
        Assert.Equal(FetchStatus.Disallowed, refused.Status);
        Assert.Contains("robots.txt", refused.Error, StringComparison.Ordinal);
        await fetcher.FetchAsync(_server.Url("/anything"));
        Assert.Empty(_server.RequestsFor("/private/briefing.html"));
        Assert.Single(_server.RequestsFor("/robots.txt"));
    }

    [Fact]
    public async Task One_host_is_asked_one_request_at_a_time_at_a_set_pace()
    {
        for (int i = 0; i < 5; i++) _server.Map($"/page/{i}", 200, "<p>page</p>");
        using var fetcher = new PoliteFetcher(Quick with { PerHostDelay = TimeSpan.FromMilliseconds(150) });
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => fetcher.FetchAsync(_server.Url($"/page/{i}"))));
        var arrivals = _server.Requests.Where(r => r.Path.StartsWith("/page/", StringComparison.Ordinal)).Select(r => r.ArrivedUtc).Order().ToList();
        Assert.Equal(5, arrivals.Count);
        for (int i = 1; i < arrivals.Count; i++) Assert.True(arrivals[i] - arrivals[i - 1] >= TimeSpan.FromMilliseconds(120), $"requests {i - 1} and {i} came {(arrivals[i] - arrivals[i - 1]).TotalMilliseconds:F0} ms apart");
    }

    [Fact]
    public async Task An_announced_oversized_body_is_refused_before_it_is_read()
    {
        _server.Map("/huge", async (_, stream, ct) =>
        {
            await LocalWebServer.Head(stream, 200, ct, ("Content-Type", "text/html"), ("Content-Length", "5000000000"));
            await stream.WriteAsync("<p>"u8.ToArray(), ct);
        });
        using var fetcher = new PoliteFetcher(Quick);
        var result = await fetcher.FetchAsync(_server.Url("/huge"));
        Assert.StartsWith("larger than 1 MB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_is_idempotent_and_survives_a_line_cut_short()
    {
        string path = Path.Combine(_dir, "s.jsonl");
        using (var store = new JsonlArticleStore(path))
        {
            Assert.True(store.Add(new Model.Article { Id = "a", Text = "First article text.", Url = "https://x.example/a" }));
            Assert.False(store.Add(new Model.Article { Id = "b", Text = "Other text.", Url = "https://x.example/a#comments" }));
            Assert.False(store.Add(new Model.Article { Id = "c", Text = "First   article text.", Url = "https://x.example/c" }));
            Assert.True(store.Add(new Model.Article { Id = "a", Text = "Second article.", Url = "https://x.example/d" }));
            store.SaveFeed(new FeedState("https://x.example/feed", new Validators("\"v\"", null), DateTimeOffset.UnixEpoch, ["1", "2"]));
        }
        // A crash mid-write leaves half a line.
        File.AppendAllText(path, "{\"id\":\"half\",\"text\":\"cut");
        using (var store = new JsonlArticleStore(path))
        {
            Assert.Equal(2, store.Count);
            Assert.True(store.HasUrl("https://x.example/d/"));
            Assert.Equal(["1", "2"], store.Feed("https://x.example/feed")!.Done);
            Assert.Equal("\"v\"", store.Feed("https://x.example/feed")!.Validators!.ETag);
            Assert.True(store.Add(new Model.Article { Id = "e", Text = "Third.", Url = "https://x.example/e" }));
        }
        var read = ArticleSource.Read([path]);
        Assert.Empty(read.Errors);
        Assert.Equal(["a", "a-2", "e"], read.Articles.Select(a => a.Id));
    }
}
