using System.Globalization;
using Parallax.Briefing.Values;
using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>A date or figure in one source, with what it is compared by: its context and its range of values.</summary>
internal sealed record ValueMention(string Article, Span Span, Span Sentence, ConflictKind Kind, string Value, string Text, Dictionary<string, double> Context, int Fact)
{
    public TimeInterval? Interval { get; init; }

    public (double Low, double High)? Range { get; init; }

    public string? Unit { get; init; }

    public bool IsChange { get; init; }

    /// <summary>For dates: -1 wholly before the article's publication date, +1 wholly after, 0 spanning it or unknown.</summary>
    public int Side { get; init; }

    /// <summary>A boundary word right before the value ("since", "by", "until"): a start or deadline is not the event's date.</summary>
    public string? Signal { get; init; }

    /// <summary>The only value of its kind, unit and precision in its sentence: in two sentences stating one fact, two such values must be values of the same thing.</summary>
    public bool Sole { get; set; }

    /// <summary>How finely the value is given: for dates the length of the calendar part of the value (year 4, month 7, day 10); 0 for figures.</summary>
    public int Precision { get; init; }

    /// <summary>For dates: which end of a range the date is (see <see cref="ValueSlots.RoleOf"/>).</summary>
    public DateRole Role { get; init; }

    /// <summary>For dates: the people and organisations its sentence names (see <see cref="DateParticipants"/>).</summary>
    public IReadOnlySet<string> Participants { get; init; } = new HashSet<string>();

    /// <summary>For dates: how the date is written.</summary>
    public DateForm Form { get; init; }

    /// <summary>For figures: the year or month its clause gives it for, if any.</summary>
    public string? Scope { get; init; }

    /// <summary>For figures: +1 an upper bound, -1 a lower bound, 0 a point.</summary>
    public int Bound { get; init; }

    /// <summary>For a bound: the bound itself with its rounding, so two upper bounds of one thing are compared by value.</summary>
    public (double Low, double High)? Exact { get; init; }

    /// <summary>For bare counts: what is counted, as the noun written beside the count (see <see cref="CountedThing"/>).</summary>
    public string? Counted { get; init; }

    /// <summary>For figures: an upper bound that states the figure itself ("up to 1.6 million women", "as many as 90"), see <see cref="ValueSlots.IsCeiling"/>.</summary>
    public bool Ceiling { get; init; }

    /// <summary>For figures: given loosely ("about", "nearly").</summary>
    public bool Hedged { get; init; }

    /// <summary>Whether the value's clause is a forecast or supposition (see <see cref="ValuePredicate.IsModal"/>).</summary>
    public bool Modal { get; init; }

    /// <summary>The verb of the event the value dates or counts (see <see cref="ValuePredicate"/>).</summary>
    public string? Predicate { get; init; }

    /// <summary>The terms of the value's sentence without its dates and figures: what the sentence says, whatever values it gives.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; init; } = new Dictionary<string, double>();

    public bool CompatibleWith(ValueMention o) => Kind == ConflictKind.Time && Interval is { } a && o.Interval is { } b
        ? a.Overlaps(b)
        : Bound != 0 && Bound == o.Bound && Exact is { } x && o.Exact is { } y
            ? x.Low <= y.High && y.Low <= x.High
            : ValueSlots.CeilingAgainstPoint(this, o) is { } ceiling
                ? ceiling
                : Range is { } r && o.Range is { } s && r.Low <= s.High && s.Low <= r.High;

    /// <summary>
    /// Values that could be rival statements of one thing: same kind and unit, both changes or both levels, the same boundary
    /// signal, and not one wholly in the past and the other wholly in the future (those are two events, not one disputed date).
    /// </summary>
    public bool Comparable(ValueMention o) => Kind == o.Kind && Unit == o.Unit && IsChange == o.IsChange && Signal == o.Signal
        && (Interval is not null) == (o.Interval is not null) && Side * o.Side != -1
        && Role == o.Role && Modal == o.Modal && (Scope is null || o.Scope is null || Scope == o.Scope);
}

/// <summary>
/// Finds dates and figures that different sources give for the same thing and that cannot both be true. Values are
/// paired across sources by matching context (mutual best match), then grouped; a group with incompatible values is a conflict.
/// Hedges widen a figure's range ("about an hour" agrees with "one-hour"); a change ("cut by 10%") is never compared with a level ("a 20% tariff").
/// </summary>
internal static class ValueConflicts
{

