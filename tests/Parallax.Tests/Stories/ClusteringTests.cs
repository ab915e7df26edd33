using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;
using Xunit;

namespace Parallax.Tests;

public sealed class ClusteringTests
{
    private static AnalyzedArticle A(string id, string text, string? date = "2024-05-01") =>
        AnalysisPipeline.Default.Analyze(new Article { Id = id, Text = text, Published = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) });

    private const string Flood1 = "Heavy rain flooded the river town of Millbrook on Tuesday, forcing 400 residents from their homes. Mayor Dana Ortiz said the river crested at nine feet above flood stage. Rescue crews used boats to reach stranded families near the old mill.";
    private const string Flood2 = "Rescue crews in boats reached families stranded by floodwaters in Millbrook after the river crested nine feet above flood stage, Mayor Dana Ortiz said. About 400 residents left their homes on Tuesday.";
    private const string Chip1 = "Semiconductor maker Voltrix reported record quarterly profit as demand for its AI chips surged. Chief executive Priya Raman said Voltrix would build a new fabrication plant in Arizona.";
    private const string Chip2 = "Voltrix shares jumped after the chipmaker posted record profit on booming AI chip demand. Priya Raman, the chief executive, announced a new Arizona fabrication plant.";

    [Fact]
    public void Reports_of_one_event_form_one_story_and_other_events_their_own()
    {
        var stories = new StoryClusterer().Cluster([A("f1", Flood1), A("c1", Chip1), A("f2", Flood2), A("c2", Chip2)]);
        Assert.Equal(2, stories.Count);
        Assert.Equal(["f1", "f2"], stories.Single(s => s.Articles.Any(a => a.Id == "f1")).Articles.Select(a => a.Id));
        Assert.Equal(["c1", "c2"], stories.Single(s => s.Articles.Any(a => a.Id == "c1")).Articles.Select(a => a.Id));
    }

    [Fact]
    public void Articles_far_apart_in_time_are_different_stories()
    {
        var stories = new StoryClusterer().Cluster([A("f1", Flood1, "2024-05-01"), A("f2", Flood2, "2025-06-01")]);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void A_syndicated_copy_is_marked_as_a_duplicate_of_the_first()
    {
        var copy = Flood1.Replace("Tuesday", "Tuesday night", StringComparison.Ordinal) + " Reporting by the wire desk.";
        var stories = new StoryClusterer().Cluster([A("f1", Flood1), A("f1-copy", copy), A("f2", Flood2)]);
        var story = Assert.Single(stories);
        Assert.Equal("f1", story.DuplicateOf["f1-copy"]);
        Assert.False(story.DuplicateOf.ContainsKey("f2"));
        Assert.Equal(2, story.Independent.Count());
    }

    [Fact]
    public void Short_reports_that_share_a_few_words_are_not_copies()
    {
        var stories = new StoryClusterer().Cluster([
            A("a", "Chinese President Xi Jinping told the summit in Lima on Monday that trade is vital, officials said."),
            A("b", "At the Lima summit on Monday, Chinese President Xi Jinping said trade is vital, officials said."),
            A("a-copy", "Chinese President Xi Jinping told the summit in Lima on Monday that trade is vital, officials said on Tuesday."),
        ]);
        var story = Assert.Single(stories);
        Assert.False(story.DuplicateOf.ContainsKey("b"));
        Assert.Equal("a", story.DuplicateOf["a-copy"]);
    }

    [Fact]
    public void Story_ids_follow_input_order()
    {
        var stories = new StoryClusterer().Cluster([A("c1", Chip1), A("f1", Flood1)]);
        Assert.Equal("story-1", stories.Single(s => s.Articles[0].Id == "c1").Id);
    }

    private static StoryFeatures F(string id, string text, string? date = "2024-05-01") => StoryFeatures.Of(A(id, text, date));

    [Fact]
    public void The_index_places_articles_arriving_in_any_order()
    {
        string[][] orders = [["f1", "c1", "f2", "c2"], ["c2", "f2", "c1", "f1"], ["f2", "c2", "f1", "c1"]];
        var texts = new Dictionary<string, string> { ["f1"] = Flood1, ["f2"] = Flood2, ["c1"] = Chip1, ["c2"] = Chip2 };
        foreach (var order in orders)
        {
            var index = new StoryIndex();
            foreach (var id in order) index.Add(F(id, texts[id]));
            Assert.Equal(index.StoryOf("f1"), index.StoryOf("f2"));
            Assert.Equal(index.StoryOf("c1"), index.StoryOf("c2"));
            Assert.NotEqual(index.StoryOf("f1"), index.StoryOf("c1"));
            Assert.Equal(2, index.Stories().Count);
        }
    }

    [Fact]
    public void An_article_bridging_a_gap_in_coverage_merges_the_stories_on_either_side()
    {
        // Two reports of one flood too far apart in time to meet, then one between them that fits both.
        const string Between = "Mayor Dana Ortiz said 400 Millbrook residents fled their homes as heavy rain flooded the town and the river crested nine feet above flood stage; crews in boats reached stranded families.";
        var options = new ClusteringOptions { MaxDaysApart = 10, MaxStoryDays = 30, HalfSimilarityDays = 0 };
        var index = new StoryIndex(options);
        var early = index.Add(F("early", Flood1, "2024-05-01"));
        var late = index.Add(F("late", Flood2, "2024-05-20"));
        Assert.NotEqual(early.Story, late.Story);
        var bridge = index.Add(F("between", Between, "2024-05-10"));
        Assert.Null(bridge.DuplicateOf);
        Assert.Single(bridge.Absorbed);
        var story = Assert.Single(index.Stories());
        Assert.Equal(["early", "late", "between"], story.Articles);
    }

    [Fact]
    public void An_article_fitting_two_unlike_stories_does_not_chain_them()
    {
        var index = new StoryIndex(new ClusteringOptions { JoinThreshold = 0.05 });
        index.Add(F("f1", Flood1));
        index.Add(F("c1", Chip1));
        var both = index.Add(F("both", Flood1[..80] + " " + Chip1[..80]));
        Assert.Empty(both.Absorbed);
        Assert.Equal(2, index.Stories().Count);
    }

    [Fact]
    public void An_undated_article_joins_the_story_it_matches_whatever_its_date()
    {
        var index = new StoryIndex();
        index.Add(F("f1", Flood1, "2019-03-02"));
        index.Add(F("c1", Chip1, "2024-05-01"));
        var undated = index.Add(F("f2", Flood2, null));
        Assert.Equal(index.StoryOf("f1"), undated.Story);
    }

    [Fact]
    public void Similar_words_far_from_a_story_in_time_weigh_less()
    {
        // Another report a few days from the story's centre still joins; two months away it cannot.
        const string Flood3 = "Millbrook residents returned to flooded homes as the river fell below flood stage, Mayor Dana Ortiz said; 400 had been evacuated when it crested nine feet above it.";
        var index = new StoryIndex();
        index.Add(F("f1", Flood1, "2024-05-01"));
        Assert.Equal(index.StoryOf("f1"), index.Add(F("f2", Flood2, "2024-05-03")).Story);
        Assert.NotEqual(index.StoryOf("f1"), index.Add(F("f3", Flood3, "2024-07-08")).Story);
        var soon = new StoryIndex();
        soon.Add(F("f1", Flood1, "2024-05-01"));
        Assert.Equal(soon.StoryOf("f1"), soon.Add(F("f3", Flood3, "2024-05-02")).Story);
    }

    [Fact]
    public void Placing_an_article_twice_is_refused()
    {
        var index = new StoryIndex();
        index.Add(F("f1", Flood1));
        Assert.Throws<ArgumentException>(() => index.Add(F("f1", Flood1)));
    }

    [Fact]
    public void A_copy_of_a_copy_points_to_the_original()
    {
        var index = new StoryIndex();
        index.Add(F("f1", Flood1));
        Assert.Equal("f1", index.Add(F("f1-copy", Flood1 + " Reporting by the wire desk.")).DuplicateOf);
        Assert.Equal("f1", index.Add(F("f1-copy-2", Flood1 + " Reporting by the wire desk. Editing by the night desk.")).DuplicateOf);
    }

    [Fact]
    public void The_same_text_a_year_later_is_a_template_not_a_copy()
    {
        var index = new StoryIndex();
        index.Add(F("f1", Flood1, "2024-05-01"));
        Assert.Null(index.Add(F("f1-next-year", Flood1, "2025-05-01")).DuplicateOf);
        Assert.Equal("f1", index.Add(F("f1-same-week", Flood1, "2024-05-03")).DuplicateOf);
    }

    [Fact]
    public void A_footer_many_articles_share_makes_none_of_them_copies()
    {
        // Bodies of 150 made-up words each, so no two share a phrase; the footer is a third of every text.
        var random = new Random(11);
        string Word() => new([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]);
        string Body() => string.Join(' ', Enumerable.Range(0, 150).Select(_ => Word())) + ".";
        string footer = " " + string.Join(' ', Enumerable.Range(0, 75).Select(_ => Word())) + ".";
        var bodies = Enumerable.Range(0, 8).Select(_ => Body()).ToList();
        var index = new StoryIndex();
        for (int i = 0; i < bodies.Count; i++) Assert.Null(index.Add(F($"a{i}", bodies[i] + footer)).DuplicateOf);
        Assert.Equal("a7", index.Add(F("a7-copy", bodies[7] + footer)).DuplicateOf);
        Assert.Equal("a0", index.Add(F("a0-copy", bodies[0] + footer)).DuplicateOf);
    }

    [Fact]
    public void Features_carry_names_figures_and_days_as_terms()
    {
        var a = A("x", "Mayor Dana Ortiz said the flood on May 3, 2024 cost $4.2 million and forced 400 people from their homes.", "2024-05-04");
        var terms = StoryFeatures.TermCounts(a);
        Assert.Contains("@dana ortiz", terms.Keys);
        Assert.Contains("~2024-05-03", terms.Keys);
        Assert.Contains(terms.Keys, t => t.StartsWith("#4200000", StringComparison.Ordinal));
        Assert.DoesNotContain(terms.Keys, t => t.StartsWith("#2024", StringComparison.Ordinal)); // a year is a date, not a figure
        var features = StoryFeatures.Of(a);
        Assert.Equal(terms.Count, features.Terms.Length);
        Assert.True(features.Terms.SequenceEqual(features.Terms.Order()), "terms are sorted by hash for merging");
        Assert.True(features.Shingles.SequenceEqual(features.Shingles.Distinct().Order()), "shingles are distinct and sorted");
    }

    [Fact]
    public void The_flat_map_keeps_every_key_through_growth()
    {
        var map = new FlatMap();
        var rng = new Random(7);
        var expected = new Dictionary<ulong, int>();
        var folded = new HashSet<uint>();
        for (int i = 0; i < 50_000; i++)
        {
            ulong key = ((ulong)rng.Next() << 32) | (uint)rng.Next();
            if (!folded.Add(FlatMap.Key(key))) continue; // keys that fold alike share a slot by design
            int value = rng.Next(1, 1000);
            map.Set(key, value);
            expected[key] = value;
        }
        foreach (var (key, value) in expected) Assert.Equal(value, map.Get(key));
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(0, map.Get(12345UL));
        map.Increment(12345UL);
        map.Increment(12345UL);
        Assert.Equal(2, map.Get(12345UL));
    }

    // The second look (StoryConsolidation): with every article at hand, stories are split and joined by average linkage.

    private static (List<StoryFeatures> Features, Func<string, int> At) Set(params (string Id, string Text, string? Date)[] articles)
    {
        var features = articles.Select(a => F(a.Id, a.Text, a.Date)).ToList();
        return (features, id => features.FindIndex(f => f.Id == id));
    }

    private static string[][] Ids(List<List<int>> groups, List<StoryFeatures> features) =>
        [.. groups.Select(g => g.Select(m => features[m].Id).Order(StringComparer.Ordinal).ToArray()).OrderBy(g => g[0], StringComparer.Ordinal)];

    [Fact]
    public void The_second_look_splits_a_story_that_holds_two_events()
    {
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("c1", Chip1, "2024-05-01"), ("f2", Flood2, "2024-05-02"), ("c2", Chip2, "2024-05-02"));
        var groups = StoryConsolidation.Refine(features, [[at("f1"), at("c1"), at("f2"), at("c2")]], new ClusteringOptions());
        Assert.Equal([["c1", "c2"], ["f1", "f2"]], Ids(groups, features));
    }

    [Fact]
    public void The_second_look_joins_two_stories_of_one_event()
    {
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("c1", Chip1, "2024-05-01"), ("f2", Flood2, "2024-05-03"));
        var groups = StoryConsolidation.Refine(features, [[at("f1")], [at("c1")], [at("f2")]], new ClusteringOptions());
        Assert.Equal([["c1"], ["f1", "f2"]], Ids(groups, features));
    }

    [Fact]
    public void The_second_look_leaves_reports_far_apart_in_time_apart()
    {
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("f2", Flood2, "2024-11-01"));
        var groups = StoryConsolidation.Refine(features, [[at("f1")], [at("f2")]], new ClusteringOptions());
        Assert.Equal(2, groups.Count);
        var undated = Set(("f1", Flood1, "2024-05-01"), ("f2", Flood2, null));
        Assert.Single(StoryConsolidation.Refine(undated.Features, [[undated.At("f1")], [undated.At("f2")]], new ClusteringOptions()));
    }

    [Fact]
    public void One_article_touching_two_events_does_not_hold_them_together()
    {
        // The round-up resembles both events; on average the two events do not resemble each other.
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("f2", Flood2, "2024-05-01"), ("both", Flood1[..120] + " " + Chip1[..120], "2024-05-01"),
            ("c1", Chip1, "2024-05-01"), ("c2", Chip2, "2024-05-01"));
        var groups = StoryConsolidation.Refine(features, [[at("f1"), at("f2"), at("both"), at("c1"), at("c2")]], new ClusteringOptions());
        Assert.Equal(2, groups.Count);
        Assert.Contains(groups, g => g.Contains(at("f1")) && g.Contains(at("f2")) && !g.Contains(at("c1")));
        Assert.Contains(groups, g => g.Contains(at("c1")) && g.Contains(at("c2")) && !g.Contains(at("f1")));
    }

    [Fact]
    public void Pieces_one_story_was_split_into_are_not_joined_again()
    {
        // Split pieces compared every pair of their articles; the join's quicker measure must not undo that. Two reports of
        // one flood are split by a bar set above anything they reach, and stay apart though they pass the joining bar.
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("f2", Flood2, "2024-05-01"));
        var options = new ClusteringOptions { SplitThreshold = 0.99 };
        Assert.Equal(2, StoryConsolidation.Refine(features, [[at("f1"), at("f2")]], options).Count);
        Assert.Single(StoryConsolidation.Refine(features, [[at("f1")], [at("f2")]], options));
    }

    [Fact]
    public void The_split_bar_follows_how_tightly_the_sets_stories_hold_together()
    {
        // Bare paragraphs resemble each other less than full reports: a story of two loosely worded reports of one flood
        // stands in a set whose other stories are as loose, where a fixed bar would tear it apart.
        var (features, at) = Set(("f1", Flood1, "2024-05-01"), ("f2", Flood2, "2024-05-01"), ("c1", Chip1, "2024-05-01"), ("c2", Chip2, "2024-05-01"));
        var stories = new List<List<int>> { new() { at("f1"), at("f2") }, new() { at("c1"), at("c2") } };
        Assert.Equal(2, StoryConsolidation.Refine(features, stories, new ClusteringOptions { PieceJoinThreshold = 0.99 }).Count);
        Assert.Equal(4, StoryConsolidation.Refine(features, stories, new ClusteringOptions { PieceJoinThreshold = 0.99, SplitThreshold = 0.99 }).Count);
    }

    [Fact]
    public void The_second_look_gives_the_same_stories_on_every_run()
    {
        var texts = new[] { Flood1, Flood2, Chip1, Chip2 };
        var features = Enumerable.Range(0, 40).Select(i => F($"a{i}", texts[i % 4] + $" Report {i}.", $"2024-05-{1 + i % 9:00}")).ToList();
        var online = Enumerable.Range(0, 40).Select(i => new List<int> { i }).ToList();
        var first = Ids(StoryConsolidation.Refine(features, online, new ClusteringOptions()), features);
        for (int run = 0; run < 5; run++) Assert.Equal(first, Ids(StoryConsolidation.Refine(features, online, new ClusteringOptions()), features));
        Assert.True(first.Length == 2, string.Join(" | ", first.Select(g => string.Join(",", g))));
    }

    [Fact]
    public void Without_the_second_look_the_online_stories_stand()
    {
        var articles = new[] { A("f1", Flood1), A("c1", Chip1), A("f2", Flood2), A("c2", Chip2) };
        var online = new StoryClusterer(new ClusteringOptions { Consolidate = false }).Cluster(articles);
        var consolidated = new StoryClusterer().Cluster(articles);
        Assert.Equal(online.Select(s => s.Articles.Select(a => a.Id)), consolidated.Select(s => s.Articles.Select(a => a.Id)));
    }

    [Fact]
    public void Cluster_errors_come_costliest_first()
    {
        // Gold A (4 items) split 2+2 costs 4 pairs; gold B (3 items) split 2+1 costs 2; found X merging A's 2 with C's 1 costs 2,
        // found Y merging A's other 2 with D's 2 costs 4.
        var gold = new Dictionary<string, string> { ["a1"] = "A", ["a2"] = "A", ["a3"] = "A", ["a4"] = "A", ["b1"] = "B", ["b2"] = "B", ["b3"] = "B", ["c1"] = "C", ["d1"] = "D", ["d2"] = "D" };
        var found = new Dictionary<string, string> { ["a1"] = "X", ["a2"] = "X", ["c1"] = "X", ["a3"] = "Y", ["a4"] = "Y", ["d1"] = "Y", ["d2"] = "Y", ["b1"] = "Z", ["b2"] = "Z", ["b3"] = "W" };
        var errors = Parallax.Evaluation.ClusterErrors.Of(gold, found);
        Assert.Equal(["A", "B"], errors.Splits.Select(e => e.Gold));
        Assert.Equal([4L, 2L], errors.Splits.Select(e => e.PairsApart));
        Assert.Equal(["Y", "X"], errors.Merges.Select(e => e.Predicted));
        Assert.Equal([4L, 2L], errors.Merges.Select(e => e.PairsTogether));
    }
}
