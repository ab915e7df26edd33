using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stages.Times;

/// <summary>Whether a time expression refers back or forward from the moment of writing.</summary>
public enum Tense
{
    Past,
    Present,
    Future,
}

/// <summary>Reads the tense around a time expression from nearby verbs: "will visit in April" looks forward, "met in October" back.</summary>
public static class TenseReader
{
    private static readonly FrozenSet<string> FutureCues = Lexicon.Set(typeof(TenseReader), "future-cues.lex");
    private static readonly FrozenSet<string> IrregularPast = Lexicon.Set(typeof(TenseReader), "irregular-past.lex");
    private static readonly FrozenSet<string> NotVerbsAfterTo = Lexicon.Set(typeof(TenseReader), "not-verbs-after-to.lex");
    private static readonly FrozenSet<string> EdNotPast = FrozenSet.ToFrozenSet(["need", "speed", "seed", "feed", "red", "bed", "hundred", "shed", "bred", "sled", "weed", "breed", "greed", "deed", "creed", "indeed", "united", "limited", "based", "related", "called", "so-called", "armed", "advanced", "detailed", "expected", "scheduled", "planned"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The tense governing <paramref name="span"/> within <paramref name="sentence"/>.</summary>
    public static Tense At(string text, IReadOnlyList<Token> tokens, Span sentence, Span span)
    {
        int first = Tokenizer.FirstAtOrAfter(tokens, sentence.Start);
        int at = Tokenizer.FirstAtOrAfter(tokens, span.Start);
        // Nearest cue to the left, within the clause, decides.
        for (int k = at - 1, seen = 0; k >= first && seen < 10; k--, seen++)
        {
            var t = tokens[k];
            string w = text[t.Start..t.End];
            if (t.Kind == TokenKind.Punctuation && w is ";" or "—" or ":") break;
            var cue = Classify(text, tokens, k, w);
            if (cue is not null) return cue.Value;
        }
        // Otherwise the nearest cue to the right: "The October agreement included …".
        for (int k = Tokenizer.FirstAtOrAfter(tokens, span.End), seen = 0; k < tokens.Count && tokens[k].Start < sentence.End && seen < 12; k++, seen++)
        {
            var t = tokens[k];
            var cue = Classify(text, tokens, k, text[t.Start..t.End]);
            if (cue is not null) return cue.Value;
        }
        return Tense.Present;
    }

    private static Tense? Classify(string text, IReadOnlyList<Token> tokens, int k, string w)
    {
        if (FutureCues.Contains(w)) return Tense.Future;
        if (w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || w.EndsWith("’ll", StringComparison.OrdinalIgnoreCase)) return Tense.Future;
        if (w.Equals("to", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count)
        {
            var n = tokens[k + 1];
            string next = text[n.Start..n.End];
            // "had to apologize Saturday" is an obligation already met: it looks back.
            if (k > 0 && text[tokens[k - 1].Start..tokens[k - 1].End].Equals("had", StringComparison.OrdinalIgnoreCase)) return Tense.Past;
            // An infinitive ("invitation to visit") looks forward from the clause it hangs on.
            if (n.Kind == TokenKind.Word && char.IsLower(next[0]) && !NotVerbsAfterTo.Contains(next) && !next.EndsWith("ing", StringComparison.Ordinal) && !next.EndsWith("ed", StringComparison.Ordinal)) return Tense.Future;
            return null;
        }
        if (IrregularPast.Contains(w)) return Tense.Past;
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && char.IsLower(w[0]) && !EdNotPast.Contains(w)) return Tense.Past;
        return null;
    }
}
