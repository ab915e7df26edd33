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
}
