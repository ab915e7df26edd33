using System.Collections.Frozen;

namespace Parallax.Text;

/// <summary>
/// Latin letters without their accents ("Raúl" → "Raul", "Müller" → "Muller", "Łódź" → "Lodz"). Written out rather than
/// taken from Unicode normalisation: the project runs with invariant globalization, where normalisation leaves such
/// letters as they are.
/// </summary>
public static class Accents
{
    private static readonly FrozenDictionary<char, char> Base = Build();

    private static FrozenDictionary<char, char> Build()
    {
        var groups = new (char Letter, string Accented)[]
        {
            ('a', "àáâãäåāăą"), ('A', "ÀÁÂÃÄÅĀĂĄ"), ('c', "çćĉċč"), ('C', "ÇĆĈĊČ"), ('d', "ďđ"), ('D', "ĎĐ"),
            ('e', "èéêëēĕėęě"), ('E', "ÈÉÊËĒĔĖĘĚ"), ('g', "ĝğġģ"), ('G', "ĜĞĠĢ"), ('h', "ĥħ"), ('H', "ĤĦ"),
            ('i', "ìíîïĩīĭįı"), ('I', "ÌÍÎÏĨĪĬĮİ"), ('j', "ĵ"), ('J', "Ĵ"), ('k', "ķ"), ('K', "Ķ"), ('l', "ĺļľŀł"), ('L', "ĹĻĽĿŁ"),
            ('n', "ñńņňŉ"), ('N', "ÑŃŅŇ"), ('o', "òóôõöøōŏő"), ('O', "ÒÓÔÕÖØŌŎŐ"), ('r', "ŕŗř"), ('R', "ŔŖŘ"),
            ('s', "śŝşšș"), ('S', "ŚŜŞŠȘ"), ('t', "ţťŧț"), ('T', "ŢŤŦȚ"), ('u', "ùúûüũūŭůűų"), ('U', "ÙÚÛÜŨŪŬŮŰŲ"),
            ('w', "ŵ"), ('W', "Ŵ"), ('y', "ýÿŷ"), ('Y', "ÝŸŶ"), ('z', "źżž"), ('Z', "ŹŻŽ"),
        };
        var map = new Dictionary<char, char>();
        foreach (var (letter, accented) in groups)
        {
            foreach (char c in accented) map[c] = letter;
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>The letter without its accent, or the character itself.</summary>
    public static char Strip(char c) => c < 'À' ? c : Base.GetValueOrDefault(c, c);

    /// <summary>Whether the character is a combining mark (an accent written as its own character after its letter).</summary>
    public static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036F';
}
