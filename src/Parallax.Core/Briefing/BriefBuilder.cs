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

    /// <summary>The brief of one story, as <see cref="BriefPipeline.Default"/> makes it.</summary>
    public Brief Build(Story story) => BriefPipeline.Default.Run(story, pipeline);

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
    internal static List<AnalyzedArticle> InferDates(IReadOnlyList<AnalyzedArticle> articles, AnalysisPipeline pipeline)
    {
        var dated = articles.Where(a => a.Article.Published is not null).Select(a => a.Article.Published!.Value).ToList();
        if (dated.Count == 0 || dated.Count == articles.Count) return [.. articles];
        var inferred = dated.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return articles.Select(a => a.Article.Published is not null ? a : pipeline.Analyze(a.Article with { Published = inferred, PublishedInferred = true })).ToList();
    }

    internal static string Title(List<AnalyzedArticle> analyses, List<Fact> facts)
    {
        var titled = analyses.Select(a => a.Article.Title).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (titled.Count > 0) return titled.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key!.Length).First().Key!;
        // A headline states a fact in the outlets' own voice: the best-corroborated claim carried by two or more sources that
        // is not a quotation leads, and one item of a list of what was discussed ("[Trump] said the conversation covered
        // Ukraine") is never a headline.
        var statements = facts.Where(f => !f.Topic).ToList();
        var lead = statements.FirstOrDefault(f => f.Sources >= 2 && !f.Text.Contains('“') && !f.Text.Contains('"'))
            ?? statements.FirstOrDefault() ?? facts.FirstOrDefault();
        string text = lead is not null ? lead.Display : analyses[0].Text;
        return Shorten(text, 90);
    }

    /// <summary>Up to four distinct facts carried by two or more sources, each worded by a source that does not hold a disputed minority value.</summary>
    /// <summary>Where sources state a disputed minority value or a suspect spelling: kept out of the summary and of facts' wording.</summary>
    internal static List<Support> MinoritySupport(List<Conflict> conflicts) =>
        conflicts.Where(c => c.Kind is ConflictKind.Time or ConflictKind.Quantity or ConflictKind.Name)
            .SelectMany(c => c.Variants.Skip(1).Where(v => v.Articles.Count < c.Variants[0].Articles.Count).SelectMany(v => v.Support)).ToList();

    internal static List<SummarySentence> Summarise(List<(Fact Fact, List<SentenceUnit> Units)> ranked, List<Support> minority, Func<SentenceUnit, string> unitText, Func<SentenceUnit, bool> dated)
    {
        var chosen = new List<(SummarySentence Sentence, HashSet<string> Terms)>();
        foreach (var (fact, units) in ranked)
        {
            if (fact.Sources < 2 || chosen.Count >= SummarySize) break;
            // A topic out of its list ("discussed … Ukraine") is a fact for the list of facts, not a sentence to read.
            if (units.Any(u => u.Topic)) continue;
            // Another source's wording stands in for the fact's own only when each covers half of the other: a sentence the
            // fact merely holds ("Kennedy, often a key vote, said …" beside "The key vote … could belong to Kennedy") says
            // something its citations do not. A fact worded by a quotation, which the summary does not print, may be told by
            // a narrated wording that covers it ("Trump described relations as “extremely strong” on Monday").
            var worded = units.FirstOrDefault(u => u.Article == fact.TextFrom && unitText(u) == fact.Text);
            bool quoted = worded is not null && QuotedWords(fact.Text) > 4;
            var candidates = units.Where(u => worded is null || ReferenceEquals(u, worded)
                    || (Coverage(u, worded) >= PartialCoverage && (quoted || Coverage(worded, u) >= PartialCoverage)))
                .Where(u => !minority.Any(m => m.Article == u.Article && u.Span.Contains(m.Span)))
                .Where(u => QuotedWords(unitText(u)) <= 4)
                .Where(u => !StartsWithPronoun(unitText(u)))
                .Where(u => Summary.SummaryChecks.IsNews(Readable(u, unitText(u))))
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
    /// The summary of a story none of whose corroborated claims reads as a sentence of its own: the opening sentence of one
    /// report fit to be one (its lead, where reports say what happened), one that says when before one that does not, and
    /// of those the one whose words the other reports' openings share most, cited to that report and to each other report with a sentence that states it (each covering half of
    /// the other's terms). Empty when no report opens with such a sentence.
    /// </summary>
    internal static List<SummarySentence> Lead(List<SentenceUnit> units, Func<SentenceUnit, string> unitText, Func<SentenceUnit, bool> dated)
    {
        var openings = units.Where(u => u.Whole).GroupBy(u => u.Article, StringComparer.Ordinal)
            .Select(g => g.MinBy(u => u.Index)!)
            .Where(u => u.Index <= LeadSentences)
            .Where(u => QuotedWords(unitText(u)) <= 4 && !StartsWithPronoun(unitText(u)))
            .Where(u => Summary.SummaryChecks.IsNews(Readable(u, unitText(u))))
            .ToList();
        if (openings.Count == 0) return [];
        // A lead that says when is the news of the day; one without a time is more often a feature's scene-setting.
        var pick = openings.OrderByDescending(dated)
            .ThenByDescending(u => openings.Where(o => o.Article != u.Article).Sum(o => Coverage(o, u)))
            .ThenBy(u => u.Span.Length).ThenBy(u => u.Article, StringComparer.Ordinal).First();
        var citing = units.Where(u => u.Article == pick.Article
                || (Coverage(u, pick) >= PartialCoverage && Coverage(pick, u) >= PartialCoverage))
            .Select(u => u.Article).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [new SummarySentence(Readable(pick, unitText(pick)), citing)];
    }

    /// <summary>A lead is among a report's first sentences: after a headline repeated, a byline or a dateline line, not deep in it.</summary>
    private const int LeadSentences = 2;

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
    internal static double Coverage(SentenceUnit unit, SentenceUnit worded)
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
        // A dateline says where the outlet filed from: the summary reads from the sentence's subject.
        text = Summary.Dateline.Strip(text);
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

    internal static IEnumerable<Conflict> NameConflicts(IReadOnlyList<EntityGroup> groups, IReadOnlyList<AnalyzedArticle> analyses)
    {
        foreach (var g in groups.Where(g => g.Variants.Count > 1 && g.Variants.Any(v => v.Suspect || v.Kind == Resolution.NameVariantKind.Transliteration)))
        {
            var variants = g.Variants.Select(v => new Variant(v.Name, v.Name, v.Articles,
                analyses.Where(a => v.Articles.Contains(a.Id)).SelectMany(a => a.Entities.Where(e => e.Name == v.Name).Select(e => new Support(a.Id, e.Span))).ToList())).ToList();
            string about = g.Title is null ? $"Spelling of {g.Name}" : $"Spelling of {g.Name} ({g.Title})";
            yield return new Conflict(about, ConflictKind.Name, variants);
        }
    }

    internal static IEnumerable<Conflict> QuoteConflicts(List<QuoteGroup> quotes)
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
