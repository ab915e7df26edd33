using Parallax.Briefing;
using Parallax.Model;
using Parallax.Stages.Entities;

namespace Parallax.Resolution;

/// <summary>
/// Decides which names in different articles are one entity, and how each is written compared with the canonical one.
/// A person is one entry whether written in full, by family name alone, with or without a middle initial, with a familiar
/// or cut-short given name ("Tim"/"Timothy", "Bill"/"William"), or with a slip in a letter or two of any part
/// ("Karoline"/"Caroline Leavitt", "Priebus"/"Preibus"). Organisations and places are compared too: an acronym for its
/// full name ("CEC" for "Central Election Commission"), a respelled word ("Turkeminstan"). People who merely share a
/// family name ("Donald"/"Melania Trump") stay apart, and so do two names an article itself uses for two entities.
/// </summary>
public static class EntityLinker
{
    /// <summary>Compass points and their adjectives: two names that differ only in one are two parts of a place.</summary>
    private static readonly HashSet<string> CompassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Northeast", "Northwest", "Southeast", "Southwest",
        "Northeastern", "Northwestern", "Southeastern", "Southwestern", "Upper", "Lower", "Central", "Inner", "Outer",
    };

    private sealed class Group(EntityType type)
    {
        public EntityType Type { get; } = type;
        public List<((string Name, EntityType Type) Key, NameVariantKind Kind)> Members { get; } = [];
        public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);
        public int Mentions { get; set; }
        public string[] Head { get; set; } = [];
        public string HeadName { get; set; } = "";

        /// <summary>The head has a title or opens on a known given name, or its first word is written only as a name.</summary>
        public bool? PersonLike { get; set; }
    }

    public static (IReadOnlyList<EntityGroup> Groups, Func<string, string, string> Canonical) Resolve(IReadOnlyList<AnalyzedArticle> articles, ISet<string> independent)
    {
        // Every (name, type) with the articles that use it and how often.
        var uses = new Dictionary<(string Name, EntityType Type), (HashSet<string> Articles, int Mentions, string? Title)>();
        foreach (var a in articles)
        {
            foreach (var e in a.Entities)
            {
                var key = (e.Name, e.Type);
                var u = uses.GetValueOrDefault(key, ([], 0, null));
                u.Articles.Add(a.Id);
                uses[key] = (u.Articles, u.Mentions + 1, u.Title ?? e.Title);
            }
        }
        var parts = uses.Keys.ToDictionary(k => k, k => NameForms.Parts(k.Name));
        int Sources((string, EntityType) k) => uses[k].Articles.Count(independent.Contains);
        // Full names first, so a short form meets every full name it may stand for; then the best-attested.
        // Untyped names come last and only join an entity that is already there (see below).
        var names = uses.Keys
            .OrderBy(k => k.Type == EntityType.Other ? 2 : IsShort(k, parts[k]) ? 1 : 0)
            .ThenByDescending(Sources).ThenByDescending(k => uses[k].Mentions).ThenBy(k => k.Name, StringComparer.Ordinal)
            .ToList();

        var groups = new List<Group>();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byId = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        foreach (var a in articles) byId.TryAdd(a.Id, a);
        // Whether the reports that name the entity also write its first word as an ordinary word is judged on those reports only.
        bool PersonLike(Group g) => g.PersonLike ??= !(PartyWords.Contains(g.Head[^1]) || g.Head[^1] is "majority" or "minority")
            && (uses[(g.HeadName, EntityType.Person)].Title is not null
            || EntityLexicons.GivenNames.ContainsKey(g.Head[0])
            || (!EntityLexicons.Places.ContainsKey(g.Head[0]) && !g.Articles.Any(id => Text.Words.UsedInLowerCase(byId[id].Text, g.HeadName.Split(' ')[0]))));
        var groupOf = new Dictionary<(string, EntityType), int>();
        foreach (var key in names)
        {
            var p = parts[key];
            var articleSet = uses[key].Articles;
            var matches = new List<(int Group, NameVariantKind Kind)>();
            bool untyped = key.Type == EntityType.Other;
            // "New Jerrsey Governor …": a respelled place before a title reads as a person; a "person" that opens on no known
            // given name and holds no title is compared with bodies as well.
            bool loose = key.Type == EntityType.Person && p.Length >= 2 && uses[key].Title is null && !EntityLexicons.GivenNames.ContainsKey(p[0]);
            var looked = untyped || loose
                ? Candidates(index, EntityType.Person, p, lookup: true).Concat(Candidates(index, EntityType.Organization, p, lookup: true))
                : Candidates(index, key.Type, p, lookup: true);
            foreach (int g in looked.Distinct().Order())
            {
                var group = groups[g];
                if (group.Type != key.Type && !untyped && !(loose && group.Type is EntityType.Place or EntityType.Organization)) continue;
                var kind = Compare(group.Type, group.Head, group.HeadName, p, key.Name);
                if (kind is null && key.Type == EntityType.Person && group.Type == EntityType.Person
                    && FamilyNameSlip.Beside(group.Head, p, articleSet, group.Articles, uses[key].Mentions, group.Mentions)) kind = NameVariantKind.SuspectSpelling;
                if (kind is null) continue;
                // A family name alone stands for a full name only when that is a person's name ("Trump" for "Donald Trump"),
                // not a body read as a person ("House" for "House Democrat", "Way" for "Third Way").
                if (group.Type == EntityType.Person && p.Length == 1 && group.Head.Length >= 2 && kind == NameVariantKind.ShortForm && !PersonLike(group)) continue;
                // A capitalised word the article could not type ("Huckabee" with no title or verb nearby) joins a person only as
                // the family name itself, never as a near spelling; a body's respelled name ("Mexyco") types as nothing, so it may.
                if (untyped && group.Type == EntityType.Person && kind is not (NameVariantKind.ShortForm or NameVariantKind.Embedded)) continue;
                if (loose && group.Type != EntityType.Person && kind != NameVariantKind.SuspectSpelling && kind != NameVariantKind.Typography) continue;
                // Two names used side by side in one article are two entities, however alike they look.
                // A full name beside its familiar or initialled form ("Maurice “Mo” Cheeks … Mo Cheeks") is the article's own
                // variation, not a second person; a bare family name or a near spelling beside a full name is.
                // An organisation's acronym or short name beside its full name is the article's own shorthand ("CEC", "the Angels").
                bool givenVariant = kind is NameVariantKind.ShortForm or NameVariantKind.Embedded && (p.Length >= 2 && group.Head.Length >= 2 || group.Type == EntityType.Organization);
                // A slip in a word no list knows ("Clinten", "Housa") beside the right spelling is still a slip: a wire copy
                // pastes one outlet's sentence among others'. Two known names a letter apart (Slovakia, Slovenia) stay two.
                bool slip = kind == NameVariantKind.SuspectSpelling && SlipBesideOriginal(group.Type, group.Head, p);
                if (kind is not (NameVariantKind.Same or NameVariantKind.Typography) && !givenVariant && !slip && group.Articles.Overlaps(articleSet)) continue;
                matches.Add((g, kind.Value));
            }
            int found = -1;
            NameVariantKind how = NameVariantKind.Same;
            if (matches.Count == 1)
            {
                (found, how) = matches[0];
            }
            else if (matches.Count > 1 && !IsShort(key, p))
            {
                // A slip is one person's only when it is close to that one alone: "Marj Kelly" beside Mark and Mary Kelly is neither.
                if (matches.Any(m => m.Kind != NameVariantKind.SuspectSpelling) || !TwoOfOneFamily(matches.Select(m => groups[m.Group]).ToList())) (found, how) = matches[0];
            }
            else if (matches.Count > 1)
            {
                // A family name alone where several people carry it: the one the story is mostly about, if one clearly is.
                var bySize = matches.OrderByDescending(m => groups[m.Group].Mentions).ToList();
                if (groups[bySize[0].Group].Mentions >= 2 * groups[bySize[1].Group].Mentions) (found, how) = bySize[0];
            }
            if (found < 0 && untyped) continue;
            if (found < 0)
            {
                found = groups.Count;
                groups.Add(new Group(key.Type) { Head = p, HeadName = key.Name });
            }
            var home = groups[found];
            home.Members.Add((key, how));
            home.Articles.UnionWith(articleSet);
            home.Mentions += uses[key].Mentions;
            groupOf[key] = found;
            foreach (var k in Keys(home.Type, p, lookup: false))
            {
                if (!index.TryGetValue(k, out var list)) index[k] = list = [];
                if (list.Count == 0 || list[^1] != found) list.Add(found);
            }
        }

        var result = new List<EntityGroup>();
        foreach (var g in groups)
        {
            // Canonical: a full form, the spelling most independent sources use, then the one written most often; ties go to the fuller, then the alphabetically first.
            var ordered = g.Members.Select(m => m.Key)
                .OrderBy(k => k.Type == EntityType.Other ? 2 : IsShort(k, parts[k]) && g.Members.Count > 1 ? 1 : 0)
                .ThenByDescending(Sources).ThenByDescending(k => uses[k].Mentions).ThenByDescending(k => k.Name.Length).ThenBy(k => k.Name, StringComparer.Ordinal)
                .ToList();
            var canonical = ordered[0];
            var joined = g.Members.ToDictionary(m => m.Key, m => m.Kind);
            var all = g.Articles.Order(StringComparer.Ordinal).ToList();
            var variants = ordered.Select(k =>
            {
                var kind = k == canonical ? NameVariantKind.Same : Compare(g.Type, parts[canonical], canonical.Name, parts[k], k.Name) ?? joined[k];
                return new NameVariant(k.Name, uses[k].Articles.Order(StringComparer.Ordinal).ToList(), kind == NameVariantKind.SuspectSpelling) { Kind = kind };
            }).Where(v => v.Kind != NameVariantKind.Embedded).ToList();
            string? title = ordered.Select(k => uses[k].Title).Where(t => t is not null).OrderByDescending(t => t!.Length).FirstOrDefault();
            result.Add(new EntityGroup(canonical.Name, canonical.Type, title, all, variants.Count > 1 ? variants : [], g.Mentions));
        }
        var canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in names)
        {
            if (groupOf.TryGetValue(key, out int g)) canonicalOf[key.Name] = result[g].Name;
        }
        // A name no entity was made of (a speaker the quote stage found, a name inside a quotation) still resolves when it
        // is an entity's name in other typography or accents: "Raul Labrador" for "Raúl Labrador".
        var byFold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, canonicalName) in canonicalOf) byFold.TryAdd(string.Join(' ', NameForms.Parts(name)), canonicalName);
        string Canonical(string articleId, string name) =>
            canonicalOf.TryGetValue(name, out var c) ? c : byFold.GetValueOrDefault(string.Join(' ', NameForms.Parts(name)), name);
        var ranked = result.OrderByDescending(g => g.Articles.Count(independent.Contains)).ThenByDescending(g => g.Mentions).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        return (ranked, Canonical);
    }

    /// <summary>
    /// Whether a near spelling may be the same entity even where one article writes both: the words that differ are not
    /// both names the word lists know as distinct (two given names, two places, two generic words of a body's name).
    /// </summary>
    private static bool SlipBesideOriginal(EntityType type, string[] head, string[] parts)
    {
        if (type == EntityType.Person)
        {
            // A given name respelled stands beside the right one only when it is no one's given name in its own right (Bryan, Brian).
            if (head.Length >= 2 && parts.Length >= 2 && head[^1] == parts[^1] && head[0] != parts[0])
                return !(EntityLexicons.GivenNames.ContainsKey(head[0]) && EntityLexicons.GivenNames.ContainsKey(parts[0]));
            return true;
        }
        if (head.Length != parts.Length) return false;
        for (int i = 0; i < head.Length; i++)
        {
            if (head[i] != parts[i]) return !(KnownWord(head[i]) && KnownWord(parts[i]));
        }
        return false;
    }

    private static bool KnownWord(string folded) => EntityLexicons.Places.ContainsKey(folded) || Generic(folded) || EntityLexicons.GivenNames.ContainsKey(folded);

    /// <summary>Two people of one family name with different given names among the groups (Mark and Mary Kelly).</summary>
    private static bool TwoOfOneFamily(List<Group> candidates) =>
        candidates.Any(x => candidates.Any(y => x != y && x.Type == EntityType.Person && y.Type == EntityType.Person && x.Head.Length >= 2 && y.Head.Length >= 2
            && x.Head[^1] == y.Head[^1] && x.Head[0] != y.Head[0]));

    /// <summary>A family name alone, or an acronym: a form that may stand for a fuller one.</summary>
    private static bool IsShort((string Name, EntityType Type) key, string[] parts) =>
        parts.Length == 1 && (key.Type == EntityType.Person || IsAcronym(key.Name));

    private static bool IsAcronym(string name) => name.Length is >= 2 and <= 8 && name.All(c => char.IsAsciiLetterUpper(c) || c == '.');

    /// <summary>The index keys a name is filed under (or looked up by): its family name or words within one deletion, and its initials.</summary>
    private static IEnumerable<int> Candidates(Dictionary<string, List<int>> index, EntityType type, string[] parts, bool lookup)
    {
        foreach (var k in Keys(type, parts, lookup))
        {
            if (!index.TryGetValue(k, out var list)) continue;
            foreach (int g in list) yield return g;
        }
    }

    private static IEnumerable<string> Keys(EntityType type, string[] parts, bool lookup)
    {
        if (parts.Length == 0) yield break;
        if (type == EntityType.Person)
        {
            foreach (var k in NameForms.DeletionKeys(parts[^1])) yield return "f:" + k;
            string romanised = Transliteration.Key(parts[^1]);
            if (romanised != parts[^1]) yield return "f:" + romanised;
            // A long run ("Tara Reid Finally Checks Into Rehab") may hold a name whose family name is any of its words.
            if (lookup && parts.Length >= 3)
            {
                foreach (var p in parts[..^1]) yield return "f:" + p;
            }
            // A full name is also filed under its first part, where a single name ("Xi") may be the family name.
            if (parts.Length >= 2 && !lookup) yield return "g:" + parts[0];
            if (parts.Length == 1 && lookup) yield return "g:" + parts[0];
            yield break;
        }
        foreach (var w in parts.Where(w => w.Length >= 4).Distinct())
        {
            foreach (var k in NameForms.DeletionKeys(w)) yield return "w:" + k;
            string romanised = Transliteration.Key(w);
            if (romanised != w) yield return "w:" + romanised;
        }
        if (parts.Length == 1) yield return "a:" + parts[0].Replace(".", "", StringComparison.Ordinal);
        else yield return "a:" + NameForms.Initials(parts);
        yield return "n:" + string.Join(' ', parts);
    }

    /// <summary>How <paramref name="name"/> is written compared with the group's <paramref name="head"/>, or null when they are not one entity.</summary>
    internal static NameVariantKind? Compare(EntityType type, string[] head, string headName, string[] parts, string name)
    {
        if (type == EntityType.Person && head.Length >= 2 && parts.Length >= 2 && Generation(headName) != Generation(name)) return null; // Jesse Jackson and Jesse Jackson Jr.
        if (head.AsSpan().SequenceEqual(parts)) return headName == name ? NameVariantKind.Same : NameVariantKind.Typography;
        return type == EntityType.Person ? ComparePeople(head, parts) : CompareBodies(type, head, headName, parts, name);
    }

    /// <summary>"Jr", "Sr", "II", "III" at the end of a name: a father and a son are two people.</summary>
    private static string Generation(string name)
    {
        int space = name.LastIndexOf(' ');
        string last = (space < 0 ? name : name[(space + 1)..]).TrimEnd('.', ',').ToLowerInvariant();
        return last is "jr" or "sr" or "ii" or "iii" or "iv" ? last : "";
    }

    private static NameVariantKind? ComparePeople(string[] a, string[] b)
    {
        // A family name alone, a letter away from another, is a slip only when long enough to be rare (Priebus, not Cowen/Cowan).
        if (a.Length == 1 && b.Length == 1)
        {
            if (Transliteration.WithoutArticle(a[0]) == Transliteration.WithoutArticle(b[0])) return NameVariantKind.ShortForm;
            if (Transliteration.Same(a[0], b[0])) return NameVariantKind.Transliteration;
            return NameForms.CloseSpelling(a[0], b[0]) && Math.Min(a[0].Length, b[0].Length) >= 6 ? NameVariantKind.SuspectSpelling : null;
        }
        if (a.Length == 1 || b.Length == 1)
        {
            var (single, full) = a.Length == 1 ? (a[0], b) : (b[0], a);
            // "Assad" for "Bashar al-Assad": the Arabic article left out is a short form, not another spelling.
            if (Transliteration.WithoutArticle(single) == Transliteration.WithoutArticle(full[^1])) return NameVariantKind.ShortForm;
            // East Asian order writes the family name first: "Xi" for "Xi Jinping", but "Donald" is no one's family name here.
            // Such family names are short, and the name is two parts; "House" is not "House Democrat".
            if (single == full[0] && full.Length == 2 && single.Length <= 6 && !EntityLexicons.GivenNames.ContainsKey(full[0])
                && !EntityLexicons.OrgWords.Contains(Capitalised(full[0])) && !EntityLexicons.Places.ContainsKey(full[0]) && !EntityLexicons.Titles.Contains(full[0])) return NameVariantKind.ShortForm;
            if (Transliteration.Same(single, full[^1])) return NameVariantKind.Transliteration;
            if (single.Length >= 6 && NameForms.CloseSpelling(single, full[^1])) return NameVariantKind.SuspectSpelling;
            return null;
        }
        if (NameForms.RunWithin(a, b) >= 0 || NameForms.RunWithin(b, a) >= 0) return NameVariantKind.Embedded;
        // "Bashar al-Assad" and "Bashar Assad": the article written or left out is one family name.
        bool withoutArticle = a[^1] != b[^1] && Transliteration.WithoutArticle(a[^1]) == Transliteration.WithoutArticle(b[^1]);
        bool sameFamily = a[^1] == b[^1] || withoutArticle;
        bool romanised = !sameFamily && Transliteration.Same(a[^1], b[^1]);
        if (!sameFamily && !romanised && !NameForms.CloseSpelling(a[^1], b[^1])) return null;
        NameVariantKind? given = GivenKind(a[0], b[0]);
        if (given is null) return null;
        // Two parts changed at once is another person, unless both are one romanisation (Volodymyr Zelenskyy, Vladimir Zelensky).
        if (!sameFamily && given != NameVariantKind.Same && !(romanised && given == NameVariantKind.Transliteration)) return null;
        var kind = sameFamily ? (withoutArticle && given == NameVariantKind.Same ? NameVariantKind.ShortForm : given.Value)
            : romanised ? NameVariantKind.Transliteration : NameVariantKind.SuspectSpelling;
        var ma = a.AsSpan(1, a.Length - 2);
        var mb = b.AsSpan(1, b.Length - 2);
        if (ma.Length > 0 && mb.Length > 0)
        {
            if (ma.Length != mb.Length) return null;
            for (int i = 0; i < ma.Length; i++)
            {
                if (!NameForms.ShortGiven(ma[i], mb[i])) return null;
            }
            if (!ma.SequenceEqual(mb) && kind == NameVariantKind.Same) kind = NameVariantKind.ShortForm;
        }
        else if (ma.Length + mb.Length > 0 && kind == NameVariantKind.Same)
        {
            kind = NameVariantKind.ShortForm; // "Susan E. Rice" and "Susan Rice"
        }
        return kind;
    }

    private static NameVariantKind? GivenKind(string a, string b)
    {
        if (a == b) return NameVariantKind.Same;
        if (CompassWords.Contains(a) && CompassWords.Contains(b)) return null; // "Southern California" typed as a name is still no "Northern" respelled
        if (NameForms.ShortGiven(a, b)) return NameVariantKind.ShortForm;
        if (Transliteration.Same(a, b)) return NameVariantKind.Transliteration;
        // Two different known first names of different sexes are two people: Mark and Mary Kelly.
        string? ga = EntityLexicons.GenderOf(a), gb = EntityLexicons.GenderOf(b);
        if (ga is not null && gb is not null && ga != gb) return null;
        // "Bettie"/"Betty", "Kathie"/"Kathy": one diminutive spelled two ways.
        bool diminutive = a.Length > 3 && b.Length > 3 && Diminutive(a) == Diminutive(b);
        if (diminutive || NameForms.CloseSpelling(a, b) || NameForms.Garbled(a, b)) return NameVariantKind.SuspectSpelling;
        return null;
    }

    private static string Diminutive(string given) => given.EndsWith("ie", StringComparison.Ordinal) ? given[..^2] + "y" : given.EndsWith("ey", StringComparison.Ordinal) ? given[..^2] + "y" : given;

    /// <summary>
    /// "the Angels" for "Los Angeles Angels", "Staunton Police" for "Staunton Police Department": an organisation named
    /// without its home (a known place or its adjective), or without the generic words that end its full name. A generic word alone ("House", "Department"),
    /// a party or a place is no short form of anything.
    /// </summary>
    private static bool ShortBody(string[] shortBody, string[] longBody)
    {
        int extra = longBody.Length - shortBody.Length;
        if (extra is < 1 or > 2) return false;
        // The words left out must be the home: a known place or its adjective ("Chinese Foreign Ministry").
        string home = string.Join(' ', longBody[..extra]);
        if (longBody.AsSpan(extra).SequenceEqual(shortBody))
            return shortBody[^1].Length >= 4 && !Generic(shortBody[^1]) && !EntityLexicons.Places.ContainsKey(string.Join(' ', shortBody))
                && (EntityLexicons.Places.ContainsKey(home) || EntityLexicons.Demonyms.Contains(home));
        return shortBody.Length >= 2 && longBody.AsSpan(0, shortBody.Length).SequenceEqual(shortBody) && longBody[shortBody.Length..].All(Generic) && !Generic(shortBody[0]);
    }

    private static bool Generic(string folded)
    {
        string word = Capitalised(folded);
        return EntityLexicons.OrgWords.Contains(word) || EntityLexicons.PlaceWords.Contains(word) || EntityLexicons.Demonyms.Contains(word)
            || PartyWords.Contains(folded) || folded == "party";
    }

    /// <summary>A folded name part as the word lists write it: "house" → "House".</summary>
    private static string Capitalised(string folded) => char.ToUpperInvariant(folded[0]) + folded[1..];

    /// <summary>A party member's label ending a name ("House Democrat", "Senate Republicans"): no person's and no body's own name.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PartyWords =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "democrat", "democrats", "republican", "republicans", "gop");

    private static NameVariantKind? CompareBodies(EntityType type, string[] a, string aName, string[] b, string bName)
    {
        if (a.Length == 1 && b.Length >= 2 && IsAcronym(aName) && a[0].Replace(".", "", StringComparison.Ordinal) == NameForms.Initials(b)) return NameVariantKind.ShortForm;
        if (b.Length == 1 && a.Length >= 2 && IsAcronym(bName) && b[0].Replace(".", "", StringComparison.Ordinal) == NameForms.Initials(a)) return NameVariantKind.ShortForm;
        // "Los Angeles Angels of Anaheim" for "Los Angeles Angels": the body with its home added.
        var (shortBody, longBody) = a.Length < b.Length ? (a, b) : (b, a);
        if (NameForms.RunWithin(longBody, shortBody) == 0 && longBody[shortBody.Length] == "of") return NameVariantKind.Embedded;
        if (type == EntityType.Organization && ShortBody(shortBody, longBody)) return NameVariantKind.ShortForm;
        if (a.Length != b.Length) return null;
        int differing = -1;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (differing >= 0) return null;
            differing = i;
        }
        if (differing < 0) return NameVariantKind.Typography;
        string x = a[differing], y = b[differing];
        // "Senate Republicans" and "Senate Republican": the same body in the plural.
        if (NameForms.Plural(x, y)) return NameVariantKind.Typography;
        // "Libya" and "Libyan", "California" and "Californian": a place and its people's adjective, not one name respelled.
        if (x == y + "n" || y == x + "n" || NameForms.WordForm(x, y)) return null;
        // "Southern California" and "Northern California": a compass point names another part of a place, it is not misspelled.
        if (CompassWords.Contains(x) && CompassWords.Contains(y)) return null;
        if (Transliteration.Same(x, y)) return NameVariantKind.Transliteration;
        return Math.Min(x.Length, y.Length) >= 5 && NameForms.CloseSpelling(x, y) ? NameVariantKind.SuspectSpelling : null;
    }
}
