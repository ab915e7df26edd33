using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing.Facts;

/// <summary>
/// Which claims of a fact's sources state the fact as it is worded, and which only touch it: the aligner pairs claims by
/// weighted term overlap, which lets a claim sharing one rare word ("trade") or only names join a fact it does not state.
/// A source is counted for a fact only when its claim shares the worded claim's predicate and enough of its participants.
/// </summary>
public static class StatedSupport
{
    /// <summary>Words that carry no predicate of their own: auxiliaries and modals ("is", "would").</summary>
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "did", "does", "do", "will", "would", "could", "can", "should", "may", "might", "must"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular verb forms, beside any word in -ed, that name a clause's predicate ("met", "told", "held").</summary>
    private static readonly FrozenSet<string> VerbForms = Lexicon.Set(typeof(Propositions.PropositionSplitter), "finite-verbs.lex");

    /// <summary>
    /// Words that say who reports a claim, not what it claims ("stressed", "according to the statement"); a concept the
    /// synonym lexicon gathers words under is content even when a speech verb shares it ("call" of "called" and "phone call").
    /// </summary>
    private static readonly FrozenSet<string> Attribution =
        FrozenSet.ToFrozenSet([.. SpeechVerbs.All.Select(SentenceFeatures.Concept), .. new[] { "according", "statement", "report", "reported", "reportedly" }.Select(SentenceFeatures.Concept)], StringComparer.Ordinal)
            .Except(Lexicon.Map(typeof(SentenceFeatures), "synonyms.lex").Values).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Names of days and months: a date is a term of its own ("#t:…"), so the word naming it is not a second shared word
    /// ("on Saturday in Columbus" shares one date with "at another appearance on Saturday", not a date and a word).
    /// </summary>
    private static readonly FrozenSet<string> CalendarWords = FrozenSet.ToFrozenSet(
        new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" }
            .Select(SentenceFeatures.Concept), StringComparer.Ordinal);

    /// <summary>What one claim shares with the worded claim of its fact.</summary>
    /// <param name="Words">Shared content words (concepts), attribution words aside.</param>
    /// <param name="Names">Shared names of people, places and organisations.</param>
    /// <param name="Values">Shared dates and figures.</param>
    /// <param name="Predicate">Whether the claim shares a verb of the worded claim (or the worded claim has none to share).</param>
    /// <param name="Verbs">How many verbs the worded claim has to share (none when its predicate is a noun or a speech verb).</param>
    public sealed record Overlap(int Words, int Names, int Values, bool Predicate, int Verbs = 0)
    {
        /// <summary>
        /// Whether the claim states the worded one: a shared predicate with a second content word, a date or figure, or two
        /// names with it; without a shared predicate only a paraphrase sharing three content words, or two and a date or
        /// figure (the participants of a predicate worded otherwise: "will travel to China in April"). One word, or
        /// names and dates alone, make a claim that touches the fact, not one that states it.
        /// </summary>
        public bool States => Words >= 3 || (Words >= 2 && Values >= 1) || (Predicate && Words >= 1 && (Words >= 2 || Values >= 1 || Names >= 2));

        /// <summary>Whether the claim shares one of the worded claim's verbs (not merely lacks none to share).</summary>
        public bool SharesVerb => Predicate && Verbs > 0;
    }

    /// <summary>
    /// Each aligned fact's wording and the claims that state it: worded by a claim <paramref name="minor"/> does not reject
    /// (a disputed minority value) and, for a topic, by a list rather than a lone mention; then only the claims stating it
    /// as worded (<see cref="Of"/>), and, for a fact two sources state, the claims elsewhere that state it too (<see cref="Extend"/>).
    /// </summary>
    public static (List<SentenceUnit> Worded, List<List<SentenceUnit>> Stated) Resolve(FactAligner aligner, List<List<SentenceUnit>> facts, List<SentenceUnit> units, Func<SentenceUnit, bool> minor, Func<string, AnalyzedArticle> article)
    {
        var lone = LoneTopics(units);
        var worded = facts.Select(c => aligner.Representative(c, c.Any(u => !minor(u) && !lone(u)) ? u => minor(u) || lone(u) : minor)).ToList();
        var unitsOf = units.ToLookup(u => u.Article, StringComparer.Ordinal);
        var stated = new List<List<SentenceUnit>>(facts.Count);
        for (int k = 0; k < facts.Count; k++)
        {
            var a = article(worded[k].Article);
            var s = Of(facts[k], worded[k], a);
            if (s.Count >= 2) s = [.. s, .. Extend(s, worded[k], a, aligner.Touching(facts[k]).Union(facts[k].Select(u => u.Article)), unitsOf)];
            stated.Add(s);
        }
        return (worded, stated);
    }

