using Parallax.Model;
using Parallax.Stages.Entities;
using Parallax.Text;

namespace Parallax.Briefing.Roles;

/// <summary>
/// One person given two titles by different reports that no one holds at once in one organisation ("Chick-fil-A president
/// Dan Cathy" / "CEO Dan Cathy"): a title conflict. Only pairs the curated lexicon lists conflict, only for one resolved
/// person, and only when the organisations the reports name agree.
/// </summary>
public static class RoleConflicts
{
    /// <summary>Both reports name the same organisation before the title.</summary>
    public const double SameOrganisation = 0.8;

    /// <summary>One report names the organisation and the other mentions it in its text.</summary>
    public const double OrganisationInContext = 0.65;

    /// <summary>Neither report names an organisation: the pair is exclusive, but the reports may mean two bodies.</summary>
    public const double NoOrganisation = 0.55;

    /// <summary>One report names an organisation the other never mentions: it may be another body. Held back.</summary>
    public const double OrganisationUnsure = 0.35;

    private static readonly Dictionary<string, string> Same = new(StringComparer.Ordinal);

    private static readonly HashSet<(string, string)> Exclusive = Load();

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> Abbreviations = Stages.Entities.EntityLexicons.TitleAbbreviations;

    /// <summary>Words that make part of a title though no title list has them ("assistant district attorney").</summary>
    private static readonly HashSet<string> TitleModifiers = new(StringComparer.Ordinal)
    {
        "assistant", "deputy", "district", "attorney", "general", "executive", "officer", "acting", "interim", "managing", "vice", "lieutenant", "lt", "congressman", "congresswoman",
    };

    private sealed record Titled(string Article, string Person, string Role, string Written, string? Organisation, Span Span);

