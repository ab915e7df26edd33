using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Model;

namespace Parallax.Briefing.Values;

/// <summary>Which end of a stated span a date is: a range's start and its end are two slots, never rivals ("served from 1967 to 1979").</summary>
internal enum DateRole
{
    Point,
    Start,
    End,
}

/// <summary>How a date is written: on the calendar ("March 2", "2009"), as a weekday ("Tuesday"), or relative to the writer's day ("yesterday", "last year").</summary>
internal enum DateForm
{
    Calendar,
    Weekday,
    Deictic,
}

/// <summary>
/// The slot a value fills in its clause, so that only values of one slot of one proposition are compared: which end of a
/// range a date is, how it is written, the period a figure is given for, whether a figure is a bound ("up to 1.6 million"),
/// and the rounding its writer marked by a scale word ("1.5 million" is 1.45–1.55 million).
/// </summary>
internal static class ValueSlots
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private static readonly Regex RangeLinkAfter = new(@"^\s*(?:to|through|thru|until|till|and|-|–|—)\s*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Budget);

    private static readonly Regex RangeLinkBefore = new(@"(?:\bto|\bthrough|\bthru|\buntil|\btill|\band|-|–|—)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Budget);

    private static readonly Regex Weekday = new(@"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Budget);

    private static readonly Regex Month = new(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Budget);

    private static readonly Regex Scaled = new(@"(?<num>\d[\d,]*(?:\.(?<dec>\d+))?)[\s-]*(?<scale>trillion|billion|million|thousand|tn|bn|mn|[kmb])\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Budget);

    /// <summary>Which end of a range <paramref name="t"/> is: "from 1967" and "1967 to 1979" start one, "to 1979" ends it.</summary>
    public static DateRole RoleOf(string text, TimeExpression t, IReadOnlyList<TimeExpression> times, string? signal)
    {
        if (signal is "from" or "since") return DateRole.Start;
        if (signal is "until" or "till") return DateRole.End;
        const int Reach = 14;
        var after = text.AsSpan(t.Span.End, Math.Min(Reach, text.Length - t.Span.End)).ToString();
        if (RangeLinkAfter.IsMatch(after) && times.Any(x => x != t && x.Span.Start >= t.Span.End && x.Span.Start - t.Span.End <= Reach)) return DateRole.Start;
        int from = Math.Max(0, t.Span.Start - Reach);
        var before = text[from..t.Span.Start];
        if (RangeLinkBefore.IsMatch(before) && times.Any(x => x != t && x.Span.End <= t.Span.Start && t.Span.Start - x.Span.End <= Reach)) return DateRole.End;
        return DateRole.Point;
    }

    /// <summary>How the date is written; two outlets dating one event write it the same way far more often than not.</summary>
    public static DateForm FormOf(TimeExpression t)
    {
        string s = t.Text;
        if (s.Any(char.IsDigit) || Month.IsMatch(s)) return DateForm.Calendar;
        return Weekday.IsMatch(s) ? DateForm.Weekday : DateForm.Deictic;
    }

    /// <summary>
    /// The period a figure is given for, when its clause names one by year or month ("5% in 2014", "20% from 2007 to 2014"):
    /// figures for different periods are different things. Days are left out: one event's figure dated to different days by two outlets is still one figure.
    /// </summary>
    public static string? ScopeOf(AnalyzedArticle a, Span figure, Span sentence)
    {
        const int Reach = 100;
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in a.Times)
        {
            if (t.Type != TimexType.Date || t.Span.Start < sentence.Start || t.Span.End > sentence.End) continue;
            string v = TimeInterval.CalendarPart(t.Value);
            if (v.Length is not (4 or 7) || !char.IsDigit(v[0])) continue;
            var between = t.Span.End <= figure.Start ? new Span(t.Span.End, figure.Start) : t.Span.Start >= figure.End ? new Span(figure.End, t.Span.Start) : new Span(figure.End, figure.End);
            if (between.Length > Reach || between.Of(a.Text).IndexOfAny([';', '—', ':', '(', ')', '“', '”', '"']) >= 0) continue;
            values.Add(v);
        }
        return values.Count == 0 ? null : string.Join("..", values);
    }

    /// <summary>+1 for an upper bound ("up to", "as many as"), -1 for a lower one ("more than", "at least"), 0 for a point.</summary>
    public static int BoundOf(string? qualifier) => qualifier switch
    {
        "up to" or "at most" or "as many as" or "as much as" or "less than" or "under" or "fewer than" => 1,
        "more than" or "over" or "at least" or "upwards of" => -1,
        _ => 0,
    };

    /// <summary>
    /// "up to 1.6 million women", "as many as 90 faculty": a news writer's upper bound that gives the figure itself, the
    /// largest count anyone claims, unlike "fewer than 100", which only bounds it.
    /// </summary>
    public static bool IsCeiling(string? qualifier) => qualifier is "up to" or "as many as" or "as much as";

    /// <summary>
    /// A ceiling against a plain figure: compatible when the figure is the ceiling within its rounding (or the point's own
    /// hedge), so "1.5 million" and "up to 1.6 million" are rival sizes of one class; null when the pair is not such a one.
    /// </summary>
    public static bool? CeilingAgainstPoint(ValueMention m, ValueMention o)
    {
        var (ceiling, point) = m.Ceiling && o.Bound == 0 ? (m, o) : o.Ceiling && m.Bound == 0 ? (o, m) : (null, null);
        if (ceiling?.Exact is not { } x || point?.Range is not { } r) return null;
        return x.Low <= r.High && r.Low <= x.High;
    }

    /// <summary>Half the last unit a figure written with a scale word shows: "1.5 million" is rounded to the nearest 100,000, so ±50,000.</summary>
    public static double RoundingOf(string text)
    {
        if (Scaled.Match(text) is not { Success: true } m) return 0;
        double scale = m.Groups["scale"].Value.ToLowerInvariant() switch
        {
            "trillion" or "tn" => 1e12,
            "billion" or "bn" or "b" => 1e9,
            "million" or "mn" or "m" => 1e6,
            _ => 1e3,
        };
        int decimals = m.Groups["dec"].Success ? m.Groups["dec"].Length : 0;
        // Just under half: 1.5 and 1.6 million are rivals, not one rounded value.
        return 0.49 * scale * Math.Pow(10, -decimals);
    }

    /// <summary>The figure as written, for comparing magnitudes: two outlets' values of one thing seldom differ by a large factor.</summary>
    public static double Magnitude((double Low, double High) range) =>
        double.IsPositiveInfinity(range.High) ? range.Low : range.Low <= 0 ? range.High : (range.Low + range.High) / 2;

    public static string Format(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
