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

    /// <summary>Whether the claim is one topic of a list of what was discussed ("the leaders discussed trade, <u>Taiwan</u> and Ukraine").</summary>
    public bool Topic { get; init; }

    /// <summary>How the claim reads on its own when that is not its span's text: a topic with the words that introduce it.</summary>
    public string? Claim { get; init; }

    /// <summary>The topics this claim lists, each its own claim.</summary>
    public IReadOnlyList<SentenceUnit> Topics { get; init; } = [];
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
                    foreach (var (p, t) in claims) AddClaim(units, a, i, p, t, whole: false, canonical);
                    continue;
                }
            }
            AddClaim(units, a, i, new Propositions.Proposition(span, null), Terms(a, span, canonical), whole: true, canonical);
        }
        return units;
    }

    /// <summary>Weight of the mark every listed topic carries: enough to keep topics apart from sentences, too little to pair two different topics.</summary>
    public const double TopicMark = 0.5;

    /// <summary>
    /// A claim, and a claim per topic it lists (see <see cref="Propositions.TopicLists"/>): the topics come first, so a
    /// value inside one belongs to it, and the claim keeps only what the list leaves, so it is matched on the rest.
    /// </summary>
    private static void AddClaim(List<SentenceUnit> units, AnalyzedArticle a, int sentence, Propositions.Proposition p, Dictionary<string, double> terms, bool whole, Func<string, string, string> canonical)
    {
        string? subject = p.Subject is null ? null : canonical(a.Id, p.Subject);
        var topics = new List<SentenceUnit>();
        List<string>? placesNamed = null;
        foreach (var t in Propositions.TopicLists.Find(a, p.Span))
        {
            var itemTerms = Terms(a, t.Span, canonical);
            if (itemTerms.Count == 0) continue;
            // "the conflict also featured in the conversation": a topic naming no place is about the places its sentence names.
            if (!itemTerms.Keys.Any(k => k[0] == '@') && t.Span.Of(a.Text).StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                placesNamed ??= SentencePlaces(a, a.Sentences[sentence].Span, canonical);
                foreach (var name in placesNamed) itemTerms.TryAdd(name, 1);
            }
            itemTerms["~topic"] = TopicMark;
            topics.Add(new SentenceUnit(a.Id, sentence, t.Span, itemTerms) { Whole = false, Topic = true, Claim = t.Claim, Subject = subject });
        }
        foreach (var t in topics)
        {
            foreach (var key in t.Terms.Keys) terms.Remove(key);
        }
        units.AddRange(topics);
        if (terms.Count >= 3) units.Add(new SentenceUnit(a.Id, sentence, p.Span, terms) { Whole = whole, Subject = whole ? null : subject, Topics = topics });
    }

    /// <summary>A claim's terms, with the name it is about when that is written outside it.</summary>
    private static Dictionary<string, double> ClaimTerms(AnalyzedArticle a, Propositions.Proposition p, Func<string, string, string> canonical)
    {
        var terms = Terms(a, p.Span, canonical);
        if (p.Subject is not null) terms["@" + canonical(a.Id, p.Subject)] = 1.5;
        return terms;
    }

    /// <summary>The parts of a hyphenated compound that the article names on their own: "Russia-Ukraine war", "China-US ties".</summary>
    private static IEnumerable<string> NamedParts(AnalyzedArticle a, string word)
    {
        foreach (var part in word.Split('-'))
        {
            if (part.Length < 2 || !char.IsUpper(part[0])) continue;
            if (Stages.Entities.EntityLexicons.Places.TryGetValue(part, out var place)) yield return place;
            else if (a.Entities.Any(e => e.Type != EntityType.Other && e.Name == part)) yield return part;
        }
    }

    /// <summary>The place terms ("@" and a canonical name) of a sentence: places the article names, and known places in compounds ("Russia-Ukraine").</summary>
    private static List<string> SentencePlaces(AnalyzedArticle a, Span sentence, Func<string, string, string> canonical)
    {
        var places = a.Entities.Where(e => e.Type == EntityType.Place).Select(e => canonical(a.Id, e.Name)).ToHashSet(StringComparer.Ordinal);
        return [.. Terms(a, sentence, canonical).Keys.Where(k => k[0] == '@' && (places.Contains(k[1..]) || Stages.Entities.EntityLexicons.Places.ContainsKey(k[1..])))];
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
            if (w.Contains('-') && char.IsUpper(w[0]))
            {
                foreach (var part in NamedParts(a, w)) terms["@" + canonical(a.Id, part)] = 1.5;
            }
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