    private static HashSet<(string, string)> Load()
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in Lexicon.Lines(typeof(RoleConflicts), "exclusive-titles.lex"))
        {
            int eq = line.IndexOf('=');
            if (eq > 0)
            {
                Same[line[..eq].Trim()] = line[(eq + 1)..].Trim();
                continue;
            }
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 2) continue;
            pairs.Add((parts[0], parts[1]));
            pairs.Add((parts[1], parts[0]));
        }
        return pairs;
    }

    /// <summary>The title conflicts of a story; <paramref name="canonical"/> resolves a name as an article writes it.</summary>
    public static IEnumerable<Conflict> Find(IReadOnlyList<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var titled = articles.SelectMany(a => Mentions(a, canonical)).ToList();
        foreach (var person in titled.GroupBy(t => t.Person, StringComparer.Ordinal))
        {
            var roles = person.GroupBy(t => t.Role, StringComparer.Ordinal).ToList();
            for (int i = 0; i < roles.Count; i++)
            {
                for (int j = i + 1; j < roles.Count; j++)
                {
                    var (x, y) = (roles[i].ToList(), roles[j].ToList());
                    if (!Exclusive.Contains((x[0].Role, y[0].Role))) continue;
                    var ax = x.Select(t => t.Article).ToHashSet(StringComparer.Ordinal);
                    var ay = y.Select(t => t.Article).ToHashSet(StringComparer.Ordinal);
                    // A report giving the person both titles says they hold both; so does "president and CEO" anywhere.
                    if (ax.Overlaps(ay) || articles.Any(a => BothWritten(a.Text, x[0].Written, y[0].Written))) continue;
                    double confidence = Confidence(x, y, articles, canonical);
                    if (confidence <= 0) continue;
                    var variants = new[] { x, y }.OrderByDescending(v => v.Select(t => t.Article).Distinct().Count())
                        .Select(v => new Variant(v[0].Written, v[0].Written + " " + Shown(v[0].Person), [.. v.Select(t => t.Article).Distinct().Order(StringComparer.Ordinal)],
                            [.. v.Select(t => new Support(t.Article, t.Span))]))
                        .ToList();
                    yield return new Conflict($"Title of {person.Key}", ConflictKind.Role, variants) { Confidence = confidence };
                }
            }
        }
    }

    private static string Shown(string person) => person;

    /// <summary>
    /// How sure the two titles are of one organisation: the same one named on both sides; one named and the other report
    /// writing about it; none named on either side; else an organisation only one side knows (or two named apart: none).
    /// </summary>
    private static double Confidence(List<Titled> x, List<Titled> y, IReadOnlyList<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var ox = x.Select(t => t.Organisation).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var oy = y.Select(t => t.Organisation).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (ox.Count > 0 && oy.Count > 0) return ox.Overlaps(oy) ? SameOrganisation : 0;
        if (ox.Count == 0 && oy.Count == 0) return NoOrganisation;
        var (named, other) = ox.Count > 0 ? (ox, y) : (oy, x);
        bool mentioned = other.All(t => articles.First(a => a.Id == t.Article) is var a
            && (a.Entities.Any(e => named.Contains(canonical(t.Article, e.Name))) || named.Any(n => a.Text.Contains(n, StringComparison.Ordinal))));
        return mentioned ? OrganisationInContext : OrganisationUnsure;
    }

    private static bool BothWritten(string text, string a, string b) =>
        text.Contains(a + " and " + b, StringComparison.OrdinalIgnoreCase) || text.Contains(b + " and " + a, StringComparison.OrdinalIgnoreCase)
        || text.Contains(a + "/" + b, StringComparison.OrdinalIgnoreCase) || text.Contains(b + "/" + a, StringComparison.OrdinalIgnoreCase);

    /// <summary>A person's mentions with a title written right before the name, not a former one, with the organisation named before the title.</summary>
    private static IEnumerable<Titled> Mentions(AnalyzedArticle a, Func<string, string, string> canonical)
    {
        foreach (var e in a.Entities)
        {
            if (e.Type != EntityType.Person || e.Title is null) continue;
            // The title must be written at this mention: a short mention inherits its full name's title.
            var before = a.Text.AsSpan(0, e.Span.Start).TrimEnd();
            if (!before.EndsWith(e.Title, StringComparison.Ordinal)) continue;
            int titleStart = before.Length - e.Title.Length;
            var (role, written) = Role(e.Title);
            if (role is null) continue;
            int writtenStart = titleStart + e.Title.Length - written.Length;
            var lead = a.Text.AsSpan(0, writtenStart).TrimEnd();
            // A former or acting holder, or a title a name only carries in a quotation's context, says nothing of the present title.
            if (lead.EndsWith("former", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("ex-", StringComparison.OrdinalIgnoreCase)
                || lead.EndsWith("then", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("then-", StringComparison.OrdinalIgnoreCase)) continue;
            // The organisation: in the title before the role ("Avalen Bakeries CEO"), else the capitalised words written
            // right before a lower-case title ("Harbor Foods president"), which an opening word may have kept from being an entity.
            string? organisation = Qualifier(e.Title[..^written.Length]) ?? Qualifier(CapitalisedBefore(a.Text, writtenStart));
            var qualifier = a.Entities.LastOrDefault(o => o.Type != EntityType.Person && o.Type != EntityType.Place && o.Span.End <= writtenStart && writtenStart - o.Span.End <= 3
                && a.Text.AsSpan(o.Span.End, writtenStart - o.Span.End).Trim() is "" or "'s" or "’s");
            if (qualifier is not null) organisation = canonical(a.Id, qualifier.Name);
            else if (organisation is not null) organisation = canonical(a.Id, organisation);
            yield return new Titled(a.Id, canonical(a.Id, e.Name), role, written, organisation, new Span(writtenStart, e.Span.End));
        }
    }

    /// <summary>Up to four capitalised words ending right before <paramref name="at"/>, with a possessive's ending dropped.</summary>
    private static string CapitalisedBefore(string text, int at)
    {
        var words = new List<string>();
        int end = at;
        while (end > 0 && text[end - 1] == ' ') end--;
        while (words.Count < 4 && end > 0)
        {
            int start = end;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
            string word = text[start..end];
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Length == 0 || !char.IsUpper(word[0]) || !word.All(c => char.IsLetterOrDigit(c) || c is '-' or '&' or '.')) break;
            words.Insert(0, word);
            end = start;
            while (end > 0 && text[end - 1] == ' ') end--;
            if (end > 0 && text[end - 1] is '\n' or '.' or ',') break;
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// The organisation a title names before its role ("Avalen Bakeries" of "Avalen Bakeries CEO"); a place, a people or a
    /// party ("Massachusetts", "South Carolina Republican") is no organisation.
    /// </summary>
    private static string? Qualifier(string lead)
    {
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0] is "The") words.RemoveAt(0);
        while (words.Count > 0 && words[^1] is "Democrat" or "Democratic" or "Republican" or "GOP" or "Independent") words.RemoveAt(words.Count - 1);
        if (words.Count == 0) return null;
        string name = string.Join(' ', words);
        return EntityLexicons.Places.ContainsKey(name) || EntityLexicons.Demonyms.Contains(name) ? null : name;
    }

    /// <summary>
    /// The role a title names, in full and lower case ("Massachusetts Gov." → governor, "CEO" → ceo), and the words of the
    /// title that write it; null when the title ends on no role word.
    /// </summary>
    internal static (string? Role, string Written) Role(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int from = words.Length;
        while (from > 0 && IsRoleWord(words[from - 1])) from--;
        if (from == words.Length) return (null, "");
        var full = words[from..].Select(w => w.TrimEnd('.').ToLowerInvariant()).Select(w => Abbreviations.GetValueOrDefault(w, w));
        string role = string.Join(' ', full);
        return (Same.GetValueOrDefault(role, role), string.Join(' ', words[from..]));
    }

    private static bool IsRoleWord(string word)
    {
        string w = word.TrimEnd('.');
        return EntityLexicons.Titles.Contains(w) || EntityLexicons.RoleNouns.Contains(w) || TitleModifiers.Contains(w.ToLowerInvariant())
            || Abbreviations.ContainsKey(w.ToLowerInvariant());
    }
}
