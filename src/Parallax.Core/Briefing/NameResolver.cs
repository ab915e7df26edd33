using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// Decides which names in different articles are one entity. People whose names differ by a letter or two
/// ("Karoline"/"Caroline Leavitt") or by a truncated given name ("Sanae"/"Se Takaichi") are one person under the spelling
/// most sources use; people who merely share a surname ("Donald"/"Melania Trump") stay apart.
/// </summary>
public static class NameResolver
{
    public static (IReadOnlyList<EntityGroup> Groups, Func<string, string, string> Canonical) Resolve(IReadOnlyList<AnalyzedArticle> articles, ISet<string> independent)
    {
        // Every (name, type) with the articles that use it and how often.
        var uses = new Dictionary<(string Name, EntityType Type), (HashSet<string> Articles, int Mentions, string? Title)>();
        foreach (var a in articles)
        {
            foreach (var e in a.Entities)
            {
                if (e.Type == EntityType.Other) continue;
                var key = (e.Name, e.Type);
                var u = uses.GetValueOrDefault(key, ([], 0, null));
                u.Articles.Add(a.Id);
                uses[key] = (u.Articles, u.Mentions + 1, u.Title ?? e.Title);
            }
        }
        var names = uses.Keys.OrderByDescending(k => Count(uses[k].Articles, independent)).ThenByDescending(k => uses[k].Mentions).ThenBy(k => k.Name, StringComparer.Ordinal).ToList();
        var groupOf = new Dictionary<(string, EntityType), int>();
        var members = new List<List<(string Name, EntityType Type)>>();
        foreach (var key in names)
        {
            // Two names used side by side in one article are two people, however alike they look.
            int found = -1;
            if (key.Type == EntityType.Person)
            {
                for (int g = 0; g < members.Count && found < 0; g++)
                {
                    var head = members[g][0];
                    // The spelling test first: it is cheap and rarely passes, and the article test is then asked of few groups.
                    if (head.Type == EntityType.Person && SpellingVariants(head.Name, key.Name) && !members[g].Any(k => uses[k].Articles.Overlaps(uses[key].Articles))) found = g;
                }
            }
            if (found < 0)
            {
                found = members.Count;
                members.Add([]);
            }
            members[found].Add(key);
            groupOf[key] = found;
        }
        var groups = new List<EntityGroup>();
        foreach (var m in members)
        {
            // Canonical: the spelling most independent sources use, then the one written most often; ties go to the fuller, then the alphabetically first.
            var ordered = m.OrderByDescending(k => Count(uses[k].Articles, independent)).ThenByDescending(k => uses[k].Mentions).ThenByDescending(k => k.Name.Length).ThenBy(k => k.Name, StringComparer.Ordinal).ToList();
            var canonical = ordered[0];
            var all = m.SelectMany(k => uses[k].Articles).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
            var variants = ordered.Select(k => new NameVariant(k.Name, uses[k].Articles.OrderBy(x => x, StringComparer.Ordinal).ToList(),
                m.Count > 1 && k != canonical && !SameWritten(k.Name, canonical.Name) && !ShortGivenName(k.Name, canonical.Name))).ToList();
            string? title = m.Select(k => uses[k].Title).Where(t => t is not null).OrderByDescending(t => t!.Length).FirstOrDefault();
            groups.Add(new EntityGroup(canonical.Name, canonical.Type, title, all, m.Count > 1 ? variants : [], m.Sum(k => uses[k].Mentions)));
        }
        var canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in names) canonicalOf[key.Name] = groups[groupOf[key]].Name;
        string Canonical(string articleId, string name) => canonicalOf.GetValueOrDefault(name, name);
        var ranked = groups.OrderByDescending(g => Count(g.Articles, independent)).ThenByDescending(g => g.Mentions).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        return (ranked, Canonical);
    }

    /// <summary>The same name in different typography: "O'Neill" and "O’Neill".</summary>
    private static bool SameWritten(string a, string b) => a.Length == b.Length && a.Replace('’', '\'') == b.Replace('’', '\'');

    /// <summary>"Tim Murray" for "Timothy Murray": a given name shortened to its start is a usual short form, not a suspect spelling.</summary>
    private static bool ShortGivenName(string a, string b)
    {
        var pa = a.Split(' ');
        var pb = b.Split(' ');
        if (pa.Length != pb.Length || pa.Length < 2 || pa[^1] != pb[^1]) return false;
        var (s, l) = pa[0].Length <= pb[0].Length ? (pa[0], pb[0]) : (pb[0], pa[0]);
        // One letter short is a slip (Scot, Darrel, Tod for Scott, Darrell, Todd), not a short form.
        return s.Length >= 3 && l.Length - s.Length >= 2 && l.StartsWith(s, StringComparison.Ordinal) && pa.AsSpan()[1..^1].SequenceEqual(pb.AsSpan()[1..^1]);
    }

    /// <summary>Two spellings of one person's name: same number of parts, at least one identical, the others a letter or two apart or one a truncation.</summary>
    public static bool SpellingVariants(string a, string b)
    {
        if (a == b || SameWritten(a, b)) return true;
        var pa = a.Split(' ');
        var pb = b.Split(' ');
        if (pa.Length != pb.Length || pa.Length < 2) return false;
        int identical = 0;
        for (int i = 0; i < pa.Length; i++)
        {
            if (pa[i] == pb[i]) { identical++; continue; }
            if (!CloseSpelling(pa[i], pb[i])) return false;
        }
        // The family name (last part, or first in East Asian order) must agree exactly.
        return identical >= 1 && (pa[^1] == pb[^1] || pa[0] == pb[0]);
    }

    private static bool CloseSpelling(string x, string y)
    {
        int d = Edit.Distance(x.ToLowerInvariant(), y.ToLowerInvariant());
        if (d <= 1 && Math.Min(x.Length, y.Length) >= 4) return true;
        if (d <= 2 && Math.Min(x.Length, y.Length) >= 7) return true;
        // A truncated or garbled given name keeps its initial and its letters in order ("Se" for "Sanae").
        var (s, l) = x.Length <= y.Length ? (x, y) : (y, x);
        return s.Length >= 2 && char.ToLowerInvariant(s[0]) == char.ToLowerInvariant(l[0]) && IsSubsequence(s.ToLowerInvariant(), l.ToLowerInvariant()) && s.Length * 2 >= l.Length - 1;
    }

    private static bool IsSubsequence(string s, string l)
    {
        int j = 0;
        foreach (char c in l)
        {
            if (j < s.Length && s[j] == c) j++;
        }
        return j == s.Length;
    }

    private static int Count(IEnumerable<string> articles, ISet<string> independent) => articles.Count(independent.Contains);
}
