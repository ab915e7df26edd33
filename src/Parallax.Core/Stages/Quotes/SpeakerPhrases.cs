using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Stages.Entities;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>Speaker phrases: the name, pronoun or described person ("the spokeswoman") that a reporting verb attributes words to.</summary>
public static partial class QuoteExtractor
{
    /// <summary>
    /// "Derek Mitchell, who served as ambassador until this year, said …" / "Angelique Brunner, a developer, said …": the subject
    /// before an aside set off by commas.
    /// </summary>
    /// <summary>
    /// "Mary Cheney, married to Heather Poe since 2012, posted": a person named inside an aside set off by commas is not the
    /// subject; the person named right before the aside's opening comma is. Null when the name at <paramref name="at"/> is no aside's.
    /// </summary>
    private static Span? AsideOwner(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, Entity named, int at, int verb, int floor)
    {
        if (!HasComma(text, tokens, at + 1, verb)) return null;
        int nameStart = Tokenizer.FirstAtOrAfter(tokens, named.Span.Start);
        for (int j = nameStart - 1; j > floor && j >= nameStart - 25; j--)
        {
            var w = W(text, tokens[j]);
            if (w is "." or ";" or "“" or "”" or "\"" or ":") return null;
            if (w is not ",") continue;
            return EntityEndingAt(entities, tokens[j - 1].End) is { Type: EntityType.Person } owner ? owner.Span : null;
        }
        return null;
    }

    /// <summary>Nouns for a document: its words are its own, not those of the person it is sent to or written about.</summary>
    private static readonly FrozenSet<string> DocumentNouns = Lexicon.Set(typeof(QuoteExtractor), "document-nouns.lex");

    /// <summary>Verbs by which someone writes or sends a document ("wrote a letter to", "signed a memo on").</summary>
    private static readonly FrozenSet<string> WritingVerbs = Lexicon.Set(typeof(QuoteExtractor), "writing-verbs.lex", ignoreCase: false);

    /// <summary>
    /// "The letter to Comey said …", "the indictment against Manafort says …": the person named is the document's addressee
    /// or subject, so the document (a phrase that resolves to no one) is the speaker. "A letter from Rosenstein said …" and
    /// "Rosenstein's memo said …" leave the writer as speaker.
    /// </summary>
    private static Span? DocumentAbout(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, Entity named, int floor)
    {
        int j = Tokenizer.FirstAtOrAfter(tokens, named.Span.Start) - 1;
        if (j <= floor || W(text, tokens[j]) is not ("to" or "against" or "about" or "for" or "charging" or "accusing" or "naming" or "on")) return null;
        for (int d = j - 1; d >= floor && d >= j - 3; d--)
        {
            if (!DocumentNouns.Has(W(text, tokens[d]))) continue;
            int start = d;
            while (start > floor && start > d - 3 && (Determiners.Has(W(text, tokens[start - 1])) || char.IsUpper(text[tokens[start - 1].Start]) || W(text, tokens[start - 1]) is "’s" or "'s") && !(EntityEndingAt(entities, tokens[start - 1].End) is { Type: EntityType.Person })) start--;
            // "he penned a letter to Haspel": the writer named as such speaks for the letter.
            if (start > floor && WritingVerbs.Has(W(text, tokens[start - 1]))) return SubjectBefore(text, tokens, entities, start - 1, floor);
            return new Span(tokens[start].Start, tokens[d].End);
        }
        return null;
    }

    private static Span? SubjectBeforeClause(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int floor)
    {
        if (verb - 1 <= floor || W(text, tokens[verb - 1]) is not ",") return null;
        for (int j = verb - 2; j > floor && j >= verb - 40; j--)
        {
            var w = W(text, tokens[j]);
            if (w is "." or ";" or "“" or "”" or "\"") return null;
            if (w is not ",") continue;
            var next = W(text, tokens[j + 1]);
            if (!(next is "who" or "whose" or "which" or "a" or "an" or "the" or "one" or "now" or "then" || tokens[j + 1].Kind == TokenKind.Number || char.IsUpper(next[0]) || EntityLexicons.Titles.Has(next))) return null;
            var named = EntityEndingAt(entities, tokens[j - 1].End);
            if (named is not null && named.Type != EntityType.Place) return named.Span;
            var before = W(text, tokens[j - 1]);
            if (Pronouns.Has(before) && j - 1 >= floor) return tokens[j - 1].Span;
            return CommonNounPhraseEndingAt(text, tokens, j - 1, floor);
        }
        return null;
    }

