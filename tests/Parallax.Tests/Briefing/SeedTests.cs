using Parallax.Briefing;
using Xunit;

namespace Parallax.Tests;

/// <summary>The reference case: five real reports of one phone call (read from ../shared, never committed).</summary>
public sealed class SeedTests
{
    private static readonly Lazy<Brief> Seeds = new(() => Assert.Single(Briefs.Of(TestPaths.Seeds)));

    [SharedFact("samples/seeds")]
    public void The_five_reports_are_one_story() => Assert.Equal(5, Seeds.Value.Articles.Count);

    [SharedFact("samples/seeds")]
    public void The_return_visit_is_disputed_between_this_year_and_next_year()
    {
        var c = Assert.Single(Seeds.Value.Conflicts, c => c.Kind == ConflictKind.Time && c.Variants.Any(v => v.Value == "2025") && c.Variants.Any(v => v.Value == "2026"));
        Assert.Contains("later this year", c.Variants.Single(v => v.Value == "2025").Text, StringComparison.Ordinal);
        Assert.True(c.Variants.Single(v => v.Value == "2026").Articles.Count >= 2);
    }

    [SharedFact("samples/seeds")]
    public void Misspelled_names_are_one_person_each_under_the_majority_spelling()
    {
        var leavitt = Assert.Single(Seeds.Value.Entities, e => e.Name == "Karoline Leavitt");
        Assert.Contains(leavitt.Variants, v => v.Name == "Caroline Leavitt" && v.Suspect);
        var takaichi = Assert.Single(Seeds.Value.Entities, e => e.Name == "Sanae Takaichi");
        Assert.Contains(takaichi.Variants, v => v.Name == "Se Takaichi" && v.Suspect);
    }

    [SharedFact("samples/seeds")]
    public void Trumps_post_is_quoted_in_two_wordings()
    {
        Assert.Contains(Seeds.Value.Conflicts, c => c.Kind == ConflictKind.Quote && c.About.Contains("Donald Trump", StringComparison.Ordinal)
            && c.Variants.Any(v => v.Text.Contains("highly successful", StringComparison.Ordinal)) && c.Variants.Any(v => v.Text.Contains("very successful", StringComparison.Ordinal)));
    }

    [SharedFact("samples/seeds")]
    public void The_call_is_dated_from_the_one_dated_report()
    {
        var b = Seeds.Value;
        Assert.Equal(new DateOnly(2025, 11, 24), b.Date);
        Assert.Equal(4, b.Articles.Count(a => a.Article.PublishedInferred));
        // The call's day is told by several claims (the call itself, what Xi said in it, Leavitt's account): together they
        // cite at least four of the five reports, and two of them at least two reports each.
        var day = b.Timeline.Where(t => t.When.StartsWith("2025-11-24", StringComparison.Ordinal)).ToList();
        Assert.True(day.SelectMany(t => t.Articles).Distinct().Count() >= 4, $"the call's day is cited by {day.SelectMany(t => t.Articles).Distinct().Count()} reports");
        Assert.True(day.Count(t => t.Articles.Count >= 2) >= 2);
    }

    [SharedFact("samples/seeds")]
    public void The_summary_opens_with_the_call_and_its_day()
    {
        string first = Seeds.Value.Summary[0].Text;
        Assert.Contains("call", first, StringComparison.Ordinal);
        Assert.Contains("Monday", first, StringComparison.Ordinal);
        Assert.True(Seeds.Value.Summary[0].Articles.Count >= 4, first);
    }

    [SharedFact("samples/seeds")]
    public void The_summary_keeps_to_the_majority_account()
    {
        string summary = string.Join(" ", Seeds.Value.Summary.Select(s => s.Text));
        Assert.DoesNotContain("later this year", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Se Takaichi", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Caroline", summary, StringComparison.Ordinal);
    }

    [SharedFact("samples/seeds")]
    public void What_the_call_covered_is_counted_in_every_wording_of_it()
    {
        // Ukraine is in all five reports: in lists ("covered Ukraine, fentanyl, and U.S. farm exports", "a range of issues
        // including trade, Russia's invasion of Ukraine, fentanyl and Taiwan"), a passive ("the Russia-Ukraine situation was
        // mentioned") and "the conflict also featured in Monday's conversation". Fentanyl is in four.
        var b = Seeds.Value;
        Fact Topic(string word) => b.Facts.Where(f => f.Topic && f.Display.Contains(word, StringComparison.OrdinalIgnoreCase)).OrderByDescending(f => f.Sources).First();
        Assert.Equal(5, Topic("Ukraine").Sources);
        Assert.True(Topic("fentanyl").Sources >= 4, Topic("fentanyl").Display);
        Assert.True(b.Facts.Single(f => f.Display.Contains("did not mention Taiwan", StringComparison.Ordinal)).Sources >= 4);
        // Each report names Ukraine once in the facts, however often it lists it.
        Assert.Single(b.Facts, f => f.Topic && f.Display.Contains("Ukraine", StringComparison.Ordinal) && f.Sources >= 2);
        // What others state in other words is not "only in one source".
        foreach (var a in b.Articles)
        {
            Assert.DoesNotContain(b.UniqueTo(a.Article.Id), f => f.Topic || f.Display.StartsWith("[Beijing] said that the two leaders discussed", StringComparison.Ordinal));
        }
    }
}
