using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;
using Parallax.Storage;
using Parallax.Stories;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// The stores and ingest: idempotent, incremental, transactional, searchable, and equal to the brief of the same files —
/// each test that is about the store's contract runs on SQLite and, when a test server is there, on PostgreSQL.
/// </summary>
public sealed class StoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-store-").FullName;

    private TestStores? _stores;

    /// <summary>Stores of either kind for this test, dropped after it.</summary>
    private TestStores Stores => _stores ??= new TestStores(_dir);

    public void Dispose()
    {
        _stores?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Db(string name = "test.db") => Path.Combine(_dir, name);

    private static IReadOnlyList<Article> Examples() => ArticleSource.Read([TestPaths.Examples]).Articles;

    private static Article Made(string id, string text, string? url = null, DateOnly? published = null) =>
        new() { Id = id, Text = text, Url = url, Published = published ?? new DateOnly(2025, 3, 2), Source = "Outlet " + id };

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Ingest_stores_each_article_once_and_the_stored_brief_is_the_brief_of_the_files(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        var ingestor = new Ingestor(store, AnalysisPipeline.Default);
        var first = ingestor.Ingest(Examples());
        Assert.Equal(4, first.Added);
        Assert.Equal(1, first.Refresh.Stories);
        var again = ingestor.Ingest(Examples());
        Assert.Equal(0, again.Added);
        Assert.Equal(4, again.SameText);
        Assert.Equal(0, again.Refresh.Rebuilt);
        Assert.Equal(4, store.Count);

        var page = store.Stories(new StoryQuery());
        var summary = Assert.Single(page.Stories);
        Assert.Equal(4, summary.Sources);
        Assert.Equal(4, store.Story(summary.Id)!.Articles.Count);
        var brief = new BriefBuilder(AnalysisPipeline.Default).Build(new Story(summary.Id, Corpus.Analyze(Examples(), AnalysisPipeline.Default), new Dictionary<string, string>()));
        Assert.Equal(BriefJson.WriteStory(brief), store.BriefJson(summary.Id));
        Assert.Equal(brief.Title, summary.Title);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(brief.Facts[0].Text), store.BriefHtml(summary.Id), StringComparison.Ordinal);
        Assert.Equal("ok", store.Check().Integrity);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void The_same_address_or_the_same_text_is_recognised_and_a_reused_id_is_made_unique(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        string text = "The council voted on Tuesday to close the old library. The vote was 7 to 2.";
        var outcomes = store.AddAll([
            Made("a", text, "https://Example.com/news/1#top"),
            Made("b", "  The council voted on Tuesday\nto close the old library.   The vote was 7 to 2. "),
            Made("c", "Another text entirely, about a harbour that reopened after repairs.", "https://example.com/news/1"),
            Made("a", "A third text with the same id as the first, about a school that opened."),
        ]);
        Assert.Equal([AddStatus.Added, AddStatus.SameText, AddStatus.SameUrl, AddStatus.Added], outcomes.Select(o => o.Status));
        Assert.Equal(["a", "a", "a", "a-2"], outcomes.Select(o => o.Id));
        Assert.True(store.HasUrl("https://example.com/news/1/"));
        Assert.Equal(2, store.Count);
        Assert.True(store.StoriesPending);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Articles_arriving_later_join_their_story_and_end_as_if_ingested_at_once(string kind)
    {
        var all = Examples();
        using var once = Stores.Open(kind, "once.db");
        new Ingestor(once, AnalysisPipeline.Default).Ingest(all);

        using var stepwise = Stores.Open(kind, "steps.db");
        var ingestor = new Ingestor(stepwise, AnalysisPipeline.Default);
        var r1 = ingestor.Ingest(all.Take(2));
        Assert.Equal(1, r1.Refresh.Stories);
        string storyId = Assert.Single(stepwise.Stories(new StoryQuery()).Stories).Id;
        var r2 = ingestor.Ingest(all.Skip(2));
        Assert.Equal(1, r2.Refresh.Rebuilt);
        var story = Assert.Single(stepwise.Stories(new StoryQuery()).Stories);
        Assert.Equal(storyId, story.Id); // the story keeps its id as it grows
        Assert.Equal(4, story.Articles);
        Assert.Equal(once.Check().Digest, stepwise.Check().Digest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_refresh_cut_short_is_finished_by_the_next_and_ends_as_an_uninterrupted_one(string kind)
    {
        var articles = Examples().Concat([Made("x1", "A harbour in the north reopened on Friday after two years of repairs costing $12 million, officials said."),
            Made("x2", "Voters in the county approved a school bond of $40 million on Tuesday, the election office said.")]).ToList();
        using var reference = Stores.Open(kind, "ref.db");
        new Ingestor(reference, AnalysisPipeline.Default).Ingest(articles);

        using var store = Stores.Open(kind, "cut.db");
        store.AddAll(articles);
        using var cancel = new CancellationTokenSource();
        var refresher = new StoryRefresher(store, AnalysisPipeline.Default) { BriefBatch = 1, FeatureBatch = 2 };
        int reports = 0;
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == "briefing stories" && ++reports == 1) cancel.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => refresher.Refresh(progress, cancel.Token));
        Assert.True(store.StoriesPending);
        Assert.NotEqual(reference.Check().Digest, store.Check().Digest);
        Assert.NotNull(new Ingestor(store, AnalysisPipeline.Default).Resume());
        Assert.False(store.StoriesPending);
        Assert.Equal(reference.Check().Digest, store.Check().Digest);
        Assert.Null(new Ingestor(store, AnalysisPipeline.Default).Resume());
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Search_finds_word_forms_and_phrases_in_articles_and_facts_and_never_fails_on_what_is_typed(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(Examples());
        var hits = store.Search("bridges reopening");
        Assert.Contains(hits, h => h.Kind == SearchHitKind.Article && h.Story is not null);
        Assert.Contains(hits, h => h.Kind == SearchHitKind.Fact);
        Assert.All(hits, h => Assert.Contains(SearchHit.MarkStart, h.Snippet));
        Assert.NotEmpty(store.Search("\"Meridian Bridge\""));
        Assert.Empty(store.Search("\"Bridge Meridian\""));
        foreach (var hostile in new[] { "\"", "AND OR NOT", "title:bridge", "NEAR(a b", "bridge*", "'; DROP TABLE articles; --", "()", "\u0000", new string('a', 5000) })
        {
            _ = store.Search(hostile);
        }
        Assert.Equal(4, store.Count);
    }

    [Theory]
    [InlineData("bridge", "\"bridge\"")]
    [InlineData("  Meridian   bridge ", "\"Meridian\" \"bridge\"")]
    [InlineData("\"Elena Marsh\" said", "\"Elena Marsh\" \"said\"")]
    [InlineData("title:bridge AND NOT x", "\"title\" \"bridge\" \"AND\" \"NOT\" \"x\"")]
    [InlineData("“curly quotes”", "\"curly quotes\"")]
    [InlineData("unclosed \"phrase here", "\"unclosed\" \"phrase here\"")]
    [InlineData("$%^&*", null)]
    [InlineData("", null)]
    public void Search_boxes_become_safe_fts_queries(string typed, string? expected) => Assert.Equal(expected, FtsQuery.From(typed));

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Stories_are_ranked_by_sources_and_recency_and_filtered_by_date(string kind)
    {
        Assert.True(StoryRefresher.Score(8, new DateOnly(2025, 3, 1)) > StoryRefresher.Score(1, new DateOnly(2025, 3, 3)));
        Assert.True(StoryRefresher.Score(8, new DateOnly(2025, 3, 1)) < StoryRefresher.Score(1, new DateOnly(2025, 3, 9)));
        using var store = Stores.Open(kind, "test.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest([.. Examples(),
            Made("later", "A harbour in the north reopened on Friday after two years of repairs costing $12 million, officials said.", published: new DateOnly(2026, 6, 1))]);
        var all = store.Stories(new StoryQuery());
        Assert.Equal(2, all.Total);
        Assert.Equal(1, all.Stories[0].Sources); // three months newer outweighs four sources
        Assert.Single(store.Stories(new StoryQuery(Since: new DateOnly(2026, 5, 1))).Stories);
        Assert.Single(store.Stories(new StoryQuery(Until: new DateOnly(2026, 5, 1))).Stories);
        Assert.Single(store.Stories(new StoryQuery(MinSources: 2)).Stories);
        Assert.Single(store.Stories(new StoryQuery(Limit: 1, Offset: 1)).Stories);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void An_undated_story_ranks_after_every_dated_one_and_a_date_filter_leaves_it_out(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest([.. Examples(),
            Made("undated", "A lighthouse keeper on a remote island retired after forty years, and the light will now run on its own, the trust said.") with { Published = null }]);
        var all = store.Stories(new StoryQuery());
        Assert.Equal(2, all.Total);
        // Its articles arrived today, years after the dated story, and still it comes last.
        Assert.Null(all.Stories[^1].Date);
        Assert.NotNull(all.Stories[0].Date);
        var since = store.Stories(new StoryQuery(Since: new DateOnly(2000, 1, 1)));
        Assert.All(since.Stories, s => Assert.NotNull(s.Date));
        Assert.Equal(1, since.Total);
        Assert.Equal(1, store.Stories(new StoryQuery(Until: new DateOnly(2100, 1, 1))).Total);
    }

    [Fact]
    public void Story_features_survive_the_round_trip_through_bytes()
    {
        var analyzed = Corpus.Analyze(Examples(), AnalysisPipeline.Default);
        foreach (var a in analyzed)
        {
            var f = StoryFeatures.Of(a);
            var back = FeatureCodec.Decode(f.Id, FeatureCodec.Encode(f))!;
            Assert.Equal(f.Published, back.Published);
            Assert.Equal(f.Terms, back.Terms);
            Assert.Equal(f.Counts, back.Counts);
            Assert.Equal(f.Shingles, back.Shingles);
            Assert.Equal(f.AllShingles, back.AllShingles);
        }
        Assert.Null(FeatureCodec.Decode("x", [9, 9, 9]));
        Assert.Null(FeatureCodec.Decode("x", [1, 0, 0, 0, 0, 0, 255, 255, 255, 127, 0, 0, 0, 0]));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_with_a_clear_message_and_left_untouched()
    {
        string notDb = Path.Combine(_dir, "notes.db");
        File.WriteAllText(notDb, "these are my notes, not a database");
        var e = Assert.Throws<StoreException>(() => new SqliteStore(notDb).Count);
        Assert.Contains("not a Parallax store", e.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(notDb));
        Assert.Throws<StoreException>(() => new SqliteStore(_dir));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Feed_state_is_kept_in_the_store(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        Assert.Null(store.Feed("https://example.com/feed"));
        var retryAt = new DateTimeOffset(2026, 3, 1, 12, 15, 0, TimeSpan.Zero);
        store.SaveFeed(new FeedState("https://example.com/feed", new Fetching.Validators("\"e1\"", null), DateTimeOffset.UnixEpoch, ["a", "b"]) { Failed = [new FailedEntry("c", 2, retryAt)] });
        var back = store.Feed("https://example.com/feed")!;
        Assert.Equal("\"e1\"", back.Validators!.ETag);
        Assert.Equal(["a", "b"], back.Done);
        // Failed entries and when they may be tried again survive a restart, so a restart does not retry them all at once.
        Assert.Equal([new FailedEntry("c", 2, retryAt)], back.Failed);
    }

    private sealed class InlineProgress(Action<RefreshProgress> report) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => report(value);
    }

    [Fact]
    public void A_story_names_its_outlets_and_a_store_from_before_gains_them_when_its_stories_are_briefed_again()
    {
        string db = Db();
        using (var store = new SqliteStore(db))
        {
            new Ingestor(store, AnalysisPipeline.Default).Ingest(Examples());
            var story = Assert.Single(store.Stories(new StoryQuery()).Stories);
            Assert.Equal(["Avalen Courier", "Coastline Daily", "Harbor Wire", "Metro Ledger"], story.Outlets.Order(StringComparer.Ordinal));
        }
        // The same store as schema 3 wrote it: no outlets column.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE stories DROP COLUMN outlets; PRAGMA user_version = 3;";
            cmd.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var store = new SqliteStore(db))
        {
            var story = Assert.Single(store.Stories(new StoryQuery()).Stories);
            Assert.Empty(story.Outlets);
            Assert.Equal(4, story.Sources);
            Assert.Equal("ok", store.Check().Integrity);
            // A new article changes the story, which is briefed again with its outlets.
            new Ingestor(store, AnalysisPipeline.Default).Ingest([Made("late", "The Meridian Bridge reopened to traffic on March 14, Mayor Elena Marsh said, after an eighteen-month repair.", published: new DateOnly(2026, 3, 3))]);
            Assert.Contains(store.Stories(new StoryQuery()).Stories, s => s.Outlets.Contains("Avalen Courier"));
        }
    }

    [Fact]
    public void A_schema_4_store_is_briefed_again_in_the_background_and_gains_coverage_and_topics()
    {
        string db = Db();
        using (var store = new SqliteStore(db))
        {
            new Ingestor(store, AnalysisPipeline.Default).Ingest(Examples());
            Assert.False(store.StoriesPending);
        }
        // The same store as schema 4 wrote it: no topic column, no story_outlets table.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP INDEX stories_topic; ALTER TABLE stories DROP COLUMN topic; DROP TABLE story_outlets; PRAGMA user_version = 4;";
            cmd.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var store = new SqliteStore(db))
        {
            // Its old briefs are served until the new ones are in; the stories are marked for a refresh, which a server runs on its own.
            var story = Assert.Single(store.Stories(new StoryQuery()).Stories);
            Assert.Empty(story.Coverage);
            Assert.True(store.StoriesPending);
            Assert.NotNull(store.OpenBriefHtml(story.Id));
            var report = new Ingestor(store, AnalysisPipeline.Default).Resume();
            Assert.Equal(1, report!.Rebuilt);
            story = Assert.Single(store.Stories(new StoryQuery()).Stories);
            Assert.Equal(["Avalen Courier", "Coastline Daily", "Harbor Wire", "Metro Ledger"], story.Coverage.Select(o => o.Name).Order(StringComparer.Ordinal));
            Assert.False(store.StoriesPending);
            Assert.Equal("ok", store.Check().Integrity);
            Assert.Single(store.Stories(new StoryQuery { Outlet = "metro ledger" }).Stories);
        }
    }

    private static readonly string[] GalleryTitles = ["Regatta in pictures", "Seed market scenes", "Lantern parade photographs"];

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_list_line_that_recurs_across_stories_is_a_template_and_the_next_line_is_shown(string kind)
    {
        const string pitch = "Marta Quill has covered city hall and the harbour district for the Morning Ledger since 2009.";
        string[] events =
        [
            "The Harlow river flooded the lower town on Sunday after three days of rain, and two hundred families left their homes. Rescue crews used boats to reach the old mill district. The regional water board said the embankment had been due for repair since 2019, and engineers would inspect it once the water fell.",
            "The city council approved a new budget of $84 million on Tuesday, raising library spending by a fifth. Councillor Rosa Imrie said the vote was the closest in a decade. Property taxes will rise by two percent, and the bus fare stays at two dollars for another year.",
            "A fire destroyed a furniture warehouse near the rail yard on Wednesday night, fire chief Dan Oyelaran said. Nobody was hurt, but the line to the coast was closed for hours. Investigators are looking at faulty wiring in the loading bay, where the blaze started shortly after ten.",
        ];
        var articles = events.Select((text, i) => new Article
        {
            Id = $"ledger-{i}",
            Source = "Morning Ledger",
            Title = $"Ledger story {i}",
            Published = new DateOnly(2025, 1, 5).AddDays(i * 120),
            Text = pitch + "\n\n" + text,
        }).ToList();
        using var store = Stores.Open(kind, "test.db");
        var ingestor = new Ingestor(store, AnalysisPipeline.Default);
        ingestor.Ingest(articles.Take(2).ToList());
        // Two stories share the line: not yet a template.
        Assert.Equal(2, store.Stories(new StoryQuery()).Stories.Count(s => s.Summary == pitch));
        ingestor.Ingest(articles.Skip(2).ToList());
        var listed = store.Stories(new StoryQuery()).Stories;
        Assert.Equal(3, listed.Count);
        // Three do: each story shows its own next line instead.
        Assert.All(listed, s => Assert.NotEqual(pitch, s.Summary));
        Assert.Contains(listed, s => s.Summary.StartsWith("The Harlow river flooded", StringComparison.Ordinal));
        Assert.Contains(listed, s => s.Summary.StartsWith("A fire destroyed a furniture warehouse", StringComparison.Ordinal));
        Assert.Equal("ok", store.Check().Integrity);
        // A story whose every line is one the others share shows no line at all rather than a template. Each of these has
        // the byline, and otherwise only captions (lower case, so never a list line of their own).
        string[] captions =
        [
            "photographs of the autumn regatta, taken from the lighthouse pier as forty yachts rounded the northern buoy in a stiff breeze. more frames show the crews hauling sails, the judges' launch and a capsized dinghy towed home at dusk.",
            "pictures from the spring seed market, where growers from nine valleys sold heirloom beans, quinces and rare apple grafts. further shots show children sorting marrow seeds and a beekeeper selling comb honey by the fountain.",
            "images of the winter lantern parade, which wound from the cathedral steps past the frozen canal to the old corn exchange. later pictures catch the brass band, paper dragons and a fire juggler on stilts.",
        ];
        ingestor.Ingest([.. captions.Select((caption, i) => new Article
        {
            Id = $"caption-{i}", Source = "Morning Ledger", Title = GalleryTitles[i], Published = new DateOnly(2027, 1, 1).AddDays(i * 150),
            Text = pitch + "\n\n" + caption,
        })]);
        var galleryStories = captions.Select((_, i) => store.Article($"caption-{i}")!.Story).ToHashSet();
        var galleries = store.Stories(new StoryQuery()).Stories.Where(s => galleryStories.Contains(s.Id)).ToList();
        Assert.Equal(3, galleries.Count);
        Assert.All(galleries, s => Assert.Equal("", s.Summary));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Search_sorts_by_date_and_filters_by_day_and_outlet(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest([.. Examples(),
            Made("old", "The Meridian Bridge was closed for repairs after inspectors found corroded steel cables, the city said.", published: new DateOnly(2024, 9, 1)),
            Made("new", "Traffic on the Meridian Bridge was light on its first full week after the reopening, the city said.", published: new DateOnly(2026, 3, 20))]);
        var best = store.SearchPage(new SearchQuery("Meridian bridge", 100));
        var newest = store.SearchPage(new SearchQuery("Meridian bridge", 100) { Newest = true });
        Assert.Equal(best.Total, newest.Total);
        Assert.Equal(best.Hits.Select(h => (h.Kind, h.Article, h.Story, h.Snippet)).Order(), newest.Hits.Select(h => (h.Kind, h.Article, h.Story, h.Snippet)).Order());
        var days = newest.Hits.Select(h => h.Date ?? DateOnly.MinValue).ToList();
        Assert.Equal(days.OrderDescending(), days);
        Assert.Equal("new", newest.Hits[0].Article);
        // Pages of the newest-first order read in turn give the same results in the same order.
        var paged = new List<SearchHit>();
        for (int offset = 0; offset < newest.Total; offset += 3) paged.AddRange(store.SearchPage(new SearchQuery("Meridian bridge", 3, offset) { Newest = true }).Hits);
        Assert.Equal(newest.Hits.Select(h => (h.Kind, h.Article, h.Story)), paged.Select(h => (h.Kind, h.Article, h.Story)));

        var before = store.SearchPage(new SearchQuery("Meridian bridge", 100) { Until = new DateOnly(2025, 12, 31) });
        Assert.Equal(["old"], before.Hits.Select(h => h.Article!));
        Assert.Equal(1, before.Total);
        var march = store.SearchPage(new SearchQuery("Meridian bridge", 100) { Since = new DateOnly(2026, 3, 1), Until = new DateOnly(2026, 3, 10) });
        Assert.All(march.Hits, h => Assert.InRange(h.Date!.Value, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10)));
        Assert.DoesNotContain(march.Hits, h => h.Article is "old" or "new");
        // An outlet by name, any case: its articles, and the facts of the stories it carries.
        var courier = store.SearchPage(new SearchQuery("Meridian bridge", 100) { Outlet = "avalen courier" });
        Assert.NotEmpty(courier.Hits);
        Assert.All(courier.Hits.Where(h => h.Kind == SearchHitKind.Article), h => Assert.Equal("Avalen Courier", h.Source));
        Assert.Equal(courier.Hits.Count, courier.Total);
        Assert.Empty(store.SearchPage(new SearchQuery("Meridian bridge", 100) { Outlet = "Nobody Weekly" }).Hits);
        // By the result's story, as the front page filters stories: sources, conflicts, topic.
        var wide = store.SearchPage(new SearchQuery("Meridian bridge", 100) { MinSources = 4 });
        Assert.NotEmpty(wide.Hits);
        Assert.True(wide.Total < best.Total, $"{wide.Total} of {best.Total}");
        Assert.All(wide.Hits, h => Assert.True(store.Story(h.Story!)!.Summary.Sources >= 4));
        var disputed = store.SearchPage(new SearchQuery("Meridian bridge", 100) { HasConflicts = true });
        Assert.All(disputed.Hits, h => Assert.True(store.Story(h.Story!)!.Summary.Conflicts > 0));
        Assert.DoesNotContain(disputed.Hits, h => h.Article == "old");
        Assert.Empty(store.SearchPage(new SearchQuery("Meridian bridge", 100) { Topic = "sports" }).Hits);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Search_pages_through_every_result_once_with_its_outlet_and_date(string kind)
    {
        using var store = Stores.Open(kind, "test.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(Examples());
        var all = store.SearchPage(new SearchQuery("bridge", 100, 0));
        Assert.True(all.Total >= 5, $"{all.Total} results");
        Assert.Equal(all.Total, all.Hits.Count);
        // Pages of two, read in turn, are the same results in the same order, each once.
        var paged = new List<SearchHit>();
        for (int offset = 0; offset < all.Total; offset += 2) paged.AddRange(store.SearchPage(new SearchQuery("bridge", 2, offset)).Hits);
        Assert.Equal(all.Hits.Select(h => (h.Kind, h.Article, h.Story, h.Snippet)), paged.Select(h => (h.Kind, h.Article, h.Story, h.Snippet)));
        Assert.Empty(store.SearchPage(new SearchQuery("bridge", 2, all.Total)).Hits);
        Assert.Equal(all.Total, store.SearchPage(new SearchQuery("bridge", 2, all.Total)).Total);
        var article = all.Hits.First(h => h.Kind == SearchHitKind.Article);
        Assert.NotNull(article.Source);
        Assert.Equal(new DateOnly(2026, 3, 2), article.Date);
        Assert.Contains(all.Hits, h => h.Kind == SearchHitKind.Fact && h.Source is not null && h.Date is not null);
    }
}
