using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Stages.Entities;

/// <summary>The word lists in this folder, loaded once.</summary>
internal static class EntityLexicons
{
    public static readonly FrozenSet<string> Titles = Lexicon.Set(typeof(EntityLexicons), "titles.lex");
    /// <summary>A title's abbreviation and the title in full ("Lt" = lieutenant); a title only when its period follows ("Gen. Milley", not "Gen Z").</summary>
    public static readonly FrozenDictionary<string, string> TitleAbbreviations = Lexicon.Map(typeof(EntityLexicons), "title-abbreviations.lex");
    public static readonly FrozenSet<string> RoleNouns = Lexicon.Set(typeof(EntityLexicons), "role-nouns.lex");
    public static readonly FrozenSet<string> Demonyms = Lexicon.Set(typeof(EntityLexicons), "demonyms.lex");
    public static readonly FrozenSet<string> OrgWords = Lexicon.Set(typeof(EntityLexicons), "org-words.lex", ignoreCase: false);
    public static readonly FrozenSet<string> Organizations = Lexicon.Set(typeof(EntityLexicons), "organizations.lex", ignoreCase: false);
    public static readonly FrozenDictionary<string, string> Places = Lexicon.Map(typeof(EntityLexicons), "places.lex");
    public static readonly FrozenSet<string> PlaceWords = Lexicon.Set(typeof(EntityLexicons), "place-words.lex", ignoreCase: false);
    public static readonly FrozenSet<string> SettlementNouns = Lexicon.Set(typeof(EntityLexicons), "settlement-nouns.lex");
    public static readonly FrozenSet<string> EventWords = Lexicon.Set(typeof(EntityLexicons), "event-words.lex", ignoreCase: false);
    public static readonly FrozenSet<string> Openers = Lexicon.Set(typeof(EntityLexicons), "openers.lex", ignoreCase: false);
    public static readonly FrozenSet<string> AcronymNouns = Lexicon.Set(typeof(EntityLexicons), "acronym-nouns.lex", ignoreCase: false);
    public static readonly FrozenDictionary<string, string> GivenNames = Lexicon.Map(typeof(EntityLexicons), "given-names.lex");

    /// <summary>"m", "f" or null for a first name.</summary>
    public static string? GenderOf(string firstName) => GivenNames.TryGetValue(firstName, out var g) ? g : null;
}
