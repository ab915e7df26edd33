using Parallax.Briefing;
using Xunit;

namespace Parallax.Tests;

/// <summary>A source counts for a fact only where it states it: "N/M" is exactly the sources cited as agreeing.</summary>
public sealed class StatedSupportTests
{
    [Fact]
    public void A_source_sharing_only_the_topic_word_does_not_count_for_a_spokeswomans_account()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "White House press secretary Karoline Leavitt said the one-hour call focused primarily on trade and farm purchases."),
            Briefs.Article("b", "The two leaders also exchanged views on trade, a Chinese statement said, without giving details of farm purchases."),
            Briefs.Article("c", "Press secretary Karoline Leavitt said the call, which lasted an hour, focused primarily on trade and farm purchases."),
        ]);
        var leavitt = Assert.Single(b.Facts, f => !f.Topic && f.Display.Contains("Leavitt", StringComparison.Ordinal) && f.Sources >= 2);
        Assert.Equal(["a", "c"], leavitt.Articles);
        Assert.Equal(2, leavitt.Sources);
    }

    [Fact]
    public void Two_claims_about_the_same_people_with_different_predicates_are_not_one_fact()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "Senator Maria Lopez criticized Governor Tom Reed over the state budget on Tuesday evening."),
            Briefs.Article("b", "Senator Maria Lopez will meet Governor Tom Reed next week to discuss flood relief for farmers."),
        ]);
        Assert.DoesNotContain(b.Facts, f => f.Articles.Count == 2);
    }

    [Fact]
    public void A_fact_counts_only_the_sources_that_agree_with_its_wording()
    {
        var b = Assert.Single(Briefs.Of(TestPaths.Examples));
        Assert.Contains(b.Facts, f => f.DisputedBy.Count > 0);
        foreach (var f in b.Facts)
        {
            Assert.Equal(f.Agreeing.Count(), f.Sources);
            Assert.DoesNotContain(f.Agreeing, f.DisputedBy.Contains);
        }
    }
}