    /// <summary>The speaker named right before a reporting verb: a person, pronoun or "the spokeswoman" within the clause, else a nearby institution.</summary>
    private static Span? SubjectBefore(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int floor)
    {
        Span? institution = null;
        for (int k = verb - 1; k >= floor && k >= verb - 14; k--)
        {
            var t = tokens[k];
            var w = W(text, t);
            if (w is "”" or "“" or "\"" or "''" or ";" or ":") break;
            var entity = EntityEndingAt(entities, t.End);
            if (entity is not null && entity.Type == EntityType.Person) return DocumentAbout(text, tokens, entities, entity, floor) ?? AsideOwner(text, tokens, entities, entity, k, verb, floor) ?? entity.Span;
            // An unclassified name right before the verb ("Viguerie notes") is still the one speaking.
            if (entity is not null && entity.Type == EntityType.Other && OnlyApposition(text, tokens, k + 1, verb)) return DocumentAbout(text, tokens, entities, entity, floor) ?? AsideOwner(text, tokens, entities, entity, k, verb, floor) ?? institution ?? entity.Span;
            // A place speaks for its government only as the verb's own subject ("China said"), not from inside an aside ("the
            // ambassador to the United States, also visited … and called") nor after a preposition ("the embassy in Benghazi, said").
            bool place = entity is { Type: EntityType.Place } && (!OnlyApposition(text, tokens, k + 1, verb) || AfterPreposition(text, tokens, entity, floor));
            // "Experts on North Korea said", "The city of Phoenix is demanding": the phrase the place completes is the speaker.
            if (place && OnlyApposition(text, tokens, k + 1, verb) && DescribedByPlace(text, tokens, entity!, floor) is { } described) return institution ?? described;
            if (entity is not null && entity.Type != EntityType.Other && verb - k <= 8 && !place) institution ??= entity.Span;
            if (Pronouns.Has(w) && char.IsLower(w[0]) || w is "He" or "She" or "They" or "It" or "I" or "We") return institution ?? t.Span;
            var np = RoleNounPhrase(text, tokens, k);
            // "Ron Dermer, Israel's ambassador to the United States, …": the role in apposition names the person before it.
            if (np is { } role && Tokenizer.FirstAtOrAfter(tokens, role.Start) is int r && r - 2 >= floor && W(text, tokens[r - 1]) is "," && EntityEndingAt(entities, tokens[r - 2].End) is { Type: EntityType.Person } owner) return owner.Span;
            if (np is not null) return institution ?? np;
            // "the announcer said", "the bespectacled, 71-year-old diplomat said", "civil rights activists say": a speaker we cannot name.
            if (k == verb - 1 && CommonNounPhraseEndingAt(text, tokens, k, floor) is { } common)
            {
                return institution ?? common;
            }
        }
        return institution;
    }

    /// <summary>True when the place follows a preposition ("the embassy in Benghazi", "Experts on North Korea").</summary>
    private static bool AfterPreposition(string text, IReadOnlyList<Token> tokens, Entity place, int floor)
    {
        int at = Tokenizer.FirstAtOrAfter(tokens, place.Span.Start);
        return at - 1 >= floor && at > 0 && Prepositions.Contains(W(text, tokens[at - 1]).ToString());
    }

    /// <summary>
    /// The described speaker a place completes after a preposition ("Experts on North Korea", "The city of Phoenix", "Senator
    /// from Texas"), or null when no noun stands before the preposition.
    /// </summary>
    private static Span? DescribedByPlace(string text, IReadOnlyList<Token> tokens, Entity place, int floor)
    {
        int head = Tokenizer.FirstAtOrAfter(tokens, place.Span.Start) - 2;
        if (head < floor || head < 0) return null;
        var h = W(text, tokens[head]);
        if (tokens[head].Kind != TokenKind.Word || Words.Stop.Has(h) || !LooksLikeNoun(h)) return null;
        int start = head;
        while (start - 1 >= floor && start > head - 3 && tokens[start - 1].Kind == TokenKind.Word && (Determiners.Has(W(text, tokens[start - 1])) || !Words.Stop.Has(W(text, tokens[start - 1])) && !IsSpeechVerb(W(text, tokens[start - 1])))) start--;
        return new Span(tokens[start].Start, place.Span.End);
    }

    /// <summary>The subject of a sentence's main clause: the first person, organisation or personal pronoun in its opening words.</summary>
    private static Span? MainSubject(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int first, int limit)
    {
        for (int j = first; j < limit && j < first + 12; j++)
        {
            if (EntityStartingAt(entities, tokens[j].Start) is { Type: EntityType.Person or EntityType.Organization } e) return e.Span;
            if (IsPersonalPronoun(W(text, tokens[j]))) return tokens[j].Span;
            if (W(text, tokens[j]) is "“" or "\"" or "''" or ";" or ":") return null;
        }
        return null;
    }

