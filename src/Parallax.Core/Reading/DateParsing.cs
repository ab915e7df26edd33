using System.Globalization;

namespace Parallax.Reading;

/// <summary>
/// Reads publication dates as feeds and files write them, rejecting implausible ones ("0001-01-01", "9999-12-31"). This is
/// the one rule for every boundary (files, feeds, pages, the site, the API, the command line): a date outside
/// <see cref="Earliest"/>..<see cref="Latest"/> is no publication date, and downstream date arithmetic may rely on that.
/// </summary>
public static class DateParsing
{
    /// <summary>The first publication date accepted.</summary>
    public static DateOnly Earliest { get; } = new(1900, 1, 1);

    /// <summary>The last publication date accepted.</summary>
    public static DateOnly Latest { get; } = new(2100, 12, 31);

    /// <summary>True for a date that can be a publication date.</summary>
    public static bool Plausible(DateOnly date) => date >= Earliest && date <= Latest;

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
        return ok && Plausible(date);
    }

    /// <summary>Strict form for dates a person types (<c>--published</c>, the site's and API's fields and filters): YYYY-MM-DD only, within the plausible range.</summary>
    public static bool TryParseIso(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date);

    /// <summary>What to tell a person whose date was refused.</summary>
    public static string IsoHint => $"write it as YYYY-MM-DD, between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}";
}
