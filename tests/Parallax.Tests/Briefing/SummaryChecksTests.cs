using Parallax.Briefing.Summary;
using Xunit;

namespace Parallax.Tests;

/// <summary>What a summary sentence must be beside corroborated: a whole clause, in the outlets' voice, readable alone.</summary>
public sealed class SummaryChecksTests
{
    [Theory]
    [InlineData("President Donald Trump described U.S.-China relations as “extremely strong” on Monday following a phone call with Chinese President Xi Jinping.")]
    [InlineData("[Xi Jinping] emphasized that Taiwan’s “return to China” remains a key element of Beijing’s vision for the post-war order.")]
    [InlineData("Mr. Steele’s comments prompted William Kristol, editor of the Weekly Standard, to call for Mr. Steele’s resignation as party leader.")]
    [InlineData("The Washington Post reported Thursday on a program called PRISM, which tracks information from nine U.S. companies.")]
    [InlineData("Tariffs on Chinese goods remain at just under 50%.")]
    [InlineData("The senator called the bill “a disgrace to this chamber,” according to her office.")]
    [InlineData("The court sided with the U.S.")]
    public void A_whole_attributed_event_in_the_outlets_voice_is_news(string sentence) =>
        Assert.Equal(SummaryProblem.None, SummaryChecks.Check(sentence));

    [Theory]
    [InlineData("Former Representative John Delaney.", SummaryProblem.NoVerb)]
    [InlineData("The Supreme Court ruled in 1898's U.S. v.", SummaryProblem.CutAtAbbreviation)]
    [InlineData("He was joined on stage by Sen.", SummaryProblem.CutAtAbbreviation)]
    [InlineData("Protesters gather outside the court on Monday. (AP Photo/Jane Doe)", SummaryProblem.Furniture)]
    [InlineData("Topics Discussed During the Call", SummaryProblem.Furniture)]
    [InlineData("But the Weekly Standard editor was not alone.", SummaryProblem.NeedsContext)]
    [InlineData("Then again your mother and father don’t respect their positions very much, so I’m guessing you’re coming up short.", SummaryProblem.UnattributedVoice)]
    [InlineData("There are, of course, those who think we should pull out of Afghanistan.", SummaryProblem.UnattributedVoice)]
    [InlineData("At least respect the part you play.", SummaryProblem.UnattributedVoice)]
    [InlineData("The governor’s plan is a disgrace and a pathetic giveaway.", SummaryProblem.UnattributedOpinion)]
    [InlineData("Gibbs was on ABC's “This Week.”", SummaryProblem.Description)]
    [InlineData("Weiner, 46, is married to Huma Abedin, an aide to Secretary of State Hillary Clinton.", SummaryProblem.Description)]
    public void A_fragment_a_caption_a_side_remark_or_an_unattributed_opinion_is_not(string sentence, SummaryProblem problem) =>
        Assert.Equal(problem, SummaryChecks.Check(sentence));

    [Fact]
    public void A_quotation_without_a_speaker_is_no_one_s_summary() =>
        Assert.Equal(SummaryProblem.UnattributedVoice, SummaryChecks.Check("“Faith made America strong. It can make her strong again.”"));
}
