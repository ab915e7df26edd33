using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stages.Times;

/// <summary>What kind of wording a time mention is; the resolver decides its value from this and its parts.</summary>
public enum TimeRule
{
    IsoDate,
    NumericDate,
    MonthDay,
    DayMonth,
    MonthYear,
    Month,
    Year,
    Weekday,
    RelativeDay,
    RelativeUnit,
    Ago,
    Duration,
    VagueDuration,
    Holiday,
    PartOfDay,
    Clock,
    Set,
    Reference,
    Quarter,
    PastSpan,
    ReportingPeriod,
    SeasonYear,

    /// <summary>"the year ended Sept. 30": a fiscal year named by its length and dated by its end (a quarter so named is read as the dated quarter).</summary>
    PeriodEnded,

    /// <summary>Two adjacent mentions read as one: a clock time and its day ("10 p.m. Wednesday"), a weekday and its date ("Saturday, April 25").</summary>
    Compound,
}

/// <summary>A time expression found in text, not yet given a value: its span, its rule and the named parts of the wording.</summary>
public sealed record TimeMention(Span Span, TimeRule Rule, IReadOnlyDictionary<string, string> Parts)
{
    /// <summary>For a <see cref="TimeRule.Compound"/>: the day and the time of day it joins, in text order.</summary>
    public IReadOnlyList<TimeMention> Components { get; init; } = [];

    public string? Part(string name) => Parts.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Finds time expressions (extraction only; <see cref="TimeResolver"/> gives them values).</summary>
public static partial class TimeExtractor
{
    // Patterns are compiled by the source generator at build time, so a first use on a busy machine costs no compilation
    // (a slow first compile was what the regex-timeout retries were covering for).
    private const RegexOptions Standard = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private const string Weekday = @"(?<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day)";
    private const string Unit = @"(?<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)";
    private const string Count = @"(?<count>\d{1,3}(?:\.\d+)?(?!\d)|" + NumberWords.Pattern + ")";
    private const string Edge = @"(?:(?<edge>early|mid|late)[- ])?";

    // Years read aloud in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Ones = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string SpokenYear = @"(?<spoken>(?:nineteen|eighteen|twenty)\s+(?:(?:" + Tens + @")(?:[- ](?:" + Ones + @"))?|" + Teens + @"|(?:oh|o)[- ](?:" + Ones + @"))|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:" + Teens + "|" + Ones + @"))?)";

    private static readonly (TimeRule Rule, Regex Regex)[] Rules =
    [
        (TimeRule.IsoDate, IsoDatePattern()),
        (TimeRule.NumericDate, NumericDatePattern()),
        (TimeRule.MonthDay, MonthDayPattern()),
        (TimeRule.DayMonth, DayMonthPattern()),
        (TimeRule.MonthYear, MonthYearPattern()),
        (TimeRule.Month, MonthPattern()),
        (TimeRule.Year, YearPattern()),
        (TimeRule.MonthYear, MonthYearPattern2()),
        (TimeRule.PeriodEnded, PeriodEndedPattern()),
        (TimeRule.SeasonYear, SeasonYearPattern()),
        (TimeRule.Weekday, WeekdayPattern()),
        (TimeRule.RelativeDay, RelativeDayPattern()),
        (TimeRule.PartOfDay, PartOfDayPattern()),
        (TimeRule.RelativeUnit, RelativeUnitPattern()),
        (TimeRule.Ago, AgoPattern()),
        (TimeRule.Duration, DurationPattern()),
        (TimeRule.VagueDuration, VagueDurationPattern()),
        (TimeRule.Holiday, HolidayPattern()),
        (TimeRule.Clock, ClockPattern()),
        (TimeRule.Set, SetPattern()),
        (TimeRule.Reference, ReferencePattern()),
        (TimeRule.Quarter, QuarterPattern()),
        (TimeRule.PastSpan, PastSpanPattern()),
        (TimeRule.ReportingPeriod, ReportingPeriodPattern()),
    ];

    private static readonly Regex NotAYearAfter = NotAYearAfterPattern();

    // Kinds of trigger word: each rule runs only near the kinds it needs (see TriggerWindows).
    private const int Digit = 1, MonthWord = 2, WeekdayWord = 4, UnitWord = 8, DayWord = 16, ReferenceWord = 32, HolidayWord = 64, ClockWord = 128, SetWord = 256, SpokenYearWord = 512;

    private static readonly TriggerWindows Windows = new(TriggerWords(), Digit, new Dictionary<char, int>(), reach: 48);

