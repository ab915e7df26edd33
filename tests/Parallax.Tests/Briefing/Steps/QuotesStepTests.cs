using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>
/// The quotes step: one remark quoted by several outlets is one quote of one speaker; "Who said what" lists what the sources
/// put in quotation marks, and a paraphrase only when two independent sources give it to the same person.
/// </summary>
public sealed class QuotesStepTests
{
    [Fact]
    public void One_remark_quoted_by_two_outlets_is_one_quote_in_one_wording()
    {
        var draft = Through("quotes", DisputedVote());
        var quote = Assert.Single(draft.Quotes);
        Assert.Equal("Elena Marsh", quote.Speaker);
        Assert.True(quote.Direct);
        Assert.Equal(["ledger", "wire"], quote.Articles);
        var wording = Assert.Single(quote.Variants);
        Assert.Equal("This budget keeps the ferries running for another decade.", wording.Text);
        Assert.Empty(draft.Attributions);
    }

    [Fact]
    public void A_paraphrase_is_listed_when_two_sources_give_it_to_one_person_and_not_on_one_sources_word()
    {
        var brief = Briefs.OfTexts(
            "Mayor Elena Marsh said on Monday that the Meridian Bridge will reopen to traffic on March 14. Council member Ruth Adeyemi said residents deserved a full accounting of the cost overrun.",
            "The Meridian Bridge will reopen to traffic on March 14, Mayor Elena Marsh said at a briefing. Crews spent eighteen months replacing corroded cables on the span.");
        var reported = Assert.Single(brief.Quotes, q => !q.Direct);
        Assert.Equal("Elena Marsh", reported.Speaker);
        Assert.Equal(["a", "b"], reported.Articles);
        Assert.DoesNotContain(brief.Quotes, q => q.Speaker == "Ruth Adeyemi"); // one source's paraphrase: kept in the analysis, not listed
    }

    [Fact]
    public void A_few_quoted_words_with_no_reporting_verb_are_a_label_not_a_remark()
    {
        var brief = Briefs.OfTexts(
            "State Senate leader Kevin de León wrote the “sanctuary state” law in 2017. “We need bold leadership in Washington today,” de León said on Saturday.",
            "Kevin de León, author of the “sanctuary state” law, won the party's endorsement. “We need bold leadership in Washington today,” de León told delegates.");
        Assert.DoesNotContain(brief.Quotes, q => q.Text.Contains("sanctuary state", StringComparison.Ordinal));
        var remark = Assert.Single(brief.Quotes);
        Assert.Equal("Kevin de León", remark.Speaker);
        Assert.Equal(2, remark.Articles.Count);
    }
}
