using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Resolution;

namespace Parallax.Stages.Entities;

/// <summary>
/// A known place or body with one word slipped by a letter or two ("Supreme Kourt", "White Housa", "United Statas",
/// "Kolorado", "Sennate"): typed as the name it slips from, so a respelled court, house, state or country is never read as a
/// person, nor dropped as an unknown word. Only words no list knows and the article never writes in lower case count as slips.
/// </summary>
internal static class NearKnownNames
{
    /// <summary>The words of known places and bodies, and the generic words that type a body or a place, filed under their deletion keys.</summary>
    private static readonly FrozenDictionary<string, string[]> ByDeletion = BuildIndex();

    /// <summary>Every known name, folded: the place or body it is, and its type.</summary>
    private static readonly FrozenDictionary<string, EntityType> Known = BuildKnown();

    private static FrozenDictionary<string, EntityType> BuildKnown()
    {
        var known = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var place in EntityLexicons.Places.Keys) known.TryAdd(NameForms.Fold(place), EntityType.Place);
        foreach (var body in EntityLexicons.Organizations) known.TryAdd(NameForms.Fold(body), EntityType.Organization);
        return known.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string[]> BuildIndex()
    {
        var words = EntityLexicons.Places.Keys.Concat(EntityLexicons.Organizations).Concat(EntityLexicons.OrgWords).Concat(EntityLexicons.PlaceWords)
            .SelectMany(n => n.Split(' ')).Select(NameForms.Fold).Where(w => w.Length >= 5 && w.All(char.IsLetter)).Distinct(StringComparer.Ordinal);
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            foreach (var k in NameForms.DeletionKeys(w))
            {
                if (!index.TryGetValue(k, out var list)) index[k] = list = [];
                if (!list.Contains(w)) list.Add(w);
            }
        }
        return index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The type of the known place or body <paramref name="words"/> slips from by one word, or null.</summary>
    public static EntityType? TypeOf(string[] words, string text)
    {
        if (words.Length is 0 or > 4 || EntityLexicons.GivenNames.ContainsKey(words[0])) return null;
        var folded = words.Select(w => NameForms.Fold(Bare(w))).ToArray();
        EntityType? found = null;
        for (int i = 0; i < words.Length; i++)
        {
            string w = folded[i];
            if (w.Length < 5 || !w.All(char.IsLetter) || IsKnownWord(words[i]) || Text.Words.UsedInLowerCase(text, w)) continue;
            foreach (string near in Near(w))
            {
                var respelled = (string[])folded.Clone();
                respelled[i] = near;
                EntityType? type = Known.TryGetValue(string.Join(' ', respelled), out var t) ? t
                    // The word that types a body or a place, respelled at the end of a longer name: "Supreme Kourt", "Paris Islend".
                    : i == words.Length - 1 && words.Length > 1 && EntityLexicons.OrgWords.Contains(Capitalised(near)) ? EntityType.Organization
                    : i == words.Length - 1 && words.Length > 1 && EntityLexicons.PlaceWords.Contains(Capitalised(near)) ? EntityType.Place
                    // A body's own word alone ("Sennate", "Conngress").
                    : words.Length == 1 && EntityLexicons.OrgWords.Contains(Capitalised(near)) ? EntityType.Organization
                    : null;
                if (type is null) continue;
                if (found is not null && found != type) return null;
                found = type;
            }
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>Known words a letter or two from <paramref name="word"/>, not merely its plural or its people's adjective ("Texans", "Libyan").</summary>
    private static IEnumerable<string> Near(string word)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in NameForms.DeletionKeys(word))
        {
            if (!ByDeletion.TryGetValue(k, out var list)) continue;
            foreach (var known in list)
            {
                // A known word with letters added at its end is its plural or its people's adjective ("Texans", "Libyan"), not a slip.
                if (!seen.Add(known) || word.StartsWith(known, StringComparison.Ordinal) || (word.EndsWith('n') && !known.EndsWith('n')) || (word.EndsWith("ns", StringComparison.Ordinal) && !known.EndsWith("ns", StringComparison.Ordinal))) continue;
                if (NameForms.CloseSpelling(word, known) && Math.Min(word.Length, known.Length) >= 5) yield return known;
            }
        }
    }

    private static bool IsKnownWord(string word) =>
        EntityLexicons.GivenNames.ContainsKey(word) || EntityLexicons.Places.ContainsKey(word) || EntityLexicons.Demonyms.Contains(word)
        || EntityLexicons.OrgWords.Contains(word) || EntityLexicons.PlaceWords.Contains(word) || EntityLexicons.Titles.Contains(word) || EntityLexicons.RoleNouns.Contains(word);

    /// <summary>A word without a possessive: "Kolorado’s" → "Kolorado".</summary>
    private static string Bare(string word) =>
        word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word[..^2] : word;

    private static string Capitalised(string folded) => char.ToUpperInvariant(folded[0]) + folded[1..];
}
