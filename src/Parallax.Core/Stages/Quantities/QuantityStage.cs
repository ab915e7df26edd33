using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Text;

namespace Parallax.Stages.Quantities;

/// <summary>A number as written, before its value is decided: the number, its scale, currency, unit and hedge words.</summary>
public sealed record QuantityMention(Span Span, string Number, string? Scale, string? Currency, string? Unit, string? Qualifier, bool IsChange)
{
    /// <summary>The lower bound of a range as written ("10" in "10 to 20 percent"), with its own scale word if it has one.</summary>
    public string? From { get; init; }

    /// <summary>The scale of the lower bound; "10 to 15 million" lends the upper bound's scale to the lower.</summary>
    public string? FromScale { get; init; }

    /// <summary>The denominator of a share as written ("third" in "a third of", "five" in "one in five").</summary>
    public string? Denominator { get; init; }
}

/// <summary>Finds numbers with units and qualifiers, then resolves their values; numbers inside time expressions are left to the time stage.</summary>
public sealed class QuantityStage : IAnalysisStage
{
    private static readonly FrozenDictionary<string, string> UnitNames = Lexicon.Map(typeof(QuantityStage), "units.lex");
    private static readonly FrozenSet<string> Qualifiers = Lexicon.Set(typeof(QuantityStage), "qualifiers.lex");
    private static readonly FrozenSet<string> ChangeCues = Lexicon.Set(typeof(QuantityStage), "change-cues.lex");
    private static readonly FrozenSet<string> ChangeVerbs = Lexicon.Set(typeof(QuantityStage), "change-verbs.lex");

    private static readonly string UnitPattern = string.Join("|", UnitNames.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
    private static readonly string QualifierPattern = string.Join("|", Qualifiers.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace("\\ ", "\\s+", StringComparison.Ordinal)));

