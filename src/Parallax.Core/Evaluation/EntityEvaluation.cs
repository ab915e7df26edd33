using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Evaluation;

/// <summary>One way of grouping mentions across documents, and its scores.</summary>
public sealed record EntityRun(string Name, CorefScores Scores);

/// <summary>The scores of every grouping on one set of gold mentions (named participants, or people only).</summary>
public sealed record EntityReport(string Mentions, int Gold, int Found, IReadOnlyList<EntityRun> Runs);

/// <summary>
/// Cross-document entity coreference on ECB+: each topic's documents are analysed, clustered into stories and their names
/// resolved as the brief does; each gold mention takes the cluster of the entity Parallax found over it (a mention Parallax
/// did not find is a singleton). Compared with three baselines that group by string: the gold mention's own words, its last
/// word (a family name, a body's head word), and Parallax's in-article name. Document ids encode the gold story and are never used.
/// </summary>
public static class EntityEvaluation
{
    public static IReadOnlyList<EntityReport> Evaluate(IReadOnlyList<EcbPlusDocument> documents, AnalysisPipeline pipeline) => Evaluate(documents, pipeline, 0, out _);

    /// <summary>As <see cref="Evaluate(IReadOnlyList{EcbPlusDocument}, AnalysisPipeline)"/>, also listing up to <paramref name="errors"/> split and merged entities of the brief's grouping.</summary>
    public static IReadOnlyList<EntityReport> Evaluate(IReadOnlyList<EcbPlusDocument> documents, AnalysisPipeline pipeline, int errors, out List<string> errorLines)
    {
        errorLines = [];
        var analyses = Corpus.Analyze(documents.Select(d => d.Article).ToList(), pipeline).ToDictionary(a => a.Id, StringComparer.Ordinal);
        // Where each found entity goes under each grouping, by (article, entity span).
        var perStory = new Dictionary<(string, Span), string>();
        var acrossTopic = new Dictionary<(string, Span), string>();
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in documents.GroupBy(d => d.Topic))
        {
            var articles = topic.Select(d => analyses[d.Article.Id]).ToList();
            foreach (var story in new StoryClusterer().Cluster(articles))
            {
                Assign(story.Articles, $"{topic.Key}/{story.Id}", perStory);
                foreach (var a in story.Articles) storyOf[a.Id] = $"{topic.Key}/{story.Id}";
            }
            Assign(articles, $"{topic.Key}", acrossTopic);
        }

