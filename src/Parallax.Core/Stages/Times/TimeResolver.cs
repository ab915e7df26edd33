using System.Globalization;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stages.Times;

/// <summary>What a time mention is resolved against: the document creation time, the tense around it, the last year the text named, and its sentence.</summary>
public sealed record TimeContext(DateOnly? Anchor, Tense Tense, int? DiscourseYear, string Before, string Sentence = "")
{
    /// <summary>The last quarter the text named a few sentences back: what "the quarter" and "a year earlier" in results reports count from.</summary>
    public string? QuarterReference { get; init; }

    /// <summary>A date, month or year the same sentence named before this mention: "Nov. 2 … a year earlier".</summary>
    public string? SentenceReference { get; init; }
}

/// <summary>Gives a found time mention its TIMEX3 type and value (resolution only; <see cref="TimeExtractor"/> finds them).</summary>
public static class TimeResolver
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static TimeExpression? Resolve(TimeMention m, string surface, TimeContext ctx)
    {
        if (m.Rule == TimeRule.Compound) return Compound(m, surface, ctx);
        var (type, value, mod) = m.Rule switch
        {
            TimeRule.IsoDate => Date(Ymd(Int(m.Part("year")), Int(m.Part("mon")), Int(m.Part("day")))),
            TimeRule.NumericDate => Date(Ymd(Int(m.Part("year")), Int(m.Part("mon")), Int(m.Part("day")))),
            TimeRule.MonthDay or TimeRule.DayMonth => MonthDay(m, ctx),
            TimeRule.MonthYear => Date($"{YearOf(m):D4}-{MonthOf(m.Part("month")!):D2}", EdgeMod(m.Part("edge"))),
            TimeRule.Month => Month(m, ctx),
            TimeRule.Year => Year(m),
            TimeRule.Weekday => Weekday(m, ctx),
            TimeRule.RelativeDay => RelativeDay(m, ctx),
            TimeRule.PartOfDay => ctx.Anchor is { } a ? (TimexType.Time, Iso(a) + PartCode(m.Part("part")), null) : (TimexType.Time, "XXXX-XX-XX" + PartCode(m.Part("part")), null),
            TimeRule.RelativeUnit => RelativeUnit(m, ctx),
            TimeRule.Ago => Ago(m, ctx),
            TimeRule.Duration => Duration(m),
            TimeRule.VagueDuration => (TimexType.Duration, "P" + (IsClockUnit(m.Part("unit")!) ? "T" : "") + "X" + UnitCode(m.Part("unit")!), null),
            TimeRule.Holiday => Holiday(m, ctx),
            TimeRule.Clock => Clock(m, ctx),
            TimeRule.Set => Set(m),
            TimeRule.Reference => Reference(m),
            TimeRule.Quarter => Quarter(m, ctx),
            TimeRule.PastSpan => PastSpan(m),
            TimeRule.ReportingPeriod => ReportingPeriod(m, ctx),
            TimeRule.PeriodEnded => (TimexType.Duration, "P1" + UnitCode(m.Part("unit")!), null),
            TimeRule.SeasonYear => Date($"{YearOf(m):D4}-{SeasonCode(m.Part("season")!)}", EdgeMod(m.Part("edge"))),
            _ => (TimexType.Date, (string?)null, (string?)null),
        };
        if (value is null) return null;
        mod ??= HedgeMod(ctx.Before, type);
        return new TimeExpression(m.Span, surface, type, value) { Mod = mod };
    }

    /// <summary>A day and a time of day written together take the day from the date and the hour from the clock.</summary>
    private static TimeExpression? Compound(TimeMention m, string surface, TimeContext ctx)
    {
        TimeExpression? clock = null, day = null;
        foreach (var c in m.Components)
        {
            var part = Resolve(c, surface.Substring(c.Span.Start - m.Span.Start, c.Span.Length), ctx);
            if (part is null) return null;
            if (c.Rule == TimeRule.Clock) clock ??= part;
            else day = part;
        }
        if (clock is null) return new TimeExpression(m.Span, surface, day!.Type, day.Value) { Mod = day.Mod };
        string date = day!.Value.Length >= 10 ? day.Value[..10] : day.Value;
        return new TimeExpression(m.Span, surface, TimexType.Time, date + clock.Value[clock.Value.IndexOf('T', StringComparison.Ordinal)..]);
    }

    private static (TimexType, string?, string?) Date(string? value, string? mod = null) => (TimexType.Date, value, mod);

    private static string? Ymd(int y, int mo, int d) =>
        mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), mo) ? $"{y:D4}-{mo:D2}-{d:D2}" : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Int(string? s) => int.Parse(s!, CultureInfo.InvariantCulture);

    internal static int MonthOf(string name) => Array.IndexOf(MonthNames, name[..3].ToLowerInvariant()) + 1;

    private static (TimexType, string?, string?) MonthDay(TimeMention m, TimeContext ctx)
    {
        int month = MonthOf(m.Part("month")!);
        int day = Int(m.Part("day"));
        if (m.Part("year") is { } y) return Date(Ymd(Int(y), month, day));
        if (ctx.Anchor is not { } a) return Date($"XXXX-{month:D2}-{day:D2}");
        return Date(Ymd(NearestYear(a, month, day, ctx.Tense, 60), month, day));
    }

    /// <summary>
    /// The year of a month and day written without one: the occurrence nearest the publication date when it is within
    /// <paramref name="closeDays"/> days (a date that close is nearly always meant, whatever the verb's tense), otherwise the
    /// nearest one in the direction the tense points, or simply the nearest when the tense says nothing.
    /// </summary>
    private static int NearestYear(DateOnly anchor, int month, int day, Tense tense, int closeDays)
    {
        int best = anchor.Year, bestDistance = int.MaxValue;
        int pointed = anchor.Year, pointedDistance = int.MaxValue;
        for (int y = anchor.Year - 1; y <= anchor.Year + 1; y++)
        {
            var c = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
            int diff = c.DayNumber - anchor.DayNumber;
            if (Math.Abs(diff) < bestDistance) (best, bestDistance) = (y, Math.Abs(diff));
            bool along = tense switch { Tense.Future => diff >= 0, Tense.Past => diff <= 7, _ => true };
            if (along && Math.Abs(diff) < pointedDistance) (pointed, pointedDistance) = (y, Math.Abs(diff));
        }
        return bestDistance <= closeDays || pointedDistance == int.MaxValue ? best : pointed;
    }

    private static (TimexType, string?, string?) Month(TimeMention m, TimeContext ctx)
    {
        int month = MonthOf(m.Part("month")!);
        string? mod = EdgeMod(m.Part("edge"));
        if (ctx.Anchor is not { } a) return Date($"XXXX-{month:D2}", mod);
        int year = a.Year;
        switch (m.Part("det")?.ToLowerInvariant())
        {
            case "last" or "past":
                if (month >= a.Month) year--;
                break;
            case "next" or "coming":
                if (month <= a.Month) year++;
                break;
            case "this":
                break;
            default:
                year = NearestYear(a, month, 15, ctx.Tense, 45);
                break;
        }
        return Date($"{year:D4}-{month:D2}", mod);
    }

    private static int YearOf(TimeMention m) => m.Part("spoken") is { } spoken ? SpokenYear(spoken) : Int(m.Part("year"));

    /// <summary>"nineteen ninety-six" is 1996, "twenty oh five" 2005, "the year two thousand and one" 2001.</summary>
    internal static int SpokenYear(string words)
    {
        var w = words.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w.Contains("thousand"))
        {
            int after = Array.IndexOf(w, "thousand") + 1;
            double rest = 0;
            for (int i = after; i < w.Length; i++)
            {
                if (w[i] != "and" && NumberWords.TryParse(w[i], out double v)) rest += v;
            }
            return 2000 + (int)rest;
        }
        // A first word that is no number ("the ninety-six") gives century 0, and the year is then only what follows.
        if (!NumberWords.TryParse(w[0], out double century)) century = 0;
        double tail = 0;
        for (int i = 1; i < w.Length; i++)
        {
            if (w[i] is not ("oh" or "o") && NumberWords.TryParse(w[i], out double v)) tail += v;
        }
        return (int)century * 100 + (int)tail;
    }

    private static (TimexType, string?, string?) Year(TimeMention m)
    {
        if (m.Part("spoken") is not null) return Date($"{YearOf(m):D4}");
        string year = m.Part("year")!;
        if (m.Part("decade") is not null) return Date(year[..3]);
        return Date(year, EdgeMod(m.Part("edge")));
    }

    private static (TimexType, string?, string?) Weekday(TimeMention m, TimeContext ctx)
    {
        int dow = WeekdayOf(m.Part("weekday")!);
        string part = PartCode(m.Part("part"));
        var type = part.Length > 0 ? TimexType.Time : TimexType.Date;
        if (ctx.Anchor is not { } a) return (type, $"XXXX-WXX-{dow}{part}", null);
        int anchorDow = a.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)a.DayOfWeek;
        var tense = ctx.Tense;
        string? det = m.Part("det")?.ToLowerInvariant();
        if (det is "next" or "coming") tense = Tense.Future;
        // "last Wednesday" written on a Wednesday is a week back, not today.
        if (det is "last" or "past" or "previous")
        {
            tense = Tense.Past;
            if (dow == anchorDow) return (type, Iso(a.AddDays(-7)) + part, null);
        }
        if (tense == Tense.Present && EndsWithWord(ctx.Before, "by", "until", "before")) tense = Tense.Future;
        int delta = dow - anchorDow;
        // "Friday" in an article dated a Friday is that day, whatever the tense; "next Friday" is not.
        if (delta == 0 && det is null) return (type, Iso(a) + part, null);
        DateOnly day = tense == Tense.Future
            ? a.AddDays(delta > 0 ? delta : delta + 7)
            : a.AddDays(delta <= 0 ? delta : delta - 7);
        if (det == "this") day = a.AddDays(delta);
        return (type, Iso(day) + part, null);
    }

    private static (TimexType, string?, string?) RelativeDay(TimeMention m, TimeContext ctx)
    {
        string rel = m.Part("rel")!.ToLowerInvariant();
        bool lastNight = rel.StartsWith("last", StringComparison.Ordinal);
        if (lastNight) rel = "yesterday";
        string part = rel == "tonight" || lastNight ? "TNI" : PartCode(m.Part("part"));
        var type = part.Length > 0 ? TimexType.Time : TimexType.Date;
        if (ctx.Anchor is not { } a) return (type, "XXXX-XX-XX" + part, null);
        var day = rel switch { "yesterday" => a.AddDays(-1), "tomorrow" => a.AddDays(1), _ => a };
        return (type, Iso(day) + part, null);
    }

    private static (TimexType, string?, string?) RelativeUnit(TimeMention m, TimeContext ctx)
    {
        string det = m.Part("det")!.ToLowerInvariant();
        string unit = m.Part("unit")!.ToLowerInvariant();
        string? edge = m.Part("edge")?.ToLowerInvariant();
        string? mod = edge switch { "early" => "START", "late" => "END", _ => null };
        if (det == "past" && unit != "weekend" && !TimeExtractor.IsSeason(unit)) return (TimexType.Duration, "P1" + UnitCode(unit), null);
        if (ctx.Anchor is not { } a) return Date(unit == "year" ? "XXXX" : "XXXX-XX", mod);
        int offset = det switch { "next" or "coming" => 1, "last" or "previous" => -1, _ => 0 };
        if (det is "the" or "that" && unit == "year" && ctx.DiscourseYear is { } dy) return Date($"{dy:D4}", mod);
        if (det == "the" && unit == "weekend") offset = ctx.Tense == Tense.Future ? 1 : -1;
        switch (unit)
        {
            case "year":
                return Date($"{a.Year + offset:D4}", mod);
            case "decade":
                return Date($"{(a.Year / 10) + offset:D3}", mod);
            case "century":
                return Date($"{(a.Year / 100) + offset:D2}", mod);
            case "month":
                {
                    var d = a.AddMonths(offset);
                    return Date($"{d.Year:D4}-{d.Month:D2}", mod);
                }
            case "quarter":
                {
                    var d = a.AddMonths(3 * offset);
                    return Date($"{d.Year:D4}-Q{(d.Month - 1) / 3 + 1}", mod);
                }
            case "week":
                return Date(IsoWeek(a.AddDays(7 * offset)), mod);
            case "weekend":
                {
                    var week = a.AddDays(7 * offset);
                    // The weekend just before a Monday-to-Friday anchor belongs to the week before it.
                    if (offset < 0 && a.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) week = a;
                    return Date(IsoWeek(week) + "-WE", mod);
                }
            default:
                {
                    string code = SeasonCode(unit);
                    int year = a.Year + offset;
                    if (offset == 0 && det is "the" or "that" && ctx.DiscourseYear is { } y2) year = y2;
                    // "this past spring": the latest one already begun before the publication date.
                    if (det == "past" && SeasonStartMonth(code) <= a.Month) year = a.Year;
                    return Date($"{year:D4}-{code}", mod);
                }
        }
    }

    private static (TimexType, string?, string?) Ago(TimeMention m, TimeContext ctx)
    {
        string unit = m.Part("unit")!.ToLowerInvariant();
        bool vague = m.Part("count") is not { } c || c.StartsWith("a few", StringComparison.OrdinalIgnoreCase) || c.Equals("several", StringComparison.OrdinalIgnoreCase);
        bool forward = m.Part("dir")!.StartsWith("from", StringComparison.OrdinalIgnoreCase);
        bool oneYearBack = unit == "year" && !forward && (m.Part("count") is null || NumberWords.TryParse(m.Part("count")!, out double single) && single == 1);
        bool quarterly = ctx.Sentence.Contains("quarter", StringComparison.OrdinalIgnoreCase);
        // "a year earlier" counts back from the period the text was just talking about, at the same precision: the third quarter, Nov. 2.
        if (oneYearBack && quarterly && ctx.QuarterReference is { } quarter) return Date(ShiftYears(quarter, -1));
        if (oneYearBack && ShiftYears(ctx.SentenceReference, -1) is { } shifted) return Date(shifted);
        // "a year earlier", "year-ago": reports of quarterly results compare with the same quarter a year before.
        if (oneYearBack && quarterly && ctx.Anchor is { } qa)
        {
            var (qy, q) = ReportedQuarter(qa);
            return Date($"{qy - 1:D4}-Q{q}");
        }
        if (m.Part("count") is null && unit == "year" && ctx.Anchor is { } ya) return Date($"{ya.Year - 1:D4}");
        if (vague || ctx.Anchor is not { } a || !NumberWords.TryParse(m.Part("count")!, out double n) || n != Math.Floor(n))
        {
            return Date(forward ? "FUTURE_REF" : "PAST_REF");
        }
        int k = (int)n * (forward ? 1 : -1);
        return unit switch
        {
            "day" => Date(Iso(a.AddDays(k))),
            "week" => Date(IsoWeek(a.AddDays(7 * k))),
            "fortnight" => Date(IsoWeek(a.AddDays(14 * k))),
            "month" => Date(a.AddMonths(k).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            "year" => Date($"{a.Year + k:D4}"),
            "decade" => Date($"{(a.Year + 10 * k) / 10:D3}"),
            _ => (TimexType.Time, Iso(a), null),
        };
    }

    private static (TimexType, string?, string?) Duration(TimeMention m)
    {
        if (!NumberWords.TryParse(m.Part("count")!, out double n)) return (TimexType.Duration, null, null);
        string unit = m.Part("unit")!.ToLowerInvariant();
        string amount = n == Math.Floor(n) ? ((long)n).ToString(CultureInfo.InvariantCulture) : n.ToString("0.##", CultureInfo.InvariantCulture);
        string value = unit switch
        {
            "decade" => $"P{n * 10:0}Y",
            "century" => $"P{n * 100:0}Y",
            "fortnight" => $"P{n * 2:0}W",
            "quarter" => $"P{n * 3:0}M",
            _ => "P" + (IsClockUnit(unit) ? "T" : "") + amount + UnitCode(unit),
        };
        return (TimexType.Duration, value, null);
    }

    private static (TimexType, string?, string?) Holiday(TimeMention m, TimeContext ctx)
    {
        string name = m.Part("holiday")!.ToLowerInvariant().Replace('’', '\'');
        Func<int, DateOnly> on = name switch
        {
            "thanksgiving" => y => NthWeekday(y, 11, DayOfWeek.Thursday, 4),
            "christmas eve" => y => new DateOnly(y, 12, 24),
            var s when s.StartsWith("christmas", StringComparison.Ordinal) => y => new DateOnly(y, 12, 25),
            "new year's eve" => y => new DateOnly(y, 12, 31),
            var s when s.StartsWith("new year", StringComparison.Ordinal) => y => new DateOnly(y, 1, 1),
            "independence day" => y => new DateOnly(y, 7, 4),
            "halloween" => y => new DateOnly(y, 10, 31),
            "labor day" => y => NthWeekday(y, 9, DayOfWeek.Monday, 1),
            "memorial day" => y => LastWeekday(y, 5, DayOfWeek.Monday),
            "veterans day" => y => new DateOnly(y, 11, 11),
            _ => y => new DateOnly(y, 2, 14),
        };
        if (ctx.Anchor is not { } a) return Date("XXXX" + on(2001).ToString("-MM-dd", CultureInfo.InvariantCulture));
        var tense = ctx.Tense;
        if (tense == Tense.Present && EndsWithWord(ctx.Before, "by", "until", "before")) tense = Tense.Future;
        var day = on(a.Year);
        if (tense == Tense.Future && day < a) day = on(a.Year + 1);
        else if (tense == Tense.Past && day > a) day = on(a.Year - 1);
        return Date(Iso(day));
    }

    private static (TimexType, string?, string?) Clock(TimeMention m, TimeContext ctx)
    {
        string date = ctx.Anchor is { } a ? Iso(a) : "XXXX-XX-XX";
        if (m.Part("named") is { } named) return (TimexType.Time, date + (named.Equals("noon", StringComparison.OrdinalIgnoreCase) ? "T12:00" : "T24:00"), null);
        int hour = Int(m.Part("hour"));
        int minute = m.Part("minute") is { } mm ? Int(mm) : 0;
        bool pm = m.Part("ampm")!.StartsWith('p') || m.Part("ampm")!.StartsWith('P');
        if (hour is < 1 or > 12 || minute > 59) return (TimexType.Time, null, null);
        hour = hour % 12 + (pm ? 12 : 0);
        return (TimexType.Time, $"{date}T{hour:D2}:{minute:D2}", null);
    }

    private static (TimexType, string?, string?) Set(TimeMention m)
    {
        if (m.Part("adverb") is { } adverb)
        {
            string v = adverb.ToLowerInvariant() switch { "daily" => "P1D", "nightly" => "P1D", "weekly" => "P1W", "monthly" => "P1M", "hourly" => "PT1H", _ => "P1Y" };
            return (TimexType.Set, v, null);
        }
        if (m.Part("weekday") is { } wd) return (TimexType.Set, $"XXXX-WXX-{WeekdayOf(wd)}", null);
        string unit = m.Part("unit")!.ToLowerInvariant();
        int every = m.Part("other") is null ? 1 : 2;
        return unit switch
        {
            "morning" => (TimexType.Set, "TMO", null),
            "evening" => (TimexType.Set, "TEV", null),
            "night" => (TimexType.Set, "TNI", null),
            _ => (TimexType.Set, $"P{every}{UnitCode(unit)}", null),
        };
    }

    private static (TimexType, string?, string?) Reference(TimeMention m)
    {
        string r = m.Part("ref")!.ToLowerInvariant();
        // "recent weeks", "the coming months": an unspecified number of those units.
        if (m.Part("unit") is { } unit) return (TimexType.Duration, "P" + (IsClockUnit(unit) ? "T" : "") + "X" + UnitCode(unit.TrimEnd('s', 'S')), null);
        string value = r switch
        {
            "recently" or "formerly" or "lately" or "in the past" or "previously" => "PAST_REF",

            "soon" => "FUTURE_REF",
            var f when f.EndsWith("future", StringComparison.Ordinal) => "FUTURE_REF",
            _ => "PRESENT_REF",
        };
        return Date(value);
    }

    private static (TimexType, string?, string?) Quarter(TimeMention m, TimeContext ctx)
    {
        string ord = m.Part("ord")!.ToLowerInvariant();
        int q = ord switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
        string? explicitYear = m.Part("year") ?? m.Part("year2");
        if (explicitYear is not null) return Date($"{explicitYear}-Q{q}");
        if (ctx.Anchor is not { } a) return Date($"XXXX-Q{q}");
        int year = a.Year + (m.Part("det")?.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 });
        int current = (a.Month - 1) / 3 + 1;
        // A quarter not yet begun, spoken of in the past tense, is last year's.
        if (m.Part("det") is null && ctx.Tense == Tense.Past && q > current) year--;
        return Date($"{year:D4}-Q{q}");
    }

    /// <summary>"the past two months", "the next 12 months": a span of time.</summary>
    private static (TimexType, string?, string?) PastSpan(TimeMention m)
    {
        if (!NumberWords.TryParse(m.Part("count")!, out double n) || n != Math.Floor(n)) return (TimexType.Duration, null, null);
        string unit = m.Part("unit")!.ToLowerInvariant();
        return (TimexType.Duration, unit switch
        {
            "quarter" => $"P{n:0}Q",
            "decade" => $"P{n * 10:0}Y",
            "fortnight" => $"P{n * 2:0}W",
            _ => "P" + (IsClockUnit(unit) ? "T" : "") + ((long)n).ToString(CultureInfo.InvariantCulture) + UnitCode(unit),
        }, null);
    }

    /// <summary>"the quarter", "the latest period" in business news: the quarter last reported, the one just ended.</summary>
    private static (TimexType, string?, string?) ReportingPeriod(TimeMention m, TimeContext ctx)
    {
        // "the quarter" after "the second quarter" is that quarter; "the 1988 quarter" is the same quarter in 1988.
        if (ctx.QuarterReference is { Length: 7 } r)
        {
            if (m.Part("year") is { } named) return Date($"{named}-{r[5..]}");
            if (m.Part("which") is { } w && !w.Contains("latest", StringComparison.OrdinalIgnoreCase) && !w.Contains("recent", StringComparison.OrdinalIgnoreCase)) return Date(r);
        }
        if (m.Part("year") is { } year) return Date(year);
        if (ctx.Anchor is not { } a) return Date("XXXX-QX");
        var (y, q) = ReportedQuarter(a);
        return Date($"{y:D4}-Q{q}");
    }

    /// <summary>The quarter whose results are being reported around <paramref name="anchor"/>: results come out in the weeks after a quarter ends.</summary>
    private static (int Year, int Quarter) ReportedQuarter(DateOnly anchor)
    {
        var d = anchor.AddDays(-45);
        return (d.Year, (d.Month - 1) / 3 + 1);
    }

    /// <summary>A calendar value (year, quarter, month or day) moved by whole years, keeping its precision; null for anything else.</summary>
    internal static string? ShiftYears(string? value, int years)
    {
        if (value is null || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)) return null;
        string rest = value[4..];
        if (rest.Length > 0 && !(rest.Length is 3 or 6 && rest[0] == '-' && (rest[1] == 'Q' || char.IsDigit(rest[1])) && rest.Skip(2).All(c => char.IsDigit(c) || c == '-'))) return null;
        if (rest.Length == 6 && rest[1..3] == "02" && rest[4..] == "29") rest = "-02-28";
        return $"{y + years:D4}{rest}";
    }

    private static string SeasonCode(string season) => season.ToLowerInvariant() switch { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };

    private static int SeasonStartMonth(string code) => code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };

    private static int WeekdayOf(string name) => name[..3].ToLowerInvariant() switch
    {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        _ => 7,
    };

    private static string PartCode(string? part) => part?.ToLowerInvariant() switch
    {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        _ => "",
    };

    private static bool IsClockUnit(string unit) => unit.ToLowerInvariant() is "second" or "minute" or "hour";

    private static string UnitCode(string unit) => unit.ToLowerInvariant() switch
    {
        "second" => "S",
        "minute" => "M",
        "hour" => "H",
        "day" => "D",
        "week" or "weekend" => "W",
        "month" => "M",
        "quarter" => "Q",
        "year" => "Y",
        "decade" => "DE",
        "century" => "CE",
        _ => "Y",
    };

    private static string? EdgeMod(string? edge) => edge?.ToLowerInvariant() switch { "early" => "START", "mid" => "MID", "late" => "END", _ => null };

    /// <summary>Hedges written just before the expression ("about an hour", "nearly four-year").</summary>
    private static string? HedgeMod(string before, TimexType type)
    {
        string b = before.TrimEnd().ToLowerInvariant();
        if (b.EndsWith("the end of", StringComparison.Ordinal)) return "END";
        if (b.EndsWith("the beginning of", StringComparison.Ordinal) || b.EndsWith("the start of", StringComparison.Ordinal)) return "START";
        if (b.EndsWith("the middle of", StringComparison.Ordinal)) return "MID";
        if (type != TimexType.Duration) return null;
        if (EndsWithWord(b, "about", "around", "approximately", "roughly", "some", "circa")) return "APPROX";
        if (EndsWithWord(b, "nearly", "almost") || b.EndsWith("just under", StringComparison.Ordinal) || b.EndsWith("less than", StringComparison.Ordinal)) return "LESS_THAN";
        if (b.EndsWith("more than", StringComparison.Ordinal) || b.EndsWith("just over", StringComparison.Ordinal) || EndsWithWord(b, "over")) return "MORE_THAN";
        if (b.EndsWith("at least", StringComparison.Ordinal)) return "EQUAL_OR_MORE";
        if (b.EndsWith("up to", StringComparison.Ordinal) || b.EndsWith("at most", StringComparison.Ordinal)) return "EQUAL_OR_LESS";
        return null;
    }

    internal static bool EndsWithWord(string before, params string[] words)
    {
        string b = before.TrimEnd();
        foreach (var w in words)
        {
            if (b.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (b.Length == w.Length || !char.IsLetter(b[^(w.Length + 1)]))) return true;
        }
        return false;
    }

    private static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek dow, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)dow - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek dow)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)dow + 7) % 7;
        return last.AddDays(-back);
    }
}
