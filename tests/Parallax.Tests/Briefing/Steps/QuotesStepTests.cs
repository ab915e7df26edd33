using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The quotes step: one remark quoted by several outlets is one quote of one speaker.</summary>
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
}
