using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Resolution;
using Parallax.Stages.Entities;
using Parallax.Text;

namespace Parallax.Briefing.Names;

/// <summary>
/// A relative named by a given name alone after a kinship noun ("He and wife Stacy", "Mr. Cowan’s wife, Stacey"): no entity
/// of its own, yet two reports that spell that name a letter apart, or as one diminutive spelled two ways, for the same
/// person's relative disagree on its spelling.
/// </summary>
public static partial class KinNames
{
    private static readonly FrozenSet<string> Kin = Lexicon.Set(typeof(KinNames), "kin-nouns.lex");

    /// <summary>Shown: both reports name whose relative it is, and it is the same person.</summary>
    public const double SamePossessor = 0.9;

    /// <summary>One report leaves it to a pronoun or the context whose relative it is: likely, not sure, still shown.</summary>
    public const double OnePossessor = 0.6;

    private sealed record Mention(string Article, string Kin, string Given, Span Span, string? Possessor);

    /// <summary>The spelling conflicts over relatives' given names, <paramref name="canonical"/> resolving a person's name as an article writes it.</summary>
    public static IEnumerable<Conflict> Conflicts(IReadOnlyList<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var mentions = articles.SelectMany(a => Mentions(a, canonical)).ToList();
        var seen = new HashSet<(string, string, string)>();
        foreach (var x in mentions)
        {
            foreach (var y in mentions)
            {
                if (x.Article == y.Article || x.Kin != y.Kin || string.CompareOrdinal(x.Given, y.Given) >= 0) continue;
                if (!OneNameTwoSpellings(x.Given, y.Given)) continue;
                if (x.Possessor is not null && y.Possessor is not null && x.Possessor != y.Possessor) continue;
                if (!seen.Add((x.Kin, x.Given, y.Given))) continue;
                // A report writing both spellings has two people, or corrected itself: no dispute between sources.
                var withX = mentions.Where(m => m.Kin == x.Kin && m.Given == x.Given && (m.Possessor ?? x.Possessor) == (x.Possessor ?? m.Possessor)).ToList();
                var withY = mentions.Where(m => m.Kin == x.Kin && m.Given == y.Given && (m.Possessor ?? y.Possessor) == (y.Possessor ?? m.Possessor)).ToList();
                var articlesX = withX.Select(m => m.Article).ToHashSet(StringComparer.Ordinal);
                var articlesY = withY.Select(m => m.Article).ToHashSet(StringComparer.Ordinal);
                if (articlesX.Overlaps(articlesY)) continue;
                if (articles.Any(a => articlesX.Contains(a.Id) && Writes(a.Text, y.Given) || articlesY.Contains(a.Id) && Writes(a.Text, x.Given))) continue;
                string? possessor = x.Possessor ?? y.Possessor;
                double confidence = x.Possessor is not null && y.Possessor is not null ? SamePossessor : OnePossessor;
                string about = possessor is null ? $"Spelling of the {x.Kin}'s name" : $"Spelling of the name of {possessor}'s {x.Kin}";
                // The majority spelling first, as for other name conflicts.
                var variants = new[] { (x.Given, withX, articlesX), (y.Given, withY, articlesY) }
                    .OrderByDescending(v => v.Item3.Count).ThenBy(v => v.Item1, StringComparer.Ordinal)
                    .Select(v => new Variant(v.Item1, v.Item1, [.. v.Item3.Order(StringComparer.Ordinal)], [.. v.Item2.Select(m => new Support(m.Article, m.Span))]))
                    .ToList();
                yield return new Conflict(about, ConflictKind.Name, variants) { Confidence = confidence };
            }
        }
    }

    /// <summary>
    /// Two spellings of one given name: one diminutive written two ways (Stacy/Stacey, Kathy/Kathie) or a slip of a letter
    /// with the same first letter; never a short form of it (Tom/Thomas are one name, no dispute) nor names of two sexes.
    /// </summary>
    internal static bool OneNameTwoSpellings(string a, string b)
    {
        string fa = NameForms.Fold(a), fb = NameForms.Fold(b);
        if (fa == fb || fa[0] != fb[0] || NameForms.ShortGiven(fa, fb)) return false;
        string? ga = EntityLexicons.GenderOf(a), gb = EntityLexicons.GenderOf(b);
        if (ga is null && gb is null) return false; // neither is known as a given name: the noun may be read wrongly
        if (ga is not null && gb is not null && ga != gb) return false;
        return Diminutive(fa) == Diminutive(fb) && Math.Min(fa.Length, fb.Length) > 3 || (Math.Min(fa.Length, fb.Length) >= 5 && NameForms.CloseSpelling(fa, fb));
    }

    private static string Diminutive(string given) =>
        given.EndsWith("ie", StringComparison.Ordinal) || given.EndsWith("ey", StringComparison.Ordinal) ? given[..^2] + "y" : given;

    private static bool Writes(string text, string word) => Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b");

    private static IEnumerable<Mention> Mentions(AnalyzedArticle a, Func<string, string, string> canonical)
    {
        foreach (Match m in KinThenName().Matches(a.Text))
        {
            string kin = m.Groups["kin"].Value.ToLowerInvariant();
            if (!Kin.Contains(kin)) continue;
            var name = m.Groups["name"];
            yield return new Mention(a.Id, kin, name.Value, new Span(name.Index, name.Index + name.Length), Possessor(a, m.Index, canonical));
        }
    }

    /// <summary>
    /// Whose relative: the last person named before the noun in its sentence ("Mr. Cowan’s wife"), or, in a sentence opening
    /// on a pronoun ("He and wife Stacy"), the last person named in the sentence before; else unknown.
    /// </summary>
    private static string? Possessor(AnalyzedArticle a, int at, Func<string, string, string> canonical)
    {
        int s = a.SentenceIndexAt(at);
        if (s < 0) return null;
        var sentence = a.Sentences[s].Span;
        var inSentence = a.Entities.LastOrDefault(e => e.Type == EntityType.Person && e.Span.Start >= sentence.Start && e.Span.End <= at);
        if (inSentence is not null) return canonical(a.Id, inSentence.Name);
        string opening = a.Text[sentence.Start..Math.Min(sentence.End, sentence.Start + 4)];
        if (s == 0 || !(opening.StartsWith("He ", StringComparison.Ordinal) || opening.StartsWith("She ", StringComparison.Ordinal)
            || opening.StartsWith("His ", StringComparison.Ordinal) || opening.StartsWith("Her ", StringComparison.Ordinal))) return null;
        var before = a.Sentences[s - 1].Span;
        var previous = a.Entities.LastOrDefault(e => e.Type == EntityType.Person && e.Span.Start >= before.Start && e.Span.End <= before.End);
        return previous is null ? null : canonical(a.Id, previous.Name);
    }

    /// <summary>A lower-case noun, maybe a comma, then one capitalised word not followed by another (a full name is an entity's).</summary>
    [GeneratedRegex(@"\b(?<kin>[a-zé]+),? (?<name>[A-Z][a-z]{2,})\b(?! [A-Z])")]
    private static partial Regex KinThenName();
}
