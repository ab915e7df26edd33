using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parallax.Reading;

/// <summary>
/// Reads publication dates as feeds and files write them, rejecting implausible ones ("0001-01-01", "9999-12-31"). This is
/// the one rule for every boundary (files, feeds, pages, the site, the API, the command line): a date outside
/// <see cref="Earliest"/>..<see cref="Latest"/> is no publication date, and downstream date arithmetic may rely on that.
/// </summary>
public static partial class DateParsing
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
        // An ISO 8601 date or time is read by its own rule, so a time that cannot be (25:61) is refused, not cut off.
        if (IsoShape().IsMatch(text)) return TryParseIsoTime(text, out date) == IsoVerdict.Ok;
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

    /// <summary>
    /// The one rule for a "published" value wherever it is given (the API, the site's form, a JSON Lines file): absent,
    /// null, "" or blank means undated; anything else must be a date — with <paramref name="isoOnly"/>, YYYY-MM-DD or an
    /// ISO 8601 time such as 2025-02-03T09:30:00Z (its calendar day as written), else any form <see cref="TryParse"/>
    /// reads — within <see cref="Earliest"/>..<see cref="Latest"/>. A time that cannot be (25:61) is refused, not cut off.
    /// </summary>
    /// <param name="text">The value as given.</param>
    /// <param name="date">The day, or null for undated (also when refused).</param>
    /// <param name="problem">Why it is refused, in one line naming <paramref name="field"/>; null when it is taken.</param>
    /// <param name="isoOnly">Only ISO 8601 forms (what an API or a form sends), not the looser forms of feeds and files.</param>
    /// <param name="field">The field's name, for the problem.</param>
    public static bool TryParsePublished(string? text, out DateOnly? date, out string? problem, bool isoOnly = false, string field = "published")
    {
        date = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        string trimmed = text.Trim();
        string quoted = trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
        string hint = $"write it as YYYY-MM-DD or an ISO 8601 time such as 2025-02-03T09:30:00Z, between {Earliest:yyyy} and {Latest:yyyy}, or leave it empty for undated";
        DateOnly day = default;
        var verdict = IsoShape().IsMatch(trimmed) ? TryParseIsoTime(trimmed, out day)
            : !isoOnly && TryParse(trimmed, out day) ? IsoVerdict.Ok : IsoVerdict.NotADate;
        problem = verdict switch
        {
            IsoVerdict.Ok => null,
            IsoVerdict.BadTime => $"{field} \"{quoted}\" is not a valid time; {hint}",
            IsoVerdict.OutOfRange => $"{field} \"{quoted}\" is outside {Earliest:yyyy}–{Latest:yyyy}; {hint}",
            _ => $"{field} \"{quoted}\" is not a date; {hint}",
        };
        if (problem is null) date = day;
        return problem is null;
    }

    /// <summary>
    /// <see cref="TryParsePublished(string?, out DateOnly?, out string?, bool, string)"/> for a JSON value: null (or no
    /// value) is undated, a string is read by that rule, and any other kind (a number, true, an object) is refused.
    /// </summary>
    public static bool TryParsePublished(JsonElement value, out DateOnly? date, out string? problem, bool isoOnly = false, string field = "published")
    {
        if (value.ValueKind is JsonValueKind.String) return TryParsePublished(value.GetString(), out date, out problem, isoOnly, field);
        date = null;
        problem = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null
            : $"{field} must be a date written as a string (\"2025-02-03\"), or null or \"\" for undated, not {KindOf(value)}";
        return problem is null;
    }

    /// <summary>A JSON value's kind as a message names it: "a number", "true", "an object".</summary>
    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    private enum IsoVerdict
    {
        Ok,
        NotADate,
        BadTime,
        OutOfRange,
    }

    /// <summary>YYYY-MM-DD, optionally followed by a time of day (hh:mm, :ss, fractions) and a zone (Z, +hh:mm, +hhmm).</summary>
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoShape();

    /// <summary>A text of <see cref="IsoShape"/>: its calendar day as written, or why not (no such day, no such time, implausible).</summary>
    private static IsoVerdict TryParseIsoTime(string text, out DateOnly date)
    {
        var m = IsoShape().Match(text);
        if (!DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return IsoVerdict.NotADate;
        // The fraction of a second (any number of digits) cannot make a time invalid; hours, minutes and seconds can.
        if (m.Groups[2].Success && !TimeOnly.TryParseExact(m.Groups[2].Value.Split('.', ',')[0], ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return IsoVerdict.BadTime;
        }
        if (m.Groups[3].Success && m.Groups[3].Value != "Z")
        {
            string zone = m.Groups[3].Value[1..].Replace(":", "", StringComparison.Ordinal);
            int hours = int.Parse(zone[..2], CultureInfo.InvariantCulture), minutes = zone.Length > 2 ? int.Parse(zone[2..], CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59) return IsoVerdict.BadTime;
        }
        return Plausible(date) ? IsoVerdict.Ok : IsoVerdict.OutOfRange;
    }
}
