using Parallax.Model;

namespace Parallax.Briefing.Values;

/// <summary>
/// Who a dated sentence is about: the people and organisations it names. A date's own few words of context often catch
/// only one of them ("endorsed Rick Perry … Tuesday morning" / "Joe Arpaio announced on Thursday"), so two dates are
/// judged one event's by their whole sentences: the same verb of the same two participants on rival days is one event
/// told two ways, however differently the rest is worded.
/// </summary>
internal static class DateParticipants
{
    /// <summary>Least participants two sentences must share for their dates to be those of one event.</summary>
    public const int Least = 2;

    /// <summary>The canonical names of the people and organisations <paramref name="sentence"/> names; places are left out (a dateline names one in many sentences).</summary>
    public static IReadOnlySet<string> Of(AnalyzedArticle a, Span sentence, Func<string, string, string> canonical)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in a.Entities)
        {
            if (e.Span.Start < sentence.Start || e.Span.End > sentence.End) continue;
            if (e.Type is EntityType.Person or EntityType.Organization) names.Add(canonical(a.Id, e.Name));
        }
        return names;
    }

    /// <summary>How many participants the two dates' sentences share.</summary>
    public static int Shared(ValueMention m, ValueMention o) => m.Participants.Count(o.Participants.Contains);

    /// <summary>
    /// Whether two dates are the same verb's of the same participants, written alike: one event at rival dates, even where
    /// the words right around the dates differ.
    /// </summary>
    public static bool OneEvent(ValueMention m, ValueMention o) => m.Kind == ConflictKind.Time && o.Kind == ConflictKind.Time
        && m.Predicate is not null && m.Predicate == o.Predicate && m.Precision == o.Precision && m.Form == o.Form
        && Shared(m, o) >= Least;
}