    /// <summary>Least context similarity for two values in aligned sentences (one fact) to be values of the same thing.</summary>
    public const double PairThreshold = 0.45;

    /// <summary>Least context similarity for two values in sentences that were not aligned but whose values hang on the same verb.</summary>
    public const double SameEventThreshold = 0.5;

    /// <summary>Least context similarity for two bare counts of the same noun in sentences that were not aligned.</summary>
    public const double SameCountedThreshold = 0.25;

    /// <summary>Least clause similarity for two sole figures counting the same noun to be paired whatever their nearest words.</summary>
    public const double SameCountedClauseThreshold = 0.15;

    /// <summary>Least context similarity for two dates of one verb in sentences naming the same participants (<see cref="DateParticipants.OneEvent"/>).</summary>
    public const double SameParticipantsThreshold = 0.3;

    /// <summary>Least context similarity for two values in sentences that were not aligned.</summary>
    public const double UnalignedThreshold = 0.75;

    /// <summary>
    /// "Hillary Clinton, 68, said": an age set off by commas right after a person's name. Outlets writing a year apart give
    /// different ages of one person, so an age is background, neither a fact nor a conflict.
    /// </summary>
    public static bool IsAgeInApposition(AnalyzedArticle a, Span number, double value)
    {
        if (value is < 1 or > 120 || value != Math.Floor(value)) return false;
        var before = a.Text.AsSpan(0, number.Start).TrimEnd(' ');
        var after = a.Text.AsSpan(number.End).TrimStart(' ');
        if (!before.EndsWith(",") || after.Length == 0 || after[0] is not (',' or ';' or ')' or '.')) return false;
        int nameEnd = before.Length - 1;
        while (nameEnd > 0 && before[nameEnd - 1] == ' ') nameEnd--;
        foreach (var e in a.Entities)
        {
            if (e.Type == EntityType.Person && e.Span.End == nameEnd) return true;
        }
        return false;
    }

