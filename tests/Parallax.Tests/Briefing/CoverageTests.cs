using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Rendering;
using Xunit;

namespace Parallax.Tests;

/// <summary>Who carries a story: outlets' leanings as the input rates them, a story's topic, a report's name, and the coverage chart.</summary>
public sealed class CoverageTests
{
    private static Article Report(string id, string source, string? published, string? bias = null, string? topic = null) => new()
    {
        Id = id,
        Source = source,
        Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Text = $"The Harlow river flooded the lower town on Sunday, officials said. Report {id} from {source}.",
        Extra = new Dictionary<string, string>
        {
            ["bias"] = bias is null ? "null" : System.Text.Json.JsonSerializer.Serialize(bias),
            ["topic"] = topic is null ? "null" : System.Text.Json.JsonSerializer.Serialize(topic),
        },
    };

    /// <summary>One story of exactly these articles, briefed (no clustering decides who is in it).</summary>
    private static Brief Story(params Article[] articles) => Briefs.OneStory(articles);

    [Theory]
    [InlineData("left", "left")]
    [InlineData("Lean Left", "lean left")]
    [InlineData("lean-right", "lean right")]
    [InlineData("LEAN_RIGHT", "lean right")]
    [InlineData("Centre", "center")]
    [InlineData("far left", null)]
    [InlineData("", null)]
    public void A_leaning_is_read_from_the_input_on_a_five_point_scale_or_not_at_all(string given, string? read) =>
        Assert.Equal(read, Leanings.Of(Report("a", "X", "2025-01-01", given)));

    [Fact]
    public void A_leaning_that_is_not_text_is_no_leaning() =>
        Assert.Null(Leanings.Of(new Article { Id = "a", Text = "t", Extra = new Dictionary<string, string> { ["bias"] = "3" } }));

    [Fact]
    public void Coverage_counts_an_outlets_articles_and_takes_its_commonest_leaning()
    {
        var coverage = Outlets.Coverage([Report("a", "Fox News", "2025-01-01", "right"), Report("b", "fox  news", "2025-01-02", "right"), Report("c", "Fox News", "2025-01-03", "lean right"), Report("d", "BBC", "2025-01-01")]);
        Assert.Equal([new OutletShare("Fox News", 3, "right"), new OutletShare("BBC", 1, null)], coverage);
    }

    [Fact]
    public void A_storys_topic_is_the_commonest_among_its_articles() =>
        Assert.Equal("white_house", Topics.Of([Report("a", "A", null, topic: "White_House"), Report("b", "B", null, topic: "white_house"), Report("c", "C", null, topic: "economy")]));

    [Fact]
    public void A_report_with_no_outlet_is_named_by_its_headline_or_its_opening_words_never_its_id()
    {
        var untitled = new BriefArticle(Corpus.Analyze([new Article { Id = "000_2307906f00b54cd2", Text = "President Donald Trump described U.S.-China relations as “extremely strong” on Monday following a phone call." }], AnalysisPipeline.Default)[0], null);
        Assert.Equal("President Donald Trump described U.S.-China relations as…", untitled.Label);
        var titled = untitled with { Analysis = untitled.Analysis with { Article = untitled.Article with { Title = "Trump and Xi speak" } } };
        Assert.Equal("Trump and Xi speak", titled.Label);
        var hosted = untitled with { Analysis = untitled.Analysis with { Article = untitled.Article with { Url = "https://www.example.com/a" } } };
        Assert.Equal("example.com", hosted.Label);
    }

    [Fact]
    public void The_chart_needs_two_dated_reports()
    {
        Assert.Null(CoverageChart.Svg(Story(Report("a", "A", "2025-01-01"), Report("b", "B", null))));
        Assert.NotNull(CoverageChart.Svg(Story(Report("a", "A", "2025-01-01"), Report("b", "B", "2025-01-01"))));
    }

    [Fact]
    public void The_chart_draws_a_dot_per_outlet_and_day_sized_by_its_articles_with_undated_reports_apart()
    {
        string svg = CoverageChart.Svg(Story(Report("a", "A", "2025-01-01"), Report("b", "A", "2025-01-01"), Report("c", "B", "2025-01-03"), Report("d", "C", null)))!;
        Assert.Contains("<title>A: 2 articles on 2025-01-01</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>B: 1 article on 2025-01-03</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>C: 1 article with no date</title>", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Articles per outlet per day, 2025-01-01 to 2025-01-03: 3 outlets, 3 dated articles\"", svg, StringComparison.Ordinal);
        Assert.Equal(3, svg.Split("<circle").Length - 1);
    }

    [Fact]
    public void A_long_story_is_drawn_by_week_and_past_twelve_outlets_the_rest_share_a_row()
    {
        var reports = Enumerable.Range(0, 15).Select(i => Report($"r{i}", $"Outlet <{i:D2}>", new DateOnly(2025, 1, 1).AddDays(i * 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        string svg = CoverageChart.Svg(Story(reports))!;
        Assert.Contains("per week", svg, StringComparison.Ordinal);
        Assert.Contains("in the week of 2025-01-01", svg, StringComparison.Ordinal);
        Assert.Contains(">4 other outlets</text>", svg, StringComparison.Ordinal);
        Assert.Equal(CoverageChart.MaxRows, svg.Split("<text class=\"outlet\"").Length - 1);
        // Names are escaped: an outlet called "<00>" is text, not markup.
        Assert.Contains("&lt;00&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<00>", svg, StringComparison.Ordinal);
    }
}
