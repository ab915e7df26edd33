using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Briefing.Summary;

/// <summary>
/// Sentences that say nothing clear out of their article: a relative or subordinate clause cut from the sentence that
/// held it ("who … said."), a speaker named only by a pronoun ("…, he said,"), a teaser whose news comes after it
/// ("There was one problem: …"), and a sentence pointing back at what came before ("The other, …", "… did another thing").
/// </summary>
public static class Leaning
{
    private static readonly FrozenSet<string> Relatives = FrozenSet.ToFrozenSet(["who", "whom", "whose", "which"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a subordinate clause: without a comma after it there is no main clause for it to lean on.</summary>
    private static readonly FrozenSet<string> Subordinators = FrozenSet.ToFrozenSet(
        ["because", "although", "though", "if", "unless", "whereas", "while", "whether", "until"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SubjectPronouns = FrozenSet.ToFrozenSet(["he", "she", "they"], StringComparer.Ordinal);

    /// <summary>Phrases that point back at another sentence ("not alone", "another thing"), as whole words ignoring case.</summary>
    private static readonly string[] Phrases = [.. Lexicon.Lines(typeof(Leaning), "leaning-phrases.lex")];

    /// <summary>Whether a relative or subordinate clause stands alone: <paramref name="words"/> are the words outside quotations.</summary>
    public static bool IsClauseFragment(IReadOnlyList<string> words, string outside)
    {
        if (words.Count == 0) return false;
        if (Relatives.Contains(words[0])) return true;
        return Subordinators.Contains(words[0]) && !outside.Contains(',', StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the sentence is a name with a description and nothing said of it ("Maria Cino, a veteran operative who has
    /// the support of Dick Cheney."): its every verb lies in a relative clause set off by a comma, and no verb follows a
    /// comma after that clause. "The man who shot him was arrested" (no comma before "who") and "Cino, who has …, said …"
    /// have a main verb.
    /// </summary>
    public static bool IsDescribedNameOnly(IReadOnlyList<string> words, string outside, Func<string, bool> isVerb)
    {
        int r = -1;
        for (int i = 1; i < words.Count; i++)
        {
            if (Relatives.Contains(words[i])) { r = i; break; }
            if (isVerb(words[i])) return false;
        }
        if (r < 0) return false;
        int at = IndexOfWord(outside, words[r]);
        if (at < 0 || !outside[..at].Contains(',', StringComparison.Ordinal)) return false;
        var after = outside[at..].Split(',');
        for (int k = 1; k < after.Length; k++)
        {
            var w = after[k].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Take(3).Any(x => isVerb(x.TrimEnd('.', '!', '?')))) return false;
        }
        return true;
    }

    private static int IndexOfWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool start = at == 0 || !char.IsLetter(text[at - 1]);
            bool end = at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]);
            if (start && end) return at;
        }
        return -1;
    }

    /// <summary>Words that open a phrase before the subject ("Noting that …, he said"); a participle in -ing opens one too.</summary>
    private static readonly FrozenSet<string> LeadIns = FrozenSet.ToFrozenSet(["Asked", "When", "After", "As", "While", "Before", "Since", "Once"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a sentence opening with a phrase before its subject ("Noting that he was …, he said …") has "he", "she"
    /// or "they" before any name: the actor is named in another sentence.
    /// </summary>
    public static bool HasUnnamedActor(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || !(LeadIns.Contains(words[0]) || words[0].EndsWith("ing", StringComparison.Ordinal))) return false;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if (i > 0 && char.IsUpper(w[0]) && w != "I") break;
            if (SubjectPronouns.Contains(w)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the clause after an opening phrase without a name starts with "he", "she" or "they" ("From 1997 to 2009, he
    /// practiced law …", "In a statement, she said …"): the actor is named in another sentence.
    /// </summary>
    public static bool OpensOnPronounAfterPhrase(string outside)
    {
        int comma = outside.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return false;
        var lead = outside[..comma].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (lead.Skip(1).Any(w => char.IsUpper(w[0]))) return false;
        var rest = outside[(comma + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rest.Length > 0 && SubjectPronouns.Contains(rest[0]);
    }

    /// <summary>A pronoun doing the saying inside the sentence ("…, he said, …", "…, she wrote."): the speaker is named elsewhere.</summary>
    public static bool HasPronounSpeaker(string outside)
    {
        var parts = outside.Split([',', ';', '—', '–'], StringSplitOptions.TrimEntries);
        for (int i = 1; i < parts.Length; i++)
        {
            var w = parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Length >= 2 && w[0] is "he" or "she" or "they" && SpeechVerbs.Contains(w[1].TrimEnd('.', '!', '?'))) return true;
        }
        return false;
    }

    /// <summary>"There was one problem: …", "His response: …": a short lead-in without a name before a colon, the news after it.</summary>
    public static bool IsTeaser(string outside)
    {
        int colon = outside.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return false;
        var lead = outside[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return lead.Length <= 5 && !lead.Skip(1).Any(w => char.IsUpper(w[0]));
    }

    /// <summary>Whether the sentence points back at another with a phrase of the lexicon, or says "also" before its verb ("The statement also quotes …").</summary>
    public static bool PointsBack(IReadOnlyList<string> words, Func<string, bool> isVerb)
    {
        string padded = " " + string.Join(' ', words) + " ";
        foreach (var p in Phrases)
        {
            bool found = p[0] == '^'
                ? padded.StartsWith(" " + p[1..] + " ", StringComparison.OrdinalIgnoreCase)
                : padded.Contains(" " + p + " ", StringComparison.OrdinalIgnoreCase);
            if (found) return true;
        }
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "also" && isVerb(words[i + 1])) return true;
        }
        return false;
    }
}