    /// <summary>What <paramref name="unit"/> shares with <paramref name="worded"/>, the fact's wording, whose text is in <paramref name="article"/>.</summary>
    public static Overlap Compare(SentenceUnit unit, SentenceUnit worded, AnalyzedArticle article) => Compare(unit, worded, Verbs(worded, article));

    /// <summary>The verbs of the worded claim that its terms hold: what a claim stating it shares as its predicate.</summary>
    private static List<string> Verbs(SentenceUnit worded, AnalyzedArticle article) =>
        PredicateConcepts(article, worded.Span).Where(worded.Terms.ContainsKey).ToList();

    private static Overlap Compare(SentenceUnit unit, SentenceUnit worded, List<string> verbs)
    {
        int words = 0, names = 0, values = 0;
        foreach (var term in worded.Terms.Keys)
        {
            if (!unit.Terms.ContainsKey(term) || term[0] == '~' || Attribution.Contains(term) || CalendarWords.Contains(term)) continue;
            if (term[0] == '@') names++;
            else if (term[0] == '#') values++;
            else words++;
        }
        bool predicate = verbs.Count == 0 || verbs.Any(unit.Terms.ContainsKey);
        return new Overlap(words, names, values, predicate, verbs.Count);
    }

    /// <summary>
    /// The claims of a fact that state it as <paramref name="worded"/> words it: the worded claim itself, every claim of a
    /// topic fact that names the topic ("discussed … Ukraine" is stated by any claim naming Ukraine), and any other claim
    /// whose <see cref="Overlap"/> states it.
    /// </summary>
    public static List<SentenceUnit> Of(List<SentenceUnit> fact, SentenceUnit worded, AnalyzedArticle wordedArticle)
    {
        if (fact.Count == 1) return fact;
        var verbs = Verbs(worded, wordedArticle);
        var kept = new List<SentenceUnit>(fact.Count);
        foreach (var u in fact)
        {
            if (ReferenceEquals(u, worded) || u.Article == worded.Article) kept.Add(u);
            else if (worded.Topic ? SharesTopic(u, worded) : Paraphrases(u, worded, Compare(u, worded, verbs))) kept.Add(u);
        }
        return kept;
    }

    /// <summary>
    /// Whether a claim states the worded one: its <see cref="Overlap"/> does, and, when it shares none of its verbs, it
    /// covers at least half of the worded claim's weighted terms or gives one of its figures. Three words of a long claim shared without its predicate
    /// ("Real estate tycoon Donald Trump said Thursday he hopes …" beside "… said Thursday he has doubts …") are its
    /// participants, not what it says of them.
    /// </summary>
    internal static bool Paraphrases(SentenceUnit unit, SentenceUnit worded, Overlap o) =>
        o.States && (o.SharesVerb || SharesFigure(unit, worded) || BriefBuilder.Coverage(unit, worded) >= BriefBuilder.PartialCoverage);

    /// <summary>A figure both claims give ("21 percent"): a paraphrase worded otherwise still states the same measured thing.</summary>
    private static bool SharesFigure(SentenceUnit unit, SentenceUnit worded) =>
        worded.Terms.Keys.Any(t => t.StartsWith("#q:", StringComparison.Ordinal) && unit.Terms.ContainsKey(t));

