using System.Globalization;

namespace Parallax.Reading;

/// <summary>Reads publication dates as feeds and files write them, rejecting implausible ones ("0001-01-01").</summary>
public static class DateParsing
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "M/d/yyyy", "MM/dd/yyyy", "M/d/yy", "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "yyyyMMdd",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        bool ok = DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
        if (!ok && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            // A timestamp keeps the calendar day it was written in, not the day in UTC.
            date = DateOnly.FromDateTime(dto.DateTime);
            ok = true;
        }
        if (!ok && text.Length > 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            ok = true;
        }
        return ok && date.Year is >= 1900 and <= 2100;
    }

    /// <summary>Strict form for dates a person types (<c>--published</c>): YYYY-MM-DD only.</summary>
    public static bool TryParseIso(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
