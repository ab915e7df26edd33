using System.Globalization;

namespace Parallax.Text;

/// <summary>Reads numbers written in digits ("1,200.5") or words ("twenty-five", "a dozen", "half").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0,
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["single"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["dozen"] = 12,
        ["a dozen"] = 12,
        ["half"] = 0.5,
        ["a half"] = 0.5,
        ["couple"] = 2,
        ["a couple of"] = 2,
        ["hundred"] = 100,
        ["a hundred"] = 100,
        ["thousand"] = 1000,
        ["a thousand"] = 1000,
        ["both"] = 2,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 1e2,
        ["thousand"] = 1e3,
        ["million"] = 1e6,
        ["billion"] = 1e9,
        ["trillion"] = 1e12,
        ["k"] = 1e3,
        ["m"] = 1e6,
        ["mn"] = 1e6,
        ["bn"] = 1e9,
        ["b"] = 1e9,
        ["tn"] = 1e12,
    };

    /// <summary>The cardinal number words, one to ninety.</summary>
    public static readonly IReadOnlyList<string> Cardinals =
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];

    /// <summary>Regex alternation of number words, longest first, for use inside larger patterns.</summary>
    public const string Pattern =
        @"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|a\s+dozen|a\s+couple\s+of|a\s+half|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|half|a|an)";

    public static bool TryParse(string text, out double value)
    {
        text = text.Trim();
        string digits = text.Replace(",", "", StringComparison.Ordinal);
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        string norm = Words.SingleSpaced(text.ToLowerInvariant());
        if (Units.TryGetValue(norm, out value)) return true;
        int dash = norm.IndexOfAny(['-', ' ']);
        if (dash > 0 && Units.TryGetValue(norm[..dash], out double tens) && Units.TryGetValue(norm[(dash + 1)..], out double ones) && tens >= 20 && ones < 10)
        {
            value = tens + ones;
            return true;
        }
        value = 0;
        return false;
    }

    private static readonly string[] OrdinalUnits =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
         "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

    private static readonly string[] OrdinalTens = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    /// <summary>An ordinal in words, one to ninety-nine ("sixth", "twentieth", "twenty-sixth"), as its number.</summary>
    public static bool TryOrdinal(string word, out int value)
    {
        string w = word.Trim().ToLowerInvariant();
        int unit = Array.IndexOf(OrdinalUnits, w);
        if (unit >= 0) { value = unit + 1; return true; }
        int tens = Array.IndexOf(OrdinalTens, w);
        if (tens >= 0) { value = 20 + 10 * tens; return true; }
        int dash = w.IndexOf('-');
        if (dash > 0 && Units.TryGetValue(w[..dash], out double t) && t >= 20 && t < 100 && t % 10 == 0
            && Array.IndexOf(OrdinalUnits, w[(dash + 1)..]) is var u && u is >= 0 and < 9)
        {
            value = (int)t + u + 1;
            return true;
        }
        value = 0;
        return false;
    }

    public static bool TryScale(string word, out double factor) => Scales.TryGetValue(word.Trim(), out factor);
}