    /// <summary>
    /// Claims of other sources that state a corroborated fact though the aligner put them elsewhere (a sentence telling
    /// two things, "the call comes weeks after their meeting in South Korea, where the leaders agreed on a trade
    /// framework", aligns with one of them): from each source the aligner finds touching the fact, its claim sharing the
    /// most with the worded one, when that claim states it, shares one of its verbs, two content words and a name, date or figure.
    /// </summary>
    public static List<SentenceUnit> Extend(List<SentenceUnit> stated, SentenceUnit worded, AnalyzedArticle wordedArticle, IEnumerable<string> touching, ILookup<string, SentenceUnit> unitsOf)
    {
        var added = new List<SentenceUnit>();
        if (worded.Topic || stated.Select(u => u.Article).Distinct(StringComparer.Ordinal).Count() < 2) return added;
        var verbs = Verbs(worded, wordedArticle);
        if (verbs.Count == 0) return added;
        foreach (var article in touching)
        {
            if (stated.Any(u => u.Article == article)) continue;
            SentenceUnit? best = null;
            int bestShared = 0;
            foreach (var u in unitsOf[article])
            {
                if (u.Topic) continue;
                var o = Compare(u, worded, verbs);
                // Stricter than within a fact: a claim found outside it shares one of its verbs, not only its words.
                if (!o.States || o.Verbs == 0 || !o.Predicate || o.Words < 2 || o.Names + o.Values < 1) continue;
                int shared = o.Words + o.Names + o.Values;
                if (shared > bestShared) (best, bestShared) = (u, shared);
            }
            if (best is not null) added.Add(best);
        }
        return added;
    }

    /// <summary>
    /// Topics that are the only one their sentence names ("Leavitt said the call focused primarily on trade"): such a
    /// sentence says more than that the topic was discussed, so it words a topic's fact only when no list does.
    /// </summary>
    public static Func<SentenceUnit, bool> LoneTopics(IEnumerable<SentenceUnit> units)
    {
        var listed = units.Where(u => u.Topic).GroupBy(u => (u.Article, u.Index)).Where(g => g.Count() >= 2).SelectMany(g => g).ToHashSet(ReferenceEqualityComparer.Instance);
        return u => u.Topic && !listed.Contains(u);
    }

    /// <summary>Modals and forms of "do": the word they govern, "not" aside, is a verb in its base form.</summary>
    private static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(
        ["did", "does", "do", "will", "would", "could", "can", "should", "may", "might", "must", "didn", "doesn", "don", "won", "wouldn", "couldn", "can't", "shouldn"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the word at token <paramref name="k"/> follows a modal or "do", with "not" or "n't" between maybe.</summary>
    private static bool AfterModal(AnalyzedArticle a, int k)
    {
        for (int j = k - 1, seen = 0; j >= 0 && seen < 3; j--)
        {
            var t = a.Tokens[j];
            if (t.Kind != TokenKind.Word) continue;
            seen++;
            var w = a.Text.AsSpan(t.Start, t.Length);
            if (w is "not" or "n't" or "t" or "never") continue;
            return Modals.Contains(w.ToString());
        }
        return false;
    }

    /// <summary>A topic ("Ukraine" of "discussed trade and Ukraine") is stated by a claim that names it.</summary>
    private static bool SharesTopic(SentenceUnit unit, SentenceUnit topic) =>
        topic.Terms.Keys.Any(t => t[0] != '~' && !Attribution.Contains(t) && unit.Terms.ContainsKey(t));

    /// <summary>
    /// The concepts of the words that name a claim's predicate: irregular verb forms of the lexicon, lowercase words in
    /// -ed, infinitives ("to visit") and the word a modal or "do" governs ("did not mention", "could belong"), auxiliaries and speech verbs aside (a speech verb says who holds the claim, not what it claims).
    /// </summary>
    internal static List<string> PredicateConcepts(AnalyzedArticle a, Span span)
    {
        var concepts = new List<string>();
        string text = a.Text;
        for (int k = Tokenizer.FirstAtOrAfter(a.Tokens, span.Start); k < a.Tokens.Count && a.Tokens[k].Start < span.End; k++)
        {
            var t = a.Tokens[k];
            if (t.Kind != TokenKind.Word || t.Length < 3 || !char.IsLower(text[t.Start])) continue;
            string w = text[t.Start..t.End];
            if (Auxiliaries.Contains(w)) continue;
            bool infinitive = k > 0 && text.AsSpan(a.Tokens[k - 1].Start, a.Tokens[k - 1].Length) is "to";
            if (!VerbForms.Contains(w) && !infinitive && !AfterModal(a, k) && !(w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))) continue;
            string c = SentenceFeatures.Concept(w);
            if (!Attribution.Contains(c) && !concepts.Contains(c)) concepts.Add(c);
        }
        return concepts;
    }
}
