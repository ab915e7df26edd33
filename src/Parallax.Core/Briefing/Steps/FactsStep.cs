using Parallax.Briefing.Facts;

namespace Parallax.Briefing.Steps;

/// <summary>
/// Makes each aligned cluster a fact: worded by a source that gives the majority's values, with its sources counted as
/// outlets, the sources that dispute it, and those that state it only in part; then ranks the facts.
/// </summary>
public sealed class FactsStep : IBriefStep
{
    public string Name => "facts";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Names | BriefLayer.Units | BriefLayer.Alignment | BriefLayer.Conflicts;

    public BriefLayer Writes => BriefLayer.Facts;

    public void Run(BriefDraft draft)
    {
        var articles = draft.Articles;
        var byId = articles.ById;
        var aligner = draft.Aligner;
        var aligned = draft.Clusters;
        var minority = draft.Minority;
        // A fact is worded by a source that gives the majority's values and spellings, where one does; a source counts for
        // it only where it states it as worded (a claim aligned through one word only touches it).
        var (reps, clusters) = StatedSupport.Resolve(aligner, aligned, draft.Units, u => minority.Any(m => m.Article == u.Article && u.Span.Contains(m.Span)), id => byId[id]);
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
            var rep = reps[k];
            repOf[k] = rep;
            var ids = c.Select(u => u.Article).Distinct().Order(StringComparer.Ordinal).ToList();
            // Sources are outlets (sourcesOf): two articles of one outlet stating a fact are one source of it.
            string text = articles.UnitText(rep);
            // A bare quotation is a claim only with its speaker; without one the sources agree on words, not a fact.
            bool bare = rep.Whole && rep.Subject is null && QuotedClaims.IsBareQuotation(text);
            string? saidBy = bare ? QuotedClaims.AgreedSpeaker(c.Select(u => (u.Article, QuotedClaims.SpeakerOf(byId[u.Article], u.Span) is { } who ? draft.Names.Canonical(u.Article, who) : null))) : null;
            facts.Add(new Fact(text, ids, c.OrderBy(u => u.Article, StringComparer.Ordinal).ThenBy(u => u == rep ? 0 : 1).Select(u => new Support(u.Article, u.Span)).ToList(), sourcesOf[k])
            {
                TextFrom = rep.Article,
                Subject = rep.Subject ?? saidBy,
                Unattributed = bare && saidBy is null,
                Part = !rep.Whole,
                Topic = rep.Topic,
                StatedElsewhere = StatedElsewhere(c),
                Touched = ids.Count >= 2 ? [.. aligner.Touching(aligned[k]).Union(aligned[k].Select(u => u.Article).Except(ids)).Order(StringComparer.Ordinal)] : [],
                Partial = [.. c.Where(u => u.Article != rep.Article).GroupBy(u => u.Article).Where(g => g.All(u => BriefBuilder.Coverage(u, rep) < BriefBuilder.PartialCoverage)).Select(g => g.Key).Order(StringComparer.Ordinal)],
            });
        }
        var conflicts = draft.Conflicts;
        // "N/M" counts the sources cited as agreeing: one that gives another date or figure is never among them.
        facts = facts.Select(f => BriefBuilder.WithDisputes(f, conflicts)).Select(f => f with { Sources = Outlets.Count(f.Agreeing.Select(id => byId[id].Article)) }).ToList();
        // Most-corroborated first; among equals, in the order the stories tell them.
        var order = Enumerable.Range(0, facts.Count)
            .OrderByDescending(k => facts[k].Sources)
            .ThenBy(k => clusters[k].Average(u => (double)u.Index / Math.Max(1, byId[u.Article].Sentences.Count)))
            .ToList();
        draft.Facts = facts;
        draft.FactUnits = clusters;
        draft.Representatives = repOf;
        draft.FactOrder = order;
        draft.RankedFacts = order.Select(k => facts[k]).ToList();
    }
}
