using System.Diagnostics;
using Parallax.Extraction;
using Parallax.Feeds;
using Parallax.Fetching;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// One feed costs a bounded amount a poll: at most N entries, a failed entry waits out a growing back-off (kept across
/// restarts), and a slow feed holds up no other beyond its time budget. Proved by counting the requests the local server
/// received, never by timing.
/// </summary>
public sealed class FeedLimitsTests : IDisposable
{
    private static readonly FetchOptions Quick = new() { PublicAddressesOnly = false, Timeout = TimeSpan.FromSeconds(10), PerHostDelay = TimeSpan.Zero, Retries = 0 };

    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-feedlimits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static int[] Items(LocalWebServer server) =>
        [.. server.Paths("/item-").Select(p => int.Parse(p["/item-".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_large_feed_is_fetched_n_entries_a_poll_and_failed_entries_wait_out_their_back_off_across_a_restart()
    {
        await using var server = new LocalWebServer();
        server.Map("/robots.txt", 404, "");
        server.MapFeed("/big.xml", TestFeeds.GuidOnly(10_000)); // every entry's page answers 404
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        string path = Path.Combine(_dir, "store.jsonl");
        var feeds = new[] { new WatchedFeed(server.Url("/big.xml"), AddressOrigin.Operator) };
        using var fetcher = new PoliteFetcher(Quick);
        FeedWatcher Watcher(IArticleStore store) => new(fetcher, new PageExtractor(), store) { MaxEntriesPerPoll = 20, MaxAttempts = 2, Clock = clock };

        using (var store = new JsonlArticleStore(path))
        {
            var first = await Watcher(store).PollAsync(feeds, null, CancellationToken.None);
            Assert.Equal(20, first.ArticlesFailed);
            Assert.Equal(FeedWatcher.EntriesConsidered - 20, first.Waiting);
            Assert.Equal(Enumerable.Range(0, 20), Items(server).Order());
            await Watcher(store).PollAsync(feeds, null, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, 40), Items(server).Order());
        }

        // A restart reads the back-off from the store: the failed entries are not tried again yet.
        clock.Now += TimeSpan.FromMinutes(1);
        using (var store = new JsonlArticleStore(path))
        {
            await Watcher(store).PollAsync(feeds, null, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, 60), Items(server).Order());

            // Once the back-off has passed, the newest failed entries come first; at their second failure they are given up.
            clock.Now += TimeSpan.FromMinutes(15);
            var retry = await Watcher(store).PollAsync(feeds, null, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, 20).Concat(Enumerable.Range(0, 60)).Order(), Items(server).Order());
            Assert.Equal(20, retry.ArticlesFailed);
            clock.Now += TimeSpan.FromDays(1);
            await Watcher(store).PollAsync(feeds, null, CancellationToken.None);
            Assert.Equal(2, Items(server).Count(i => i == 0));
            Assert.Equal(2, Items(server).Count(i => i == 20));
            Assert.Equal(100, Items(server).Length);
        }
        Assert.Equal(5, server.Paths("/big.xml").Count);
    }

    [Fact]
    public void Entries_handled_stay_remembered_while_the_feed_lists_them_however_long_it_grows()
    {
        static Feed FeedOf(IEnumerable<int> ids) => new(FeedFormat.Rss2, "f", null, null, [.. ids.Select(i => new FeedItem { Id = $"e{i}", Link = $"https://f.example/{i}" })]);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        // A feed whose whole window is handled gains ten entries on top: only those ten are fetched, and then nothing.
        var full = FeedOf(Enumerable.Range(0, FeedBacklog.Window).Reverse());
        var state = new FeedState("https://f.example/feed", null, now, [.. full.Items.Select(i => i.Id)]);
        var grown = FeedOf(Enumerable.Range(0, FeedBacklog.Window + 10).Reverse());
        var plan = FeedBacklog.Plan(grown, state, now, 50);
        Assert.Equal(Enumerable.Range(FeedBacklog.Window, 10).Reverse().Select(i => $"e{i}"), plan.Fetch.Select(i => i.Id));
        Assert.Equal(10, plan.Beyond);
        var after = plan.After(state.Url, new Validators("\"v\"", null), now, [.. plan.Fetch.Select(i => i.Id)], [], TimeSpan.FromMinutes(15));
        Assert.Equal(FeedBacklog.Window, after.Done.Count);
        Assert.Empty(FeedBacklog.Plan(grown, after, now, 50).Fetch);
        // Nothing is left to fetch, so the feed may be asked for conditionally next time.
        Assert.NotNull(after.Validators);
    }

    [Fact]
    public async Task A_slow_feed_holds_up_another_no_longer_than_its_budget()
    {
        await using var slow = new LocalWebServer();
        await using var fast = new LocalWebServer();
        slow.Map("/robots.txt", 404, "");
        fast.Map("/robots.txt", 404, "");
        // The slow site's pages never answer; only the feed's time budget ends the wait.
        slow.MapFeed("/feed.xml", TestFeeds.GuidOnly(5));
        for (int i = 0; i < 5; i++) slow.Map($"/item-{i}", (_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        fast.MapFeed("/feed.xml", TestFeeds.GuidOnly(5));
        for (int i = 0; i < 5; i++) fast.Map($"/item-{i}", 200, TestFeeds.SecretPage.Replace("hunter", $"page {i} hunter", StringComparison.Ordinal));
        using var fetcher = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromMinutes(10) });
        using var store = new JsonlArticleStore(Path.Combine(_dir, "store.jsonl"));
        // One feed at a time, the slow one first: without a budget the fast one would wait for ten-minute timeouts.
        var watcher = new FeedWatcher(fetcher, new PageExtractor(), store) { Parallelism = 1, FeedBudget = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var report = await watcher.PollAsync([new WatchedFeed(slow.Url("/feed.xml")), new WatchedFeed(fast.Url("/feed.xml"))], null, CancellationToken.None);
        HangGuard.Within(clock, "a poll with a feed that never answers");
        Assert.Single(slow.Paths("/item-"));
        Assert.Equal(5, fast.Paths("/item-").Count);
        Assert.Equal(5, report.Added);
        Assert.Equal(5, report.Waiting);
        Assert.Equal(0, report.ArticlesFailed);
    }

    [Fact]
    public async Task Each_feed_keeps_its_own_schedule_so_a_feed_that_hangs_delays_no_others_next_polls()
    {
        await using var slow = new LocalWebServer();
        await using var fast = new LocalWebServer();
        slow.Map("/robots.txt", 404, "");
        fast.Map("/robots.txt", 404, "");
        // The slow feed answers only when the test lets it; its budget is longer than the test.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Map("/feed.xml", async (_, stream, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await LocalWebServer.Respond(stream, 200, System.Text.Encoding.UTF8.GetBytes(TestFeeds.GuidOnly(0)), "application/rss+xml", ct);
        });
        fast.MapFeed("/feed.xml", TestFeeds.GuidOnly(0));
        using var fetcher = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromMinutes(10) });
        using var store = new JsonlArticleStore(Path.Combine(_dir, "store.jsonl"));
        var watcher = new FeedWatcher(fetcher, new PageExtractor(), store) { FeedBudget = TimeSpan.FromMinutes(10) };
        using var stop = new CancellationTokenSource();
        var polls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var watching = watcher.WatchAsync(
            [new WatchedFeed(slow.Url("/feed.xml")), new WatchedFeed(fast.Url("/feed.xml"))], TimeSpan.FromMilliseconds(50), null,
            (feed, _) => polls.Enqueue(feed.Url.AbsoluteUri), stop.Token);
        var clock = Stopwatch.StartNew();
        while ((fast.RequestsFor("/feed.xml").Count() < 3 || !slow.RequestsFor("/feed.xml").Any()) && clock.Elapsed < HangGuard.Limit) await Task.Delay(20);
        HangGuard.Within(clock, "three polls of a fast feed beside one that hangs");
        // Three polls of the fast feed ended while the slow feed's first is still waiting for its answer.
        Assert.Single(slow.RequestsFor("/feed.xml"));
        Assert.True(polls.Count(u => u == fast.Url("/feed.xml").AbsoluteUri) >= 2);
        Assert.DoesNotContain(slow.Url("/feed.xml").AbsoluteUri, polls);
        release.SetResult();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
    }

    [Fact]
    public async Task Watch_once_fetches_at_most_the_entries_asked_for_and_the_next_run_takes_the_next_ones()
    {
        await using var server = new LocalWebServer();
        server.Map("/robots.txt", 404, "");
        server.MapFeed("/big.xml", TestFeeds.GuidOnly(10_000));
        string db = Path.Combine(_dir, "cli.jsonl");
        string[] args = ["watch", server.Base + "/big.xml", "--db", db, "--once", "--delay", "0s", "--max-items-per-poll", "50", "--allow-private-addresses", "127.0.0.1"];
        var (code, output, err) = await TestFeeds.Cli(args);
        Assert.Equal(Parallax.Cli.ParallaxCli.Partial, code);
        Assert.Equal(50, server.Paths("/item-").Count);
        Assert.Contains("50 failed, 4950 waiting for later polls", output, StringComparison.Ordinal);
        Assert.Contains("the 5000 entries older than the newest 5000 are not fetched", err, StringComparison.Ordinal);
        Assert.Contains("(attempt 1 of 6; tried again in 15m or later)", err, StringComparison.Ordinal);
        await TestFeeds.Cli(args);
        Assert.Equal(Enumerable.Range(0, 100), Items(server).Order());
    }
}
