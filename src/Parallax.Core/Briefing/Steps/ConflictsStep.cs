namespace Parallax.Briefing.Steps;

/// <summary>
/// Finds the conflicts among sources — rival dates and figures, name spellings, quote wordings, attributions, titles — and splits
/// those the brief is sure of from those it holds back; notes the disputed values and the minority's wordings.
/// </summary>
public sealed class ConflictsStep : IBriefStep
{
    public string Name => "conflicts";

    public BriefLayer Reads => BriefLayer.Dates | BriefLayer.Names | BriefLayer.Values | BriefLayer.Quotes;

    public BriefLayer Writes => BriefLayer.Conflicts;

    public void Run(BriefDraft draft)
    {
        var articles = draft.Articles;
        var disputed = new DisputedValues();
        var conflicts = ValueConflicts.Find(draft.Mentions, articles.Clause, disputed.Values);
        conflicts.AddRange(BriefBuilder.NameConflicts(draft.Names.Entities, articles.All));
        conflicts.AddRange(Names.KinNames.Conflicts(articles.All, draft.Names.CanonicalOf));
        conflicts.AddRange(Roles.RoleConflicts.Find(articles.All, draft.Names.CanonicalOf));
        conflicts.AddRange(BriefBuilder.QuoteConflicts(draft.Quotes));
        conflicts.AddRange(draft.Attributions);
        // A minor difference (little words only) is shown beneath every substantive one.
        conflicts = [.. conflicts.OrderBy(c => c.Minor)];
        // Precision first: a conflict the brief is unsure of is held back, and nothing else in the brief rests on it.
        var (shown, heldBack) = Conflicts.Split(conflicts);
        draft.Conflicts = shown;
        draft.HeldBackConflicts = heldBack;
        draft.Disputed = disputed;
        draft.Minority = BriefBuilder.MinoritySupport(shown);
    }
}
