using Parallax.Briefing.Summary;
using Xunit;

namespace Parallax.Tests;

/// <summary>A summary sentence reads on its own: no dateline, no clause cut from its sentence, no speaker or referent left in the sentence before.</summary>
public sealed class SummaryLeaningTests
{
    [Theory]
    [InlineData("WASHINGTON — The Supreme Court appeared closely divided on Tuesday.", "The Supreme Court appeared closely divided on Tuesday.")]
    [InlineData("WASHINGTON -- Real estate tycoon Donald Trump said Thursday he has doubts.", "Real estate tycoon Donald Trump said Thursday he has doubts.")]
    [InlineData("BOSTON (AP) — The mayor signed the order on Monday.", "The mayor signed the order on Monday.")]
    [InlineData("ST. LOUIS, Mo. – Voters approved the measure.", "Voters approved the measure.")]
    [InlineData("Washington (CNN) -- The House passed the bill.", "The House passed the bill.")]
    public void A_dateline_is_left_off(string sentence, string expected) => Assert.Equal(expected, Dateline.Strip(sentence));

    [Theory]
    [InlineData("NATO — the alliance — met on Monday.")]
    [InlineData("The U.S. — and China — agreed on Monday.")]
    [InlineData("Senator Maria Lopez criticized the governor.")]
    public void A_sentence_without_a_dateline_is_kept_whole(string sentence) => Assert.Equal(sentence, Dateline.Strip(sentence));

    [Theory]
    [InlineData("who had served as the group's lawyer for a decade, said.", SummaryProblem.NoVerb)]
    [InlineData("Because the vote was delayed again and the council adjourned.", SummaryProblem.NoVerb)]
    [InlineData("The rally was held in Washington, D.C. The president then spoke for an hour.", SummaryProblem.CutAtAbbreviation)]
    [InlineData("Noting that he was a recovering alcoholic himself, he said that the party had to admit it had a problem.", SummaryProblem.NeedsContext)]
    [InlineData("Saying President Obama, he said, was “too simple an answer.”", SummaryProblem.NeedsContext)]
    [InlineData("There was one problem: the council had already voted.", SummaryProblem.NeedsContext)]
    [InlineData("From 1997 to 2009, he practiced civil litigation at a Boston firm.", SummaryProblem.NeedsContext)]
    [InlineData("Biden did another thing Obama did not a week ago.", SummaryProblem.NeedsContext)]
    [InlineData("The other, Ofer Biton, pleaded guilty to visa fraud charges.", SummaryProblem.NeedsContext)]
    [InlineData("It's not the first time Newsweek has faced a backlash for a cover.", SummaryProblem.NeedsContext)]
    [InlineData("Next door in Alabama, lawmakers passed a similar bill.", SummaryProblem.NeedsContext)]
    [InlineData("The statement also quotes the bishops' letters to Congress.", SummaryProblem.NeedsContext)]
    [InlineData("The key vote for a Wal-Mart victory could belong to Justice Anthony Kennedy.", SummaryProblem.UnattributedOpinion)]
    [InlineData("Maria Lopez, a veteran party operative who has the support of the former governor.", SummaryProblem.NoVerb)]
    [InlineData("Senator Dana Ortiz of Nevada, the party's leader, is a longtime supporter of gun rights.", SummaryProblem.Description)]
    public void A_sentence_that_leans_on_another_is_not_a_summary_sentence(string sentence, SummaryProblem problem) =>
        Assert.Equal(problem, SummaryChecks.Check(sentence));

    [Theory]
    [InlineData("While many have speculated that the White House offered him a post, Mr. Bauer said that was never the case.")]
    [InlineData("After growing up in poverty in rural North Carolina, Cowan went to Duke University.")]
    [InlineData("Romney said he supports the right of states to decide on domestic partnership benefits.")]
    [InlineData("Elizabeth Cheney declared in July she plans to challenge Senator Mike Enzi, also a Republican, in the primary.")]
    [InlineData("The U.S. Senate passed the bill on Tuesday.")]
    [InlineData("The man who shot the guard was arrested on Friday.")]
    [InlineData("Maria Lopez, who has the support of the former governor, announced her bid on Monday.")]
    [InlineData("Maria Lopez, a veteran operative who ran the last convention, said Monday she would run.")]
    [InlineData("The mayor, who is a supporter of gun rights, signs the order on Monday.")]
    [InlineData("The ruling could cost the company billions of dollars, analysts said.")]
    [InlineData("On the other hand, the governor signed the second bill on Friday.")]
    public void A_whole_sentence_naming_its_actors_may_be_one(string sentence) =>
        Assert.Equal(SummaryProblem.None, SummaryChecks.Check(sentence));
}
