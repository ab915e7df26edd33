using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing.Values;

/// <summary>
/// The event a value dates or counts, as the verb nearest to it in its clause ("apologized on Friday", "had to apologize
/// Saturday"): two outlets giving rival days for one verb of one participant state one event. Speech verbs are left out —
/// a person says things on many days — and so are auxiliaries, which name no event.
/// </summary>
internal static class ValuePredicate
{
    private static readonly FrozenSet<string> IrregularPast = Lexicon.Set(typeof(Stages.Times.TenseReader), "irregular-past.lex");

    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "did", "does", "do", "will", "would", "could", "can",
        "should", "may", "might", "must", "to", "not", "also", "still", "already", "only", "then", "again");

    /// <summary>The concept of the verb nearest the value within its clause, or null when there is none (or only a speech verb).</summary>
    public static string? Of(AnalyzedArticle a, Span value, Span sentence)
    {
        var tokens = a.Tokens;
        int at = Tokenizer.FirstAtOrAfter(tokens, value.Start);
        int end = Tokenizer.FirstAtOrAfter(tokens, value.End);
        return Scan(a, at - 1, -1, sentence, 6) ?? Scan(a, end, 1, sentence, 4);
    }

    private static string? Scan(AnalyzedArticle a, int from, int step, Span sentence, int reach)
    {
        var tokens = a.Tokens;
        for (int k = from, words = 0; k >= 0 && k < tokens.Count && words < reach; k += step)
        {
            var t = tokens[k];
            if (t.Start < sentence.Start || t.End > sentence.End) break;
            string w = a.Text[t.Start..t.End];
            if (w is ";" or "—" or "–" or "," or ":" or "(" or ")" or "“" or "”" or "\"") break;
            if (t.Kind != TokenKind.Word) continue;
            words++;
            if (w is "and" or "but" or "while" or "that" or "who" or "which") break;
            if (!char.IsLower(w[0]) || Auxiliaries.Contains(w)) continue;
            bool infinitive = k > 0 && a.Text[tokens[k - 1].Start..tokens[k - 1].End] == "to";
            bool verb = infinitive || IrregularPast.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal));
            if (!verb) continue;
            if (SpeechVerbs.Contains(w) || IrregularPast.Contains(w) && w is "said" or "told" or "spoke") return null;
            return SentenceFeatures.Concept(w);
        }
        return null;
    }

    private static readonly FrozenSet<string> Modals = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "will", "would", "could", "may", "might", "should", "shall", "expected", "expects", "plans", "planned", "scheduled", "projected", "likely");

    /// <summary>
    /// Whether the value's clause states a forecast, plan or supposition rather than what happened ("would have cut $1.3
    /// trillion", "is expected to vote Tuesday"): such a value is never set against an outcome.
    /// </summary>
    public static bool IsModal(AnalyzedArticle a, Span value, Span sentence)
    {
        var tokens = a.Tokens;
        for (int k = Tokenizer.FirstAtOrAfter(tokens, value.Start) - 1, words = 0; k >= 0 && words < 8; k--)
        {
            var t = tokens[k];
            if (t.Start < sentence.Start) break;
            string w = a.Text[t.Start..t.End];
            if (w is ";" or "—" or "–" or "," or ":" or "(" or ")" or "“" or "”" or "\"") break;
            if (t.Kind != TokenKind.Word) continue;
            words++;
            if (Modals.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal) || w.EndsWith("’ll", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether two values' contexts name different participants: each names someone (an entity) and they share none
    /// ("Obama has cut $716 billion" / "McCain would have cut $1.3 trillion").
    /// </summary>
    public static bool OtherParticipants(ValueMention m, ValueMention o)
    {
        // Two dates' few words of context may each catch another of the participants their sentences share.
        if (m.Kind == ConflictKind.Time && DateParticipants.Shared(m, o) >= DateParticipants.Least) return false;
        bool mine = false, theirs = false;
        foreach (var k in m.Context.Keys)
        {
            if (k[0] != '@') continue;
            mine = true;
            if (o.Context.ContainsKey(k)) return false;
        }
        foreach (var k in o.Context.Keys)
        {
            if (k[0] == '@') theirs = true;
        }
        return mine && theirs;
    }
}
