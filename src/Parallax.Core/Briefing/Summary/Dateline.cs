using System.Text.RegularExpressions;

namespace Parallax.Briefing.Summary;

/// <summary>
/// The dateline an outlet opens its story with ("WASHINGTON —", "BOSTON (AP) --", "Washington (CNN) -"): it tells
/// where the outlet filed from, not what happened, and read in a summary it is page furniture inside a sentence.
/// </summary>
public static partial class Dateline
{
    /// <summary>A place in capitals (a state or country after a comma may be in any case), an agency in brackets maybe, then a dash.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?(?:\s*\([^()]{1,40}\))?\s*(?:—-?|--|–-?)\s*")]
    private static partial Regex Capitals();

    /// <summary>A place in any case is a dateline only with the agency in brackets that marks it ("Washington (CNN) --").</summary>
    [GeneratedRegex(@"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*\([A-Za-z .]{2,30}\)\s*(?:—|--|–|-)\s*")]
    private static partial Regex Agency();

    /// <summary>The sentence without its opening dateline; unchanged when it has none or when what follows would not open a sentence.</summary>
    public static string Strip(string sentence)
    {
        var m = Capitals().Match(sentence);
        if (!m.Success) m = Agency().Match(sentence);
        if (!m.Success || m.Length >= sentence.Length) return sentence;
        string rest = sentence[m.Length..];
        return char.IsUpper(rest[0]) || rest[0] is '“' or '"' ? rest : sentence;
    }
}
