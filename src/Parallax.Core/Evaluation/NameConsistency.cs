using Parallax.Briefing;
using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>A person written under more than one spelling within one gold story, as the brief would show it.</summary>
public sealed record NameVariantGroup(string Story, string Canonical, IReadOnlyList<NameVariant> Variants);

/// <summary>
/// A sanity check of cross-article names on stories with gold labels (BASIL): how many people each story names, how many
/// are named by more than one report, and every case where reports spell one person differently, for a person to review.
/// There is no gold for names here, so this reports rather than scores.
/// </summary>
public sealed record NameConsistency(int Stories, int People, int PeopleInSeveralArticles, IReadOnlyList<NameVariantGroup> VariantGroups)
{
    public static NameConsistency Of(IReadOnlyList<AnalyzedArticle> articles, IReadOnlyDictionary<string, string> story)
    {
        int people = 0, several = 0, stories = 0;
        var groups = new List<NameVariantGroup>();
        foreach (var s in articles.Where(a => story.ContainsKey(a.Id)).GroupBy(a => story[a.Id]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            stories++;
            var members = s.ToList();
            var (entities, _) = Resolution.EntityLinker.Resolve(members, members.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
            foreach (var e in entities.Where(e => e.Type == EntityType.Person))
            {
                people++;
                if (e.Articles.Count > 1) several++;
                if (e.Variants.Count > 0) groups.Add(new NameVariantGroup(s.Key, e.Name, e.Variants));
            }
        }
        return new NameConsistency(stories, people, several, groups);
    }
}