    /// <summary>A pronoun that stands for people ("it" is left out: it names an institution or nothing).</summary>
    private static bool IsPersonalPronoun(ReadOnlySpan<char> w) => w is "he" or "she" or "they" or "we" or "I" or "He" or "She" or "They" or "We";

    private static Entity? EntityAt(IReadOnlyList<Entity> entities, Span span) => EntityStartingAt(entities, span.Start) is { } e && e.Span == span ? e : null;

    private static readonly FrozenSet<string> NounLikeCues = Lexicon.Set(typeof(QuoteExtractor), "noun-like-cues.lex", ignoreCase: false);

    private static readonly FrozenSet<string> Collectives = Lexicon.Set(typeof(QuoteExtractor), "collectives.lex", ignoreCase: false);

    private static readonly FrozenSet<string> Determiners = Lexicon.Set(typeof(QuoteExtractor), "determiners.lex", ignoreCase: true);

    /// <summary>
    /// A described speaker ending at token <paramref name="head"/>: from a determiner ("the bespectacled, 71-year-old diplomat"),
    /// or a bare plural ("civil rights activists"). Null when the head is not a noun or no such phrase starts within reach.
    /// </summary>
    private static Span? CommonNounPhraseEndingAt(string text, IReadOnlyList<Token> tokens, int head, int floor)
    {
        var h = W(text, tokens[head]);
        if (tokens[head].Kind != TokenKind.Word || !char.IsLower(h[0]) || Words.Stop.Has(h) || !LooksLikeNoun(h)) return null;
        int start = head;
        for (int j = head - 1; j >= floor && j >= head - 9; j--)
        {
            var w = W(text, tokens[j]);
            if (Determiners.Has(w)) return new Span(tokens[j].Start, tokens[head].End);
            bool modifier = tokens[j].Kind == TokenKind.Number || w is "-" || (tokens[j].Kind == TokenKind.Word && !Words.Stop.Has(w) && !w.EndsWith("ly", StringComparison.Ordinal));
            if (w is "," && j > floor && W(text, tokens[j - 1]) is { Length: > 0 } adj && char.IsLower(adj[0]) && LooksLikeAdjective(adj)) continue; // "bespectacled, 71-year-old"
            if (!modifier) break;
            start = j;
        }
        // Without a determiner only a plural or a body of people stands for someone: "officials said", "civil rights activists say", "police said".
        return (h.EndsWith('s') || Collectives.Has(h)) && !h.EndsWith("ss", StringComparison.Ordinal) && (start == head || !HasComma(text, tokens, start, head)) ? new Span(tokens[start].Start, tokens[head].End) : null;
    }

    /// <summary>"said one former GOP leadership aide", "says a narrator": a described speaker after the verb, up to a comma, a clause or the end.</summary>
    private static Span? CommonNounPhraseFrom(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int from, int limit)
    {
        int last = -1;
        for (int j = from + 1; j < tokens.Count && j <= from + 8 && tokens[j].Start < limit; j++)
        {
            var w = W(text, tokens[j]);
            if (tokens[j].Kind == TokenKind.Punctuation && w is not "-" || Words.Stop.Has(w) && !Determiners.Has(w)) break;
            last = j;
        }
        if (last < 0) return null;
        var head = W(text, tokens[last]);
        if (!(char.IsUpper(head[0]) || LooksLikeNoun(head))) return null;
        // "another leading advocate, Andrew J. Pincus": the name in apposition is the better handle.
        if (last + 2 < tokens.Count && W(text, tokens[last + 1]) is "," && EntityStartingAt(entities, tokens[last + 2].Start) is { Type: EntityType.Person } named) return named.Span;
        return new Span(tokens[from].Start, tokens[last].End);
    }