    public static List<ValueMention> Mentions(AnalyzedArticle a, Func<string, string, string> canonical, Func<string, int, int, int> factOf)
    {
        var list = new List<ValueMention>();
        var skip = a.Times.Select(t => t.Span).Concat(a.Quantities.Select(q => q.Span)).ToList();
        skip.Sort((x, y) => x.Start.CompareTo(y.Start)); // searched by position for every context word
        var terms = new Dictionary<int, IReadOnlyDictionary<string, double>>();
        IReadOnlyDictionary<string, double> TermsOf(int s) => terms.TryGetValue(s, out var t) ? t
            : terms[s] = SentenceFeatures.Terms(a, a.Sentences[s].Span, canonical).Where(kv => kv.Key[0] != '#').ToDictionary(StringComparer.Ordinal);
        // Furniture ("Copyright © 2019", "By Jane Smith, USA TODAY", photo credits) holds no values to compare.
        var furniture = new Dictionary<int, bool>();
        bool IsFurniture(int s) => furniture.TryGetValue(s, out var f) ? f : furniture[s] = Furniture.Is(a.Text.AsSpan(a.Sentences[s].Span.Start, a.Sentences[s].Span.Length));
        foreach (var t in a.Times)
        {
            int s = a.SentenceIndexAt(t.Span.Start);
            if (s < 0 || IsFurniture(s)) continue;
            var sentence = a.Sentences[s].Span;
            var ctx = MentionContext.Of(a, t.Span, sentence, canonical, skip);
            if (t.Type is TimexType.Date or TimexType.Time && TimeInterval.Of(t) is { } interval)
            {
                int side = a.Article.Published is not { } p ? 0 : interval.End < p ? -1 : interval.Start > p ? 1 : 0;
                int precision = TimeInterval.CalendarPart(t.Value).Length;
                string? signal = SignalBefore(a.Text, t.Span.Start);
                list.Add(new ValueMention(a.Id, t.Span, sentence, ConflictKind.Time, t.Value, t.Text, ctx, factOf(a.Id, s, t.Span.Start))
                {
                    Interval = interval,
                    Unit = "date",
                    Side = side,
                    Signal = signal,
                    Precision = precision,
                    Terms = TermsOf(s),
                    Role = ValueSlots.RoleOf(a.Text, t, a.Times, signal),
                    Form = ValueSlots.FormOf(t),
                    Participants = DateParticipants.Of(a, sentence, canonical),
                    Predicate = ValuePredicate.Of(a, t.Span, sentence),
                    Modal = ValuePredicate.IsModal(a, t.Span, sentence),
                });
            }
            else if (t.Type == TimexType.Duration && DurationSeconds(t.Value) is { } secs)
            {
                list.Add(new ValueMention(a.Id, t.Span, sentence, ConflictKind.Quantity, t.Value, t.Text, ctx, factOf(a.Id, s, t.Span.Start)) { Range = Hedge(secs, ModQualifier(t.Mod)), Unit = "duration", Terms = TermsOf(s), Hedged = t.Mod is not null });
            }
        }
        foreach (var q in a.Quantities)
        {
            if (q.Value is not { } v) continue;
            if (q.Unit is null && IsAgeInApposition(a, q.Span, v)) continue;
            int s = a.SentenceIndexAt(q.Span.Start);
            if (s < 0 || IsFurniture(s)) continue;
            var sentence = a.Sentences[s].Span;
            var ctx = MentionContext.Of(a, q.Span, sentence, canonical, skip);
            // A share ("a third of", "one in five") is compared as a percentage, and is loose by nature.
            bool share = q.Unit == "fraction";
            double scale = share ? 100 : 1;
            string? unit = share ? "percent" : q.Unit;
            string? qualifier = q.Qualifier ?? (share ? "about" : null);
            // A scale word marks the writer's rounding: "1.5 million" agrees with 1,512,000.
            double rounding = q.UpperValue is null ? ValueSlots.RoundingOf(q.Text) : 0;
            var range = Widen(Hedge(v * scale, qualifier), rounding);
            if (q.UpperValue is { } upper) range = (range.Low, Hedge(upper * scale, q.Qualifier).High);
            int bound = q.UpperValue is null ? ValueSlots.BoundOf(q.Qualifier) : 0;
            string display = Number(v * scale) + (q.UpperValue is { } u ? "–" + Number(u * scale) : "") + (unit is null ? "" : " " + unit);
            list.Add(new ValueMention(a.Id, q.Span, sentence, ConflictKind.Quantity, display, q.Text, ctx, factOf(a.Id, s, q.Span.Start))
            {
                Range = range,
                Unit = unit ?? "",
                IsChange = q.IsChange,
                Terms = TermsOf(s),
                Scope = ValueSlots.ScopeOf(a, q.Span, sentence),
                Predicate = ValuePredicate.Of(a, q.Span, sentence),
                Modal = ValuePredicate.IsModal(a, q.Span, sentence),
                Bound = bound,
                Exact = bound == 0 ? null : Widen(Hedge(v * scale, null), rounding),
                Hedged = qualifier is not null && bound == 0,
                Counted = unit is null || CountedThing.IsMoney(unit) ? CountedThing.Of(a.Text, q.Span, sentence, money: unit is not null) : null,
                Ceiling = ValueSlots.IsCeiling(q.Qualifier) && q.UpperValue is null,
            });
        }
        foreach (var same in list.GroupBy(m => (m.Sentence, m.Kind, m.Unit, m.Precision, m.Role)))
        {
            if (same.Count() == 1) same.First().Sole = true;
        }
        return list;
    }

