namespace Parallax.Briefing.Steps;

/// <summary>
/// Summarises the story in well-corroborated facts, leading with the event: the best-corroborated claim dated on the day
/// most reports date something to.
/// </summary>
public sealed class SummaryStep : IBriefStep
{
    public string Name => "summary";

    public BriefLayer Reads => BriefLayer.Units | BriefLayer.Dates | BriefLayer.Alignment | BriefLayer.Values | BriefLayer.Conflicts | BriefLayer.Facts;

    public BriefLayer Writes => BriefLayer.Summary;

    public void Run(BriefDraft draft)
    {
        var mentions = draft.Mentions;
        var facts = draft.Facts;
        var clusters = draft.FactUnits;
        var order = draft.FactOrder;
        string? eventDay = mentions.Where(m => m.Kind == ConflictKind.Time && m.Value.Length >= 10 && m.Fact >= 0)
            .GroupBy(m => m.Value[..10], StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Reports: g.Select(m => m.Article).Distinct(StringComparer.Ordinal).Count()))
            .Where(d => d.Reports >= 2).OrderByDescending(d => d.Reports).ThenBy(d => d.Day, StringComparer.Ordinal).Select(d => d.Day).FirstOrDefault();
        var dayMentions = eventDay is null ? [] : mentions.Where(m => m.Kind == ConflictKind.Time && m.Fact >= 0 && m.Value.StartsWith(eventDay, StringComparison.Ordinal)).ToList();
        var onEventDay = dayMentions.Select(m => m.Fact).ToHashSet();
        bool Dated(SentenceUnit u) => dayMentions.Any(m => m.Article == u.Article && u.Span.Contains(m.Span));
        var summaryOrder = order.Where(k => onEventDay.Contains(k) && facts[k].Sources >= 2).Take(1).Concat(order).Distinct().ToList();
        var summary = BriefBuilder.Summarise(summaryOrder.Select(k => (facts[k], clusters[k])).ToList(), draft.Minority, draft.Articles.UnitText, Dated);
        // A story is never left without a word of what happened when a report opens with a sentence fit to say it.
        // A lead that states a value the reports dispute is not said in the brief's own voice.
        var disputed = draft.Conflicts.SelectMany(c => c.Variants).SelectMany(v => v.Support).ToList();
        draft.Summary = summary.Count > 0 ? summary : BriefBuilder.Lead(
            draft.Units.Where(u => !disputed.Any(d => d.Article == u.Article && u.Span.Overlaps(d.Span))).ToList(),
            draft.Articles.UnitText,
            u => draft.Articles.ById[u.Article].Times.Any(t => u.Span.Contains(t.Span)));
    }
}
