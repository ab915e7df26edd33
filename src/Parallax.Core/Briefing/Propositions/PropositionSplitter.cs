using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing.Propositions;

/// <summary>
/// One claim inside a sentence: its span (the words that state it, without the linking word) and, when the claim's
/// subject is written elsewhere in the sentence ("…, who emphasized that …", "…, though he did not mention Taiwan"),
/// the name it is about.
/// </summary>
public sealed record Proposition(Span Span, string? Subject);

/// <summary>
/// Splits a sentence into the claims it makes, so that a source is counted for exactly the claims it states: a
/// non-restrictive relative clause about a named person ("X, who emphasized that …"), and a second clause after
/// a comma and a linking word ("…, though he did not mention Taiwan", "…, but said the call covered Ukraine", "…; China
/// shelved its plan"). Quotations are never split, and a sentence is split only when every part still states something.
/// This is the extract step; <see cref="SubjectOf"/> and the fact aligner decide what each part is about and with what it agrees.
/// </summary>
public static class PropositionSplitter
{
    private static readonly FrozenSet<string> Links = Lexicon.Set(typeof(PropositionSplitter), "clause-links.lex");
    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "he", "she");

    /// <summary>Fewest words each part of a split keeps.</summary>
    public const int MinimumWords = 4;

    /// <summary>The claims of the sentence at <paramref name="sentence"/>: the whole sentence alone when it makes one.</summary>
    public static List<Proposition> Split(AnalyzedArticle a, Span sentence)
    {
        string text = a.Text;
        var quoted = ClauseWords.Quoted(text, sentence);
        var words = ClauseWords.Of(a, sentence);
        var cuts = new List<(int Boundary, int ClauseStart, string? Subject)>();
        for (int i = 1; i + 1 < words.Count; i++)
        {
            var w = words[i];
            string word = w.Span.Of(text);
            string between = text[words[i - 1].End..w.Start];
            bool afterComma = between.Contains(',') || between.Contains(';');
            bool afterSemicolon = between.Contains(';');
            // "… but said the call covered Ukraine" needs no comma: a second verb for the same subject.
            bool bareBut = !afterComma && word == "but" && i + 1 < words.Count && IsVerb(words[i + 1].Span.Of(text));
            if ((!afterComma && !bareBut) || quoted.Any(q => q.Start <= w.Start && w.Start < q.End)) continue;
            if (between.Contains('(') || between.Contains('—') || between.Contains('–')) continue;
            // A quotation closing before the link stays whole in the first part: "… to China,” though he …".
            int closing = between.LastIndexOfAny(['”', '"', '’']);
            int boundary = words[i - 1].End + (closing >= 0 ? closing + 1 : 0);
            if (word == "who")
            {
                // "…, who said …" ending the sentence: the relative clause is a claim about the person named before it.
                // ("…, which …" is left alone: after a name it as often refers to a thing named earlier, "a letter signed by
                // 42 Republicans, which stated …".)
                var antecedent = a.Entities.LastOrDefault(e => e.Span.End == words[i - 1].End && e.Type == EntityType.Person);
                if (antecedent is null || !HasVerb(text, words, i + 1) || TailReturnsToMainClause(text, words, i + 1)) continue;
                cuts.Add((boundary, words[i + 1].Start, antecedent.Name));
                continue;
            }
            if (afterSemicolon && HasVerb(text, words, i))
            {
                cuts.Add((boundary, w.Start, null));
                continue;
            }
            if (!Links.Contains(word) || i + 2 >= words.Count) continue;
            var next = words[i + 1];
            string nextWord = next.Span.Of(text);
            if (Pronouns.Contains(nextWord) && IsVerb(words[i + 2].Span.Of(text)))
            {
                // "…, though he did not mention Taiwan": the claim starts at its verb, about the person the pronoun stands for.
                if (SubjectOf(a, sentence, boundary) is { } person) cuts.Add((boundary, words[i + 2].Start, person));
            }
            else if (IsVerb(nextWord) && word is not "and")
            {
                // "…, but said the call covered Ukraine": the main clause's subject says the second part too; without one
                // named, the second part would be a fragment ("said that …"), so the sentence stays whole.
                if (SubjectOf(a, sentence, boundary) is { } doer) cuts.Add((boundary, next.Start, doer));
            }
            else if (char.IsUpper(nextWord[0]) && HasVerb(text, words, i + 1, 4) && word is not "and")
            {
                cuts.Add((boundary, next.Start, null)); // "…, while China shelved its plan": a clause with its own subject
            }
        }
        if (cuts.Count == 0) return [new Proposition(sentence, null)];
        var parts = new List<Proposition>();
        int from = sentence.Start;
        string? subject = null;
        foreach (var (boundary, start, s) in cuts)
        {
            parts.Add(new Proposition(Trimmed(text, from, boundary), subject));
            from = start;
            subject = s;
        }
        parts.Add(new Proposition(Trimmed(text, from, sentence.End), subject));
        // Every part must still state something; otherwise the sentence stays whole.
        if (parts.Any(p => WordCount(a, p.Span) < MinimumWords)) return [new Proposition(sentence, null)];
        return parts;
    }

    /// <summary>The person the sentence is about before <paramref name="before"/>: its first named person, or null.</summary>
    public static string? SubjectOf(AnalyzedArticle a, Span sentence, int before)
    {
        var inside = Sorted.Inside(a.Entities, new Span(sentence.Start, before), static e => e.Span).ToList();
        // The first person named; else a name opening the sentence ("Beijing, which announced the call, said …"), typed or not.
        return (inside.FirstOrDefault(e => e.Type == EntityType.Person)
            ?? inside.FirstOrDefault(e => e.Span.Start == sentence.Start && e.Type is EntityType.Organization or EntityType.Place or EntityType.Other))?.Name;
    }

    internal static bool IsVerb(string word) =>
        word.Length > 2 && char.IsLower(word[0]) && (SpeechVerbs.Contains(word) || word.EndsWith("ed", StringComparison.Ordinal) || Finite.Contains(word));

    private static readonly FrozenSet<string> Finite = Lexicon.Set(typeof(PropositionSplitter), "finite-verbs.lex", ignoreCase: false);

    private static bool HasVerb(string text, List<Token> words, int from, int within = 12)
    {
        for (int k = from; k < words.Count && k < from + within; k++)
        {
            if (IsVerb(words[k].Span.Of(text))) return true;
        }
        return false;
    }

    /// <summary>"X, who spoke by phone, said …": a relative clause closed by a comma before the main verb is an aside, not the end.</summary>
    private static bool TailReturnsToMainClause(string text, List<Token> words, int from)
    {
        for (int k = from + 1; k < words.Count; k++)
        {
            string between = text[words[k - 1].End..words[k].Start];
            if (between.Contains(',') && IsVerb(words[k].Span.Of(text))) return true;
        }
        return false;
    }

    private static Span Trimmed(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';')) end--;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        return new Span(start, end);
    }

    private static int WordCount(AnalyzedArticle a, Span span)
    {
        int n = 0;
        for (int k = Tokenizer.FirstAtOrAfter(a.Tokens, span.Start); k < a.Tokens.Count && a.Tokens[k].Start < span.End; k++)
        {
            if (a.Tokens[k].Kind == TokenKind.Word) n++;
        }
        return n;
    }
}