    private static bool LooksLikeAdjective(ReadOnlySpan<char> w) =>
        w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal) || w.EndsWith("ful", StringComparison.Ordinal) || w.EndsWith("ive", StringComparison.Ordinal)
        || w.EndsWith("al", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("less", StringComparison.Ordinal) || w is "old";

    private static bool LooksLikeNoun(ReadOnlySpan<char> w) =>
        w.Length > 2 && !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal) && !w.EndsWith("ly", StringComparison.Ordinal) && !SpeechVerbs.Has(w);

    private static bool HasComma(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (W(text, tokens[j]) is ",") return true;
        }
        return false;
    }

    private static bool OnlyTitlesBetween(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            var w = W(text, tokens[j]);
            if (w is not "." && !EntityLexicons.Titles.Has(w)) return false;
        }
        return true;
    }

    /// <summary>True when tokens [from, to) are nothing but an apposition's punctuation and numbers ("Quina Jones, 25, said").</summary>
    private static bool OnlyApposition(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (tokens[j].Kind is not (TokenKind.Punctuation or TokenKind.Number) || W(text, tokens[j]) is "." or "”" or "“" or "\"") return false;
        }
        return to - from <= 4;
    }

    /// <summary>The speaker named right after a reporting verb ("said Sun Yun", "according to the ministry").</summary>
    private static Span? SubjectAfter(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int limit)
    {
        for (int k = verb + 1; k < tokens.Count && k <= verb + 6 && tokens[k].Start < limit; k++)
        {
            var t = tokens[k];
            var w = W(text, t);
            if (w is "." || tokens[k].Kind == TokenKind.Number || w is "/") continue; // "said Rep. G.K. Butterfield", "said 9/11 widow Terry Strada"
            var entity = EntityStartingAt(entities, t.Start);
            // "said Zhang’s attorney, Beverly Cutler": a possessor is not who speaks; the one it owns is.
            if (entity is not null && Possessed(text, tokens, entities, entity, limit) is { } owned) return owned;
            // An unclassified name counts right after the verb or after nothing but a title ("said Mr. Burman").
            if (entity is not null && (entity.Type != EntityType.Other || OnlyTitlesBetween(text, tokens, verb + 1, k))) return entity.Span;
            if (Pronouns.Has(w) && k == verb + 1) return t.Span;
            if (k == verb + 1 && Determiners.Has(w) && CommonNounPhraseFrom(text, tokens, entities, k, limit) is { } described) return described;
            // Only a role's own words may stand between the verb and the name ("said Chinese foreign ministry spokesperson Lin Jian").
            if (!(w is "the" or "a" || char.IsUpper(w[0]) || EntityLexicons.RoleNouns.Has(w) || EntityLexicons.Titles.Has(w) || w is "ministry" or "’s" or "'s")) return null;
        }
        return null;
    }

    /// <summary>
    /// For a name written as a possessor ("Zhang’s attorney, Beverly Cutler", "Cohen's lawyers"): the person named in
    /// apposition to what it owns, else the owned phrase itself (a description that names no one). Null when the name is
    /// no possessor.
    /// </summary>
    private static Span? Possessed(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, Entity owner, int limit)
    {
        int k = Tokenizer.FirstAtOrAfter(tokens, owner.Span.End) - 1; // the token holding the name's last character
        if (k < 0 || k >= tokens.Count || tokens[k].End < owner.Span.End) return null;
        int next;
        var last = W(text, tokens[k]);
        if (last.EndsWith("’s", StringComparison.Ordinal) || last.EndsWith("'s", StringComparison.Ordinal)) next = k + 1;
        else if (k + 1 < tokens.Count && tokens[k + 1].Start == tokens[k].End && W(text, tokens[k + 1]) is "’s" or "'s" or "’" or "'") next = k + 2;
        else return null;
        for (int j = next; j < tokens.Count && j <= next + 3 && tokens[j].Start < limit; j++)
        {
            var w = W(text, tokens[j]);
            if (tokens[j].Kind != TokenKind.Word) return null;
            if (!EntityLexicons.RoleNouns.Has(w) && !EntityLexicons.Titles.Has(w) && !w.EndsWith('s')) continue;
            var owned = new Span(owner.Span.Start, tokens[j].End);
            if (j + 2 < tokens.Count && W(text, tokens[j + 1]) is "," && EntityStartingAt(entities, tokens[j + 2].Start) is { Type: EntityType.Person } named) return named.Span;
            return owned;
        }
        return null;
    }

    /// <summary>"the Chinese leader", "the spokeswoman": a definite role noun ending at token <paramref name="k"/>.</summary>
    private static Span? RoleNounPhrase(string text, IReadOnlyList<Token> tokens, int k)
    {
        var w = W(text, tokens[k]);
        if (!EntityLexicons.RoleNouns.Has(w) && !EntityLexicons.Titles.Has(w)) return null;
        for (int j = k - 1; j >= 0 && j >= k - 4; j--)
        {
            var d = W(text, tokens[j]);
            if (d.Equals("the", StringComparison.OrdinalIgnoreCase) && j >= k - 3) return new Span(tokens[j].Start, tokens[k].End);
            // "Obama’s former campaign strategist": a possessor stands where "the" would.
            if (d is "’s" or "'s" or "’" or "'" && j > 0 && char.IsUpper(text[tokens[j - 1].Start])) return new Span(tokens[j - 1].Start, tokens[k].End);
            if (d.Length > 2 && (d.EndsWith("’s", StringComparison.Ordinal) || d.EndsWith("'s", StringComparison.Ordinal)) && char.IsUpper(d[0])) return new Span(tokens[j].Start, tokens[k].End);
            if (tokens[j].Kind != TokenKind.Word) return null;
        }
        return null;
    }
}
