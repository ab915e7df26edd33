using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// What one input can do to Parallax, as an attacker or an unlucky feed would try it: every case ends in one named
/// problem for that input, and everything else is read, stored and briefed. Each test states the limit it proves.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-hostile-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static string Line(string id, string text, string? published = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, text, published }) + "\n";

    [Fact]
    public void A_bad_byte_costs_only_its_own_line_which_is_named_by_file_and_number()
    {
        string path = PathOf("mixed.jsonl");
        using (var f = File.Create(path))
        {
            for (int i = 0; i < 100; i++) f.Write(Encoding.UTF8.GetBytes(Line($"a{i}", $"Good article {i} about the weather.")));
            f.Write([.. "{\"id\":\"bad\",\"text\":\"broken "u8, 0xFF, .. " byte\"}\n"u8]);
            for (int i = 100; i < 200; i++) f.Write(Encoding.UTF8.GetBytes(Line($"a{i}", $"Good article {i} about the weather.")));
        }
        var read = ArticleSource.Read([path]);
        Assert.Equal(200, read.Articles.Count);
        var bad = Assert.Single(read.Errors);
        Assert.Equal($"{path}:101", bad.Origin);
        Assert.Contains("not valid UTF-8", bad.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_as_it_streams_and_the_lines_after_it_are_read()
    {
        string path = PathOf("long.jsonl");
        File.WriteAllText(path, Line("before", "A short article.") + Line("huge", new string('x', 300_000)) + Line("after", "Another short article."));
        var limits = new ReadLimits { MaxLineBytes = 64 * 1024 };
        var read = ArticleSource.Read([path], limits: limits);
        Assert.Equal(["before", "after"], read.Articles.Select(a => a.Id));
        var error = Assert.Single(read.Errors);
        Assert.Equal($"{path}:2", error.Origin);
        Assert.Contains("--max-line-mb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compression_bomb_stops_at_the_input_limit_and_what_came_before_it_is_kept()
    {
        string path = PathOf("bomb.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.SmallestSize))
        {
            gz.Write(Encoding.UTF8.GetBytes(Line("first", "An article before the bomb.")));
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) gz.Write(zeros); // 64 MB of one line without a break
        }
        Assert.True(new FileInfo(path).Length < 200_000);
        var limits = new ReadLimits { MaxInputBytes = 8L << 20, MaxLineBytes = 1 << 20 };
        var read = ArticleSource.Read([path], limits: limits);
        Assert.Equal("first", Assert.Single(read.Articles).Id);
        Assert.Contains(read.Errors, e => e.Message.Contains("--max-input-mb", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_over_the_size_limit_is_refused_with_the_option_that_raises_it()
    {
        string path = PathOf("big.txt");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("A sentence of a very long article. ", 40_000)));
        var read = ArticleSource.Read([path], limits: new ReadLimits { MaxArticleChars = 100_000 });
        Assert.Empty(read.Articles);
        Assert.Contains("--max-article-chars", Assert.Single(read.Errors).Message, StringComparison.Ordinal);

        var page = ArticleSource.Read([path], limits: new ReadLimits { MaxPageBytes = 1 << 20 });
        Assert.Contains("--max-page-mb", Assert.Single(page.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_nested_past_the_limit_is_refused_in_one_line_and_the_other_files_are_read()
    {
        string deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>Nested text", 50_000));
        string article = "<html><body><article><p>The harbour bridge reopened on Monday after eight months of repairs, the council said.</p></article></body></html>";
        File.WriteAllText(PathOf("deep.html"), deep);
        File.WriteAllText(PathOf("bridge.html"), article);
        var read = ArticleSource.Read([_dir]);
        Assert.Equal("bridge", Assert.Single(read.Articles).Id);
        var refused = Assert.Single(read.Errors);
        Assert.Equal(PathOf("deep.html"), refused.Origin);
        Assert.Contains($"nests elements more than {Extraction.PageExtractor.MaxDepth} deep", refused.Message, StringComparison.Ordinal);

        // Uploaded to the site, the same page is named as it was sent.
        var (articles, problems) = Web.Site.ReadUploads(
            [("deep.html", new MemoryStream(Encoding.UTF8.GetBytes(deep))), ("bridge.html", new MemoryStream(Encoding.UTF8.GetBytes(article)))], 64L << 20);
        Assert.Single(articles);
        Assert.StartsWith("deep.html", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Contains("deep, past the limit for a page", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Implausible_dates_and_addresses_that_are_not_http_are_dropped_with_a_warning()
    {
        string path = PathOf("dates.jsonl");
        File.WriteAllText(path,
            Line("far", "An article from the far future.", "9999-12-31")
            + "{\"id\":\"js\",\"text\":\"An article with a script address.\",\"url\":\"javascript:alert(1)\"}\n"
            + "{\"id\":\"data\",\"text\":\"An article with a data address.\",\"url\":\"data:text/html,<b>x</b>\"}\n");
        var read = ArticleSource.Read([path]);
        Assert.Equal(3, read.Articles.Count);
        Assert.All(read.Articles, a => Assert.Null(a.Url));
        Assert.Null(read.Articles[0].Published);
        Assert.Equal(3, read.Warnings.Count);
        Assert.False(DateParsing.TryParseIso("9999-12-31", out _));
        Assert.False(DateParsing.TryParseIso("0001-01-01", out _));
    }

    [Fact]
    public void A_published_value_is_undated_when_empty_null_or_absent_and_any_other_value_not_a_date_refuses_its_article_naming_file_line_and_field()
    {
        string path = PathOf("published.jsonl");
        File.WriteAllText(path,
            "{\"id\":\"empty\",\"text\":\"An article with an empty date.\",\"published\":\"\"}\n"
            + "{\"id\":\"null\",\"text\":\"An article with a null date.\",\"published\":null}\n"
            + "{\"id\":\"absent\",\"text\":\"An article with no date.\"}\n"
            + "{\"id\":\"number\",\"text\":\"An article dated by a number.\",\"published\":20250203}\n"
            + "{\"id\":\"object\",\"text\":\"An article dated by an object.\",\"published\":{\"y\":2025}}\n"
            + "{\"id\":\"array\",\"text\":\"An article dated by an array.\",\"published\":[2025,2,3]}\n"
            + "{\"id\":\"bool\",\"text\":\"An article dated by true.\",\"published\":true}\n"
            + Line("late", "An article at an hour that does not exist.", "2025-02-03T25:61:00Z")
            + Line("feb30", "An article on a day that does not exist.", "2025-02-30")
            + Line("good", "An article with a good timestamp.", "2025-02-03T23:59:00+01:00"));
        var read = ArticleSource.Read([path]);
        Assert.Equal(["empty", "null", "absent", "good"], read.Articles.Select(a => a.Id));
        Assert.Equal([null, null, null, new DateOnly(2025, 2, 3)], read.Articles.Select(a => a.Published));
        Assert.Empty(read.Warnings);
        Assert.Equal([$"{path}:4", $"{path}:5", $"{path}:6", $"{path}:7", $"{path}:8", $"{path}:9"], read.Errors.Select(e => e.Origin));
        Assert.All(read.Errors, e => Assert.StartsWith("field \"published\"", e.Message, StringComparison.Ordinal));
        Assert.All(read.Errors, e => Assert.EndsWith("skipped", e.Message, StringComparison.Ordinal));
        Assert.Contains("is a number, not a string", read.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is an object", read.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("is an array", read.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("is true, not a string", read.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("hour 25", read.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("no such day", read.Errors[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_articles_sharing_one_id_take_linear_work()
    {
        var ids = new UniqueIds();
        var claimed = Enumerable.Range(0, 40_000).Select(_ => ids.Claim("x")).ToList();
        Assert.Equal(40_000, claimed.Distinct().Count());
        Assert.Equal("x-40000", claimed[^1]);

        // In the store, the next suffix is remembered, so each add probes a constant number of ids.
        using var store = new SqliteStore(PathOf("ids.db"));
        var outcomes = store.AddAll([.. Enumerable.Range(0, 3_000).Select(i => new Article { Id = "x", Text = $"Article number {i} of many sharing an id." })]);
        Assert.Equal(3_000, outcomes.Select(o => o.Id).Distinct().Count());
        var more = store.AddAll([new Article { Id = "x", Text = "One more, in a later batch." }]);
        Assert.Equal("x-3001", more[0].Id);
    }

    [Fact]
    public void A_date_at_the_end_of_the_calendar_cannot_break_clustering()
    {
        // Past the readers' range check, a store written by an older Parallax may hold such dates in its features.
        var near = new Article { Id = "near", Text = "The council met on Tuesday to vote on the library budget, the mayor said.", Published = new DateOnly(2025, 3, 4) };
        var f = Stories.StoryFeatures.Of(AnalysisPipeline.Default.Analyze(near));
        List<Stories.StoryFeatures> features = [f with { Id = "far", Published = DateOnly.MaxValue }, f, f with { Id = "early", Published = DateOnly.MinValue }];
        var stories = new Stories.StoryClusterer().Cluster(features);
        Assert.Equal(3, stories.Sum(s => s.Articles.Count));
    }

    /// <summary>A stage that fails on articles whose text holds a marker: what an analyzer bug does to one article.</summary>
    private sealed class FailingStage : IAnalysisStage
    {
        public string Name => "failing";

        public AnalysisLayer Reads => AnalysisLayer.None;

        public AnalysisLayer Writes => AnalysisLayer.None;

        public void Run(DocumentBuilder document)
        {
            if (document.Text.Contains("POISON", StringComparison.Ordinal)) throw new InvalidOperationException("a stage broke on this article");
        }
    }

    [Fact]
    public void An_article_that_cannot_be_analysed_is_quarantined_and_its_neighbours_get_their_stories()
    {
        var pipeline = AnalysisPipeline.CreateBuilder();
        foreach (var stage in AnalysisPipeline.Default.Stages) pipeline.Add(stage);
        var failing = pipeline.Add(new FailingStage()).Build();
        using var store = new SqliteStore(PathOf("quarantine.db"));
        var ingestor = new Ingestor(store, failing);
        var articles = ArticleSource.Read([TestPaths.Examples]).Articles.ToList();
        articles.Insert(1, new Article { Id = "poison", Text = "This POISON article breaks a stage.", Published = new DateOnly(2025, 3, 2) });
        var report = ingestor.Ingest(articles);
        Assert.Equal(5, report.Added);
        Assert.Equal(1, report.Refresh.Quarantined);
        var q = Assert.Single(store.Quarantined());
        Assert.Equal(("poison", "features"), (q.Id, q.Stage));
        Assert.Contains("a stage broke on this article", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", q.Reason, StringComparison.Ordinal);
        var story = Assert.Single(store.Stories(new StoryQuery()).Stories);
        Assert.Equal(4, story.Sources);
        var check = store.Check();
        Assert.Equal((1, 0, "ok"), (check.Quarantined, check.Unfeatured, check.Integrity));
        Assert.False(store.StoriesPending);

        // The store keeps working: the next ingest adds and briefs as usual, and never offers the quarantined article again.
        var next = ingestor.Ingest([new Article { Id = "later", Text = "A later report on something else entirely, in Lisbon on Friday.", Published = new DateOnly(2025, 3, 9) }]);
        Assert.Equal((1, 0), (next.Added, next.Refresh.Quarantined));
        Assert.Equal(2, store.Stories(new StoryQuery()).Total);
    }

    [Fact]
    public void Processes_creating_one_new_store_at_once_all_succeed()
    {
        string db = PathOf("race.db");
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        Parallel.For(0, 8, _ =>
        {
            try
            {
                using var s = new SqliteStore(db);
                s.AddAll([new Article { Id = Guid.NewGuid().ToString("N"), Text = "Text " + Guid.NewGuid() }]);
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        });
        Assert.Empty(errors);
        using var store = new SqliteStore(db);
        Assert.Equal(8, store.Count);
    }

    [Fact]
    public void Only_one_refresh_holds_a_store_at_a_time_and_a_second_ingest_can_defer_to_it()
    {
        using var store = new SqliteStore(PathOf("lock.db"));
        var ingestor = new Ingestor(store, AnalysisPipeline.Default);
        using (var held = store.TryLockRefresh())
        {
            Assert.NotNull(held);
            Assert.Null(store.TryLockRefresh());
            var report = ingestor.Ingest(ArticleSource.Read([TestPaths.Examples]).Articles, waitForOthers: false);
            Assert.True(report.Deferred);
            Assert.Equal(4, report.Added);
            Assert.True(store.StoriesPending);
        }
        Assert.NotNull(ingestor.Resume(waitForOthers: false));
        Assert.False(store.StoriesPending);
        Assert.Single(store.Stories(new StoryQuery()).Stories);
    }

    [Fact]
    public void An_empty_file_is_refused_as_a_store_and_left_as_it_was()
    {
        string db = PathOf("empty.db");
        File.WriteAllBytes(db, []);
        var e = Assert.Throws<StoreException>(() => new SqliteStore(db));
        Assert.Contains("empty file", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(db).Length);

        string text = PathOf("notes.db");
        File.WriteAllText(text, "my notes, not a database");
        Assert.Throws<StoreException>(() => new SqliteStore(text).Count);
        Assert.Equal("my notes, not a database", File.ReadAllText(text));
    }

    [Fact]
    public void A_damaged_brief_is_a_store_error_not_a_truncated_page_and_a_quick_check_says_nothing_is_checked()
    {
        string db = PathOf("damaged.db");
        using (var store = new SqliteStore(db))
        {
            new Ingestor(store, AnalysisPipeline.Default).Ingest(ArticleSource.Read([TestPaths.Examples]).Articles);
            var quick = store.Check(quick: true);
            Assert.StartsWith("not checked", quick.Integrity, StringComparison.Ordinal);
            Assert.Null(store.QuickCheck());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            c.Open();
            using var read = c.CreateCommand();
            read.CommandText = "SELECT story_id, html FROM briefs";
            var rows = new List<(string Id, byte[] Html)>();
            using (var r = read.ExecuteReader())
            {
                while (r.Read()) rows.Add((r.GetString(0), (byte[])r.GetValue(1)));
            }
            foreach (var (story, html) in rows)
            {
                // Keep the gzip header; flip every other byte of the deflate stream and its checksum, as a bad disk would.
                for (int i = 12; i < html.Length; i += 2) html[i] ^= 0x5A;
                using var write = c.CreateCommand();
                write.CommandText = "UPDATE briefs SET html = $h WHERE story_id = $s";
                write.Parameters.AddWithValue("$h", html);
                write.Parameters.AddWithValue("$s", story);
                write.ExecuteNonQuery();
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var damaged = new SqliteStore(db);
        string id = damaged.Stories(new StoryQuery()).Stories[0].Id;
        var e = Assert.Throws<StoreException>(() => damaged.OpenBriefHtml(id));
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analysis_of_text_without_sentence_breaks_is_cut_into_bounded_sentences()
    {
        string text = string.Concat(Enumerable.Repeat("word and another said Smith on Monday ", 30_000));
        var clock = Stopwatch.StartNew();
        var a = AnalysisPipeline.Default.Analyze(new Article { Id = "flat", Text = text, Published = new DateOnly(2025, 1, 1) });
        HangGuard.Within(clock, "analysing 1.1 MB without a sentence break");
        Assert.All(a.Sentences, s => Assert.True(a.Tokens.Count(t => t.Start >= s.Span.Start && t.End <= s.Span.End) <= Stages.Sentences.SentenceSplitter.MaxSentenceTokens));
        Assert.True(a.Sentences.Count >= 210);
    }
}
