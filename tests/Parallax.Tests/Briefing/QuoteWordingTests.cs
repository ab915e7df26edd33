using Parallax.Briefing;
using Parallax.Briefing.Quotes;
using Xunit;

namespace Parallax.Tests;

/// <summary>What counts as a rewording of a quote: two renderings of one remark, compared once a paper's style is set aside.</summary>
public sealed class QuoteWordingTests
{
    private static WordingComparison Compare(string a, string b) => QuoteWording.Compare(QuoteGrouper.WordsOf(a), QuoteGrouper.WordsOf(b));

    private static double Confidence(string a, string b) => QuoteWording.Confidence(Compare(a, b), speaker: 1);

    [Theory]
    [InlineData("It was a f***ing disaster for all of us", "It was a fucking disaster for all of us")]
    [InlineData("I don't think we're ready, and we won't be", "I do not think we are ready, and we will not be")]
    [InlineData("I have not violated any I.R.S. rules", "I have not violated any IRS rules.")]
    [InlineData("We Will Fight This In Court!", "we will fight this in court")]
    [InlineData("I want a … leadership team that can bring the conference together", "I want a leadership team that can bring the conference together")]
    [InlineData("I look forward to working with the governor on this", "he looks forward to working with the governor on this")]
    [InlineData("Do you fully support the plan the president announced", "fully supported the plan the president announced")]
    [InlineData("would end Medicare as we know it", "ending Medicare as we know it")]
    [InlineData("I don't believe that that's what we're here to do", "I don't believe that's what we're here to do")]
    [InlineData("he walked them up to his father's office on the twenty-sixth floor", "he walked them up to his father's office on the 26th floor")]
    [InlineData("we lost twenty-five seats in the first vote", "we lost 25 seats in the 1st vote")]
    public void A_papers_style_is_no_rewording(string a, string b)
    {
        Assert.Equal(WordingChange.None, Compare(a, b).Change);
        Assert.Equal(0, Confidence(a, b));
    }

    [Theory]
    [InlineData("I reacted to an article and quickly judged the two young ladies in a way that I would never have wanted to be judged myself", "I quickly judged the two young ladies in a way that I would never have wanted to be judged myself")]
    [InlineData("We will rebuild the harbor and we will do it this year, whatever it costs", "we will do it this year")]
    public void An_excerpt_is_no_conflict(string a, string b) => Assert.Equal(WordingChange.None, Compare(a, b).Change);

    [Theory]
    [InlineData("I can see more clearly just how hurtful my words were", "I can see more clearly how hurtful my words were", WordingChange.Substantive)]
    [InlineData("they cannot believe what they're finding", "they cannot believe what they're talking", WordingChange.Substantive)]
    [InlineData("I have not violated any IRS rules or regulations", "I have not violated any I.R.S. rules and regulations", WordingChange.Minor)]
    [InlineData("What is this? A circus? America is not a clown show", "What is this? The circus? America is not a clown show", WordingChange.Minor)]
    [InlineData("I know you're under a lot of duress", "I know you're under duress", WordingChange.Substantive)]
    [InlineData("his office on the twenty-sixth floor is zero", "his office on the 25th floor is zero", WordingChange.Substantive)]
    public void A_word_changed_added_or_dropped_inside_is_a_rewording(string a, string b, WordingChange change)
    {
        Assert.Equal(change, Compare(a, b).Change);
        Assert.True(Confidence(a, b) >= Conflicts.ShowAt, $"shown: {Confidence(a, b):F2}");
    }

    [Fact]
    public void A_minor_difference_is_less_sure_than_a_substantive_one()
    {
        double minor = Confidence("the man said it was a circus from start to finish", "the man said it was the circus from start to finish");
        double substantive = Confidence("the man said it was a circus from start to finish", "the man said it was a zoo from start to finish");
        Assert.True(minor < substantive);
    }

    [Theory]
    [InlineData("I can't help but think that those remarks are well over the line", "I think if you make comments like that, you make comments that are well over the line")]
    [InlineData("I think it shows they are on the wrong side of history", "These guys are on the wrong side of history")]
    [InlineData("My view is that marriage itself is a relationship between a man and a woman and that's my own preference", "I believe marriage is between a man and a woman")]
    public void Two_different_remarks_on_one_topic_are_not_compared(string a, string b) => Assert.True(Confidence(a, b) < Conflicts.ShowAt, $"held back: {Confidence(a, b):F2}");

