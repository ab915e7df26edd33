using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Text;

namespace Parallax.Stages.Quantities;

/// <summary>A number as written, before its value is decided: the number, its scale, currency, unit and hedge words.</summary>
public sealed record QuantityMention(Span Span, string Number, string? Scale, string? Currency, string? Unit, string? Qualifier, bool IsChange);

/// <summary>Finds numbers with units and qualifiers, then resolves their values; numbers inside time expressions are left to the time stage.</summary>
public sealed class QuantityStage : IAnalysisStage
{
    private static readonly FrozenDictionary<string, string> UnitNames = Lexicon.Map(typeof(QuantityStage), "units.lex");
    private static readonly FrozenSet<string> Qualifiers = Lexicon.Set(typeof(QuantityStage), "qualifiers.lex");
    private static readonly FrozenSet<string> ChangeCues = Lexicon.Set(typeof(QuantityStage), "change-cues.lex");

    private static readonly string UnitPattern = string.Join("|", UnitNames.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
    private static readonly string QualifierPattern = string.Join("|", Qualifiers.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace("\\ ", "\\s+", StringComparison.Ordinal)));

    private static readonly Regex Number = Patterns.Create(
        @"(?<![\w.,$])(?:(?<qual>" + QualifierPattern + @")\s+)?(?<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)?\s?" +
        @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + NumberWords.Pattern + @"(?=[\s-]))" +
        @"(?:[\s-](?<scale>hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<scale>[kmb]n?)\b)?" +
        @"(?:\s?(?<unit>%|" + UnitPattern + @")(?![\w]))?");

    /// <summary>
    /// A quantity has a digit, a currency sign, a scale word or a unit: a number word alone ("one of them") is never one,
    /// so the pattern only runs near these.
    /// </summary>
    private static readonly TriggerWindows Windows = new(
        UnitNames.Keys.SelectMany(k => k.Split(' ')).Concat(["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn"])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(w => w, _ => 1, StringComparer.OrdinalIgnoreCase),
        digitKinds: 1,
        new Dictionary<char, int> { ['$'] = 1, ['€'] = 1, ['£'] = 1, ['¥'] = 1 },
        reach: 40);

    public string Name => "quantities";

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
        foreach (Match m in Patterns.Matches(Number, text, Windows.Scan(text).Windows(1)))
        {
            var num = m.Groups["num"];
            bool digits = char.IsDigit(num.Value[0]);
            var unit = m.Groups["unit"];
            var scale = m.Groups["scale"];
            var cur = m.Groups["cur"];
            if (!digits && !unit.Success && !scale.Success && !cur.Success) continue;
            if (!digits && num.Value.Length <= 2 && !unit.Success) continue; // "a million" needs its unit to matter
            // The hedge, when present, is part of what was written; a space before a bare number is not.
            int start = m.Groups["qual"].Success ? m.Groups["qual"].Index : cur.Success ? cur.Index : num.Index;
            var span = new Span(start, m.Index + m.Length);
            while (span.End > span.Start && char.IsWhiteSpace(text[span.End - 1])) span = span with { End = span.End - 1 };
            if (timeCoverage.Overlaps(new Span(num.Index, num.Index + num.Length))) continue;
            // Part of a name or code: "COVID-19", "F-35", "G20".
            if (num.Index > 0 && (char.IsLetter(text[num.Index - 1]) || (text[num.Index - 1] == '-' && num.Index > 1 && char.IsLetter(text[num.Index - 2])))) continue;
            string? qualifier = m.Groups["qual"].Success ? Regex.Replace(m.Groups["qual"].Value.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, Patterns.Timeout) : null;
            found.Add(new QuantityMention(span, num.Value, scale.Success ? scale.Value : null, cur.Success ? cur.Value : null,
                unit.Success ? unit.Value : null, qualifier, IsChange(text, start, unit.Success ? unit.Value : null)));
        }
        return found;
    }

    public static Quantity Resolve(QuantityMention m, string text)
    {
        double? value = NumberWords.TryParse(m.Number, out double v) ? v : null;
        if (value is not null && m.Scale is not null && NumberWords.TryScale(m.Scale, out double factor)) value *= factor;
        string? unit = m.Unit is null ? null : UnitNames.GetValueOrDefault(Regex.Replace(m.Unit, @"\s+", " ", RegexOptions.None, Patterns.Timeout), m.Unit);
        if (m.Unit == "%") unit = "percent";
        if (m.Currency is not null) unit = m.Currency switch { "€" => "EUR", "£" => "GBP", "¥" => "JPY", "C$" => "CAD", "A$" => "AUD", "HK$" => "HKD", _ => "USD" };
        return new Quantity(m.Span, m.Span.Of(text), value, unit, m.Qualifier) { IsChange = m.IsChange };
    }

    /// <summary>"lowered tariffs by 10%" states a change; "a 20% tariff" a level. The two must never be compared as rivals.</summary>
    private static bool IsChange(string text, int start, string? unit)
    {
        int from = Math.Max(0, start - 30);
        var before = text[from..start].TrimEnd();
        int space = before.LastIndexOfAny([' ', '\n', '\t']);
        string lastWord = (space >= 0 ? before[(space + 1)..] : before).Trim(',', '(', '“', '"');
        if (lastWord.Equals("by", StringComparison.OrdinalIgnoreCase)) return true;
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
