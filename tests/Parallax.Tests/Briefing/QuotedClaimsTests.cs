using Parallax.Briefing.Facts;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests;

/// <summary>A claim that is a quotation alone is shown with its speaker, or not listed as agreed at all.</summary>
public sealed class QuotedClaimsTests
{
    [Theory]
    [InlineData("“If there's even one life that can be saved, then we've got an obligation to try.”", true)]
    [InlineData("\"His conduct is unbecoming of a member of Congress.\"", true)]
    [InlineData("“We will act,” Marsh said.", false)]
    [InlineData("“We will act,” she said, “and soon.”", false)]
    [InlineData("The council approved the budget.", false)]
    [InlineData("“”", false)]
    public void A_bare_quotation_is_one_quotation_and_nothing_else(string text, bool bare) =>
        Assert.Equal(bare, QuotedClaims.IsBareQuotation(text));

    [Fact]
    public void Two_sources_sharing_words_nobody_is_named_for_are_not_an_agreed_fact()
    {
        var draft = Through("facts",
            Report("wire", "Harbor Wire", "The council met on Tuesday. “The harbor is the future of this city and of every family in it.”"),
            Report("ledger", "Metro Ledger", "The council met on Tuesday after a long debate. “The harbor is the future of this city and of every family in it.”"));
        var quoted = Assert.Single(draft.Facts, f => f.Text.Contains("future of this city", StringComparison.Ordinal));
        Assert.Equal(2, quoted.Sources);
        Assert.True(quoted.Unattributed);
        Assert.False(quoted.Agreed);
    }

    [Fact]
    public void A_bare_quotation_whose_speaker_is_known_is_shown_with_the_speaker()
    {
        var draft = Through("facts",
            Report("wire", "Harbor Wire", "Mayor Elena Marsh spoke after the vote on Tuesday. “The harbor is the future of this city and of every family in it,” Marsh said."),
            Report("ledger", "Metro Ledger", "Mayor Elena Marsh praised the vote. “The harbor is the future of this city and of every family in it,” she told reporters."));
        var quoted = Assert.Single(draft.Facts, f => f.Text.Contains("future of this city", StringComparison.Ordinal));
        Assert.False(quoted.Unattributed);
    }

    [Fact]
    public void The_speaker_shown_is_one_two_sources_name_and_none_disputes()
    {
        Assert.Equal("Elena Marsh", QuotedClaims.AgreedSpeaker([("a", "Elena Marsh"), ("b", "Elena Marsh"), ("c", null)]));
        Assert.Null(QuotedClaims.AgreedSpeaker([("a", "Elena Marsh"), ("b", null)]));
        Assert.Null(QuotedClaims.AgreedSpeaker([("a", "Elena Marsh"), ("b", "Joe Biden"), ("c", "Elena Marsh")]));
    }
}
