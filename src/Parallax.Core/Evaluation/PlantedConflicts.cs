using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Evaluation;

/// <summary>
/// Where a change is planted: in a copy of the article that joins the story as one more source (the change contradicts
/// the original's very sentence), or in the article itself (the change must contradict another outlet's own wording of
/// the same fact, so only values, names and quotes that another article of the story also states are changed), or in a
/// wire-style copy (see <see cref="WireCopy"/>: the first sentences of the other outlets around one changed sentence, in which
/// a person's family name or a word of a body's name is respelled; only names are planted this way).
/// </summary>
public enum PlantMode
{
    Copy,
    InPlace,
    Wire,
}

/// <summary>What became of one planted change: whether the brief reported it, and what else the change made it report.</summary>
public sealed record PlantOutcome(string Story, Plant Plant, bool Found, int ExtraConflicts, string ChangedSentence)
{
    /// <summary>For a missed quote: whom the brief lists the changed words under, and which other quotes of the story share words with them.</summary>
    public string? Note { get; init; }

    /// <summary>The conflicts the brief reports with the change that it did not report without it, other than the planted one.</summary>
    public IReadOnlyList<Conflict> Further { get; init; } = [];
}

/// <summary>Planted-conflict recall overall and per kind, and how many conflicts briefs report on stories nobody touched.</summary>
public sealed record PlantedConflictScores(PlantMode Mode, IReadOnlyList<PlantOutcome> Outcomes, int Stories, IReadOnlyList<Conflict> Untouched, IReadOnlyList<string> Failures)
{
    /// <summary>Planted dates, figures, person names and quotes reported: the figure the floors have tracked since the check began.</summary>
    public double Recall => Contradictions.Count == 0 ? 0 : (double)Contradictions.Count(o => o.Found) / Contradictions.Count;

    /// <summary>The outcomes of the four classic kinds: a date, a figure, a person's name, a quote.</summary>
    public IReadOnlyList<PlantOutcome> Contradictions => [.. Outcomes.Where(o => o.Plant.Kind is PlantKind.Date or PlantKind.Figure or PlantKind.Name or PlantKind.Quote)];

    /// <summary>Respelled names reported, people's and organisations' or places' together.</summary>
    public double NameRecall => Outcomes.Where(o => o.Plant.Kind is PlantKind.Name or PlantKind.Body).ToList() is { Count: > 0 } names ? (double)names.Count(o => o.Found) / names.Count : 0;

    public double RecallOf(PlantKind kind) => Outcomes.Where(o => o.Plant.Kind == kind) is var of && of.Any() ? (double)of.Count(o => o.Found) / of.Count() : 0;

    public int Planted(PlantKind kind) => Outcomes.Count(o => o.Plant.Kind == kind);

    /// <summary>Conflicts reported on the untouched stories, per story: false alarms, since the stories were not built to disagree (though real reports sometimes do).</summary>
    public double UntouchedPerStory => Stories == 0 ? 0 : (double)Untouched.Count / Stories;

    /// <summary>Conflicts a planted change added beyond the one planted, per planted story.</summary>
    public double ExtraPerPlantedStory => Outcomes.Count == 0 ? 0 : Outcomes.Average(o => (double)o.ExtraConflicts);
}

/// <summary>
/// The planted-conflict check on stories with gold labels (BASIL). Each story is briefed as it is, which counts false
/// alarms; then, once per kind of change, one of its articles gets one controlled contradiction (see
/// <see cref="ConflictPlanter"/> and <see cref="PlantMode"/>), and the brief must report a conflict of that kind that
/// sets the changed sentence against another article: the original in copy mode, any other source in place.
/// </summary>
public static class PlantedConflicts
{
    /// <summary>The id a planted copy of an article takes.</summary>
    public static string CopyId(string article) => article + "~planted";

