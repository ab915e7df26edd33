using Parallax.Stories;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The dates step: undated articles dated from their story, copies told from independent sources.</summary>
public sealed class DatesStepTests
{
    [Fact]
    public void An_undated_article_takes_the_date_most_of_its_story_carries_marked_as_inferred()
    {
        var story = Story([.. CorroboratedVote()[..2], Report("courier", "Avalen Courier", "The harbor budget totals $42 million.", published: null)]);
        var articles = Through("dates", story).Articles;
        var courier = articles.ById["courier"].Article;
        Assert.Equal(new DateOnly(2025, 3, 10), courier.Published);
        Assert.True(courier.PublishedInferred);
        Assert.Same(story.Articles[0], articles.All[0]); // a dated article is kept as analysed
        Assert.Equal(["wire", "ledger", "courier"], articles.All.Select(a => a.Id));
    }

    [Fact]
    public void A_copy_of_another_article_is_in_the_story_but_no_independent_source()
    {
        var vote = DisputedVote();
        var copy = vote[0] with { Id = "copy", Source = "Avalen Courier" };
        Story story = Story([.. vote, copy], new Dictionary<string, string> { ["copy"] = "wire" });
        var articles = Through("dates", story).Articles;
        Assert.Equal(["wire", "ledger", "copy"], articles.All.Select(a => a.Id));
        Assert.Equal(["wire", "ledger"], articles.Independent.Select(a => a.Id));
        Assert.DoesNotContain("copy", articles.IndependentIds);
    }
}
