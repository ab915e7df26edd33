using System.Globalization;

namespace Parallax.Briefing;

/// <summary>A TIMEX3 value as a reader would write it: "2025-11-24TMO" is "24 Nov 2025, morning", "2025-W47-WE" the weekend of 22–23 Nov 2025.</summary>
public static class TimeLabel
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Of(string value)
    {
        string date = TimeInterval.CalendarPart(value), time = "";
        if (date.Length < value.Length)
        {
            time = value[(date.Length + 1)..] switch
            {
                "MO" => "morning",
                "AF" => "afternoon",
                "EV" => "evening",
                "NI" => "night",
                "DT" => "daytime",
                var clock when clock.Length >= 5 && clock[2] == ':' => clock[..5],
                _ => "",
            };
        }
        string? day = DateLabel(date);
        if (day is null) return value;
        return time.Length == 0 ? day : day + ", " + time;
    }

    private static string? DateLabel(string v)
    {
        if (v.Length == 3 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int decade)) return $"{decade}0s";
        if (TimeInterval.Parse(v) is not { } span) return null;
        string year = v[..4];
        if (v.Length == 4) return year;
        string rest = v[5..];
        if (rest.StartsWith('W')) return rest.EndsWith("-WE", StringComparison.Ordinal) ? "weekend of " + Range(span) : "week of " + Day(span.Start);
        if (rest.StartsWith('Q')) return rest + " " + year;
        switch (rest)
        {
            case "SP": return "spring " + year;
            case "SU": return "summer " + year;
            case "FA": return "autumn " + year;
            case "WI": return "winter " + year;
        }
        return rest.Length == 2 ? Months[span.Start.Month - 1] + " " + year : Day(span.Start);
    }

    private static string Day(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Day} {Months[d.Month - 1]} {d.Year}");

    private static string Range(TimeInterval i) => i.Start.Month == i.End.Month
        ? string.Create(CultureInfo.InvariantCulture, $"{i.Start.Day}–{Day(i.End)}")
        : Day(i.Start) + "–" + Day(i.End);
}
