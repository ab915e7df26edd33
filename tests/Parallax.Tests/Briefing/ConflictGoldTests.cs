using Parallax.Briefing;
using Parallax.Evaluation;
using Parallax.Model;
using Xunit;

namespace Parallax.Tests;

/// <summary>How a reported conflict is matched to one listed in the conflict gold.</summary>
public sealed class ConflictGoldTests
{
    private const string A = "The House voted on Tuesday to pass the bill, 396-9.";
    private const string B = "On Wednesday, the House\npassed the bill by a vote of 396 to 9.";

    private static List<List<(string Article, Span Span)>> Gold() =>
    [
        [("a", ConflictGold.Locate(A, "voted on Tuesday")!.Value)],
        [("b", ConflictGold.Locate(B, "On Wednesday, the House passed")!.Value)],
    ];

    private static Conflict Reported(Span inA, Span inB) => new("day of the vote", ConflictKind.Time,
    [
        new Variant("Tuesday", "Tuesday", ["a"], [new Support("a", inA)]),
        new Variant("Wednesday", "Wednesday", ["b"], [new Support("b", inB)]),
    ]);

    [Fact]
    public void Gold_words_are_found_verbatim_or_across_a_line_break()
    {
        Assert.Equal("voted on Tuesday", ConflictGold.Locate(A, "voted on Tuesday")!.Value.Of(A));
        Assert.Equal("On Wednesday, the House\npassed", ConflictGold.Locate(B, "On Wednesday, the House passed")!.Value.Of(B));
        Assert.Null(ConflictGold.Locate(A, "voted on Monday"));
    }

    [Fact]
    public void A_conflict_matches_when_its_two_sides_cite_the_two_gold_sides_on_different_articles()
    {
        Assert.True(ConflictGold.Matches(Reported(new Span(0, A.Length), new Span(0, B.Length)), Gold()));
    }

    [Fact]
    public void A_side_cited_away_from_the_gold_words_does_not_match()
    {
        int bill = B.IndexOf("bill", StringComparison.Ordinal);
        Assert.False(ConflictGold.Matches(Reported(new Span(0, A.Length), new Span(bill, B.Length)), Gold()));
    }

    [Fact]
    public void Both_sides_in_one_gold_variant_do_not_match()
    {
        var gold = Gold();
        gold[1] = [("b", new Span(0, 2))];
        gold.Add([("b", new Span(0, B.Length))]);
        // Side one cites a's gold words, side two cites b where only the third (unrelated) gold place is: still two different gold variants.
        Assert.True(ConflictGold.Matches(Reported(new Span(0, A.Length), new Span(10, 20)), gold));
        Assert.False(ConflictGold.Matches(Reported(new Span(0, A.Length), new Span(0, A.Length)) with { Variants = [new Variant("x", "x", ["a"], [new Support("a", new Span(0, 5))]), new Variant("y", "y", ["a"], [new Support("a", new Span(6, 9))])] }, gold));
    }

    [Fact]
    public void A_gold_file_line_that_is_not_a_story_is_named()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"story\": \"s\", \"articles\": [\"a\"], \"conflicts\": []}\nnot json\n");
            var e = Assert.Throws<InvalidDataException>(() => ConflictGold.Read(path));
            Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
