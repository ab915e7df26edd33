using Parallax.Briefing;
using Parallax.Briefing.Values;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Figures are paired by what they count, the noun written beside them, when the rest of their sentences is worded
/// differently; a stated ceiling ("up to 1.6 million") is a rival size of the class it bounds; and a count after "signed
/// by" is a level, not a change. Each test briefs small invented reports (published Monday 10 March 2025).
/// </summary>
public sealed class CountedFigureTests
{
    private static Brief Story(params string[] texts) =>
        Briefs.OfTexts(texts);

    private static IEnumerable<Conflict> All(Brief b) => b.Conflicts.Concat(b.HeldBackConflicts).Where(c => c.Kind == ConflictKind.Quantity);

    private static string? Counted(string text, string figure)
    {
        int at = text.IndexOf(figure, StringComparison.Ordinal);
        return CountedThing.Of(text, new Span(at, at + figure.Length), new Span(0, text.Length), money: figure.StartsWith('$'));
    }

    [Fact]
    public void The_counted_noun_is_the_word_beside_the_figure_past_a_name_and_a_hyphen()
    {
        Assert.Equal(Counted("They used the 300 pages of emails.", "300"), Counted("It released 100 pages of e-mails.", "100"));
        Assert.Equal(Counted("It restores a 30-round limit.", "30"), Counted("It restores a 10-round limit.", "10"));
        Assert.Equal(Counted("Nearly 45 Georgetown University faculty wrote.", "45"), Counted("Nearly 90 faculty members wrote.", "90"));
        Assert.Equal(Counted("He used $750,000 in campaign funds.", "$750,000"), Counted("He spent $250,000 in campaign cash.", "$250,000"));
        Assert.Null(Counted("Then 16 of them left.", "16"));
        Assert.Null(Counted("In the end 5 Democrats voted no.", "5"));
        Assert.Null(Counted("He spent $750,000 on rent.", "$750,000"));
    }

    [Fact]
    public void Counts_of_one_noun_in_differently_worded_sentences_are_a_shown_conflict()
    {
        var b = Story(
            "On Wednesday, the White House released the 300 pages of emails to show that several agencies drove the changes to the talking points.",
            "The administration released 100 pages of emails that show the disagreement between the agencies over the talking points.");
        var c = Assert.Single(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
        Assert.True(c.Confidence >= Conflicts.ShowAt);
        Assert.Equal(["100", "300"], c.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));

        // Nothing but the counted noun and the topic in common: paired, but not sure enough to show.
        var loose = Story(
            "In a briefing on Wednesday, senior administration officials used the 300 pages of emails to show that several agencies drove the changes to the talking points.",
            "The White House released 100 pages of emails that show the disagreement between the agencies over the talking points.");
        Assert.Single(All(loose));
    }

    [Fact]
    public void Counts_of_different_nouns_are_not_compared()
    {
        var b = Story(
            "The commission released its report on Tuesday, a 450-page account of the attacks on the harbour.",
            "The commission heard 225 witnesses before it wrote its account of the attacks on the harbour.");
        Assert.Empty(All(b));
    }

    [Fact]
    public void A_part_far_smaller_than_the_whole_is_not_shown_against_it()
    {
        var b = Story(
            "Jackson pleaded guilty to spending $750,000 in campaign funds on personal items, prosecutors said.",
            "Prosecutors said Jackson bought a watch with $43,000 in campaign funds.");
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
    }

    [Fact]
    public void A_stated_ceiling_is_a_rival_size_of_the_class_but_a_plain_bound_is_not()
    {
        var rival = Story(
            "The justices heard the sex discrimination lawsuit that covers 1.5 million women who worked at the chain.",
            "The justices heard the sex discrimination lawsuit brought on behalf of up to 1.6 million women who worked at the chain.");
        Assert.Single(All(rival));

        var same = Story(
            "The justices heard the sex discrimination lawsuit that covers 1.6 million women who worked at the chain.",
            "The justices heard the sex discrimination lawsuit brought on behalf of up to 1.6 million women who worked at the chain.");
        Assert.Empty(All(same));

        var bound = Story(
            "The harbour tax was opposed by 80 residents at the meeting, the council said.",
            "The harbour tax was opposed by fewer than 100 residents at the meeting, the council said.");
        Assert.Empty(All(bound));
    }

    [Fact]
    public void A_count_of_who_did_something_is_a_level_but_a_change_by_is_a_change()
    {
        var a = AnalysisPipeline.Default.Analyze(Briefs.Article("a",
            "The letter was signed by nearly 90 faculty members. The tariff was raised by 10% this year. Prices rose by 5%. He was defeated by 5 votes."));
        Assert.Equal([false, true, true, true], a.Quantities.Select(q => q.IsChange));
    }
}