    /// <summary>The conflicts among <paramref name="mentions"/>; <paramref name="disputed"/> receives every mention taking part in one.</summary>
    public static List<Conflict> Find(List<ValueMention> mentions, Func<ValueMention, string> about, ISet<(string Article, Span Span)> disputed)
    {
        var byArticle = mentions.GroupBy(m => m.Article).ToList();
        var clauses = new ClauseSimilarity(mentions);
        var parent = Enumerable.Range(0, mentions.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var index = new Dictionary<ValueMention, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < mentions.Count; i++) index[mentions[i]] = i;
        var linked = new HashSet<int>();
        for (int i = 0; i < byArticle.Count; i++)
        {
            for (int j = i + 1; j < byArticle.Count; j++)
            {
                foreach (var m in byArticle[i])
                {
                    var best = BestMatch(m, byArticle[j], clauses.Of);
                    if (best is null || !ReferenceEquals(BestMatch(best, byArticle[i], clauses.Of), m)) continue;
                    int a = index[m], b = index[best];
                    parent[Find(a)] = Find(b);
                    linked.Add(a);
                    linked.Add(b);
                }
            }
        }
        var conflicts = new List<Conflict>();
        ILookup<(string, Span), ValueMention>? bySentence = null;
        foreach (var group in linked.GroupBy(Find).Select(g => g.Select(i => mentions[i]).ToList()))
        {
            Extend(group, byArticle);
            var classes = new List<List<ValueMention>>();
            // Coarser values first, so "2026" gathers "2026-04" rather than the other way round.
            foreach (var m in group.OrderByDescending(m => m.Interval is { } iv ? iv.End.DayNumber - iv.Start.DayNumber : 0).ThenBy(m => m.Article, StringComparer.Ordinal))
            {
                var home = classes.FirstOrDefault(c => c.All(x => x.CompatibleWith(m)));
                if (home is null) classes.Add([m]);
                else home.Add(m);
            }
            if (classes.Count < 2) continue;
            foreach (var m in group) disputed.Add((m.Article, m.Span));
            var variants = classes
                .Select(c => new Variant(
                    c.GroupBy(x => x.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Length).First().Key,
                    string.Join(" / ", c.Select(x => x.Text).Distinct(StringComparer.OrdinalIgnoreCase)),
                    c.Select(x => x.Article).Distinct().Order(StringComparer.Ordinal).ToList(),
                    c.Select(x => new Support(x.Article, x.Sentence)).ToList()))
                .OrderByDescending(v => v.Articles.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            var majority = classes.OrderByDescending(c => c.Select(x => x.Article).Distinct().Count()).First()[0];
            double confidence = ValueConfidence.Of(classes, clauses.Of);
            // A source whose one sentence states two of the rival figures ("from 18 to 21", "313 of 330") is not disputing
            // either: the figures belong to different slots, and pairing them across sources was a guess. (A sentence giving
            // two dates usually dates two events, each of which may be disputed.)
            bySentence ??= mentions.ToLookup(x => (x.Article, x.Sentence));
            if (group[0].Kind == ConflictKind.Quantity && StatesRivalsTogether(classes, bySentence)) confidence -= 0.4;
            conflicts.Add(new Conflict(about(majority), group[0].Kind, variants) { Confidence = Math.Round(Math.Max(0, confidence), 3) });
        }
        return conflicts;
    }

    /// <summary>
    /// Sources missing from a group may still state the value, in words that matched no single mention well enough:
    /// each such source adds its mention closest to the group as a whole, if close enough.
    /// </summary>
    private static void Extend(List<ValueMention> group, List<IGrouping<string, ValueMention>> byArticle)
    {
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in group)
        {
            foreach (var (k, w) in m.Context) centroid[k] = centroid.GetValueOrDefault(k) + w;
        }
        var facts = group.Select(m => m.Fact).Where(f => f >= 0).ToHashSet();
        foreach (var article in byArticle)
        {
            if (group.Any(m => m.Article == article.Key)) continue;
            var best = article.Where(o => group.All(m => m.Comparable(o)))
                .Select(o => (Mention: o, Sim: MentionContext.Cosine(centroid, o.Context), Aligned: facts.Contains(o.Fact)))
                .Where(x => x.Sim >= (x.Aligned ? PairThreshold - 0.05 : UnalignedThreshold))
                .OrderByDescending(x => x.Sim + (x.Aligned ? 0.2 : 0)).FirstOrDefault();
            if (best.Mention is not null) group.Add(best.Mention);
        }
    }

