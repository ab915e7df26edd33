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

    [Fact]
    public void A_source_sharing_the_participants_but_not_the_predicate_does_not_count()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "Senator Maria Lopez of the finance committee said Tuesday that the state budget would cut school funding by a large amount."),
            Briefs.Article("b", "Senator Maria Lopez of the finance committee will retire next year after two decades in office, her spokesman said."),
        ]);
        Assert.DoesNotContain(b.Facts, f => f.Articles.Count == 2 && f.Sources == 2);
    }

    [Fact]
    public void A_claim_without_a_verb_of_its_own_is_not_stated_by_a_sentence_sharing_two_of_its_words_and_a_name()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "The key vote for a Wal-Mart victory could belong to Justice Anthony Kennedy."),
            Briefs.Article("b", "Justice Anthony Kennedy, often a key vote on the high court, said the women's argument points in conflicting directions."),
        ]);
        Assert.DoesNotContain(b.Facts, f => f.Sources == 2);
    }

    [Fact]
    public void A_paraphrase_sharing_the_verb_a_modal_governs_still_counts()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "President Trump did not mention Taiwan in his statement about the call with Xi Jinping."),
            Briefs.Article("b", "Trump's own statement about the call with Xi Jinping did not mention Taiwan at all."),
        ]);
        Assert.Contains(b.Facts, f => f.Sources == 2 && f.Display.Contains("Taiwan", StringComparison.Ordinal));
    }
}
