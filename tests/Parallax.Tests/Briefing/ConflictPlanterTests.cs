using Parallax.Briefing;
using Parallax.Evaluation;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>The planted-conflict check's own parts: each kind of change, where it lands, and how a reported conflict is recognised.</summary>
public sealed class ConflictPlanterTests
{
    private static AnalyzedArticle Analyze(string text, string id = "a", string published = "2025-03-10") =>
        AnalysisPipeline.Default.Analyze(Briefs.Article(id, text, published));

    private static Plant Plant(AnalyzedArticle a, PlantKind kind, int seed = 1, IReadOnlyList<AnalyzedArticle>? elsewhere = null) =>
        ConflictPlanter.Choose(a, kind, new Random(seed), elsewhere) ?? throw new InvalidOperationException($"nothing to plant: {kind}");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_past_weekday_becomes_another_past_day_of_the_week_before_publication(int seed)
    {
        var a = Analyze("The senator resigned on Friday after a week of pressure.");
        var plant = Plant(a, PlantKind.Date, seed);
        Assert.Equal("Friday", plant.Before);
        var changed = plant.Apply(a.Text);
        var at = Assert.Single(plant.EditedSpans());
        Assert.Equal(plant.After, at.Of(changed));
        var copy = Analyze(changed);
        var time = Assert.Single(copy.Times, t => t.Type == TimexType.Date);
        var was = Assert.Single(a.Times, t => t.Type == TimexType.Date);
        var moved = DateOnly.Parse(time.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(was.Value, time.Value);
        Assert.InRange(moved, new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 9)); // the week before Monday 10 March, as "Friday" was
    }

    [Fact]
    public void A_figure_changes_by_half_or_more_and_keeps_its_form()
    {
        var a = Analyze("The repair cost $4.2 million, the city said.");
        var plant = Plant(a, PlantKind.Figure);
        var copy = Analyze(plant.Apply(a.Text));
        var before = Assert.Single(a.Quantities).Value!.Value;
        var after = Assert.Single(copy.Quantities).Value!.Value;
        Assert.True(after >= before * 1.5 || after <= before * 0.5, $"{before} -> {after}");
        Assert.Matches(@"^\$\d\.\d million$", Assert.Single(copy.Quantities).Text);
    }

    [Fact]
    public void Open_ended_figures_are_not_changed_since_no_single_figure_contradicts_them()
    {
        var a = Analyze("More than 300 people attended the rally on Friday.");
        Assert.Null(ConflictPlanter.Choose(a, PlantKind.Figure, new Random(1)));
    }

    [Fact]
    public void A_name_is_respelled_everywhere_the_article_writes_it_but_a_shared_family_name_is_left_alone()
    {
        var a = Analyze("Donald Trump spoke with Melania Trump on Monday. Later, Karoline Leavitt said the call went well. Leavitt added nothing.");
        for (int seed = 1; seed <= 10; seed++)
        {
            var plant = Plant(a, PlantKind.Name, seed);
            Assert.False(plant.Before.EndsWith("Trump", StringComparison.Ordinal) && !plant.After.EndsWith("Trump", StringComparison.Ordinal), $"{plant.Before} -> {plant.After} respells a name two people share");
            string changed = plant.Apply(a.Text);
            string oldPart = plant.Before.Split(' ').Zip(plant.After.Split(' ')).Single(p => p.First != p.Second).First;
            Assert.DoesNotContain(oldPart, changed.Split(' ', '.', ','));
            if (plant.Before == "Karoline Leavitt" && oldPart == "Leavitt") Assert.Equal(2, plant.Edits.Count);
        }
    }

    [Theory]
    [InlineData("Karoline")]
    [InlineData("Leavitt")]
    [InlineData("Takaichi")]
    public void A_respelling_is_one_slip_away(string word)
    {
        for (int seed = 0; seed < 20; seed++)
        {
            string respelled = ConflictPlanter.Respell(word, new Random(seed));
            Assert.NotEqual(word, respelled);
            Assert.Equal(1, Text.Edit.Distance(word.ToLowerInvariant(), respelled.ToLowerInvariant()));
        }
    }