    /// <summary>
    /// A number in digits with its currency, scale and unit. Hedges before it are looked up in code (<see cref="HedgeBefore"/>),
    /// not in the pattern: a pattern that could open on a hedge word would be tried at nearly every word of the text.
    /// </summary>
    private static readonly Regex DigitNumber = Patterns.Create(
        @"(?<![\w.,$])(?<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)?\s?" +
        @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)" +
        @"(?:[\s-](?<scale>hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<scale>[kmb]n?)\b)?" +
        @"(?:\s?(?<unit>%|" + UnitPattern + @")(?![\w]))?");

    /// <summary>Numbers in words ("two tons", "about five million", "a million"), run only near a number or scale word.</summary>
    private static readonly Regex Number = Patterns.Create(
        @"(?<![\w.,$])(?:(?<qual>" + QualifierPattern + @")\s+)?(?<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)?\s?" +
        @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + NumberWords.Pattern + @"(?=[\s-]))" +
        @"(?:[\s-](?<scale>hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<scale>[kmb]n?)\b)?" +
        @"(?:\s?(?<unit>%|" + UnitPattern + @")(?![\w]))?");

    private const string Denominators = "halves|half|thirds|third|quarters|quarter|fourths|fourth|fifths|fifth|sixths|sixth|sevenths|seventh|eighths|eighth|ninths|ninth|tenths|tenth";

    /// <summary>
    /// Shares: "a third of", "two-thirds", "one in five", "nine out of 10". A singular ordinal needs "of" after it, since
    /// "a third term" and "a quarter century" are not shares; plural ones ("two-thirds") are never anything else.
    /// </summary>
    private static readonly Regex Fraction = Patterns.Create(
        @"(?<![\w$-])(?:(?<qual>" + QualifierPattern + @")\s+)?(?:" +
        @"(?<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-](?<den>" + Denominators + @")(?=\s+of\b)" +
        @"|(?<num>two|three|four|five|six|seven|eight|nine)[\s-](?<den>halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths)\b" +
        @"|(?<num>half)(?=\s+(?:of|the|its|their|his|her|all)\b))",
        RegexOptions.IgnoreCase);

    /// <summary>"one in five", "9 out of 10", "one in every three": run only where " in " or " out of " follows a number.</summary>
    private static readonly Regex InEvery = Patterns.Create(
        @"\G(?:(?<qual>" + QualifierPattern + @")\s+)?(?<num>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?(?<den>two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|\d{1,3}(?:,\d{3})*)(?![\w,.]\d|\w)",
        RegexOptions.IgnoreCase);

    /// <summary>What may stand before a figure to make it the upper end of a range: "between 10 and", "from $5 million to", "10-".</summary>
    private static readonly Regex RangeStart = Patterns.Create(
        @"(?:\b(?<lead>between|from)\s+)?(?:(?<qual>" + QualifierPattern + @")\s+)?(?<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + NumberWords.Pattern + @")" +
        @"(?:[\s-](?<scale>hundred|thousand|million|billion|trillion)\b|(?<scale>bn|mn|tn|[kmb]))?(?<pct>\s?%|\s+percent)?\s*(?<conn>to|and|-|–|—)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.RightToLeft);

    /// <summary>
    /// Where each pattern can match: figures in digits near a digit or currency sign, shares near "third", "half" and the like,
    /// numbers in words near a number or scale word.
    /// </summary>
    private static readonly TriggerWindows Windows = new(
        new[] { "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn", "dozen", "couple", "half", "zero" }.Concat(NumberWords.Cardinals)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(w => w, _ => WordNumber, StringComparer.OrdinalIgnoreCase)
            .Concat(Denominators.Split('|').Select(w => KeyValuePair.Create(w, ShareWord)))
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Aggregate(0, (k, p) => k | p.Value), StringComparer.OrdinalIgnoreCase),
        digitKinds: DigitOrSign,
        new Dictionary<char, int> { ['$'] = DigitOrSign, ['€'] = DigitOrSign, ['£'] = DigitOrSign, ['¥'] = DigitOrSign },
        reach: 40);

    private const int DigitOrSign = 1, ShareWord = 2, WordNumber = 4;

    public string Name => "quantities";

    public AnalysisLayer Reads => AnalysisLayer.Times;

    public AnalysisLayer Writes => AnalysisLayer.Quantities;

    public void Run(DocumentBuilder document) => document.Quantities = Analyze(document.Text, document.Times);

    public static IReadOnlyList<Quantity> Analyze(string text, IReadOnlyList<TimeExpression> times)
    {
        var result = new List<Quantity>();
        foreach (var mention in Extract(text, times))
        {
            result.Add(Resolve(mention, text));
        }
        return result;
    }

    /// <summary>Finds quantity spans; word numbers count only with a unit or scale ("two tons"), so "one of them" is not a quantity.</summary>
    public static IReadOnlyList<QuantityMention> Extract(string text, IReadOnlyList<TimeExpression> times)
    {
        var found = new List<QuantityMention>();
        var timeCoverage = Coverage.Of(text.Length, times.Select(t => t.Span));
        var hits = Windows.Scan(text);
        foreach (Match m in Patterns.Matches(DigitNumber, text, hits.Windows(DigitOrSign)))
        {
            var cur = m.Groups["cur"];
            var hedge = HedgeBefore(text, cur.Success ? cur.Index : m.Groups["num"].Index);
            Add(m, hedge?.Start, hedge?.Text);
        }
        foreach (Match m in Patterns.Matches(Number, text, hits.Windows(WordNumber)))
        {
            // Figures in digits were read above, hedge and all.
            if (char.IsDigit(m.Groups["num"].Value[0])) continue;
            var q = m.Groups["qual"];
            Add(m, q.Success ? q.Index : null, q.Success ? Normalise(q.Value) : null);
        }
        found.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        AddShares(text, hits, timeCoverage, found);
        return JoinRanges(text, found, timeCoverage);

        void Add(Match m, int? hedgeStart, string? qualifier)
        {
            var num = m.Groups["num"];
            bool digits = char.IsDigit(num.Value[0]);
            var unit = m.Groups["unit"];
            var scale = m.Groups["scale"];
            var cur = m.Groups["cur"];
            if (!digits && !unit.Success && !scale.Success && !cur.Success) return;
            if (!digits && num.Value.Length <= 2 && !unit.Success) return; // "a million" needs its unit to matter
            // The hedge, when present, is part of what was written; a space before a bare number is not.
            int start = hedgeStart ?? (cur.Success ? cur.Index : num.Index);
            var span = new Span(start, m.Index + m.Length);
            while (span.End > span.Start && char.IsWhiteSpace(text[span.End - 1])) span = span with { End = span.End - 1 };
            if (timeCoverage.Overlaps(new Span(num.Index, num.Index + num.Length))) return;
            // Part of a name or code: "COVID-19", "F-35", "G20".
            if (num.Index > 0 && (char.IsLetter(text[num.Index - 1]) || (text[num.Index - 1] == '-' && num.Index > 1 && char.IsLetter(text[num.Index - 2])))) return;
            if (NameNumbers.Is(text, num.Index, num.Index + num.Length, bare: hedgeStart is null && !unit.Success && !scale.Success && !cur.Success)) return;
            // "a man in his 30s": a decade of age is the range of its ten years, not the round number.
            if (Decade(text, num) is { } upper)
            {
                found.Add(new QuantityMention(new Span(span.Start, num.Index + num.Length + 1), upper, null, null, null, qualifier, false) { From = num.Value });
                return;
            }
            found.Add(new QuantityMention(span, num.Value, scale.Success ? scale.Value : null, cur.Success ? cur.Value : null,
                unit.Success ? unit.Value : null, qualifier, IsChange(text, start)));
        }
    }

    /// <summary>
    /// The top of a decade written as a plural figure ("30s", "in her 20s"): "39" for "30s"; null for anything else. Only
    /// the tens from 10 to 90 read as ages; "1990s" is a time and "$30s" no figure of this kind.
    /// </summary>
    private static string? Decade(string text, Group num)
    {
        int end = num.Index + num.Length;
        if (num.Length != 2 || num.Value[1] != '0' || num.Value[0] == '0' || end >= text.Length || text[end] != 's') return null;
        if (end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])) return null;
        return num.Value[..1] + "9";
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HedgeEnds =
        Qualifiers.Select(q => q.Split(' ')[^1]).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The hedge written right before a figure ("just under", "as many as"), with where it starts; null when there is none.</summary>
    private static (int Start, string Text)? HedgeBefore(string text, int figure)
    {
        // Hedges are one to three words; try the longest first, as the pattern did. Most figures follow no hedge at all,
        // which the hedges' last words tell without building any string.
        int w1 = WordStartBefore(text, figure);
        if (w1 < 0 || !HedgeEnds.Contains(text.AsSpan(w1, figure - 1 - w1))) return null;
        int w2 = WordStartBefore(text, w1), w3 = w2 < 0 ? -1 : WordStartBefore(text, w2);
        foreach (int at in (ReadOnlySpan<int>)[w3, w2, w1])
        {
            if (at < 0 || (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or ',' or '$'))) continue;
            string phrase = Normalise(text[at..figure]);
            if (Qualifiers.Contains(phrase)) return (at, phrase);
        }
        return null;
    }

    private static void AddShares(string text, TriggerWindows.Hits hits, Coverage timeCoverage, List<QuantityMention> found)
    {
        // The figures found so far are in text order and do not overlap, so the ones a share covers are found by binary search.
        var replaced = new HashSet<int>();
        var shares = new List<QuantityMention>();
        foreach (Match m in Patterns.Matches(Fraction, text, hits.Windows(ShareWord)).Concat(InEveryMatches(text)))
        {
            var span = new Span(m.Index, m.Index + m.Length);
            if (timeCoverage.Overlaps(span)) continue;
            int first = Sorted.FirstAtOrAfter(found, span.Start + 1, static q => q.Span.End), last = first;
            // "9 in 10" holds two bare numbers that the share replaces; an amount with a unit ("$5 in 10 days") wins instead.
            bool amount = false;
            for (; last < found.Count && found[last].Span.Start < span.End; last++)
            {
                amount |= found[last].Unit is not null || found[last].Currency is not null || found[last].Scale is not null;
            }
            if (amount) continue;
            for (int i = first; i < last; i++) replaced.Add(i);
            var qual = m.Groups["qual"];
            shares.Add(new QuantityMention(span, m.Groups["num"].Value, null, null, "fraction", qual.Success ? Normalise(qual.Value) : null, IsChange(text, span.Start))
            { Denominator = m.Groups["den"].Success ? m.Groups["den"].Value : null });
        }
        if (shares.Count == 0) return;
        var kept = found.Where((_, i) => !replaced.Contains(i)).Concat(shares).OrderBy(q => q.Span.Start).ThenByDescending(q => q.Span.Length).ToList();
        found.Clear();
        foreach (var q in kept)
        {
            // Two shares read over the same words ("a third of 9 in 10"): the first, longest reading stands.
            if (found.Count > 0 && found[^1].Span.Overlaps(q.Span)) continue;
            found.Add(q);
        }
    }

    /// <summary>Matches of <see cref="InEvery"/>, tried only at the number before each " in " or " out of ".</summary>
    private static List<Match> InEveryMatches(string text)
    {
        var found = new List<Match>();
        foreach (string joint in (ReadOnlySpan<string>)[" in ", " out of "])
        {
            for (int at = text.IndexOf(joint, StringComparison.Ordinal); at > 0; at = text.IndexOf(joint, at + 1, StringComparison.Ordinal))
            {
                int start = at;
                while (start > 0 && char.IsLetterOrDigit(text[start - 1])) start--;
                if (start == at || (start > 0 && text[start - 1] is '.' or ',' or '-' or '$') || !IsSmallNumber(text.AsSpan(start, at - start))) continue;
                // A hedge of one or two words may stand before the number ("about one in five", "more than one in four").
                int one = WordStartBefore(text, start), two = one < 0 ? -1 : WordStartBefore(text, one);
                int from = two >= 0 && Qualifiers.Contains(Normalise(text[two..start])) ? two : one >= 0 && Qualifiers.Contains(Normalise(text[one..start])) ? one : start;
                // Nothing from this rule on pathological input.
                var m = Patterns.Retried(() => InEvery.Match(text, from));
                if (m is { Success: true } && m.Index == from) found.Add(m);
            }
        }
        return found;
    }

    private static readonly string[] SmallNumberWords = [.. NumberWords.Cardinals.Take(9)];

    private static bool IsSmallNumber(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3 && !word.ContainsAnyExceptInRange('0', '9')) return true;
        foreach (var w in SmallNumberWords)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The start of the word before the one at <paramref name="index"/>, when a single space separates them; else -1.</summary>
    private static int WordStartBefore(string text, int index)
    {
        if (index < 2 || text[index - 1] != ' ' || !char.IsLetter(text[index - 2])) return -1;
        int w = index - 1;
        while (w > 0 && char.IsLetter(text[w - 1])) w--;
        return w;
    }

    private static string Normalise(string phrase) => Words.SingleSpaced(phrase.ToLowerInvariant());

    /// <summary>
    /// Folds "10 to 20 percent", "between $5 million and $10 million" and "10-20%" into one mention with both bounds. A hyphen
    /// joins two figures only when a unit or currency shows they are amounts, and the lower bound must be the smaller, so
    /// scores and votes ("won 52-48", "a 7-2 ruling") stay apart.
    /// </summary>
    private static List<QuantityMention> JoinRanges(string text, List<QuantityMention> found, Coverage timeCoverage)
    {
        var result = new List<QuantityMention>(found.Count);
        foreach (var m in found)
        {
            if (m.Denominator is not null || m.Qualifier is not null || (m.Currency is null && m.Scale is null && m.Unit is null && !char.IsDigit(m.Number[0])))
            {
                result.Add(m);
                continue;
            }
            if (!AfterRangeJoint(text, m.Span.Start))
            {
                result.Add(m);
                continue;
            }
            int from = Math.Max(0, m.Span.Start - 60);
            if (Patterns.Retried(() => RangeStart.Match(text, from, m.Span.Start - from)) is not { } start)
            {
                result.Add(m);
                continue;
            }
            if (!start.Success || !IsRange(start, m, text) || timeCoverage.Overlaps(new Span(start.Groups["num"].Index, start.Groups["num"].Index + start.Groups["num"].Length)))
            {
                result.Add(m);
                continue;
            }
            // The lower bound may already be a mention of its own ("$5 million" in "from $5 million to $10 million").
            int lowStart = start.Groups["qual"].Success ? start.Groups["qual"].Index : start.Groups["cur"].Success ? start.Groups["cur"].Index : start.Groups["num"].Index;
            while (result.Count > 0 && result[^1].Span.End > lowStart) result.RemoveAt(result.Count - 1);
            // "between" is written as part of the range; "from" in "ranging from" belongs to the verb.
            if (start.Groups["lead"].Value.Equals("between", StringComparison.OrdinalIgnoreCase)) lowStart = start.Groups["lead"].Index;
            var scale = start.Groups["scale"];
            var qual = start.Groups["qual"];
            result.Add(m with
            {
                Span = new Span(lowStart, m.Span.End),
                Currency = m.Currency ?? (start.Groups["cur"].Success ? start.Groups["cur"].Value : null),
                Qualifier = qual.Success ? Normalise(qual.Value) : null,
                IsChange = IsChange(text, lowStart),
                From = start.Groups["num"].Value,
                FromScale = scale.Success ? scale.Value : LendsScale(start.Groups["num"].Value, m) ? m.Scale : null,
            });
        }
        return result;
    }

    /// <summary>A cheap test before the range pattern: the figure follows "to", "and" or a dash.</summary>
    private static bool AfterRangeJoint(string text, int index)
    {
        int end = index;
        while (end > 0 && text[end - 1] == ' ') end--;
        if (end == 0) return false;
        if (text[end - 1] is '-' or '–' or '—') return true;
        var before = text.AsSpan(0, end);
        return (before.EndsWith(" to", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" and", StringComparison.OrdinalIgnoreCase)) && end < index;
    }

    private static bool IsRange(Match start, QuantityMention upper, string text)
    {
        string conn = start.Groups["conn"].Value.ToLowerInvariant();
        bool between = start.Groups["lead"].Value.Equals("between", StringComparison.OrdinalIgnoreCase);
        if (conn == "and" != between) return false;
        // "rose from 5% to 7%" is a move between two levels, not a range; "ranging from $5 to $10 million" is one.
        if (start.Groups["lead"].Value.Equals("from", StringComparison.OrdinalIgnoreCase) && !PrecededByRangeWord(text, start.Groups["lead"].Index)) return false;
        var num = start.Groups["num"].Value;
        if (!char.IsDigit(num[0]) && num.Length <= 2) return false; // "a" or "an" is an article, not a bound
        // "The Nasdaq advanced 5.6% to 7,797.54": a percentage cannot be the low end of a range of points.
        if (start.Groups["pct"].Success && upper.Unit is not ("%" or "percent" or "per cent")) return false;
        bool amount = upper.Unit is not null || upper.Currency is not null || upper.Scale is not null || start.Groups["cur"].Success || start.Groups["pct"].Success;
        if (conn is "-" or "–" or "—")
        {
            if (!amount) return false;
            int n = start.Groups["num"].Index;
            if (n > 0 && (char.IsLetter(text[n - 1]) || text[n - 1] == '-')) return false; // "COVID-19-20", "F-35-40"
        }
        if (!NumberWords.TryParse(num, out double low) || !NumberWords.TryParse(upper.Number, out double high)) return false;
        double lowScale = start.Groups["scale"].Success && NumberWords.TryScale(start.Groups["scale"].Value, out double f) ? f
            : LendsScale(num, upper) && upper.Scale is not null && NumberWords.TryScale(upper.Scale, out double g) ? g : 1;
        double highScale = upper.Scale is not null && NumberWords.TryScale(upper.Scale, out double h) ? h : 1;
        return low * lowScale < high * highScale;
    }

    private static bool PrecededByRangeWord(string text, int index)
    {
        int end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        var word = text.AsSpan(start, end - start);
        return word.Equals("ranging", StringComparison.OrdinalIgnoreCase) || word.Equals("anywhere", StringComparison.OrdinalIgnoreCase)
            || word.Equals("range", StringComparison.OrdinalIgnoreCase) || word.Equals("ranges", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"10 to 15 million": the lower bound reads in the upper's scale when, without it, it would be the smaller number written.</summary>
    private static bool LendsScale(string lowNumber, QuantityMention upper) =>
        upper.Scale is not null && NumberWords.TryParse(lowNumber, out double low) && NumberWords.TryParse(upper.Number, out double high) && low < high;

    public static Quantity Resolve(QuantityMention m, string text)
    {
        double? value = NumberWords.TryParse(m.Number, out double v) ? v : null;
        if (value is not null && m.Scale is not null && NumberWords.TryScale(m.Scale, out double factor)) value *= factor;
        if (m.Denominator is not null) value = value is { } n && Denominator(m.Denominator) is { } d && d > 0 ? n / d : null;
        else if (m.Unit == "fraction") value = 0.5; // "half of"
        double? low = null;
        if (m.From is not null && NumberWords.TryParse(m.From, out double lv))
        {
            low = m.FromScale is not null && NumberWords.TryScale(m.FromScale, out double lf) ? lv * lf : lv;
        }
        string? unit = m.Unit is null ? null : UnitNames.GetValueOrDefault(Normalise(m.Unit), m.Unit);
        if (m.Unit == "%") unit = "percent";
        if (m.Currency is not null) unit = m.Currency switch { "€" => "EUR", "£" => "GBP", "¥" => "JPY", "C$" => "CAD", "A$" => "AUD", "HK$" => "HKD", _ => "USD" };
        return low is null
            ? new Quantity(m.Span, m.Span.Of(text), value, unit, m.Qualifier) { IsChange = m.IsChange }
            : new Quantity(m.Span, m.Span.Of(text), low, unit, m.Qualifier) { IsChange = m.IsChange, UpperValue = value };
    }

    private static double? Denominator(string word)
    {
        string w = word.ToLowerInvariant();
        if (NumberWords.TryParse(w, out double n)) return n;
        return w switch
        {
            "half" or "halves" => 2,
            _ when w.StartsWith("third", StringComparison.Ordinal) => 3,
            _ when w.StartsWith("quarter", StringComparison.Ordinal) || w.StartsWith("fourth", StringComparison.Ordinal) => 4,
            _ when w.StartsWith("fifth", StringComparison.Ordinal) => 5,
            _ when w.StartsWith("sixth", StringComparison.Ordinal) => 6,
            _ when w.StartsWith("seventh", StringComparison.Ordinal) => 7,
            _ when w.StartsWith("eighth", StringComparison.Ordinal) => 8,
            _ when w.StartsWith("ninth", StringComparison.Ordinal) => 9,
            _ when w.StartsWith("tenth", StringComparison.Ordinal) => 10,
            _ => null,
        };
    }

    /// <summary>"lowered tariffs by 10%" states a change; "a 20% tariff" a level. The two must never be compared as rivals.</summary>
    private static string WordBefore(string before, int space)
    {
        string rest = space >= 0 ? before[..space].TrimEnd() : "";
        int sp = rest.LastIndexOfAny([' ', '\n', '\t']);
        return (sp >= 0 ? rest[(sp + 1)..] : rest).Trim(',', '(', '“', '"');
    }

    private static bool IsChange(string text, int start)
    {
        int from = Math.Max(0, start - 30);
        var before = text[from..start].TrimEnd();
        int space = before.LastIndexOfAny([' ', '\n', '\t']);
        string lastWord = (space >= 0 ? before[(space + 1)..] : before).Trim(',', '(', '“', '"');
        if (lastWord.Equals("by", StringComparison.OrdinalIgnoreCase)) return !AgentCounts.IsAgentParticiple(WordBefore(before, space));
        if (ChangeVerbs.Contains(lastWord)) return true;
        if (lastWord.Equals("of", StringComparison.OrdinalIgnoreCase) || lastWord.Equals("a", StringComparison.OrdinalIgnoreCase) || lastWord.Length == 0)
        {
            string rest = space >= 0 ? before[..space].TrimEnd() : "";
            int sp = rest.LastIndexOf(' ');
            string w = sp >= 0 ? rest[(sp + 1)..] : rest;
            return lastWord.Equals("of", StringComparison.OrdinalIgnoreCase) && ChangeCues.Contains(w);
        }
        return false;
    }
}