    private static Dictionary<string, int> TriggerWords()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int kind, params string[] list)
        {
            foreach (var w in list) words[w] = words.GetValueOrDefault(w) | kind;
        }
        Add(MonthWord, "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
            "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december");
        Add(WeekdayWord, "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun");
        Add(UnitWord, "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights",
            "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries", "period",
            "spring", "summer", "fall", "autumn", "winter");
        Add(DayWord, "today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening");
        Add(ReferenceWord, "now", "currently", "recently", "nowadays", "present", "past", "future", "lately", "soon");
        Add(HolidayWord, "thanksgiving", "christmas", "halloween", "eve", "day", "year", "valentine");
        Add(ClockWord, "noon", "midnight");
        Add(SetWord, "weekly", "monthly", "yearly", "hourly", "nightly");
        Add(SpokenYearWord, "nineteen", "eighteen", "twenty", "thousand");
        return words;
    }

    public static IReadOnlyList<TimeMention> Extract(string text)
    {
        var found = new List<TimeMention>();
        var hits = Windows.Scan(text);
        foreach (var (rule, regex) in Rules)
        {
            foreach (Match m in Patterns.Matches(regex, text, hits.Windows(KindsFor(rule))))
            {
                var mention = ToMention(rule, m);
                if (Accept(mention, text)) found.Add(mention);
            }
        }
        // Leftmost-longest: keep the widest reading of each stretch of text.
        var chosen = new List<TimeMention>();
        var taken = new Coverage(text.Length);
        foreach (var m in found.OrderByDescending(m => m.Span.Length).ThenBy(m => m.Span.Start))
        {
            if (taken.Overlaps(m.Span)) continue;
            chosen.Add(m);
            taken.Add(m.Span);
        }
        chosen.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return JoinCompounds(chosen, text);
    }

    private static readonly Regex CompoundGap = CompoundGapPattern();

    private static bool IsDay(TimeRule r) => r is TimeRule.MonthDay or TimeRule.DayMonth or TimeRule.IsoDate or TimeRule.NumericDate or TimeRule.Weekday or TimeRule.RelativeDay;

    /// <summary>Joins a clock time with the day next to it, and a weekday with the date that follows it, into one mention.</summary>
    private static List<TimeMention> JoinCompounds(List<TimeMention> mentions, string text)
    {
        var result = new List<TimeMention>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            var a = mentions[i];
            if (i + 1 < mentions.Count)
            {
                var b = mentions[i + 1];
                bool pair = (a.Rule == TimeRule.Clock && IsDay(b.Rule))
                    || (IsDay(a.Rule) && b.Rule == TimeRule.Clock)
                    || (a.Rule == TimeRule.Weekday && b.Rule is TimeRule.MonthDay or TimeRule.DayMonth);
                if (pair && b.Span.Start - a.Span.End <= 12 && CompoundGap.IsMatch(text[a.Span.End..b.Span.Start]))
                {
                    result.Add(new TimeMention(new Span(a.Span.Start, b.Span.End), TimeRule.Compound, new Dictionary<string, string>()) { Components = [a, b] });
                    i++;
                    continue;
                }
            }
            result.Add(a);
        }
        return result;
    }

    internal static bool IsSeason(string unit) => unit is "spring" or "summer" or "fall" or "autumn" or "winter";

    private static int KindsFor(TimeRule rule) => rule switch
    {
        TimeRule.IsoDate or TimeRule.NumericDate => Digit,
        TimeRule.MonthDay or TimeRule.DayMonth or TimeRule.MonthYear or TimeRule.Month => MonthWord,
        TimeRule.Year => Digit | SpokenYearWord,
        TimeRule.Weekday => WeekdayWord,
        TimeRule.RelativeDay or TimeRule.PartOfDay => DayWord,
        TimeRule.Holiday => HolidayWord,
        TimeRule.Clock => Digit | ClockWord,
        TimeRule.Set => UnitWord | WeekdayWord | SetWord | DayWord,
        TimeRule.Reference => ReferenceWord | UnitWord,
        _ => UnitWord, // relative units, spans, durations, quarters, periods, seasons
    };

    private static TimeMention ToMention(TimeRule rule, Match m)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Group g in m.Groups)
        {
            if (g.Success && !char.IsDigit(g.Name[0])) parts[g.Name] = g.Value;
        }
        return new TimeMention(new Span(m.Index, m.Index + m.Length), rule, parts);
    }

    private static bool Accept(TimeMention m, string text)
    {
        string surface = m.Span.Of(text);
        switch (m.Rule)
        {
            case TimeRule.Month:
                {
                    string month = m.Part("month")!;
                    if (!char.IsUpper(month[0])) return false;
                    // "May" and "March" are also a verb and a noun; only take them with a determiner or preposition.
                    if (month is "May" or "March" or "Mar" or "Jan" or "Sept" or "Sep" or "Oct" or "Nov" or "Dec" or "Aug" or "Feb" or "Apr" or "Jun" or "Jul")
                    {
                        return m.Part("det") is not null || m.Part("edge") is not null || PrecededBy(text, m.Span.Start, "in", "since", "by", "until", "till", "from", "through", "of", "early", "late", "mid", "before", "after", "during", "the", "last", "next", "this");
                    }
                    return true;
                }
            case TimeRule.MonthDay or TimeRule.DayMonth or TimeRule.MonthYear:
                {
                    string month = m.Part("month")!;
                    if (!char.IsUpper(month[0])) return false;
                    int day = m.Part("day") is { } d ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : 1;
                    return day is >= 1 and <= 31;
                }
            case TimeRule.Year:
                {
                    if (m.Span.Start > 0 && text[m.Span.Start - 1] is '$' or '€' or '£' or '.' or ',' or '#' or '-' or '/') return false;
                    if (m.Span.End < text.Length && text[m.Span.End] is '%' or ',' && m.Span.End + 1 < text.Length && char.IsDigit(text[m.Span.End + 1])) return false;
                    if (m.Span.End < text.Length && text[m.Span.End] is '%' or '-' && !(m.Span.End + 1 < text.Length && char.IsLetter(text[m.Span.End + 1]))) return false;
                    return !NotAYearAfter.IsMatch(text.AsSpan(m.Span.End, Math.Min(20, text.Length - m.Span.End)).ToString());
                }
            case TimeRule.Weekday:
                return char.IsUpper(m.Part("weekday")![0]);
            case TimeRule.RelativeDay when surface.Equals("Today", StringComparison.OrdinalIgnoreCase) && char.IsUpper(surface[0]):
                // "USA Today", "USA TODAY", NBC's "Today": a capitalised Today after a capitalised word or an all-capital
                // TODAY is a name, not the day. A sentence or a line opening on "Today" still dates.
                return !(surface == "TODAY" || CapitalisedWordBefore(text, m.Span.Start));
            case TimeRule.Set when m.Part("adverb") is not null:
                {
                    // "annual sales", "daily volume" classify a noun; "rise 8.5% annually" is a rate. Neither says when anything happens.
                    int after = m.Span.End;
                    while (after < text.Length && text[after] == ' ') after++;
                    if (after < text.Length && after > m.Span.End && char.IsLower(text[after])) return false;
                    string before = text[Math.Max(0, m.Span.Start - 14)..m.Span.Start];
                    return !before.Contains('%') && !before.Contains("percent", StringComparison.OrdinalIgnoreCase);
                }
            case TimeRule.RelativeUnit:
                {
                    // "the year" alone is a noun phrase, not a time; "later in the year", "the weekend" and "that year" are.
                    string det = m.Part("det")!.ToLowerInvariant();
                    string unit = m.Part("unit")!.ToLowerInvariant();
                    if (det == "the" && m.Part("edge") is null && unit != "weekend" && !IsSeason(unit)) return false;
                    return true;
                }
            case TimeRule.Duration:
                {
                    string count = m.Part("count")!.ToLowerInvariant();
                    // "a day" or "an hour" only reads as a duration after a hedge or a preposition ("about an hour", "for a day").
                    if (count is "a" or "an" && !PrecededBy(text, m.Span.Start, "about", "around", "approximately", "roughly", "nearly", "almost", "for", "than", "within", "over", "under", "just", "least", "some", "in", "after", "half")) return false;
                    return !surface.Contains('\n');
                }
            default:
                return true;
        }
    }

    /// <summary>True when a capitalised word (or a possessive of one) stands right before <paramref name="at"/> on the same line.</summary>
    private static bool CapitalisedWordBefore(string text, int at)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ') end--;
        if (end == at || end == 0) return false;
        if (end >= 2 && text[end - 1] == 's' && text[end - 2] is '\'' or '’') end -= 2;
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return start < end && char.IsUpper(text[start]);
    }

    /// <summary>True when the word before <paramref name="at"/> is one of <paramref name="words"/>.</summary>
    internal static bool PrecededBy(string text, int at, params string[] words)
    {
        int end = at;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-')) start--;
        if (start == end) return false;
        string prev = text[start..end];
        foreach (var w in words)
        {
            if (prev.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"\b(?<year>\d{4})-(?<mon>\d{2})-(?<day>\d{2})\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"\b(?<mon>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4})\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\b" + Month + @"\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\b\.?(?:,?\s+(?<year>\d{4})\b)?", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b" + Edge + Month + @"\.?,?\s+(?:of\s+)?(?<year>\d{4})\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"\b(?:(?<det>last|next|this|coming|past)\s+)?" + Edge + Month + @"\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\b" + Edge + @"(?<year>(?:1[6-9]|20)\d\d)(?<decade>'?s)?\b|\b" + SpokenYear + @"\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b" + Edge + Month + @",?\s+(?:of\s+)?" + SpokenYear + @"\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex MonthYearPattern2();

    [GeneratedRegex(@"\b(?:the|its)\s+(?:(?:fiscal|financial)\s+)?(?<unit>year)(?=\s+(?:that\s+)?(?:ended|ending|ends|to)\b)", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex PeriodEndedPattern();

    [GeneratedRegex(@"\b(?:the\s+)?" + Edge + @"(?<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?:(?<year>(?:1[6-9]|20)\d\d)|" + SpokenYear + @")\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex SeasonYearPattern();

    [GeneratedRegex(@"\b(?:(?:the\s+)?(?<det>last|next|this|coming|past|previous)\s+)?" + Weekday + @"(?:\s+(?<part>morning|afternoon|evening|night))?\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?<rel>today|yesterday|tomorrow|tonight|last\s+night)(?:\s+(?<part>morning|afternoon|evening|night))?\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex RelativeDayPattern();

    [GeneratedRegex(@"\b(?<det>this|that)\s+(?<part>morning|afternoon|evening)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex PartOfDayPattern();

    [GeneratedRegex(@"\b(?:(?<edge>earlier|later|early|late)\s+(?:in\s+)?)?(?<det>this|next|last|past|coming|previous|the|that)\s+(?<unit>week|weekend|month|year|quarter|spring|summer|fall|autumn|winter|decade|century)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex RelativeUnitPattern();

    [GeneratedRegex(@"\b(?:(?<count>\d{1,3}(?:\.\d+)?|" + NumberWords.Pattern + @"|a\s+few|several)\s+)?(?<unit>second|minute|hour|day|week|fortnight|month|year|decade)s?\s+(?<dir>ago|from\s+now|earlier)\b|\b(?<unit>year)-(?<dir>earlier|ago)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b" + Count + @"(?:\s+|-)" + Unit + @"s?(?:[- ](?:long|old))?\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?<unit>second|minute|hour|day|week|month|year|decade)s[- ]long\b|\b(?<few>a\s+few|several|a\s+couple\s+of)\s+(?<unit>second|minute|hour|day|week|month|year|decade)s\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex VagueDurationPattern();

    [GeneratedRegex(@"\b(?<holiday>Thanksgiving|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Independence\s+Day|Halloween|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Valentine['’]s\s+Day)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex HolidayPattern();

    [GeneratedRegex(@"\b(?<hour>\d{1,2})(?::(?<minute>\d{2}))?\s*(?<ampm>a\.m\.|p\.m\.|am\b|pm\b)|\b(?<named>noon|midnight)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"\b(?:every|each)\s+(?<other>other\s+)?(?<unit>day|week|month|year|morning|evening|night|" + Weekday + @")\b|\b(?<adverb>daily|weekly|monthly|annually|yearly|hourly|annual|nightly)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"\b(?<ref>now|currently|recently|nowadays|at\s+present|these\s+days|in\s+the\s+past|in\s+the\s+future|the\s+(?:near\s+)?future|lately|soon|(?:the\s+)?(?:(?:past|last|next|coming)\s+(?:few|several|couple\s+of)\s+|recent\s+|coming\s+)(?<unit>years|months|weeks|days|hours|quarters))\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\b(?:(?<year2>(?:19|20)\d\d)\s+|(?<det>this|last|next)\s+year['’]s\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)quarter(?:\s+of\s+(?<year>\d{4}))?\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:the\s+)?(?<dir>past|last|next|coming|previous|following)\s+" + Count + @"\s+" + Unit + @"s?\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex PastSpanPattern();

    [GeneratedRegex(@"\b(?:(?<which>the|that|this|the\s+latest|the\s+most\s+recent|the\s+same)|the\s+(?<year>(?:19|20)\d\d))\s+(?<unit>quarter|period)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex ReportingPeriodPattern();

    [GeneratedRegex(@"^\s*(?:%|percent|per\s+cent|million|billion|thousand|people|metric|tons|dollars|votes|troops|units|shares|km|miles)\b", Standard, Patterns.TimeoutMilliseconds)]
    private static partial Regex NotAYearAfterPattern();

    [GeneratedRegex(@"^(?:\s*,?\s*|\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time|on|of)\s*,?\s*|\s*,?\s*(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\s*,?\s*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex CompoundGapPattern();
}
