using System.Globalization;
using System.Text.Json;

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

    /// <summary>A readable, plausible publication date in <paramref name="text"/> (see <see cref="TryParsePublished(string?, out DateOnly?, out string?)"/>); false for anything else.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (!TryParsePublished(text, out var read, out _) || read is not { } d || !Plausible(d)) return false;
        date = d;
        return true;
    }

    /// <summary>
    /// A "published" value as every reader takes it. Empty or blank is undated: true with no date. A date, or a timestamp
    /// (its calendar day as written, not the day in UTC), is true with the date. Anything else is false with why: a day
    /// that does not exist (2025-02-30), a time that does not (25:61), or text that is no date. The range check is left
    /// to <see cref="ArticleAdmission"/>, so a well-formed "0001-01-01" reads as that date and is then set aside there with a note.
    /// </summary>
    public static bool TryParsePublished(string? text, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        string t = text.Trim();
        if (t.Length > MaxDateChars)
        {
            error = $"\"{ArticleAdmission.Clip(t)}\" is {t.Length:N0} characters, too long to be a date";
            return false;
        }
        if (StartsIsoDate(t))
        {
            // An ISO day is read here, not by the lenient parsers below: they would take "2025-02-03T25:61" by its first ten characters.
            if (IsoDay(t) is not { } day)
            {
                error = $"\"{ArticleAdmission.Clip(t)}\" is not a valid date (no such day)";
                return false;
            }
            if (IsoTimeProblem(t.AsSpan(10)) is { } problem)
            {
                error = $"\"{ArticleAdmission.Clip(t)}\" is not a valid date and time ({problem})";
                return false;
            }
            date = day;
            return true;
        }
        if (DateOnly.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            date = exact;
            return true;
        }
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            // A timestamp keeps the calendar day it was written in, not the day in UTC.
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }
        error = $"\"{ArticleAdmission.Clip(t)}\" is not a date Parallax can read";
        return false;
    }

    /// <summary>
    /// <see cref="TryParsePublished(string?, out DateOnly?, out string?)"/> as a person's request is held to it (the API and
    /// the site's form): the same rule, the date also within <see cref="Earliest"/>..<see cref="Latest"/>, with
    /// <paramref name="isoOnly"/> only YYYY-MM-DD or an ISO 8601 time, and the problem as one line naming <paramref name="field"/>.
    /// </summary>
    public static bool TryParsePublished(string? text, out DateOnly? date, out string? problem, bool isoOnly, string field = "published")
    {
        date = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        string t = text.Trim();
        bool iso = StartsIsoDate(t);
        string? why = isoOnly && !iso ? "is not a date"
            : iso && IsoDay(t) is null ? "is not a date (no such day)"
            : iso && IsoTimeProblem(t.AsSpan(10)) is { } time ? $"is not a valid time ({time})"
            : !TryParsePublished(t, out date, out _) || date is not { } read ? "is not a date"
            : !Plausible(read) ? $"is outside {Earliest:yyyy}–{Latest:yyyy}"
            : null;
        if (why is null) return true;
        date = null;
        problem = $"{field} \"{ArticleAdmission.Clip(t)}\" {why}; " + (isoOnly
            ? $"write it as YYYY-MM-DD or an ISO 8601 time such as 2025-02-03T09:30:00Z, between {Earliest:yyyy} and {Latest:yyyy}, or leave it empty for undated"
            : PublishedHint);
        return false;
    }

    /// <summary>
    /// The same for a JSON value: null (or no value) is undated, a string is read by that rule, and any other kind (a
    /// number, true, an object) is refused, never taken as undated.
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

    /// <summary>The day of a text that <see cref="StartsIsoDate"/>, or null when no such day exists (2025-02-30).</summary>
    private static DateOnly? IsoDay(string t)
    {
        int y = Digits(t, 0, 4), m = Digits(t, 5, 2), d = Digits(t, 8, 2);
        return y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m) ? null : new DateOnly(y, m, d);
    }

    /// <summary>Longest "published" value read: a timestamp with a zone name is well under this.</summary>
    private const int MaxDateChars = 100;

    /// <summary>True when the text begins with four digits, a hyphen, two digits, a hyphen and two digits.</summary>
    private static bool StartsIsoDate(string t) =>
        t.Length >= 10 && t[4] == '-' && t[7] == '-' && IsDigits(t, 0, 4) && IsDigits(t, 5, 2) && IsDigits(t, 8, 2) && (t.Length == 10 || !char.IsAsciiDigit(t[10]));

    /// <summary>
    /// What is wrong with what follows an ISO day, or null when it is nothing or a time of day that exists: "T" or a space,
    /// hh[:mm[:ss[.fraction]]], then a zone as feeds write it ("Z", "+01:00", "-0500", "UTC", "+0000 UTC", "[Europe/Paris]").
    /// </summary>
    private static string? IsoTimeProblem(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty) return null;
        if (rest[0] is not ('T' or 't' or ' ') || rest.Length < 3 || !IsDigits(rest, 1, 2)) return "the day is followed by something that is not a time";
        int hour = Digits(rest, 1, 2), at = 3, minute = 0, second = 0;
        if (at < rest.Length && rest[at] == ':')
        {
            if (!IsDigits(rest, at + 1, 2)) return "the minutes are not two digits";
            minute = Digits(rest, at + 1, 2);
            at += 3;
            if (at < rest.Length && rest[at] == ':')
            {
                if (!IsDigits(rest, at + 1, 2)) return "the seconds are not two digits";
                second = Digits(rest, at + 1, 2);
                at += 3;
                if (at < rest.Length && rest[at] is '.' or ',')
                {
                    int digits = at + 1;
                    while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
                    if (digits == at + 1) return "the fraction of a second has no digits";
                    at = digits;
                }
            }
        }
        // A leap second (60) is a real time; hour 24, minute 60 and beyond are not.
        if (hour > 23) return $"hour {hour}";
        if (minute > 59) return $"minute {minute}";
        if (second > 60) return $"second {second}";
        return ZoneProblem(rest[at..]);
    }

    /// <summary>What is wrong with a time's zone, or null for none or one of the forms feeds write.</summary>
    private static string? ZoneProblem(ReadOnlySpan<char> zone)
    {
        int at = 0;
        bool named = false;
        while (at < zone.Length)
        {
            char c = zone[at];
            if (c == ' ') at++;
            else if (c is 'Z' or 'z' && (at + 1 == zone.Length || !char.IsAsciiLetter(zone[at + 1]))) at++;
            else if (c is '+' or '-')
            {
                // +hh, +hhmm or +hh:mm.
                if (!IsDigits(zone, at + 1, 2)) return "the zone offset is not +hh:mm";
                int hours = Digits(zone, at + 1, 2), minutes = 0;
                at += 3;
                if (at < zone.Length && zone[at] == ':') at++;
                if (IsDigits(zone, at, 2))
                {
                    minutes = Digits(zone, at, 2);
                    at += 2;
                }
                if (hours > 14 || minutes > 59) return $"zone offset {hours:00}:{minutes:00}";
            }
            else if (char.IsAsciiLetterUpper(c) && !named)
            {
                // One zone name, as abbreviations are written: "UTC", "GMT", "CEST".
                int end = at;
                while (end < zone.Length && char.IsAsciiLetterUpper(zone[end])) end++;
                if (end - at > 5) return "the zone is not a zone name";
                at = end;
                named = true;
            }
            else if (c == '[')
            {
                int close = zone[at..].IndexOf(']');
                if (close < 0) return "the zone name in brackets is not closed";
                at += close + 1;
            }
            else return "the time is followed by something that is not a zone";
        }
        return null;
    }

    private static bool IsDigits(ReadOnlySpan<char> s, int at, int count) => at >= 0 && at + count <= s.Length && !s.Slice(at, count).ContainsAnyExceptInRange('0', '9');

    private static int Digits(ReadOnlySpan<char> s, int at, int count) => int.Parse(s.Slice(at, count), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Strict form for dates a person types (<c>--published</c>, the site's and API's fields and filters): YYYY-MM-DD only, within the plausible range.</summary>
    public static bool TryParseIso(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date);

    /// <summary>What to tell whoever wrote a "published" value that was refused.</summary>
    public const string PublishedHint = "write it as YYYY-MM-DD (a time and zone may follow), or leave it out, empty or null for an undated article";

    /// <summary>What to tell a person whose date was refused.</summary>
    public static string IsoHint => $"write it as YYYY-MM-DD, between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}";
}
