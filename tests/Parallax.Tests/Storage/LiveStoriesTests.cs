using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// The live path: an article added to a running store joins its story in one placement, only the stories it touches are
/// briefed again, ids never change, and a consolidation afterwards leaves exactly the store one ingest of the same articles
/// makes — however the placements were interrupted, and whoever else wrote meanwhile.
/// </summary>
public sealed class LiveStoriesTests : StoreTestBase
{
    private static PlaceReport AddLive(IStoryStore store, LiveStories live, IEnumerable<Article> articles)
    {
        new Ingestor(store, AnalysisPipeline.Default).StoreAll(articles);
        return live.Place();
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void An_added_article_joins_its_story_at_once_which_keeps_its_id_and_alone_is_briefed_again(string kind)
    {
        var examples = ArticleSource.Read([TestPaths.Examples]).Articles;
        using var store = Stores.Open(kind, "live.db");
        var live = new LiveStories(store, AnalysisPipeline.Default);
        AddLive(store, live, SampleStories.Rated());
        var first = AddLive(store, live, examples.Take(1));
        Assert.Equal((1, 1, 0), (first.Placed, first.Rebuilt, first.Removed));
        string id = store.Article(examples[0].Id)!.Story!;

        foreach (var next in examples.Skip(1))
        {
            var placed = AddLive(store, live, [next]);
            // One placement briefs one story: the one the article joined, and not the harbour strike beside it.
            Assert.Equal((1, 1), (placed.Placed, placed.Rebuilt));
            Assert.Equal(id, store.Article(next.Id)!.Story);
        }
        Assert.Equal(examples.Count, store.Story(id)!.Articles.Count);
        Assert.True(store.StoriesPending); // placed, not yet consolidated
        Assert.Equal(PlaceReport.Nothing, live.Place()); // nothing new: no lock, no work
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Placed_live_then_consolidated_the_store_equals_one_ingest_of_the_same_articles(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var store = Stores.Open(kind, "live.db");
        var live = new LiveStories(store, AnalysisPipeline.Default);
        foreach (var a in articles) AddLive(store, live, [a]);
        Assert.All(articles, a => Assert.NotNull(store.Article(a.Id)!.Story));

        var done = live.Consolidate();
        Assert.NotNull(done);
        Assert.False(store.StoriesPending);
        Assert.Equal(reference, store.Check().Digest);
        Assert.Null(new Ingestor(store, AnalysisPipeline.Default).Resume()); // nothing left to do
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_restart_places_what_the_last_run_stored_and_a_refresh_by_another_process_is_taken_in(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var store = Stores.Open(kind, "live.db");
        AddLive(store, new LiveStories(store, AnalysisPipeline.Default), articles.Take(3));
        // Stored, and the process died before placing them: the next process places them from what is stored.
        new Ingestor(store, AnalysisPipeline.Default).StoreAll(articles.Skip(3).Take(3));
        var restarted = new LiveStories(store, AnalysisPipeline.Default);
        var resumed = restarted.Place();
        Assert.Equal(3, resumed.Placed);
        Assert.All(articles.Take(6), a => Assert.NotNull(store.Article(a.Id)!.Story));

        // Another process (a CLI ingest) refreshes the stories from scratch; this one notices and reads them again.
        using (var other = Stores.Open(kind, "live.db"))
        {
            new Ingestor(other, AnalysisPipeline.Default).Ingest(articles.Skip(6).Take(2));
        }
        var after = AddLive(store, restarted, articles.Skip(8));
        Assert.True(after.SeedTime > TimeSpan.Zero);
        Assert.Equal(articles.Count - 8, after.Placed);
        Assert.NotNull(restarted.Consolidate());
        Assert.Equal(reference, store.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Articles_placed_while_a_consolidation_clusters_are_kept_and_the_next_one_ends_equal_to_an_ingest(string kind)
    {
        var articles = Mixed();
        string reference = Reference(kind, articles);
        using var store = Stores.Open(kind, "live.db");
        var live = new LiveStories(store, AnalysisPipeline.Default);
        AddLive(store, live, articles.Take(articles.Count - 2));
        int during = 0;
        var progress = new InlineProgress(p =>
        {
            // The consolidation has read every article's features and clusters them, outside the lock: adds go on.
            if (p.Phase == "grouping into stories" && during++ == 0) Assert.Equal(2, AddLive(store, live, articles.TakeLast(2)).Placed);
        });
        Assert.NotNull(live.Consolidate(progress));
        Assert.All(articles, a => Assert.NotNull(store.Article(a.Id)!.Story));
        Assert.True(store.StoriesPending); // the two came after what it clustered
        Assert.NotNull(live.Consolidate());
        Assert.False(store.StoriesPending);
        Assert.Equal(reference, store.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void While_another_process_holds_the_stories_articles_stay_stored_and_are_placed_later(string kind)
    {
        using var store = Stores.Open(kind, "live.db");
        var live = new LiveStories(store, AnalysisPipeline.Default);
        AddLive(store, live, SampleStories.Rated());
        var held = store.TryLockRefresh();
        Assert.NotNull(held);
        var deferred = AddLive(store, live, SampleStories.Older());
        Assert.True(deferred.Deferred);
        Assert.Null(store.Article(SampleStories.Older().First().Id)!.Story);
        held!.Dispose();
        Assert.Equal(SampleStories.Older().Count(), live.Place().Placed);
        Assert.NotNull(store.Article(SampleStories.Older().First().Id)!.Story);
    }

    [SharedTheory("corpora/allsides.jsonl.gz")]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Four_hundred_wire_and_web_reports_placed_in_bursts_with_restarts_end_equal_to_one_ingest(string kind)
    {
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        var articles = ArticleSource.Stream([Path.Combine(TestPaths.Shared!, "corpora", "allsides.jsonl.gz")], errors, warnings).Take(400).ToList();
        string reference = Reference(kind, articles);
        using var store = Stores.Open(kind, "live.db");
        var live = new LiveStories(store, AnalysisPipeline.Default);
        var random = new Random(21);
        int at = 0, restarts = 0;
        while (at < articles.Count)
        {
            int n = Math.Min(articles.Count - at, 1 + random.Next(40));
            AddLive(store, live, articles.Skip(at).Take(n));
            at += n;
            if (random.Next(4) == 0)
            {
                live = new LiveStories(store, AnalysisPipeline.Default);
                restarts++;
            }
        }
        Assert.True(restarts > 0);
        var stored = store.Check();
        Assert.Equal(0, stored.Unfeatured);
        Assert.NotEqual(0, stored.Stories);
        // Placed in arrival order, a few stories differ from clustering all 400 at once (10 on this slice); consolidation mends them.
        Assert.NotNull(live.Consolidate());
        Assert.Equal(reference, store.Check().Digest);
    }

    private sealed class InlineProgress(Action<RefreshProgress> report) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => report(value);
    }
}