    public static PlantedConflictScores Evaluate(IReadOnlyList<AnalyzedArticle> articles, IReadOnlyDictionary<string, string> gold, AnalysisPipeline pipeline, PlantMode mode = PlantMode.Copy, int seed = 1, IProgress<int>? progress = null)
    {
        var builder = new BriefBuilder(pipeline);
        var outcomes = new List<PlantOutcome>();
        var untouched = new List<Conflict>();
        var failures = new List<string>();
        var stories = articles.Where(a => gold.ContainsKey(a.Id)).GroupBy(a => gold[a.Id]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var noCopies = new Dictionary<string, string>();
        for (int s = 0; s < stories.Count; s++)
        {
            var members = stories[s].OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            int before;
            List<Conflict> plainConflicts;
            try
            {
                var plain = builder.Build(new Story(stories[s].Key, members, noCopies));
                untouched.AddRange(plain.Conflicts);
                before = plain.Conflicts.Count;
                plainConflicts = [.. plain.Conflicts];
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{stories[s].Key}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            foreach (var kind in mode == PlantMode.Wire ? [PlantKind.Name, PlantKind.Body] : Enum.GetValues<PlantKind>())
            {
                // Seeded by the story's name, not its position, so one story's plants are the same however many stories are checked.
                var rng = new Random(StableSeed(seed, stories[s].Key, kind));
                foreach (var original in members.OrderBy(_ => rng.Next()).ToList())
                {
                    var others = members.Where(m => m != original).ToList();
                    Plant plant;
                    AnalyzedArticle changed;
                    if (mode == PlantMode.Wire)
                    {
                        if (WireCopy.Choose(original, others, kind, rng) is not { } wire) continue;
                        plant = wire.Plant;
                        changed = pipeline.Analyze(wire.Wire);
                    }
                    else
                    {
                        if (ConflictPlanter.Choose(original, kind, rng, mode == PlantMode.InPlace ? others : null) is not { } chosen) continue;
                        plant = chosen;
                        changed = pipeline.Analyze(mode == PlantMode.Copy
                            ? ConflictPlanter.Copy(original.Article, plant, CopyId(original.Id))
                            : original.Article with { Text = plant.Apply(original.Text) });
                    }
                    List<string> against = mode switch { PlantMode.Copy => [original.Id], PlantMode.Wire => [.. members.Select(m => m.Id)], _ => [.. others.Select(o => o.Id)] };
                    Brief brief;
                    try
                    {
                        brief = builder.Build(new Story(stories[s].Key, mode == PlantMode.InPlace ? [.. others, changed] : [.. members, changed], noCopies));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failures.Add($"{stories[s].Key} with a planted {kind.ToString().ToLowerInvariant()}: {e.GetType().Name}: {e.Message}");
                        break;
                    }
                    var at = plant.EditedSpans();
                    bool found = plant.Kind == PlantKind.ShortName
                        ? KeptAsOne(brief, plant, changed.Id, against)
                        : brief.Conflicts.Any(c => Reports(c, plant, changed.Id, at, against));
                    int sentence = changed.SentenceIndexAt(at[0].Start);
                    string changedSentence = sentence >= 0 ? BriefBuilder.Clean(changed.Sentences[sentence].Span.Of(changed.Text)) : "";
                    outcomes.Add(new PlantOutcome(stories[s].Key, plant, found, Math.Max(0, brief.Conflicts.Count - before - (found ? 1 : 0)), changedSentence)
                    {
                        Further = [.. brief.Conflicts.Where(c => !plainConflicts.Any(p => p.Kind == c.Kind && p.About == c.About) && !Reports(c, plant, changed.Id, at, against))],
                        Note = found ? null : plant.Kind == PlantKind.Quote ? QuoteNote(brief, changed.Id, at) : mode == PlantMode.Wire ? WireNote(brief, changed, at) : null,
                    });
                    break;
                }
            }
            progress?.Report(s + 1);
        }
        return new PlantedConflictScores(mode, outcomes, stories.Count - failures.Count, untouched, failures);
    }

    /// <summary>For a missed wire slip: what the copy's analysis made of the respelled name, and the entities of the brief that hold it.</summary>
    private static string WireNote(Brief brief, AnalyzedArticle changed, IReadOnlyList<Span> at)
    {
        var over = changed.Entities.Where(e => at.Any(x => e.Span.Overlaps(x))).Select(e => $"{e.Type} {e.Name}").Distinct().ToList();
        if (over.Count == 0) return "the copy's analysis found no name over the slip";
        var names = changed.Entities.Where(e => at.Any(x => e.Span.Overlaps(x))).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var groups = brief.Entities.Where(g => names.Contains(g.Name) || g.Variants.Any(v => names.Contains(v.Name)))
            .Select(g => $"{g.Type} {g.Name}" + (g.Variants.Count == 0 ? " alone" : " (" + string.Join(", ", g.Variants.Select(v => v.Name + (v.Suspect ? "?" : ""))) + ")"));
        return "read as " + string.Join(", ", over) + "; in the brief: " + string.Join(" ; ", groups);
    }

    private static string QuoteNote(Brief brief, string changedArticle, IReadOnlyList<Span> at)
    {
        var mine = brief.Quotes.Where(q => q.Variants.Any(v => v.Support.Any(x => x.Article == changedArticle && at.Any(e => x.Span.Start <= e.Start && e.End <= x.Span.End)))).ToList();
        if (mine.Count == 0) return "the changed words are under no speaker";
        return string.Join(" ; ", mine.Select(q => $"under {q.Speaker}: " + string.Join(" | ", q.Variants.Select(v => $"[{string.Join(",", v.Articles.Select(a => a == changedArticle ? "changed" : "other"))}] {(v.Text.Length > 70 ? v.Text[..70] + "…" : v.Text)}"))));
    }

    /// <summary>
    /// Whether a gold story is in the one fifth set aside from tuning: chosen by a hash of its id, so the split holds
    /// whatever else the corpus contains.
    /// </summary>
    public static bool Aside(string story) => AsideSplit.IsAside(story);

    private static int StableSeed(int seed, string story, PlantKind kind)
    {
        uint h = AsideSplit.Hash(story);
        return (int)((h ^ (uint)seed * 2654435761u ^ (uint)kind * 40503u) & int.MaxValue);
    }

    /// <summary>
    /// A full name cut short is handled when the brief keeps one entity for the person — the changed article among the
    /// articles of the same entry as another source's full name — and reports no spelling conflict about it.
    /// </summary>
    public static bool KeptAsOne(Brief brief, Plant plant, string changedArticle, ICollection<string> against)
    {
        string family = plant.Before.Split(' ')[^1];
        bool one = brief.Entities.Any(g => g.Type == EntityType.Person && g.Name.Split(' ')[^1] == family && g.Articles.Contains(changedArticle) && g.Articles.Any(against.Contains));
        bool disputed = brief.Conflicts.Any(c => c.Kind == ConflictKind.Name && c.Variants.Any(v => v.Articles.Contains(changedArticle)) && c.Variants.Any(v => v.Text.Split(' ')[^1] == family));
        return one && !disputed;
    }

    /// <summary>
    /// A conflict reports the plant when it is of the expected kind, one variant cites the changed article where the change
    /// was made, and another variant cites one of the articles it should be set against.
    /// </summary>
    public static bool Reports(Conflict c, Plant plant, string changedArticle, IReadOnlyList<Span> changedAt, ICollection<string> against)
    {
        if (c.Kind != plant.Expected) return false;
        var changed = c.Variants.FirstOrDefault(v => v.Support.Any(s => s.Article == changedArticle && changedAt.Any(x => s.Span.Start <= x.Start && x.End <= s.Span.End)));
        return changed is not null && c.Variants.Any(v => v != changed && v.Articles.Any(against.Contains));
    }
}
