using Parallax.Briefing;
using Parallax.Briefing.Values;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Dates and figures are compared only as values of one slot of one proposition: the same event's day, the same thing's
/// count. Each test briefs two or three small invented reports (published Monday 10 March 2025).
/// </summary>
public sealed class ValueConflictTests
{
    private static Brief Story(params string[] texts) =>
        Briefs.OfTexts(texts);

    private static IEnumerable<Conflict> All(Brief b, ConflictKind kind) => b.Conflicts.Concat(b.HeldBackConflicts).Where(c => c.Kind == kind);

    [Fact]
    public void One_event_dated_to_different_days_by_two_outlets_is_a_shown_conflict()
    {
        var b = Story(
            "Mayor Jane Porter apologized on Thursday for her remarks about the harbour tax, her office said.",
            "Mayor Jane Porter apologized on Friday for her remarks about the harbour tax, her office said.",
            "Mayor Jane Porter apologized on Thursday for her remarks about the harbour tax, aides said.");
        var c = Assert.Single(b.Conflicts, c => c.Kind == ConflictKind.Time);
        Assert.True(c.Confidence >= Conflicts.ShowAt);
        Assert.Equal(["2025-03-06", "2025-03-07"], c.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["a", "c"], c.Variants.Single(v => v.Value == "2025-03-06").Articles);
    }

    [Fact]
    public void Dates_of_two_different_events_are_not_shown_as_a_conflict()
    {
        var b = Story(
            "The council voted on the harbour tax on Tuesday after a long debate. Mayor Jane Porter said yesterday that the tax would pass.",
            "The council voted on the harbour tax last week after a long debate. Mayor Jane Porter said on Wednesday that she would sign the tax into law.");
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Time && c.Variants.Any(v => v.Text.Contains("yesterday", StringComparison.OrdinalIgnoreCase)) && c.Variants.Any(v => v.Text.Contains("Wednesday", StringComparison.Ordinal)));
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Time && c.Variants.Any(v => v.Text == "Tuesday") && c.Variants.Any(v => v.Text == "last week"));
    }

    [Fact]
    public void A_ranges_start_is_never_set_against_its_end_but_rival_starts_are_compared()
    {
        var same = Story(
            "Edward Brooke, who served in the Senate from 1967 to 1979, praised the choice.",
            "Edward Brooke, who served in the Senate from 1967 to 1979, praised the choice on Monday.");
        Assert.Empty(All(same, ConflictKind.Time));

        var a = AnalysisPipeline.Default.Analyze(Briefs.Article("a", "Edward Brooke served in the Senate from 1967 to 1979."));
        var mentions = ValueConflicts.Mentions(a, (_, n) => n, (_, _, _) => -1).Where(m => m.Kind == ConflictKind.Time).ToList();
        Assert.Equal([DateRole.Start, DateRole.End], mentions.Select(m => m.Role));
        Assert.All(mentions, m => Assert.True(m.Sole, "each is the only value of its end of the range"));

        var rival = Story(
            "Edward Brooke, who served in the Senate from 1967 to 1979, praised the choice.",
            "Edward Brooke, who served in the Senate from 1966 to 1978, praised the choice.");
        var conflicts = All(rival, ConflictKind.Time).ToList();
        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, c => Assert.True(
            c.Variants.All(v => v.Value is "1967" or "1966") || c.Variants.All(v => v.Value is "1979" or "1978"),
            "a start is compared with a start and an end with an end"));
    }

    [Fact]
    public void Numbers_in_names_and_dates_are_not_figures()
    {
        var a = AnalysisPipeline.Default.Analyze(Briefs.Article("a",
            "The Sept. 11 attacks changed the city, and the 9/11 commission met again. Fox 5 reported that Air Force One landed before the G-20 summit. About 1,000 people came."));
        var q = Assert.Single(a.Quantities);
        Assert.Equal(1000, q.Value);
    }

    [Fact]
    public void A_change_is_not_compared_with_a_level()
    {
        var a = AnalysisPipeline.Default.Analyze(Briefs.Article("a", "The steel tariff rose 10% this year. It rose to 25% in May."));
        Assert.Equal([true, false], a.Quantities.Select(q => q.IsChange));
        var b = Story(
            "The ministry said on Monday that the steel tariff rose 10% this year.",
            "The ministry said on Monday that the steel tariff is 25% this year.");
        Assert.Empty(All(b, ConflictKind.Quantity));
    }

    [Fact]
    public void Rounding_the_writer_marks_is_no_conflict_but_a_different_rounded_value_is()
    {
        var rounded = Story(
            "The lawsuit covers 1.5 million women who worked at the chain, the court said.",
            "The lawsuit covers 1,520,000 women who worked at the chain, the court said.",
            "The lawsuit covers about 1.6 million women who worked at the chain, the court said.");
        Assert.Empty(All(rounded, ConflictKind.Quantity));

        var rival = Story(
            "The lawsuit covers 1.5 million women who worked at the chain, the court said.",
            "The lawsuit covers 1.6 million women who worked at the chain, the court said.");
        var c = Assert.Single(rival.Conflicts, c => c.Kind == ConflictKind.Quantity);
        Assert.True(c.Confidence >= Conflicts.ShowAt);
    }

    [Fact]
    public void Two_upper_bounds_of_one_count_are_compared_by_their_values()
    {
        var b = Story(
            "The lawsuit was brought on behalf of as many as 1.5 million women, the court said.",
            "The lawsuit was brought on behalf of up to 1.6 million women, the court said.");
        Assert.Single(All(b, ConflictKind.Quantity));
    }

    [Fact]
    public void Figures_for_different_periods_are_different_things()
    {
        var b = Story(
            "The jobless rate among veterans was 7% in 2014, the report said.",
            "The jobless rate among veterans was 9% from 2007 to 2014, the report said.");
        Assert.Empty(All(b, ConflictKind.Quantity));
    }

    [Fact]
    public void A_forecast_or_supposition_is_not_set_against_what_happened()
    {
        var b = Story(
            "The council would have cut $40 million from the harbour budget under the first plan, the mayor said.",
            "The council cut $25 million from the harbour budget under the first plan, the mayor said.");
        Assert.Empty(All(b, ConflictKind.Quantity));
    }

    [Fact]
    public void One_verb_of_one_participant_at_rival_days_in_sentences_worded_differently_is_one_event()
    {
        var b = Story(
            "A Republican staffer on Friday apologized for a Facebook post that mocked the harbour parade, her office said in a long statement to reporters.",
            "The communications director for a Republican congressman had to apologize Saturday for a Facebook post about the parade.");
        var c = Assert.Single(All(b, ConflictKind.Time));
        Assert.Equal(["2025-03-07", "2025-03-08"], c.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Amounts_far_apart_in_size_are_held_back_rather_than_shown()
    {
        var m = new ValueMention("a", new Span(0, 1), new Span(0, 10), ConflictKind.Quantity, "313.89 USD", "$313.89", new() { ["spent"] = 1 }, -1) { Range = (313, 314), Unit = "USD", Sole = true };
        var o = m with { Article = "b", Value = "5,150 USD", Text = "$5,150", Range = (5149, 5151) };
        Assert.True(ValueConfidence.Pair(m, o, context: 1, clause: 0) < Conflicts.ShowAt);
        var near = m with { Article = "b", Value = "400 USD", Text = "$400", Range = (399, 401) };
        Assert.True(ValueConfidence.Pair(m, near, context: 1, clause: 0) >= Conflicts.ShowAt);
    }
}
