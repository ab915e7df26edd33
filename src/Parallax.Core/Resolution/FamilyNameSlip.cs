using Parallax.Stages.Entities;

namespace Parallax.Resolution;

/// <summary>
/// A bare family name of five letters, a letter off a person's family name, in reports that all write that person too and
/// never give the bare name a given name: the writer's slip ("said Cowen" in a report about William Cowan), not a second person.
/// </summary>
internal static class FamilyNameSlip
{
    /// <summary>
    /// Whether <paramref name="parts"/> (one part) is a slip for the family name of <paramref name="head"/>. Names of six
    /// letters or more are compared without this context (see <see cref="EntityLinker"/>); a five-letter one a letter off
    /// another is often someone else (Cohen, Coven), so it must stand only beside the person, fewer times than the person is named.
    /// </summary>
    public static bool Beside(string[] head, string[] parts, IReadOnlySet<string> slipArticles, IReadOnlySet<string> personArticles, int slipMentions, int personMentions)
    {
        if (head.Length < 2 || parts.Length != 1) return false;
        string slip = parts[0], family = head[^1];
        if (slip.Length != 5 || family.Length < 5 || slip == family || slip[0] != family[0]) return false;
        if (!NameForms.CloseSpelling(slip, family)) return false;
        // A known given name or place ("Karen", "Paris") written alone is that, not a slip.
        if (EntityLexicons.GivenNames.ContainsKey(Capitalised(slip)) || EntityLexicons.GivenNames.ContainsKey(slip) || EntityLexicons.Places.ContainsKey(Capitalised(slip))) return false;
        return slipArticles.IsSubsetOf(personArticles) && slipMentions * 3 <= personMentions;
    }

    private static string Capitalised(string folded) => char.ToUpperInvariant(folded[0]) + folded[1..];
}
