
namespace Parallax.Briefing.Values;

/// <summary>
/// How sure the brief is that rival dates or figures are values of one slot of one proposition. The evidence is that of
/// the best-matched pair of mentions across two rival values: the two clauses aligned as one fact (or worded alike apart
/// from their values), their local contexts alike, each value the only one of its kind in its clause, written alike (same
/// precision, same form) and, for figures, of the same order of magnitude and not hedged.
/// </summary>
internal static class ValueConfidence
{
    /// <summary>The conflict's confidence: the strongest evidence any two of its rival values give.</summary>
    public static double Of(IReadOnlyList<List<ValueMention>> classes, Func<ValueMention, ValueMention, double> clauseSimilarity)
    {
        double best = 0;
        for (int i = 0; i < classes.Count; i++)
        {
            for (int j = i + 1; j < classes.Count; j++)
            {
                foreach (var m in classes[i])
                {
                    foreach (var o in classes[j])
                    {
                        if (m.Article == o.Article) continue;
                        best = Math.Max(best, Pair(m, o, MentionContext.Cosine(m.Context, o.Context), clauseSimilarity(m, o)));
                    }
                }
            }
        }
        return Math.Round(Math.Clamp(best, 0, 1), 3);
    }

    /// <summary>
    /// The evidence of one pair. Weights are set so that a pair in aligned clauses with alike contexts (a copy with one value
    /// changed) is near 1, a pair resting on context alone with nothing against it just reaches <see cref="Conflicts.ShowAt"/>,
    /// and one written differently (a weekday against "last year", a day against a weekend) or far apart in magnitude does not.
    /// </summary>
    public static double Pair(ValueMention m, ValueMention o, double context, double clause)
    {
        double s = 0.1;
        bool aligned = m.Fact >= 0 && m.Fact == o.Fact;
        // Sentences worded alike apart from their values are what the aligner calls one fact; a changed value alone may have kept it from pairing them.
        if (aligned || clause >= FactAligner.Threshold) s += 0.3;
        s += 0.45 * context;
        if (m.Sole && o.Sole) s += 0.1;
        if (ValuePredicate.OtherParticipants(m, o)) s -= 0.15;
        else if (m.Predicate is not null && m.Predicate == o.Predicate) s += 0.15;
        // Outlets dating one event write it alike ("Friday" / "Saturday", "1967" / "1966"); "yesterday" against "the
        // weekend", "last year" against "Wednesday", "March 2" against "Tuesday" are nearly always two events.
        if (m.Precision != o.Precision) s -= 0.3;
        if (m.Kind == ConflictKind.Time)
        {
            if (m.Form != o.Form) s -= 0.45;
            // "Next weekend" said early in a week means this coming one as often as the one after: against "this weekend"
            // (or "this Friday") a week apart, the two may well be one date.
            if (NextAgainstThis(m.Text, o.Text) || NextAgainstThis(o.Text, m.Text)) s -= 0.3;
            // Sentences naming the same people or organisations are about the same doings.
            if (DateParticipants.Shared(m, o) >= DateParticipants.Least) s += 0.1;
        }
        else if (m.Range is { } r && o.Range is { } q)
        {
            double a = Math.Abs(ValueSlots.Magnitude(r)), b = Math.Abs(ValueSlots.Magnitude(q));
            double ratio = Math.Min(a, b) <= 0 ? double.PositiveInfinity : Math.Max(a, b) / Math.Min(a, b);
            // Planted and real rival figures differ by a half or a third at most; one thing stated as $300 and as $5,000 is two things.
            if (ratio > 5) s -= 0.35;
            else if (ratio > 3.5) s -= 0.1;
            if (m.Hedged || o.Hedged || m.Ceiling != o.Ceiling) s -= 0.05;
            // "More than 2.4 million" and "more than 2.5 million" are both true of 2.6 million: two snapshots, not a dispute
            // a reader can rely on, so never shown (a toll "at least 20" against "at least 30" may still be kept, held back).
            if (m.Bound != 0 && m.Bound == o.Bound) return Math.Min(s - 0.45, Conflicts.ShowAt - 0.05);
            // The same noun written beside two counts says they count one thing ("300 pages of emails" / "100 pages of e-mails").
            bool counted = m.Counted is not null && m.Counted == o.Counted;
            if (counted) s += 0.2;
            // A figure's own words say what it counts ("of airtime", "women"): one sentence may give a whole and its parts,
            // so two figures with nothing of that in common are shown only on other evidence.
            if (context < 0.2 && !counted) s -= 0.15;
        }
        return s;
    }

    private static bool NextAgainstThis(string next, string other) =>
        next.StartsWith("next ", StringComparison.OrdinalIgnoreCase) && other.StartsWith("this ", StringComparison.OrdinalIgnoreCase);
}
