using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Briefing;

/// <summary>
/// Builds the brief of one story: dates for undated articles, names across sources, facts and how many sources carry
/// them, conflicts, quotes by speaker, the timeline, and a summary made only of well-corroborated facts.
/// </summary>
public sealed class BriefBuilder(AnalysisPipeline pipeline)
{
    /// <summary>Most facts the summary quotes.</summary>
    public const int SummarySize = 4;

    public Brief Build(Story story)
    {
        var analyses = InferDates(story.Articles);
        var byId = analyses.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var independent = analyses.Where(a => !story.DuplicateOf.ContainsKey(a.Id)).ToList();
        var independentIds = independent.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        var (entities, canonical) = Resolution.EntityLinker.Resolve(analyses, independentIds);

        // Facts: aligned sentences of independent sources.
        var units = independent.SelectMany(a => SentenceFeatures.Units(a, canonical)).ToList();
        var aligner = new FactAligner(units);
        var clusters = aligner.Align();
        // A sentence's claims may belong to different facts: a value belongs to the fact of the claim that holds it.
        var factIndex = new Dictionary<(string, int), List<SentenceUnit>>();
        foreach (var u in units)
        {
            if (!factIndex.TryGetValue((u.Article, u.Index), out var list)) factIndex[(u.Article, u.Index)] = list = [];
            list.Add(u);
        }
        int FactOf(string article, int sentence, int position) =>
            factIndex.TryGetValue((article, sentence), out var list) ? (list.FirstOrDefault(u => u.Span.Start <= position && position < u.Span.End) ?? list[0]).Cluster : -1;
        string SentenceText(string article, int s) => Clean(byId[article].Sentences[s].Span.Of(byId[article].Text));
        string UnitText(SentenceUnit u) => u.Whole ? SentenceText(u.Article, u.Index) : u.Claim ?? Clean(u.Span.Of(byId[u.Article].Text));

        // Conflicts: dates and figures, name spellings, quote wordings.
        var mentions = independent.SelectMany(a => ValueConflicts.Mentions(a, canonical, FactOf)).ToList();
        var disputed = new HashSet<(string Article, Span Span)>();
        var conflicts = ValueConflicts.Find(mentions, m => Clause(byId[m.Article], m.Span, m.Sentence), disputed);
        conflicts.AddRange(NameConflicts(entities, analyses));
        var (quotes, attributions) = QuoteGrouper.Of(independent, canonical);
        conflicts.AddRange(QuoteConflicts(quotes));
        conflicts.AddRange(attributions);
        // A minor difference (little words only) is shown beneath every substantive one.
        conflicts = [.. conflicts.OrderBy(c => c.Minor)];
        // Precision first: a conflict the brief is unsure of is held back, and nothing else in the brief rests on it.
        (conflicts, var heldBack) = Conflicts.Split(conflicts);

        var minority = MinoritySupport(conflicts);
        var sourcesOf = clusters.Select(c => Outlets.Count(c.Select(u => u.Article).Distinct(StringComparer.Ordinal).Select(id => byId[id].Article))).ToList();
        // A claim listing topics that other sources state too is, for the most part, not only in its source when those
        // topics make up a third or more of what it says (their terms at least half as many as the rest of it has).
        bool StatedElsewhere(List<SentenceUnit> c) => c.Count == 1 && c[0].Topics.Count > 0
            && 2 * c[0].Topics.Where(t => sourcesOf[t.Cluster] >= 2).Sum(t => t.Terms.Count - 1) >= c[0].Terms.Count;
        var facts = new List<Fact>();
        var repOf = new Dictionary<int, SentenceUnit>();
        for (int k = 0; k < clusters.Count; k++)
        {
            var c = clusters[k];
            // A fact is worded by a source that gives the majority's values and spellings, where one does.
            var rep = aligner.Representative(c, u => minority.Any(m => m.Article == u.Article && u.Span.Contains(m.Span)));
            repOf[k] = rep;
            var articles = c.Select(u => u.Article).Distinct().Order(StringComparer.Ordinal).ToList();
            // Sources are outlets (sourcesOf): two articles of one outlet stating a fact are one source of it.
            facts.Add(new Fact(UnitText(rep), articles, c.OrderBy(u => u.Article, StringComparer.Ordinal).ThenBy(u => u == rep ? 0 : 1).Select(u => new Support(u.Article, u.Span)).ToList(), sourcesOf[k])
            {
                TextFrom = rep.Article,
                Subject = rep.Subject,
                Part = !rep.Whole,
                Topic = rep.Topic,
                StatedElsewhere = StatedElsewhere(c),
                Touched = articles.Count >= 2 ? aligner.Touching(c) : [],
                Partial = [.. c.Where(u => u.Article != rep.Article).GroupBy(u => u.Article).Where(g => g.All(u => Coverage(u, rep) < PartialCoverage)).Select(g => g.Key).Order(StringComparer.Ordinal)],
            });
        }
        facts = facts.Select(f => WithDisputes(f, conflicts)).ToList();
        // Most-corroborated first; among equals, in the order the stories tell them.
        var order = Enumerable.Range(0, facts.Count)
            .OrderByDescending(k => facts[k].Sources)
            .ThenBy(k => clusters[k].Average(u => (double)u.Index / Math.Max(1, byId[u.Article].Sentences.Count)))
            .ToList();
        var rankedFacts = order.Select(k => facts[k]).ToList();

        var timeline = TimelineBuilder.Build(mentions, m => Clause(byId[m.Article], m.Span, m.Sentence), f => repOf.TryGetValue(f, out var r) ? (r.Article, r.Index) : null, disputed);
        var briefArticles = analyses.Select(a => new BriefArticle(a, story.DuplicateOf.GetValueOrDefault(a.Id))).ToList();
        // The summary leads with the event: the best-corroborated claim dated on the day most reports date something to.
        string? eventDay = mentions.Where(m => m.Kind == ConflictKind.Time && m.Value.Length >= 10 && m.Fact >= 0)
            .GroupBy(m => m.Value[..10], StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Reports: g.Select(m => m.Article).Distinct(StringComparer.Ordinal).Count()))
            .Where(d => d.Reports >= 2).OrderByDescending(d => d.Reports).ThenBy(d => d.Day, StringComparer.Ordinal).Select(d => d.Day).FirstOrDefault();
        var dayMentions = eventDay is null ? [] : mentions.Where(m => m.Kind == ConflictKind.Time && m.Fact >= 0 && m.Value.StartsWith(eventDay, StringComparison.Ordinal)).ToList();
        var onEventDay = dayMentions.Select(m => m.Fact).ToHashSet();
        bool Dated(SentenceUnit u) => dayMentions.Any(m => m.Article == u.Article && u.Span.Contains(m.Span));
        var summaryOrder = order.Where(k => onEventDay.Contains(k) && facts[k].Sources >= 2).Take(1).Concat(order).Distinct().ToList();
        var summary = Summarise(summaryOrder.Select(k => (facts[k], clusters[k])).ToList(), minority, UnitText, Dated);
        // The story's date rests on the dates its articles carry; one inferred from the story is no evidence of it.
        var date = analyses.Where(a => !a.Article.PublishedInferred).Select(a => a.Article.Published).Where(d => d is not null).GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        string title = Title(analyses, rankedFacts);
        return new Brief(story.Id, title, date, briefArticles, summary, rankedFacts, conflicts, quotes, entities, timeline) { HeldBackConflicts = heldBack };
    }

    /// <summary>
    /// A fact whose sentences give rival dates or figures: sources in another variant than the fact's own wording dispute it.
    /// A source stating the value differently in a sentence outside the fact also disputes rather than leaves it out.
    /// </summary>
    internal static Fact WithDisputes(Fact fact, List<Conflict> conflicts)
    {
        // The worded claim's own support comes first among its source's (a source may name a topic twice).
        var own = fact.Support.First(s => s.Article == fact.TextFrom);
        var disputed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in conflicts.Where(c => c.Kind is ConflictKind.Time or ConflictKind.Quantity))
        {
            var mine = c.Variants.FirstOrDefault(v => v.Support.Any(s => s.Article == own.Article && s.Span == own.Span));
            if (mine is null) continue;
            foreach (var v in c.Variants.Where(v => v != mine))
            {
                foreach (var a in v.Articles) disputed.Add(a);
            }
        }
        return disputed.Count == 0 ? fact : fact with { DisputedBy = [.. disputed] };
    }

    /// <summary>Undated articles take the date most of their story's dated articles carry, and are analysed again against it.</summary>
    private List<AnalyzedArticle> InferDates(IReadOnlyList<AnalyzedArticle> articles)
    {
        var dated = articles.Where(a => a.Article.Published is not null).Select(a => a.Article.Published!.Value).ToList();
        if (dated.Count == 0 || dated.Count == articles.Count) return [.. articles];
        var inferred = dated.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return articles.Select(a => a.Article.Published is not null ? a : pipeline.Analyze(a.Article with { Published = inferred, PublishedInferred = true })).ToList();
    }

    private static string Title(List<AnalyzedArticle> analyses, List<Fact> facts)
    {
        var titled = analyses.Select(a => a.Article.Title).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (titled.Count > 0) return titled.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key!.Length).First().Key!;
        // A headline states a fact in the outlets' own voice: a quotation leads only when nothing else is corroborated as well.
        var lead = facts.Where(f => f.Sources == facts[0].Sources).FirstOrDefault(f => !f.Text.Contains('“') && !f.Text.Contains('"')) ?? facts.FirstOrDefault();
        string text = lead is not null ? lead.Display : analyses[0].Text;
        return Shorten(text, 90);
    }

    /// <summary>Up to four distinct facts carried by two or more sources, each worded by a source that does not hold a disputed minority value.</summary>
    /// <summary>Where sources state a disputed minority value or a suspect spelling: kept out of the summary and of facts' wording.</summary>
    private static List<Support> MinoritySupport(List<Conflict> conflicts) =>
        conflicts.Where(c => c.Kind is ConflictKind.Time or ConflictKind.Quantity or ConflictKind.Name)
            .SelectMany(c => c.Variants.Skip(1).Where(v => v.Articles.Count < c.Variants[0].Articles.Count).SelectMany(v => v.Support)).ToList();

    private static List<SummarySentence> Summarise(List<(Fact Fact, List<SentenceUnit> Units)> ranked, List<Support> minority, Func<SentenceUnit, string> unitText, Func<SentenceUnit, bool> dated)
    {
        var chosen = new List<(SummarySentence Sentence, HashSet<string> Terms)>();
        foreach (var (fact, units) in ranked)
        {
            if (fact.Sources < 2 || chosen.Count >= SummarySize) break;
            // A topic out of its list ("discussed … Ukraine") is a fact for the list of facts, not a sentence to read.
            if (units.Any(u => u.Topic)) continue;
            var candidates = units.Where(u => !minority.Any(m => m.Article == u.Article && u.Span.Contains(m.Span)))
                .Where(u => QuotedWords(unitText(u)) <= 4)
                .Where(u => !StartsWithPronoun(unitText(u)))
                // The first sentence says when: a wording that carries the event's day, where one does.
                .OrderBy(u => chosen.Count == 0 && dated(u) ? 0 : 1).ThenBy(u => u.Span.Length).ToList();
            if (candidates.Count == 0) continue;
            var pick = chosen.Count == 0 && dated(candidates[0]) ? candidates[0] : candidates.FirstOrDefault(u => u.Article == fact.TextFrom) ?? candidates[0];
            var terms = pick.Terms.Keys.ToHashSet(StringComparer.Ordinal);
            if (chosen.Any(c => Jaccard(c.Terms, terms) > 0.35)) continue;
            var citing = fact.Agreeing.ToList();
            if (citing.Count < 2) continue;
            chosen.Add((new SummarySentence(Readable(pick, unitText(pick)), citing), terms));
        }
        return chosen.Select(c => c.Sentence).ToList();
    }

    /// <summary>
    /// Words inside quotation marks: a summary speaks in its own voice, so a sentence that is mostly someone's words is
    /// left to "who said what", while a word or two quoted ("described ties as “extremely strong”") may stay.
    /// </summary>
    private static int QuotedWords(string text)
    {
        int words = 0;
        foreach (var span in Stages.Sentences.QuotationMarks.Spans(text))
        {
            words += span.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }
        // An opening mark never closed (a quotation running past the sentence) counts as a long one.
        return words == 0 && text.Any(c => c is '“' or '"') ? int.MaxValue : words;
    }

    /// <summary>Below this share of the worded claim's terms, a source states the claim only in part.</summary>
    public const double PartialCoverage = 0.5;

    /// <summary>Words that say who reports a claim, not what it claims ("stressed", "according to the statement").</summary>
    private static readonly HashSet<string> AttributionTerms =
        [.. Text.SpeechVerbs.All.Select(SentenceFeatures.Concept), .. new[] { "according", "statement", "report", "reported", "reportedly" }.Select(SentenceFeatures.Concept)];

    /// <summary>The share of <paramref name="worded"/>'s terms (names, words, dates, figures; weighted; attribution words aside) that <paramref name="unit"/> also has.</summary>
    private static double Coverage(SentenceUnit unit, SentenceUnit worded)
    {
        double total = 0, shared = 0;
        foreach (var (term, weight) in worded.Terms)
        {
            if (AttributionTerms.Contains(term)) continue;
            total += weight;
            if (unit.Terms.ContainsKey(term)) shared += weight;
        }
        return total == 0 ? 1 : shared / total;
    }

    /// <summary>A claim as a summary sentence: as <see cref="Fact.AsClaim"/> shows it, opening on a capital, and a quotation cut before a link closed with a full stop.</summary>
    private static string Readable(SentenceUnit u, string text)
    {
        if (u.Whole) return text;
        if (u.Subject is null && text.Length > 0 && char.IsLower(text[0])) text = char.ToUpperInvariant(text[0]) + text[1..];
        // A part cut before a link ends on the comma of its quotation: "… as “extremely strong,”" closes as a sentence.
        if (text.EndsWith(",”", StringComparison.Ordinal) || text.EndsWith(",\"", StringComparison.Ordinal)) text = text[..^2] + "." + text[^1];
        return Fact.AsClaim(text, u.Subject);
    }

    /// <summary>A sentence opening with a pronoun needs the sentence before it; out of context it says nothing clear.</summary>
    private static bool StartsWithPronoun(string sentence)
    {
        int space = sentence.IndexOf(' ');
        string first = space > 0 ? sentence[..space] : sentence;
        return first is "He" or "She" or "It" or "They" or "His" or "Her" or "Its" or "Their" or "This" or "That" or "These" or "Those" or "We" or "I";
    }

    private static IEnumerable<Conflict> NameConflicts(IReadOnlyList<EntityGroup> groups, IReadOnlyList<AnalyzedArticle> analyses)
    {
        foreach (var g in groups.Where(g => g.Variants.Count > 1 && g.Variants.Any(v => v.Suspect || v.Kind == Resolution.NameVariantKind.Transliteration)))
        {
            var variants = g.Variants.Select(v => new Variant(v.Name, v.Name, v.Articles,
                analyses.Where(a => v.Articles.Contains(a.Id)).SelectMany(a => a.Entities.Where(e => e.Name == v.Name).Select(e => new Support(a.Id, e.Span))).ToList())).ToList();
            string about = g.Title is null ? $"Spelling of {g.Name}" : $"Spelling of {g.Name} ({g.Title})";
            yield return new Conflict(about, ConflictKind.Name, variants);
        }
    }

    private static IEnumerable<Conflict> QuoteConflicts(List<QuoteGroup> quotes)
    {
        // Substantive rewordings first; a minor one (little words only) is shown beneath them.
        foreach (var q in quotes.Where(q => q.Direct && q.Disputed.Count > 1).OrderBy(q => q.MinorDispute))
        {
            yield return new Conflict($"Wording of {q.Speaker}'s quote “{Shorten(q.Disputed[0].Text, 60)}”", ConflictKind.Quote,
                q.Disputed.Select(v => new Variant(v.Text, v.Text, v.Articles, v.Support)).ToList())
            { Confidence = q.DisputeConfidence, Minor = q.MinorDispute };
        }
    }

    /// <summary>
    /// The clause holding a value, in the source's own words: from the previous clause break (or at most ~100 characters back)
    /// to the next one. Used to say what a disputed value or a dated event is about without inventing any wording.
    /// </summary>
    internal static string Clause(AnalyzedArticle a, Span value, Span sentence)
    {
        string text = a.Text;
        int start = value.Start;
        while (start > sentence.Start && value.Start - start < 100 && !(text[start - 1] is ',' or ';' or '—' or ':' && value.Start - start > 25)) start--;
        while (start < value.Start && !char.IsWhiteSpace(text[start]) && start > sentence.Start && !char.IsWhiteSpace(text[start - 1])) start++;
        int end = value.End;
        // A value opening its sentence ("Earlier this month, …") says nothing alone: run on into the clause it dates.
        bool opening = value.Start - start < 25;
        int reach = opening ? 110 : 60;
        while (end < sentence.End && end - value.End < reach && (text[end] is not (',' or ';' or '—' or '.' or '“' or '”') || (opening && end - value.End < 3))) end++;
        while (end > value.End && end < sentence.End && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or ';' or '.' or '—')) end--;
        string lead = start > sentence.Start ? "…" : "";
        string tail = end < sentence.End - 1 ? "…" : "";
        return lead + Clean(text[start..end]).Trim(',', ' ', ';') + tail;
    }

    internal static string Shorten(string text, int max)
    {
        text = Clean(text);
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':') + "…";
    }

    internal static string Clean(string s) => Text.Words.SingleSpaced(s);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => a.Count + b.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Union(b).Count();
}
