using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// The words around a value (a date, a figure) inside its sentence, weighted by closeness. Two values from different
/// sources whose contexts match are values of the same thing; this is what makes "later this year" and "later next year"
/// rivals while "in April" stays apart.
/// </summary>
public static class MentionContext
{
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> Capitals = Lexicon.Map(typeof(MentionContext), "capitals.lex");

    private static readonly System.Collections.Frozen.FrozenSet<string> TimeModifiers = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "earlier", "later", "early", "late");

    public static Dictionary<string, double> Of(AnalyzedArticle a, Span mention, Span sentence, Func<string, string, string> canonical, IReadOnlyList<Span> skip)
    {
        var ctx = new Dictionary<string, double>(StringComparer.Ordinal);
        var tokens = a.Tokens;
        int at = Tokenizer.FirstAtOrAfter(tokens, mention.Start);
        int end = Tokenizer.FirstAtOrAfter(tokens, mention.End);
        // "Earlier Friday", "late Tuesday": a word placing the value within its day belongs to the value, not to what it dates.
        while (at > 0 && tokens[at - 1].Start >= sentence.Start && TimeModifiers.Contains(a.Text[tokens[at - 1].Start..tokens[at - 1].End])) at--;
        Collect(a, tokens, at - 1, -1, sentence, canonical, skip, ctx, 8, 1.0, crossComma: true);
        // English puts what a value dates or counts mostly before it ("visit the U.S. later this year"); the right side weighs
        // less, unless nothing before the value says what it is about ("On Friday, Liz Cheney issued…"): then the clause after it does.
        bool opening = ctx.Count == 0;
        Collect(a, tokens, end, 1, sentence, canonical, skip, ctx, opening ? 8 : 4, opening ? 1.0 : 0.5, crossComma: opening);
        return ctx;
    }

    private static void Collect(AnalyzedArticle a, IReadOnlyList<Token> tokens, int from, int step, Span sentence, Func<string, string, string> canonical, IReadOnlyList<Span> skip, Dictionary<string, double> ctx, int reach, double sideWeight, bool crossComma)
    {
        int distance = 0;
        int found = ctx.Count;
        bool crossed = !crossComma;
        for (int k = from; k >= 0 && k < tokens.Count && distance < reach; k += step)
        {
            var t = tokens[k];
            if (t.Start < sentence.Start || t.End > sentence.End) break;
            string w = a.Text[t.Start..t.End];
            // A value belongs to its own clause: stop at clause punctuation and at a conjunction starting another. A value set
            // off by commas with nothing of substance before it ("Mr. Jackson, 47, said"; "On Friday, she said") belongs to the
            // clause across the comma, so one comma is crossed while nothing has been found (rightwards only for such an opening).
            if (w is "," && !crossed && ctx.Count == found)
            {
                crossed = true;
                continue;
            }
            if (w is ";" or "—" or "–" or "," or ":" or "(" or ")" or "“" or "”" or "\"") break;
            if (w is "and" or "but" or "while" or "whereas" or "although" or "though") break;
            if (t.Kind != TokenKind.Word) continue;
            distance++;
            if (Sorted.AnyContaining(skip, t.Span)) continue;
            // The nearest words (the event the value dates or counts) weigh most.
            double weight = sideWeight * Math.Pow(distance, -0.7);
            var entity = Sorted.FirstContaining(a.Entities, t.Span, static e => e.Span, static e => e.Type != EntityType.Other);
            if (entity is not null)
            {
                string name = canonical(a.Id, entity.Name);
                Add(ctx, "@" + name, 1.2 * weight);
                if (Capitals.TryGetValue(name, out var country)) Add(ctx, "@" + country, 1.2 * weight);
                continue;
            }
            if (Words.IsStop(w) || t.Length < 3) continue;
            Add(ctx, SentenceFeatures.Concept(w), weight);
        }
    }

    private static void Add(Dictionary<string, double> ctx, string key, double weight) => ctx[key] = Math.Max(ctx.GetValueOrDefault(key), weight);

    public static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (k, w) in a)
        {
            na += w * w;
            if (b.TryGetValue(k, out var x)) dot += w * x;
        }
        foreach (var w in b.Values) nb += w * w;
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
