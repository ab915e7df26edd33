using System.Collections.Frozen;
using System.Text;

namespace Parallax.Briefing;

/// <summary>
/// When two outlet names are one outlet. A name can be written to look like another and differ underneath: a zero-width
/// space inside it, a right-to-left override, fullwidth or mathematical letters, a Cyrillic "е" for a Latin "e", a stray
/// trailing space. Six "Reuters" written so must count as one source, not four: the count of independent sources is
/// what a brief's reader trusts. <see cref="Clean"/> is the name to show and store; <see cref="Key"/> is what outlets are
/// grouped, counted and compared by.
/// </summary>
public static class OutletIdentity
{
    /// <summary>
    /// The name as it is shown: styled letters as plain ones (<see cref="Text.CompatibilityForms"/>, NFKC's part for Latin:
    /// fullwidth "Ｒｅｕｔｅｒｓ" and mathematical letters are "Reuters"), invisible characters (Unicode's default-ignorables:
    /// zero-width spaces and joiners, bidi controls, soft hyphens, variation selectors) and control characters removed,
    /// spaces single and trimmed. A name that mixes Latin letters with letters of another script that all look Latin is a
    /// spoof or a slip, and is shown in Latin: a reader sees no difference, and stores and filters compare it as the name it looks like.
    /// </summary>
    public static string Clean(string name)
    {
        string plain = Text.CompatibilityForms.Plain(Visible(name));
        if (MixesLookAlikes(plain)) plain = Fold(plain);
        return Text.Words.SingleSpaced(plain);
    }

    /// <summary>
    /// The outlet's identity: its <see cref="Clean"/> name with every letter that looks Latin folded to that Latin letter
    /// (a compact skeleton in the manner of Unicode's confusable detection, UTS #39), accents and case aside. Equal keys
    /// are one outlet. Accents go because a name written with its accents composed or as separate marks must be one name,
    /// and the project's invariant globalization has no normalisation to tell them equal.
    /// </summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in Fold(Clean(name)))
        {
            if (!Text.Accents.IsCombining(c)) sb.Append(char.ToLowerInvariant(Text.Accents.Strip(c)));
        }
        return sb.ToString();
    }

    /// <summary>The name without invisible characters, control characters (whitespace ones as a space) and lone surrogates.</summary>
    private static string Visible(string name)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]);
            int code = pair ? char.ConvertToUtf32(c, name[i + 1]) : c;
            bool lone = !pair && char.IsSurrogate(c);
            bool drop = lone || IsDefaultIgnorable(code) || (char.IsControl(c) && !char.IsWhiteSpace(c));
            if (drop || char.IsControl(c))
            {
                sb ??= new StringBuilder(name, 0, i, name.Length);
                if (!drop) sb.Append(' ');
            }
            else if (sb is not null)
            {
                sb.Append(c);
                if (pair) sb.Append(name[i + 1]);
            }
            if (pair) i++;
        }
        return sb?.ToString() ?? name;
    }

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties): characters that show nothing when not supported. It
    /// holds every bidi control (U+061C, U+200E-200F, U+202A-202E, U+2066-2069), so those go too.
    /// </summary>
    private static bool IsDefaultIgnorable(int c) => c switch
    {
        0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    /// <summary>True when the name has Latin letters and letters of other scripts, and every one of those looks Latin.</summary>
    private static bool MixesLookAlikes(string name)
    {
        bool latin = false, lookAlike = false;
        foreach (char c in name)
        {
            if (!char.IsLetter(c)) continue;
            if (IsLatin(c)) latin = true;
            else if (LookAlikes.ContainsKey(c)) lookAlike = true;
            else return false;
        }
        return latin && lookAlike;
    }

    private static bool IsLatin(char c) => char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F' and not ('\u00D7' or '\u00F7') || c is >= '\u1E00' and <= '\u1EFF';

    /// <summary>Every look-alike letter as its Latin letter, accents kept ("Ё" is "Ë").</summary>
    private static string Fold(string name) => string.Create(name.Length, name, (span, from) =>
    {
        for (int i = 0; i < from.Length; i++) span[i] = LookAlikes.GetValueOrDefault(from[i], from[i]);
    });

    /// <summary>
    /// Letters of other scripts drawn like a Latin letter in common fonts, each with the Latin letter it passes for. Written
    /// for this project, not taken from Unicode's confusables.txt: Cyrillic, Greek and Armenian capitals and small letters
    /// that a reader cannot tell from Latin, and Latin's own stand-ins (dotless i, Latin alpha, script g). Fullwidth and
    /// mathematical letters need no entry: <see cref="Clean"/> makes them plain Latin first. Letters that look Latin
    /// only as capitals (Cyrillic "Н", Greek "Ν") are listed as capitals alone: their small letters look like nothing Latin
    /// (or like another letter: "ν" is a "v"), which is why folding happens before lower-casing.
    /// </summary>
    private static readonly FrozenDictionary<char, char> LookAlikes = Pairs(
        // Cyrillic capitals.
        ("\u0405\u0406\u0408\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425\u04AE\u04BA\u04C0\u051A\u051C",
         "SIJABEKMHOPCTYXYHIQW"),
        // Cyrillic small letters.
        ("\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u04AF\u04BB\u04CF\u0501\u051B\u051D",
         "aeopcyxsijyhldqw"),
        // Greek capitals.
        ("\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u037F\u03F9",
         "ABEZHIKMNOPTYXJC"),
        // Greek small letters.
        ("\u03B1\u03B3\u03B9\u03BD\u03BF\u03C1\u03C5\u03F2\u03F3",
         "ayivopucj"),
        // Armenian.
        ("\u054D\u0555\u0570\u0578\u057D\u0585",
         "UOhnuo"),
        // With their accents, as written composed.
        ("\u0401\u0407\u0451\u0457\u03AF\u03CC",
         "\u00CB\u00CF\u00EB\u00EF\u00ED\u00F3"),
        // Latin letters that stand for others.
        ("\u0131\u0237\u0251\u0261",
         "ijag"));

    /// <summary>Each group's letters, the first string's n-th letter looking like the second's.</summary>
    private static FrozenDictionary<char, char> Pairs(params (string LookAlike, string Latin)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (lookAlike, latin) in groups)
        {
            for (int i = 0; i < lookAlike.Length; i++) map.Add(lookAlike[i], latin[i]);
        }
        return map.ToFrozenDictionary();
    }
}