    [Fact]
    public void A_quote_is_reworded_in_two_places_and_never_loses_a_negation()
    {
        var a = Analyze("“We don't believe this is a very good deal for the people of this great country,” Senator Jane Ortiz said on Monday.");
        var plant = Plant(a, PlantKind.Quote);
        Assert.Equal(2, plant.Edits.Count);
        Assert.Contains("don't", plant.After, StringComparison.Ordinal);
        Assert.NotEqual(plant.Before, plant.After);
        var copy = Analyze(plant.Apply(a.Text));
        Assert.Equal(plant.After, Assert.Single(copy.Quotes).Span.Of(copy.Text).Trim());
    }

    [Fact]
    public void In_place_only_values_another_outlet_also_states_are_changed()
    {
        var a = Analyze("The Meridian Bridge will reopen to traffic on March 14, the mayor said. The repair cost $42 million.", "a");
        var other = Analyze("Officials said the Meridian Bridge would reopen to traffic on March 14 after the repair.", "b");
        var plant = Plant(a, PlantKind.Date, 1, [other]);
        Assert.Equal("March 14", plant.Before);
        Assert.Null(ConflictPlanter.Choose(a, PlantKind.Figure, new Random(1), [other]));
    }

    [Fact]
    public void Every_kind_planted_in_a_copy_of_an_example_article_is_reported()
    {
        var articles = Corpus.Analyze(Reading.ArticleSource.Read([Path.Combine(TestPaths.RepoRoot, "examples")]).Articles, AnalysisPipeline.Default);
        var gold = articles.ToDictionary(a => a.Id, _ => "bridge", StringComparer.Ordinal);
        var r = PlantedConflicts.Evaluate(articles, gold, AnalysisPipeline.Default, PlantMode.Copy);
        Assert.Empty(r.Failures);
        Assert.Equal(Enum.GetValues<PlantKind>().Length, r.Outcomes.Count);
        Assert.All(r.Outcomes, o => Assert.True(o.Found, $"{o.Plant.Kind}: {o.Plant.Before} -> {o.Plant.After} not reported"));
    }

    [Fact]
    public void A_conflict_counts_only_when_it_sets_the_changed_sentence_against_another_source()
    {
        var plant = new Plant(PlantKind.Date, "a", "Friday", "Tuesday", [new TextEdit(new Span(10, 16), "Tuesday")]);
        var at = plant.EditedSpans();
        Assert.Equal(new Span(10, 17), at[0]);
        var right = new Conflict("x", ConflictKind.Time, [
            new Variant("2025-03-07", "Friday", ["b"], [new Support("b", new Span(0, 30))]),
            new Variant("2025-03-04", "Tuesday", ["a2"], [new Support("a2", new Span(0, 40))])]);
        Assert.True(PlantedConflicts.Reports(right, plant, "a2", at, ["b"]));
        Assert.False(PlantedConflicts.Reports(right, plant, "a2", at, ["c"]));
        Assert.False(PlantedConflicts.Reports(right with { Kind = ConflictKind.Quantity }, plant, "a2", at, ["b"]));
        var elsewhere = right with { Variants = [right.Variants[0], right.Variants[1] with { Support = [new Support("a2", new Span(50, 80))] }] };
        Assert.False(PlantedConflicts.Reports(elsewhere, plant, "a2", at, ["b"]));
    }
}

/// <summary>How the brief writes a calendar value for a reader.</summary>
public sealed class TimeLabelTests
{
    [Theory]
    [InlineData("2026", "2026")]
    [InlineData("2026-04", "Apr 2026")]
    [InlineData("2025-11-24", "24 Nov 2025")]
    [InlineData("2025-11-24TMO", "24 Nov 2025, morning")]
    [InlineData("2025-11-24T17:00", "24 Nov 2025, 17:00")]
    [InlineData("2025-W45", "week of 3 Nov 2025")]
    [InlineData("2025-W47-WE", "weekend of 22–23 Nov 2025")]
    [InlineData("2026-Q2", "Q2 2026")]
    [InlineData("2026-SU", "summer 2026")]
    [InlineData("201", "2010s")]
    [InlineData("PRESENT_REF", "PRESENT_REF")]
    public void Calendar_values_read_as_a_person_writes_them(string value, string label) => Assert.Equal(label, Briefing.TimeLabel.Of(value));
}
