using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// What a hostile article's characters can no longer do to the store (issue 29): the marks of search snippets come only
/// from the search, never from a text holding U+0002/U+0003, and one outlet written six ways is one outlet in story
/// lists, coverage, the outlet list and both filters. Each runs on SQLite and, when a test server is there, PostgreSQL.
/// </summary>
public sealed class StoreHardeningTests : StoreTestBase
{
    /// <summary>The marked spans of a snippet as the API gives them: offsets into its text without marks.</summary>
    private static List<string> Marked(string snippet)
    {
        var plain = new System.Text.StringBuilder();
        var spans = new List<string>();
        int start = -1;
        foreach (char c in snippet)
        {
            if (c == SearchHit.MarkStart) start = plain.Length;
            else if (c == SearchHit.MarkEnd && start >= 0)
            {
                spans.Add(plain.ToString(start, plain.Length - start));
                start = -1;
            }
            else plain.Append(c);
        }
        return spans;
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_text_holding_the_mark_characters_makes_no_marks_and_shifts_no_offsets(string kind)
    {
        using var store = Stores.Open(kind, "marks.db");
        const string text = "Crews at the \u0002harbour\u0003 said the ferry \u0003resumed\u0002 service on Monday after a storm closed the crossing. "
            + "The ferry\u0001 operator said \u001b[31mthe ferry would run hourly.";
        new Ingestor(store, AnalysisPipeline.Default).Ingest([new Article { Id = "m", Text = text, Source = "Harbour Wire", Published = new DateOnly(2025, 3, 2) }]);
        var hit = Assert.Single(store.Search("ferry"));
        Assert.Equal(text, store.Article("m")!.Article.Text);
        // Only the matched word is marked, each mark opened and closed in turn; the text's own control characters are spaces.
        var spans = Marked(hit.Snippet);
        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.Equal("ferry", s, ignoreCase: true));
        Assert.Equal(hit.Snippet.Count(c => c == SearchHit.MarkStart), hit.Snippet.Count(c => c == SearchHit.MarkEnd));
        Assert.DoesNotContain(hit.Plain, c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        Assert.Contains("harbour", hit.Plain, StringComparison.Ordinal);
        // A search for a word the text wrapped in the characters marks it as a match, like any other.
        Assert.Equal(["harbour"], Marked(Assert.Single(store.Search("harbour")).Snippet).Distinct());
    }

    [Fact]
    public void A_snippet_is_read_back_with_only_the_searchs_own_marks()
    {
        var marks = SnippetMarks.New();
        // A text that guesses at the form of a mark (another token) makes none.
        string raw = $"a\u0002b {marks.Start}word{marks.End} c\u0003 \u00020123456789abcdefS";
        Assert.Equal($"a b {SearchHit.MarkStart}word{SearchHit.MarkEnd} c   0123456789abcdefS", marks.Read(raw));
        Assert.NotEqual(marks.Start, SnippetMarks.New().Start);
    }

    /// <summary>Six reports of one flood, each from "Reuters" written another way.</summary>
    private static List<Article> SixReuters() =>
    [
        .. OutletIdentityTests.Reuters.Select((source, i) => new Article
        {
            Id = $"flood-{i}",
            Source = source,
            Published = new DateOnly(2025, 4, 7),
            Text = Flood[i],
        }),
    ];

    private static readonly string[] Flood =
    [
        "The Harlow river burst its banks on Sunday and flooded the lower town of Ashby, officials said. About 300 homes were evacuated.",
        "Floodwater from the Harlow river covered the lower town of Ashby on Sunday. Officials said about 300 homes had been evacuated overnight.",
        "Residents of Ashby were evacuated on Sunday as the Harlow river flooded the lower town, according to officials. Some 300 homes were emptied.",
        "Ashby's lower town was under water on Sunday after the Harlow river rose, officials said, and about 300 households left their homes.",
        "Officials in Ashby said the Harlow river flooded the lower town on Sunday, forcing the evacuation of about 300 homes near the river.",
        "The lower town of Ashby flooded on Sunday when the Harlow river overflowed; officials evacuated about 300 homes, they said.",
    ];

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void One_outlet_written_six_ways_is_one_source_in_story_lists_coverage_and_filters(string kind)
    {
        using var store = Stores.Open(kind, "outlets.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(SixReuters());
        var story = Assert.Single(store.Stories(new StoryQuery()).Stories);
        Assert.Equal(6, story.Articles);
        Assert.Empty(store.Story(story.Id)!.DuplicateOf);
        Assert.Equal(1, story.Sources);
        Assert.Equal(["Reuters"], story.Outlets);
        Assert.Equal([new OutletShare("Reuters", 6, null)], story.Coverage);
        Assert.Equal([("Reuters", 1)], store.StoryOutlets());
        foreach (var written in OutletIdentityTests.Reuters)
        {
            Assert.Equal([story.Id], store.Stories(new StoryQuery { Outlet = written }).Stories.Select(s => s.Id));
            var found = store.SearchPage(new SearchQuery("Ashby", 50) { Outlet = written });
            Assert.Equal(6, found.Hits.Count(h => h.Kind == SearchHitKind.Article));
            Assert.All(found.Hits.Where(h => h.Kind == SearchHitKind.Article), h => Assert.Equal("Reuters", h.Source));
        }
        Assert.Empty(store.Stories(new StoryQuery { Outlet = "Reuter" }).Stories);
    }
}