    /// <summary>Whether some sentence states values of two of the rival classes.</summary>
    private static bool StatesRivalsTogether(List<List<ValueMention>> classes, ILookup<(string, Span), ValueMention> bySentence)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            foreach (var m in classes[i])
            {
                foreach (var x in bySentence[(m.Article, m.Sentence)])
                {
                    if (ReferenceEquals(x, m) || x.Kind != m.Kind || x.Unit != m.Unit) continue;
                    for (int j = 0; j < classes.Count; j++)
                    {
                        if (j != i && !classes[i].Any(c => ReferenceEquals(c, x)) && classes[j].Any(o => o.Article != m.Article && o.CompatibleWith(x) && !o.CompatibleWith(m))) return true;
                    }
                }
            }
        }
        return false;
    }

    private static ValueMention? BestMatch(ValueMention m, IEnumerable<ValueMention> others, Func<ValueMention, ValueMention, double> clause)
    {
        ValueMention? best = null;
        // The thresholds below decide which pairs may match at all; among those the best scores (a sole value in aligned
        // sentences may match with no shared context word).
        double bestScore = double.MinValue;
        foreach (var o in others)
        {
            if (!m.Comparable(o)) continue;
            double sim = MentionContext.Cosine(m.Context, o.Context);
            // Sentences worded alike apart from their values state one fact even where a changed value kept the aligner from pairing them.
            bool aligned = (m.Fact >= 0 && m.Fact == o.Fact) || clause(m, o) >= FactAligner.Threshold;
            // Sentences aligned as one fact, each giving one such value at the same precision and written alike, give it for the
            // same thing however differently they word the rest ("endorsed Perry … on Tuesday morning" / "announced on Friday he will endorse Perry").
            bool sole = aligned && m.Sole && o.Sole && m.Precision == o.Precision && m.Form == o.Form;
            // One verb of the same participants at rival values, written alike, is one event told two ways ("apologized on
            // Friday" / "had to apologize Saturday"), even in sentences too different to align.
            // Counts of one noun in like contexts ("the 300 pages of emails" / "100 pages of e-mails") are counts of one thing.
            bool counted = m.Counted is not null && m.Counted == o.Counted && !ValuePredicate.OtherParticipants(m, o);
            // Each the only such figure of its sentence, counting one noun, in sentences about the same things: one count, however the rest is worded.
            if (counted && m.Sole && o.Sole && clause(m, o) >= SameCountedClauseThreshold) sim = Math.Max(sim, SameCountedThreshold);
            bool oneEvent = m.Predicate is not null && m.Predicate == o.Predicate && m.Precision == o.Precision && m.Form == o.Form
                && !ValuePredicate.OtherParticipants(m, o);
            // The same verb of the same two participants is one event even where the words right around the two dates differ.
            bool sameParticipants = DateParticipants.OneEvent(m, o);
            if (sim < (sole ? 0 : aligned ? PairThreshold : counted ? SameCountedThreshold : sameParticipants ? SameParticipantsThreshold : oneEvent ? SameEventThreshold : UnalignedThreshold)) continue;
            double score = sim + (aligned ? 0.2 : counted || oneEvent ? 0.1 : 0);
            if (score >= bestScore)
            {
                bestScore = score;
                best = o;
            }
        }
        return best;
    }

    private static (double Low, double High) Widen((double Low, double High) r, double by) => by <= 0 ? r : (Math.Min(r.Low, r.Low + (r.High - r.Low) / 2 - by), Math.Max(r.High, r.Low + (r.High - r.Low) / 2 + by));

    private static string? SignalBefore(string text, int at)
    {
        foreach (var w in (string[])["since", "until", "by", "before", "after", "from", "till"])
        {
            if (Stages.Times.TimeResolver.EndsWithWord(text[Math.Max(0, at - 8)..at], w)) return w;
        }
        return null;
    }

    private static string Number(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static (double Low, double High) Hedge(double v, string? qualifier) => qualifier switch
    {
        "about" or "around" or "approximately" or "roughly" or "some" or "close to" or "an estimated" => (v * 0.9, v * 1.1),
        "nearly" or "almost" or "just under" or "just below" => (v * 0.85, v),
        "just over" or "just above" => (v, v * 1.15),
        "more than" or "over" or "at least" or "upwards of" => (v, double.PositiveInfinity),
        "less than" or "under" or "fewer than" or "up to" or "at most" or "as many as" or "as much as" => (0, v),
        _ => (v * 0.995, v * 1.005),
    };

    private static string? ModQualifier(string? mod) => mod switch
    {
        "APPROX" => "about",
        "LESS_THAN" => "nearly",
        "MORE_THAN" => "more than",
        "EQUAL_OR_MORE" => "at least",
        "EQUAL_OR_LESS" => "up to",
        _ => null,
    };

    /// <summary>Seconds in an ISO 8601 duration such as PT1H or P4Y; null for vague ones (PXW).</summary>
    internal static double? DurationSeconds(string v)
    {
        if (!v.StartsWith('P') || v.Contains('X')) return null;
        double total = 0;
        bool time = false;
        var num = new System.Text.StringBuilder();
        foreach (char c in v[1..])
        {
            if (c == 'T') { time = true; continue; }
            if (char.IsDigit(c) || c == '.') { num.Append(c); continue; }
            if (!double.TryParse(num.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double n)) return null;
            num.Clear();
            total += n * (c switch
            {
                'Y' => 365.25 * 86400,
                'M' => time ? 60 : 30.44 * 86400,
                'W' => 7 * 86400,
                'D' => 86400,
                'H' => 3600,
                'S' => 1,
                _ => double.NaN,
            });
        }
        return double.IsNaN(total) || total <= 0 ? null : total;
    }
}
