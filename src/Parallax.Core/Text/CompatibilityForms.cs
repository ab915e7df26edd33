using System.Text;

namespace Parallax.Text;

/// <summary>
/// The part of Unicode's compatibility normalisation (NFKC) that makes styled Latin letters and digits plain: fullwidth
/// forms ("Ｒｅｕｔｅｒｓ"), mathematical alphanumerics ("𝐑𝐞𝐮𝐭𝐞𝐫𝐬", "𝕽"), letterlike symbols ("ℛ", "ℯ", the Kelvin sign),
/// circled and squared letters ("Ⓡ", "🅁") and Latin ligatures ("ﬁ"). Written out rather than taken from
/// <see cref="string.Normalize(NormalizationForm)"/>: the project runs with invariant globalization, where normalisation
/// leaves such characters as they are. Each range was checked against NFKC when it was written.
/// </summary>
public static class CompatibilityForms
{
    /// <summary>The text with every styled Latin letter or digit as its plain one; the text itself when it has none.</summary>
    public static string Plain(string text)
    {
        if (!NeedsWork(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (PlainOf(rune.Value) is { } plain) sb.Append(plain);
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>True when the text has a character at or past the letterlike symbols: plain text is returned at once.</summary>
    private static bool NeedsWork(string text) => text.AsSpan().IndexOfAnyInRange('\u2100', '\uFFFF') >= 0;

    /// <summary>The plain form of one code point, or null when it has none here.</summary>
    private static string? PlainOf(int c) => c switch
    {
        // Fullwidth ASCII: "！" to "～".
        >= 0xFF01 and <= 0xFF5E => ((char)(c - 0xFEE0)).ToString(),
        // Mathematical letters: thirteen styles of A-Z then a-z (the gaps in the block are unassigned; their letters are
        // the letterlike symbols below), then the dotless i and j.
        >= 0x1D400 and <= 0x1D6A3 => Letter((c - 0x1D400) % 52).ToString(),
        0x1D6A4 => "i",
        0x1D6A5 => "j",
        // Mathematical digits: five styles of 0-9.
        >= 0x1D7CE and <= 0x1D7FF => ((char)('0' + (c - 0x1D7CE) % 10)).ToString(),
        // Circled letters, and squared capitals.
        >= 0x24B6 and <= 0x24CF => ((char)('A' + c - 0x24B6)).ToString(),
        >= 0x24D0 and <= 0x24E9 => ((char)('a' + c - 0x24D0)).ToString(),
        >= 0x1F130 and <= 0x1F149 => ((char)('A' + c - 0x1F130)).ToString(),
        // Latin ligatures.
        0xFB00 => "ff",
        0xFB01 => "fi",
        0xFB02 => "fl",
        0xFB03 => "ffi",
        0xFB04 => "ffl",
        0xFB05 or 0xFB06 => "st",
        _ => Letterlike(c),
    };

    private static char Letter(int index) => index < 26 ? (char)('A' + index) : (char)('a' + index - 26);

    /// <summary>The letterlike symbols NFKC takes to one Latin letter.</summary>
    private static string? Letterlike(int c) => c switch
    {
        0x2102 or 0x212D => "C",
        0x210A => "g",
        0x210B or 0x210C or 0x210D => "H",
        0x210E => "h",
        0x2110 or 0x2111 => "I",
        0x2112 => "L",
        0x2113 => "l",
        0x2115 => "N",
        0x2119 => "P",
        0x211A => "Q",
        0x211B or 0x211C or 0x211D => "R",
        0x2124 or 0x2128 => "Z",
        0x212A => "K",
        0x212C => "B",
        0x212F or 0x2147 => "e",
        0x2130 => "E",
        0x2131 => "F",
        0x2133 => "M",
        0x2134 => "o",
        0x2139 or 0x2148 => "i",
        0x2145 => "D",
        0x2146 => "d",
        0x2149 => "j",
        _ => null,
    };
}
