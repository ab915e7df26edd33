using Parallax.Model;
using Parallax.Stages.Sentences;
using Xunit;

namespace Parallax.Tests;

/// <summary>A quotation is compared sentence by sentence across sources: the sentences inside it end where a sentence ends, never at an abbreviation.</summary>
public sealed class QuoteSentenceTests
{
    [Theory]
    [InlineData("There’s only one way out: open the government, Mr. President, and then we can talk.", new[] { "There’s only one way out: open the government, Mr. President, and then we can talk." })]
    [InlineData("I told Gen. Mattis and Sen. Graham. They agreed.", new[] { "I told Gen. Mattis and Sen. Graham.", "They agreed." })]
    [InlineData("Ask Dr. Fauci, Gov. Cuomo, Rep. Nadler, Mrs. Clinton or Ms. Lee, and St. Louis will know.", new[] { "Ask Dr. Fauci, Gov. Cuomo, Rep. Nadler, Mrs. Clinton or Ms. Lee, and St. Louis will know." })]
    [InlineData("George W. Bush knew the U.S. Senate would act. We did not.", new[] { "George W. Bush knew the U.S. Senate would act.", "We did not." })]
    [InlineData("We went to the U.S. The talks began at once!", new[] { "We went to the U.S.", "The talks began at once!" })]
    [InlineData("Is it over? No. It is not.", new[] { "Is it over?", "No.", "It is not." })]
    public void Sentences_within_a_quotation(string quote, string[] expected)
    {
        string text = "She said, “" + quote + "” Then she left.";
        var span = new Span(text.IndexOf(quote, StringComparison.Ordinal), text.IndexOf(quote, StringComparison.Ordinal) + quote.Length);
        Assert.Equal(expected, SentenceSplitter.SentencesWithin(text, span).Select(s => s.Of(text)));
    }

    [Fact]
    public void A_quotation_with_a_title_inside_is_grouped_whole_in_the_brief()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "Senate Democratic leader Chuck Schumer said on Saturday: “There’s only one way out: open the government, Mr. President, and then Democrats and Republicans can talk.”"),
            Briefs.Article("b", "Senate Democratic leader Chuck Schumer responded on Saturday: “There’s only one way out: open the government, Mr. President, and then Democrats and Republicans can talk.”"),
        ]));
        Assert.Contains(b.Quotes, q => q.Text.Contains("Mr. President, and then", StringComparison.Ordinal));
        Assert.DoesNotContain(b.Quotes, q => q.Text.EndsWith("Mr.", StringComparison.Ordinal) || q.Text.StartsWith("President, and then", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_abbreviated_by_one_outlet_and_spelled_out_by_another_is_one_wording() => Briefs.AssertOneWording(
        "Senate Majority Leader Harry Reid broke with the White House on Monday over the Islamic center planned near ground zero in New York. “Senator Reid respects that but thinks that the mosque should be built someplace else,” spokesman Jim Manley said in a statement.",
        "Harry Reid, the Senate majority leader, said on Monday that the Islamic center near ground zero in New York should move. “Sen. Reid respects that but thinks that the mosque should be built someplace else,” his spokesman, Jim Manley, said.");
}
