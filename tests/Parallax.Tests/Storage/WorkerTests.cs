using Parallax.Pipeline;
using Parallax.Storage;
using Parallax.Stories;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Workers sharing a store (<c>parallax worker</c>): they divide the articles to analyse and the stories to brief through
/// the store, exactly one of them places articles, and however many run, however they are stopped or killed, the store
/// ends as one ingest of the same articles makes it. On PostgreSQL, claims are exclusive: no article is analysed by two.
/// </summary>
public sealed class WorkerTests : StoreTestBase
{
    private static Worker NewWorker(IStoryStore store) => new(store, AnalysisPipeline.Default, consolidateAfter: TimeSpan.Zero, featureBatch: 3) { BriefBatch = 2 };

    private static WorkReport RunToIdle(Worker worker) => worker.Run(TimeSpan.FromMilliseconds(20), untilIdle: true);

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void One_worker_takes_stored_articles_to_the_stories_one_ingest_makes(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var store = Stores.Open(kind, "shared.db");
        new Ingestor(store, AnalysisPipeline.Default).StoreAll(articles);

        var done = RunToIdle(NewWorker(store));

        Assert.Equal(articles.Count, done.Featured);
        Assert.Equal(articles.Count, done.Placed);
        Assert.True(done.Briefed > 0);
        Assert.Equal(0, store.QueuedBriefs);
        Assert.False(store.StoriesPending);
        Assert.Equal(reference, store.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Two_workers_share_the_work_one_places_and_the_result_is_the_same(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var a = Stores.Open(kind, "shared.db");
        using var b = Stores.Open(kind, "shared.db");
        var ingestor = new Ingestor(a, AnalysisPipeline.Default);
        ingestor.StoreAll(articles.Take(articles.Count / 2));
        var first = NewWorker(a);
        var second = NewWorker(b);
        var runs = new[] { first, second }.Select(w => Task.Run(() => RunToIdle(w))).ToArray();
        // More articles arrive while they work.
        ingestor.StoreAll(articles.Skip(articles.Count / 2));
        var reports = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Contains(reports, r => r.Placer);
        if (kind == TestStores.Postgres) Assert.Equal(articles.Count, reports.Sum(r => r.Featured)); // each article analysed once
        Assert.Equal(reference, a.Check().Digest);
    }

    [PostgresFact]
    public void Claims_on_PostgreSQL_are_exclusive_and_a_claim_let_go_unfinished_goes_to_the_next()
    {
        var articles = Mixed();
        using var store = Stores.Open(TestStores.Postgres, "shared.db");
        new Ingestor(store, AnalysisPipeline.Default).StoreAll(articles);
        using var other = Stores.Open(TestStores.Postgres, "shared.db");

        var held = store.ClaimUnfeatured(3);
        using (var second = other.ClaimUnfeatured(3))
        {
            Assert.Equal(3, held.Articles.Count);
            Assert.Empty(held.Articles.Select(x => x.Article.Id).Intersect(second.Articles.Select(x => x.Article.Id)));
            Assert.True(second.Articles[0].Seq > held.Articles[^1].Seq);
            second.Complete([.. second.Articles.Select(x => StoryFeatures.Of(AnalysisPipeline.Default.Analyze(x.Article)))], []);
        }
        var heldIds = held.Articles.Select(x => x.Article.Id).ToList();
        held.Dispose(); // a worker that died holding them: its rows go back
        using var next = other.ClaimUnfeatured(6);
        Assert.Equal(heldIds, next.Articles.Take(3).Select(x => x.Article.Id));
        Assert.Equal(articles.Count - 3, store.Check(quick: true).Unfeatured);
    }

    [PostgresFact]
    public void A_placer_whose_session_the_server_ended_lets_the_stories_go_and_notices()
    {
        using var store = Stores.Open(TestStores.Postgres, "shared.db");
        using var other = Stores.Open(TestStores.Postgres, "shared.db");
        var first = new LiveStories(store, AnalysisPipeline.Default);
        var second = new LiveStories(other, AnalysisPipeline.Default);
        Assert.True(first.TryHold());
        Assert.True(first.TryHold()); // kept
        Assert.False(second.TryHold());

        // A server restart or a network cut ends the session that holds the lock, without the holder letting go.
        using (var c = new Npgsql.NpgsqlConnection(Stores.Address(TestStores.Postgres, "shared.db")))
        {
            c.Open();
            using var end = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", c);
            end.ExecuteNonQuery();
        }
        // The session ends a moment after it is told to (a generous guard, not a timing).
        var wait = System.Diagnostics.Stopwatch.StartNew();
        while (!second.TryHold() && wait.Elapsed < HangGuard.Limit) Thread.Sleep(20);
        Assert.True(second.TryHold()); // the stories went with the session
        Assert.False(first.TryHold()); // and the first one knows it no longer has them
        second.Release();
        Assert.True(first.TryHold());
    }

    [PostgresFact]
    public async Task A_worker_outlives_its_connections_being_cut_and_ends_with_the_same_store()
    {
        var articles = Mixed();
        string reference = Reference(TestStores.Postgres, articles);
        using var store = Stores.Open(TestStores.Postgres, "shared.db");
        new Ingestor(store, AnalysisPipeline.Default).StoreAll(articles);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var worker = new Worker(store, AnalysisPipeline.Default, consolidateAfter: TimeSpan.Zero, featureBatch: 1) { BriefBatch = 1, Retry = new StoreRetry { Failed = (e, _) => failures.Add(e.Message) } };
        var run = Task.Run(() => RunToIdle(worker));
        // The server ends every session of the store's database a few times while the worker runs (a restart, a cut).
        using var c = new Npgsql.NpgsqlConnection(TestPostgres.Server);
        c.Open();
        string database = new Npgsql.NpgsqlConnectionStringBuilder(Stores.Address(TestStores.Postgres, "shared.db")).Database!;
        void Cut()
        {
            using var end = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", c);
            end.Parameters.AddWithValue("d", database);
            end.ExecuteNonQuery();
        }
        for (int cut = 0; cut < 3 && !run.IsCompleted; cut++)
        {
            await Task.Delay(150);
            Cut();
        }
        await run.WaitAsync(TimeSpan.FromMinutes(5));
        Cut(); // once more with the pool idle: the next read still succeeds
        // What it outlived was the cuts and nothing else (57P01: the server ended the session), and it lost nothing.
        Assert.All(failures, f => Assert.Contains("57P01", f, StringComparison.Ordinal));
        Assert.Equal(reference, store.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_brief_job_is_stored_only_while_it_is_the_newest_of_its_story(string kind)
    {
        var articles = Mixed();
        using var store = Stores.Open(kind, "shared.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(articles);
        var story = store.Stories(new StoryQuery(Limit: 1)).Stories[0];
        var stored = store.Story(story.Id)!;
        long version = store.StoriesVersion;
        var members = new StoryMembers(story.Id, stored.Articles, stored.DuplicateOf);
        var refresher = new StoryRefresher(store, AnalysisPipeline.Default);
        var cache = new AnalysisCache(64);

        // Two jobs of one story, the second queued after the first: only the second is claimed, and stored.
        store.QueueBriefs([new BriefJob(members, [], version), new BriefJob(members, [], version)]);
        using (var claim = store.ClaimBriefs(10))
        {
            Assert.Single(claim.Jobs);
            var (records, failed) = refresher.Brief([(story.Id, members)], new Dictionary<string, string> { [story.Id] = StoryRefresher.MembersKey(members) }, cache, default);
            Assert.Equal(1, claim.Complete(records, failed));
        }
        Assert.Equal(0, store.QueuedBriefs);

        // A job placed under an older version (stories were consolidated since) is dropped unbriefed.
        store.QueueBriefs([new BriefJob(members, [], version - 1)]);
        using (var claim = store.ClaimBriefs(10)) Assert.Empty(claim.Jobs);
        Assert.Equal(version, store.StoriesVersion); // briefs of jobs never make the placer read the stories again
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_placer_that_stops_leaves_the_stories_to_the_next_which_places_its_unbriefed_articles_again(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var a = Stores.Open(kind, "shared.db");
        using var b = Stores.Open(kind, "shared.db");
        new Ingestor(a, AnalysisPipeline.Default).StoreAll(articles);
        var first = NewWorker(a);
        Assert.True(first.Live.TryHold());
        var placed = first.Live.Place();
        Assert.Equal(articles.Count, placed.Placed);
        Assert.True(a.QueuedBriefs > 0);
        var second = NewWorker(b);
        Assert.False(second.Live.TryHold()); // one placer at a time
        first.Live.Release(); // it stops (or dies) before any brief is made

        var done = RunToIdle(second);

        Assert.True(done.Placer);
        Assert.Equal(articles.Count, done.Placed); // the first one's placements were never stored: placed again
        Assert.Equal(0, b.QueuedBriefs);
        Assert.Equal(reference, b.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_worker_stopped_mid_run_leaves_the_rest_to_another_and_the_result_is_the_same(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var a = Stores.Open(kind, "shared.db");
        new Ingestor(a, AnalysisPipeline.Default).StoreAll(articles);
        // One round of a worker that briefs one story a round, then stops (or dies) with the rest queued.
        var first = new Worker(a, AnalysisPipeline.Default, consolidateAfter: TimeSpan.Zero, featureBatch: 3) { BriefBatch = 1, BriefRounds = 1 };
        var step = first.Step();
        Assert.Equal((articles.Count, 1), (step.Placed, step.Briefed));
        first.Live.Release();
        Assert.True(a.StoriesPending);

        using var b = Stores.Open(kind, "shared.db");
        RunToIdle(NewWorker(b));
        Assert.Equal(reference, b.Check().Digest);
    }

    [PostgresFact]
    public async Task An_ingest_outlives_the_server_restarting_twice_and_stores_every_article_once()
    {
        var articles = Mixed();
        string reference = Reference(TestStores.Postgres, articles);
        var direct = new Npgsql.NpgsqlConnectionStringBuilder(Stores.Address(TestStores.Postgres, "restarted.db"));
        using var relay = new TcpRelay(direct.Host!, direct.Port);
        using var store = new Storage.Postgres.PostgresStore(new Npgsql.NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 5 }.ConnectionString);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        var ingestor = new Ingestor(store, AnalysisPipeline.Default) { Batch = 3, Retry = new StoreRetry { Failed = (_, pause) => failures.Enqueue(pause) } };
        // The server "restarts" (every session cut, new ones refused for 2.5 s) once while articles are being stored and
        // once when the refresh has begun: each outage is met by the next store call, so it costs at least one failure.
        void Restart()
        {
            relay.Down();
            _ = Task.Delay(2500).ContinueWith(_ => relay.Up(), TaskScheduler.Default);
        }
        IEnumerable<Model.Article> Arriving()
        {
            for (int i = 0; i < articles.Count; i++)
            {
                if (i == 7) Restart();
                yield return articles[i];
            }
        }
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase != "storing articles" && relay.Outages == 1) Restart();
        });
        var report = await Task.Run(() => ingestor.Ingest(Arriving(), progress)).WaitAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(2, relay.Outages);
        Assert.InRange(failures.Count, 2, 8);
        Assert.All(failures, pause => Assert.True(pause == StoreRetry.Pause(1) || pause == StoreRetry.Pause(2) || pause == StoreRetry.Pause(3), $"{pause}"));
        // Every article stored once: the store holds what one uninterrupted ingest of the same articles makes.
        Assert.Equal(articles.Count, report.Offered);
        Assert.Equal(reference, store.Check().Digest);
    }

    /// <summary>Reports on the caller's thread, at once.</summary>
    private sealed class SynchronousProgress(Action<RefreshProgress> report) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => report(value);
    }
}