        var reports = new List<EntityReport>();
        foreach (var (label, keep) in new (string, Func<GoldMention, bool>)[] { ("named participants", EcbPlusCorpus.IsNamedParticipant), ("people", m => m.Proper && m.Kind == "HUMAN_PART_PER") })
        {
            var mentions = documents.SelectMany(d => d.Mentions).Where(keep).ToList();
            string Id(GoldMention m) => $"{m.Document}:{m.Span.Start}-{m.Span.End}";
            var gold = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in mentions) gold[Id(m)] = $"{m.Topic}/{m.Chain}";
            var exactGold = new Dictionary<string, string>(StringComparer.Ordinal);
            var lastWord = new Dictionary<string, string>(StringComparer.Ordinal);
            var lastWordInStory = new Dictionary<string, string>(StringComparer.Ordinal);
            var exactName = new Dictionary<string, string>(StringComparer.Ordinal);
            var story = new Dictionary<string, string>(StringComparer.Ordinal);
            var topic = new Dictionary<string, string>(StringComparer.Ordinal);
            int found = 0;
            foreach (var m in mentions)
            {
                string id = Id(m);
                exactGold[id] = $"{m.Topic}/{m.Text}";
                lastWord[id] = $"{m.Topic}/{LastWord(m.Text)}";
                lastWordInStory[id] = $"{storyOf.GetValueOrDefault(m.Document, m.Document)}/{LastWord(m.Text)}";
                var e = EntityOver(analyses[m.Document], m.Span);
                if (e is null) continue;
                found++;
                exactName[id] = $"{m.Topic}/{e.Name}";
                story[id] = perStory.GetValueOrDefault((m.Document, e.Span)) ?? exactName[id];
                topic[id] = acrossTopic.GetValueOrDefault((m.Document, e.Span)) ?? exactName[id];
            }
            if (errors > 0 && reports.Count == 0)
            {
                var text = mentions.ToDictionary(Id, m => m.Text, StringComparer.Ordinal);
                string Piece(IReadOnlyList<string> items) => "{" + topic.GetValueOrDefault(items[0], "not found") + "} " + string.Join(", ", items.GroupBy(i => text[i]).OrderByDescending(g => g.Count()).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
                var found2 = ClusterErrors.Of(gold, topic);
                errorLines.Add($"gold entities split apart ({found2.Splits.Count}):");
                errorLines.AddRange(found2.Splits.OrderByDescending(x => x.Pieces.Sum(p => p.Count)).Take(errors).Select(x => $"  {x.Gold}: " + string.Join(" | ", x.Pieces.Select(Piece))));
                var missed = mentions.Where(m => EntityOver(analyses[m.Document], m.Span) is null).ToList();
                errorLines.Add($"gold mentions Parallax found no entity over ({missed.Count}):");
                errorLines.AddRange(missed.Take(errors).Select(m =>
                {
                    string t = analyses[m.Document].Text;
                    int from = Math.Max(0, m.Span.Start - 40), to = Math.Min(t.Length, m.Span.End + 40);
                    return $"  {m.Text}  … {t[from..m.Span.Start].ReplaceLineEndings(" ")}[{m.Text}]{t[m.Span.End..to].ReplaceLineEndings(" ")} …";
                }));
                errorLines.Add($"found entities merging gold ones ({found2.Merges.Count}):");
                errorLines.AddRange(found2.Merges.OrderByDescending(x => x.Parts.Sum(p => p.Count)).Take(errors).Select(x => $"  {x.Predicted}: " + string.Join(" | ", x.Parts.Select(Piece))));
            }
            reports.Add(new EntityReport(label, gold.Count, found,
            [
                new EntityRun("baseline: same gold mention string", CorefScores.Of(gold, exactGold)),
                new EntityRun("baseline: same last word of gold mention", CorefScores.Of(gold, lastWord)),
                // The same, only within each story Parallax found: what grouping by strings reaches when names are linked per story, as the brief links them.
                new EntityRun("baseline: same last word, within a story", CorefScores.Of(gold, lastWordInStory)),
                new EntityRun("baseline: same Parallax name in the topic", CorefScores.Of(gold, exactName)),
                new EntityRun("Parallax, per story (the brief)", CorefScores.Of(gold, story)),
                new EntityRun("Parallax, across the topic's stories", CorefScores.Of(gold, topic)),
            ]));
        }
        return reports;
    }

    /// <summary>The last word of a mention, without a possessive: "Lindsay Lohan's" → "Lohan".</summary>
    public static string LastWord(string mention)
    {
        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return mention;
        string last = words[^1];
        return last.Length > 2 && (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("’s", StringComparison.Ordinal)) ? last[..^2] : last;
    }

    private static void Assign(IReadOnlyList<AnalyzedArticle> articles, string scope, Dictionary<(string, Span), string> into)
    {
        var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var (_, canonical) = Resolution.EntityLinker.Resolve(articles, ids);
        foreach (var a in articles)
        {
            foreach (var e in a.Entities)
            {
                // An untyped name that joined a typed entity shares its key; one that did not stays a group of its own spelling.
                into[(a.Id, e.Span)] = $"{scope}/{canonical(a.Id, e.Name)}";
            }
        }
    }

    /// <summary>The name Parallax found most overlapping the gold span (typed or not).</summary>
    private static Entity? EntityOver(AnalyzedArticle a, Span span)
    {
        Entity? best = null;
        int bestOverlap = 0;
        foreach (var e in a.Entities)
        {
            if (e.Span.End <= span.Start || e.Span.Start >= span.End) continue;
            int overlap = Math.Min(e.Span.End, span.End) - Math.Max(e.Span.Start, span.Start);
            if (overlap > bestOverlap)
            {
                best = e;
                bestOverlap = overlap;
            }
        }
        return best;
    }
}
