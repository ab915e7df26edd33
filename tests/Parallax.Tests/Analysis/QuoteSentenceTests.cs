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
}
