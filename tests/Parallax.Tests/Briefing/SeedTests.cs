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

    private const string Xinhua = "000_2307906f00b54cd2";
    private const string NoTrade = "004_5dd1fa403d8808b9";

    /// <summary>The fact best corroborated among those whose wording holds every one of <paramref name="words"/>.</summary>
    private static Fact Stated(params string[] words) =>
        Seeds.Value.Facts.Where(f => words.All(w => f.Display.Contains(w, StringComparison.OrdinalIgnoreCase))).OrderByDescending(f => f.Sources).First();

    [SharedFact("samples/seeds")]
    public void The_facts_the_five_reports_share_are_counted_as_they_are_stated()
    {
        // Read from the five texts: every report says Trump called relations "extremely strong", that Xi told him Taiwan's
        // return is part of the post-war order, that Ukraine came up; four name fentanyl; three have Leavitt say the call
        // focused on trade.
        Assert.Equal(5, Stated("extremely strong").Sources);
        Assert.Equal(5, Stated("Taiwan", "post-war").Sources);
        Assert.Equal(4, Stated("fentanyl").Sources);
        Assert.InRange(Stated("trade").Sources, 4, 5);
        var leavitt = Stated("Leavitt", "focused");
        Assert.Equal(3, leavitt.Sources);
        Assert.DoesNotContain(NoTrade, leavitt.Articles);
        // The call on Monday leads the summary, cited by (nearly) every report.
        Assert.True(Seeds.Value.Summary[0].Articles.Count >= 4);
    }

    [SharedFact("samples/seeds")]
    public void The_visits_are_counted_without_the_report_that_gives_another_year()
    {
        // All five tell of the April visit and the return invitation; one puts Xi's visit "later this year".
        var visits = Stated("invit", "April");
        Assert.Equal([Xinhua], visits.DisputedBy);
        Assert.DoesNotContain(Xinhua, visits.Agreeing);
        Assert.Equal(4, visits.Sources);
        Assert.Equal(visits.Agreeing.Count(), visits.Sources);
    }

    [SharedFact("samples/seeds")]
    public void The_meeting_in_South_Korea_is_counted_in_the_reports_that_tell_of_it()
    {
        // Every report recalls the October meeting in South Korea (Busan), most inside a sentence about the call.
        var meeting = Stated("met in Busan");
        Assert.True(meeting.Sources >= 4, $"{meeting.Sources}: {string.Join(", ", meeting.Articles)}");
    }

    [SharedFact("samples/seeds")]
    public void Every_agreement_line_counts_exactly_the_sources_it_cites()
    {
        foreach (var f in Seeds.Value.Facts.Where(f => f.Sources >= 2))
        {
            Assert.Equal(f.Agreeing.Count(), f.Sources);
            Assert.DoesNotContain(f.Agreeing, f.DisputedBy.Contains);
        }
    }

    [SharedFact("samples/seeds")]
    public void Every_summary_sentence_passes_the_summary_checks()
    {
        foreach (var s in Seeds.Value.Summary) Assert.True(Parallax.Briefing.Summary.SummaryChecks.IsNews(s.Text), s.Text);
    }
}
