using Parallax.Briefing;
using Parallax.Briefing.Values;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Two outlets dating one event word it differently; what tells the brief the dates are one event's is the same verb of
/// the same people in both sentences, not the few words right around each date. Each test briefs small invented reports
/// (published Monday 10 March 2025).
/// </summary>
public sealed class DateParticipantsTests
{
    private static Brief Story(params string[] texts) =>
        Briefs.OfTexts(texts);

    private static bool Disputes(Conflict c, string day, string other) =>
        c.Kind == ConflictKind.Time && c.Variants.Any(v => v.Text.Contains(day, StringComparison.Ordinal)) && c.Variants.Any(v => v.Text.Contains(other, StringComparison.Ordinal));

    [Fact]
    public void One_verb_of_the_same_two_people_on_rival_days_is_a_shown_conflict_however_the_rest_is_worded()
    {
        var b = Story(
            "Governor Alan Reyes on Wednesday appointed Maria Lindqvist to the Senate seat left open by Senator Tom Hale.",
            "Governor Alan Reyes on Saturday appointed Maria Lindqvist, a lawyer who is a longtime friend and former aide, to serve as interim senator until a special election on June 25.");
        var c = Assert.Single(b.Conflicts, c => Disputes(c, "Wednesday", "Saturday"));
        Assert.True(c.Confidence >= Conflicts.ShowAt);
    }

    [Fact]
    public void The_same_verb_of_one_shared_person_is_not_enough_to_call_two_dates_one_event()
    {
        static ValueMention Date(string id, string text)
        {
            var a = AnalysisPipeline.Default.Analyze(Briefs.Article(id, text));
            return ValueConflicts.Mentions(a, (_, n) => n, (_, _, _) => -1).Single(m => m.Kind == ConflictKind.Time);
        }
        var wednesday = Date("a", "Governor Alan Reyes on Wednesday appointed Maria Lindqvist to the state's board of education.");
        var saturday = Date("b", "Governor Alan Reyes on Saturday appointed Peter Okafor, a retired judge, to the parole board.");
        var again = Date("c", "Governor Alan Reyes on Saturday appointed Maria Lindqvist, a lawyer, to the board of education.");
        Assert.Equal("appoint", wednesday.Predicate?[..7]);
        Assert.False(DateParticipants.OneEvent(wednesday, saturday));
        Assert.True(DateParticipants.OneEvent(wednesday, again));
    }

    [Fact]
    public void A_word_placing_the_date_in_its_day_does_not_hide_the_clause_it_opens()
    {
        var a = AnalysisPipeline.Default.Analyze(Briefs.Article("a", "Earlier Friday, Senator Liz Cheney revealed her position on the tax."));
        var friday = a.Times.Single(t => t.Text.Contains("Friday", StringComparison.Ordinal));
        var context = MentionContext.Of(a, friday.Span, a.Sentences[0].Span, (_, n) => n, [friday.Span]);
        Assert.Contains(context.Keys, k => k.StartsWith('@'));
    }

    [Fact]
    public void Sentences_naming_the_same_two_participants_are_not_set_apart_by_the_names_near_each_date()
    {
        var b = Story(
            "Sheriff Joe Dalton, known for his tough stances on immigration, endorsed Governor Rick Mayer for the Republican presidential nomination Tuesday morning.",
            "Sheriff Joe Dalton announced on Thursday he will endorse Governor Rick Mayer for the Republican presidential nomination, which could give Mayer a boost.");
        Assert.Contains(b.Conflicts.Concat(b.HeldBackConflicts), c => Disputes(c, "Tuesday", "Thursday"));
    }
}
