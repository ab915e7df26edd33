using System.Globalization;
using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>The calendar days a TIMEX3 date value covers, so values of different precision can be compared ("2026" holds "2026-04").</summary>
public readonly record struct TimeInterval(DateOnly Start, DateOnly End)
{
    public bool Overlaps(TimeInterval o) => Start <= o.End && o.Start <= End;

    public TimeInterval Widen(int days) => new(Start.AddDays(-days), End.AddDays(days));

    public static TimeInterval? Of(TimeExpression t)
    {
        var i = Parse(t.Value);
        if (i is null) return null;
        // "three weeks ago", "about a month ago": counted loosely by writers, so compared loosely.
        bool loose = t.Text.Contains("ago", StringComparison.OrdinalIgnoreCase) || t.Mod is "APPROX";
        return loose ? i.Value.Widen(t.Value.Contains('W') ? 7 : 15) : i;
    }

    /// <summary>The calendar part of a TIMEX3 value, without its time of day: "2025-11-24" of "2025-11-24TMO".</summary>
    public static string CalendarPart(string value) => value.IndexOf('T') is var t and > 0 ? value[..t] : value;

    public static TimeInterval? Parse(string v)
    {
        try
        {
            v = CalendarPart(v);
            if (v.Length == 3 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int decade))
                return new(new DateOnly(decade * 10, 1, 1), new DateOnly(decade * 10 + 9, 12, 31));
            if (v.Length < 4 || !int.TryParse(v.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1) return null;
            if (v.Length == 4) return new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            string rest = v[5..];
            if (rest.StartsWith('W'))
            {
                int week = int.Parse(rest.AsSpan(1, 2), CultureInfo.InvariantCulture);
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, week, DayOfWeek.Monday));
                return rest.EndsWith("-WE", StringComparison.Ordinal) ? new(monday.AddDays(5), monday.AddDays(6)) : new(monday, monday.AddDays(6));
            }
            if (rest.StartsWith('Q'))
            {
                int q = rest[1] - '0';
                var s = new DateOnly(y, 3 * q - 2, 1);
                return new(s, s.AddMonths(3).AddDays(-1));
            }
            switch (rest)
            {
                case "SP": return new(new DateOnly(y, 3, 1), new DateOnly(y, 5, 31));
                case "SU": return new(new DateOnly(y, 6, 1), new DateOnly(y, 8, 31));
                case "FA": return new(new DateOnly(y, 9, 1), new DateOnly(y, 11, 30));
                case "WI": return new(new DateOnly(y, 12, 1), new DateOnly(y + 1, 2, 28));
            }
            int m = int.Parse(rest.AsSpan(0, 2), CultureInfo.InvariantCulture);
            if (rest.Length == 2) return new(new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)));
            int d = int.Parse(rest.AsSpan(3, 2), CultureInfo.InvariantCulture);
            var day = new DateOnly(y, m, d);
            return new(day, day);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
