using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// A claim of an independent source as the aligner compares it: a whole sentence, or one of the claims it makes (see
/// <see cref="Propositions.PropositionSplitter"/>), with its terms, entities, times and numbers.
/// </summary>
public sealed record SentenceUnit(string Article, int Index, Span Span, IReadOnlyDictionary<string, double> Terms)
{
    public int Cluster { get; set; } = -1;

    /// <summary>Whether the unit is its whole sentence (else one claim of it).</summary>
    public bool Whole { get; init; } = true;

    /// <summary>Whom the claim is about when its subject is written elsewhere in the sentence ("[Xi Jinping] emphasized that …").</summary>
    public string? Subject { get; init; }
}

/// <summary>Turns sentences into weighted term bags: stems (with shared synonyms), canonical entity names, time values and numbers.</summary>
public static class SentenceFeatures
{
    private static readonly FrozenDictionary<string, string> Synonyms = Lexicon.Map(typeof(SentenceFeatures), "synonyms.lex");

    public static string Concept(string word)
    {
        string lower = word.ToLowerInvariant();
        return Synonyms.TryGetValue(lower, out var c) ? c : Words.Stem(lower);
    }

    public static List<SentenceUnit> Units(AnalyzedArticle a, Func<string, string, string> canonical)
    {
        var units = new List<SentenceUnit>();
        for (int i = 0; i < a.Sentences.Count; i++)
        {
            var span = a.Sentences[i].Span;
            if (IsHeading(a.Text, span) || Furniture.Is(a.Text.AsSpan(span.Start, span.Length))) continue;
            var parts = Propositions.PropositionSplitter.Split(a, span);
            if (parts.Count > 1)
            {
                var claims = parts.Select(p => (p, Terms: ClaimTerms(a, p, canonical))).ToList();
                // Split only where every claim still has enough to be matched on.
                if (claims.All(c => c.Terms.Count >= 3))
                {
                    foreach (var (p, t) in claims) units.Add(new SentenceUnit(a.Id, i, p.Span, t) { Whole = false, Subject = p.Subject is null ? null : canonical(a.Id, p.Subject) });
                    continue;
                }
            }
            var terms = Terms(a, span, canonical);
            if (terms.Count < 3) continue;
            units.Add(new SentenceUnit(a.Id, i, span, terms));
        }
        return units;
    }

    /// <summary>A claim's terms, with the name it is about when that is written outside it.</summary>
    private static Dictionary<string, double> ClaimTerms(AnalyzedArticle a, Propositions.Proposition p, Func<string, string, string> canonical)
    {
        var terms = Terms(a, p.Span, canonical);
        if (p.Subject is not null) terms["@" + canonical(a.Id, p.Subject)] = 1.5;
        return terms;
    }

    /// <summary>A line without final punctuation: a headline or crosshead, not a statement.</summary>
    public static bool IsHeading(string text, Span span)
    {
        char last = text[span.End - 1];
        return last is not ('.' or '!' or '?' or '”' or '"' or ')' or '’' or '\'') && span.Length < 140;
    }

    public static Dictionary<string, double> Terms(AnalyzedArticle a, Span span, Func<string, string, string> canonical)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        string text = a.Text;
        var entitySpans = Sorted.Inside(a.Entities, span, static e => e.Span).ToList();
        for (int k = Tokenizer.FirstAtOrAfter(a.Tokens, span.Start); k < a.Tokens.Count; k++)
        {
            var t = a.Tokens[k];
            if (t.Start >= span.End) break;
            if (t.Kind != TokenKind.Word || t.Length < 3) continue;
            if (entitySpans.Any(e => e.Span.Contains(t.Span) && e.Type != EntityType.Other)) continue;
            string w = text[t.Start..t.End];
            if (Words.IsStop(w) && !Synonyms.ContainsKey(w)) continue;
            terms[Concept(w)] = 1;
        }
        foreach (var e in entitySpans)
        {
            if (e.Type == EntityType.Other) continue;
            terms["@" + canonical(a.Id, e.Name)] = 1.5;
        }
        foreach (var tx in Sorted.Inside(a.Times, span, static x => x.Span))
        {
            // By calendar day: "Tuesday morning" and "Tuesday" date the same fact.
            if (tx.Type is TimexType.Date or TimexType.Time) terms["#t:" + TimeInterval.CalendarPart(tx.Value)] = 1.5;
        }
        foreach (var q in Sorted.Inside(a.Quantities, span, static x => x.Span))
        {
            if (q.Value is { } v) terms[$"#q:{v:G6}:{q.Unit}"] = 1.5;
        }
        return terms;
    }
}