    [Fact]
    public void A_rewording_joined_by_its_words_alone_is_less_sure_than_one_both_sources_give_to_the_same_person()
    {
        var c = Compare("It is going to be a very good year for the party", "It is going to be a good year for the party");
        Assert.True(QuoteWording.Confidence(c, speaker: 0.5) < QuoteWording.Confidence(c, speaker: 1));
    }

    [Fact]
    public void A_brief_shows_a_changed_word_and_not_a_papers_style()
    {
        var changed = Briefs.OneStory([
            Briefs.Article("a", "“I can see more clearly just how hurtful my words were,” Representative Ines Okafor said in Albany on Monday."),
            Briefs.Article("b", "“I can see more clearly how hurtful my words were,” Representative Ines Okafor said in Albany on Monday."),
        ]);
        var c = Assert.Single(changed.Conflicts, c => c.Kind == ConflictKind.Quote);
        Assert.False(c.Minor);
        Assert.True(c.Confidence >= Conflicts.ShowAt);
        var styled = Briefs.OneStory([
            Briefs.Article("a", "“I don't think we're ready for the f***ing storm,” Representative Ines Okafor said in Albany on Monday."),
            Briefs.Article("b", "“I do not think we are ready for the fucking storm,” Representative Ines Okafor said in Albany on Monday."),
        ]);
        Assert.DoesNotContain(styled.Conflicts.Concat(styled.HeldBackConflicts), c => c.Kind == ConflictKind.Quote);
    }

    [Fact]
    public void A_sentence_of_a_few_words_is_read_with_its_neighbour()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "“What is this? A circus?” Representative Ines Okafor said in Albany on Monday."),
            Briefs.Article("b", "“What is this, the circus?” Representative Ines Okafor said in Albany on Monday."),
        ]);
        var c = Assert.Single(b.Conflicts, c => c.Kind == ConflictKind.Quote);
        Assert.True(c.Minor);
    }

    [Fact]
    public void Little_words_are_shown_as_a_minor_difference_beneath_the_substantive_ones()
    {
        var b = Briefs.OneStory([
            Briefs.Article("a", "“I have not violated any IRS rules or regulations,” Lois Lerner said at the hearing on Monday. “We will not raise taxes on working families this year,” Senator Maria Lopez said."),
            Briefs.Article("b", "“I have not violated any I.R.S. rules and regulations,” Lois Lerner said at the hearing on Monday. “We will not raise taxes on hardworking families this year,” Senator Maria Lopez said."),
        ]);
        var quotes = b.Conflicts.Where(c => c.Kind == ConflictKind.Quote).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.False(quotes[0].Minor);
        Assert.True(quotes[1].Minor);
    }

    [Fact]
    public void Who_said_it_only_for_the_same_words_given_to_different_people()
    {
        var same = Briefs.OneStory([
            Briefs.Article("a", "“We will not raise taxes on working families this year,” Senator Maria Lopez said at the budget hearing in Albany on Monday."),
            Briefs.Article("b", "“We will not raise taxes on working families this year,” Governor Tom Reilly said at the budget hearing in Albany on Monday."),
        ]);
        Assert.Single(same.Conflicts, c => c.Kind == ConflictKind.Attribution);
        // Reworded words given to two people are two remarks, not one remark's rival speakers.
        var reworded = Briefs.OneStory([
            Briefs.Article("a", "“We will not raise taxes on working families this year,” Senator Maria Lopez said at the budget hearing in Albany on Monday."),
            Briefs.Article("b", "“We will never raise taxes on hardworking families next year,” Governor Tom Reilly said at the budget hearing in Albany on Monday."),
        ]);
        Assert.DoesNotContain(reworded.Conflicts, c => c.Kind == ConflictKind.Attribution);
        // A source naming both people beside the words has not given them to the other one.
        var beside = Briefs.OneStory([
            Briefs.Article("a", "Governor Tom Reilly's aide, Maria Lopez, wrote: “We will not raise taxes on working families this year.”"),
            Briefs.Article("b", "“We will not raise taxes on working families this year,” Governor Tom Reilly said at the budget hearing in Albany on Monday."),
        ]);
        Assert.DoesNotContain(beside.Conflicts, c => c.Kind == ConflictKind.Attribution);
    }
}
