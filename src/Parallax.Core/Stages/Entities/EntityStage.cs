using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Text;

namespace Parallax.Stages.Entities;

/// <summary>Finds people, organisations and places, and resolves short forms to the fullest name in the article ("Xi" → "Xi Jinping").</summary>
public sealed class EntityStage : IAnalysisStage
{
    public string Name => "entities";

    public AnalysisLayer Reads => AnalysisLayer.Tokens | AnalysisLayer.Sentences | AnalysisLayer.Times;

    public AnalysisLayer Writes => AnalysisLayer.Entities;

    public void Run(DocumentBuilder document)
    {
        var excluded = document.Times.Select(t => t.Span).ToList();
        var mentions = EntityExtractor.Extract(document.Text, document.Tokens, document.Sentences, excluded);
        var quoted = Sentences.QuotationMarks.Spans(document.Text).ToList();
        document.Entities = EntityResolver.Resolve(mentions, document.Text, quoted);
    }
}

/// <summary>Types each found name and links it to the fullest form of the same name in the article.</summary>
public static class EntityResolver
{
    public static IReadOnlyList<Entity> Resolve(IReadOnlyList<EntityMention> mentions, string text, IReadOnlyList<Span>? quoted = null)
    {
        quoted ??= [];
        var typed = new List<(EntityMention Mention, EntityType? Type, string[] Parts)>(mentions.Count);
        foreach (var m in mentions)
        {
            var parts = m.Text.Split(' ');
            typed.Add((m, TypeOf(m, parts, text), parts));
        }
        TrimToKnownNames(typed);

        // Full personal names (two or more words) are what shorter mentions resolve to.
        var seenCapitalised = new HashSet<string>(StringComparer.Ordinal);
        var typedNames = new HashSet<string>(StringComparer.Ordinal);
        var titledPersons = new HashSet<string>(StringComparer.Ordinal);
        var byPart = new Dictionary<string, List<(EntityMention Mention, string[] Parts)>>(StringComparer.Ordinal);
        foreach (var (m, type, parts) in typed)
        {
            if (!m.SentenceInitial && !m.InHeading) seenCapitalised.Add(m.Text);
            if (type is null) continue;
            typedNames.Add(m.Text);
            if (type == EntityType.Person && m.Title is not null) titledPersons.Add(m.Text);
            if (type != EntityType.Person || parts.Length < 2) continue;
            for (int i = 0; i < parts.Length; i++)
            {
                if (Array.IndexOf(parts, parts[i]) < i) continue;
                if (!byPart.TryGetValue(parts[i], out var list)) byPart[parts[i]] = list = [];
                list.Add((m, parts));
            }
        }
        // Titles the article gives a bare family name ("President Trump"): the family's suffixed son is someone else.
        var titledShort = typed.Where(t => t.Mention.Title is not null && t.Parts.Length == 1).Select(t => (t.Mention.Text, t.Mention.Title!)).ToHashSet();
        var inQuote = Coverage.Of(text.Length, quoted);
        var result = new List<Entity>(typed.Count);
        foreach (var (m, type, parts) in typed)
        {
            var full = byPart.TryGetValue(parts[0], out var candidates) ? FullPersonName(m, parts, candidates, titledShort) : null;
            if (full is not null)
            {
                result.Add(new Entity(m.Span, m.Text, EntityType.Person, full.Text) { Title = m.Title ?? full.Title });
                continue;
            }
            if (type is null && titledPersons.Contains(m.Text) && !inQuote.Overlaps(m.Span))
            {
                // "President Trump" makes the person of the article's later bare "Trump" (a name no list knows is typed by its title).
                result.Add(new Entity(m.Span, m.Text, EntityType.Person, m.Text) { Title = m.Title });
                continue;
            }
            if (type is null)
            {
                // Unknown single words at the start of a sentence or in a headline are usually ordinary words.
                if ((m.SentenceInitial || m.InHeading) && !seenCapitalised.Contains(m.Text)) continue;
                // Inside a quotation speakers capitalise for emphasis ("our Great Farmers"); only names seen outside count.
                if (inQuote.Overlaps(m.Span) && !typedNames.Contains(m.Text)) continue;
                result.Add(new Entity(m.Span, m.Text, EntityType.Other, m.Text) { Title = m.Title });
                continue;
            }
            // Headlines capitalise every word; keep only names the article also uses in running text, or known ones.
            if (m.InHeading && !seenCapitalised.Contains(m.Text) && !EntityLexicons.Places.ContainsKey(m.Text) && !EntityLexicons.Organizations.Contains(m.Text)) continue;
            string name = type == EntityType.Place ? CanonicalPlace(m.Text) : m.Text;
            result.Add(new Entity(m.Span, m.Text, type.Value, name) { Title = m.Title });
        }
        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    /// <summary>
    /// A run of capitalised words that holds a name the article writes on its own elsewhere is that name: a headline's
    /// "Tara Reid Finally Checks Into Rehab", "Actress Tara Reid", "Fired Jim O'Brien" are mentions of Tara Reid and Jim O'Brien.
    /// Only names of two words or more, seen outside headlines, are looked for.
    /// </summary>
    private static void TrimToKnownNames(List<(EntityMention Mention, EntityType? Type, string[] Parts)> typed)
    {
        var known = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var (m, type, parts) in typed)
        {
            if (type is { } t && t != EntityType.Other && parts.Length >= 2 && !m.InHeading) known.TryAdd(m.Text, t);
        }
        if (known.Count == 0) return;
        for (int i = 0; i < typed.Count; i++)
        {
            var (m, type, parts) = typed[i];
            if (parts.Length < 3 || known.ContainsKey(m.Text) || parts.Length > 16 || m.Text.Length != m.Span.Length) continue;
            string? best = null;
            int bestAt = -1;
            for (int len = parts.Length - 1; len >= 2 && best is null; len--)
            {
                for (int from = 0; from + len <= parts.Length; from++)
                {
                    string sub = string.Join(' ', parts, from, len);
                    if (!known.ContainsKey(sub)) continue;
                    int at = string.Join(' ', parts, 0, from).Length + (from > 0 ? 1 : 0);
                    if (!m.Text.AsSpan(at).StartsWith(sub, StringComparison.Ordinal)) continue;
                    best = sub;
                    bestAt = at;
                    break;
                }
            }
            if (best is null) continue;
            var span = new Span(m.Span.Start + bestAt, m.Span.Start + bestAt + best.Length);
            typed[i] = (m with { Span = span, Text = best, SentenceInitial = m.SentenceInitial && bestAt == 0 }, known[best], best.Split(' '));
        }
    }

    private static bool HasGenerationalSuffix(string[] parts) => parts[^1].TrimEnd('.') is "Jr" or "Sr" or "II" or "III" or "IV";

    /// <summary>Canonical spelling of a place ("U.S." → "United States").</summary>
    public static string CanonicalPlace(string name) => EntityLexicons.Places.TryGetValue(name, out var canonical) ? canonical : name;

    private static EntityMention? FullPersonName(EntityMention m, string[] parts, List<(EntityMention Mention, string[] Parts)> persons, HashSet<(string, string)> titledShort)
    {
        EntityMention? best = null;
        // "Donald Trump Jr." is not who a bare "Trump" is when a father is named too, or when the mention's title is not his
        // ("President Trump"): a generational suffix the mention leaves out marks another person of the family name.
        bool? unsuffixed = null; // worked out only when a suffixed name matches, which is rare
        foreach (var (p, pparts) in persons)
        {
            if (p.Text == m.Text) return p;
            bool match = parts.Length < pparts.Length && parts.All(x => Array.IndexOf(pparts, x) >= 0);
            if (!match) continue;
            if (HasGenerationalSuffix(pparts) && !HasGenerationalSuffix(parts))
            {
                unsuffixed ??= persons.Any(c => c.Parts.Length > parts.Length && !HasGenerationalSuffix(c.Parts) && parts.All(x => Array.IndexOf(c.Parts, x) >= 0));
                if (unsuffixed.Value || titledShort.Any(t => t.Item1 == m.Text && t.Item2 != p.Title)) continue;
            }
            // Prefer the nearest full name before this mention, else the first one after it.
            if (best is null || (p.Span.Start < m.Span.Start && (best.Span.Start > m.Span.Start || p.Span.Start > best.Span.Start))) best = p;
        }
        if (best is not null && EntityLexicons.Places.ContainsKey(m.Text)) return null; // "Georgia" the state, not "Georgia Meloni"
        return best;
    }

    private static EntityType? TypeOf(EntityMention m, string[] words, string text)
    {
        string name = m.Text;
        if (EntityLexicons.Organizations.Contains(name)) return EntityType.Organization;
        // A body named for what it runs ("Central Election Commission", "Olympic Committee") is the body, not the event.
        if (words.Length > 1 && EntityLexicons.OrgWords.Contains(words[^1])) return EntityType.Organization;
        if (words.Any(w => EntityLexicons.EventWords.Contains(w) || IsRomanNumeral(w))) return EntityType.Other;
        if (EntityLexicons.Places.ContainsKey(name)) return m.Title is not null && m.AfterRoleNoun ? EntityType.Person : EntityType.Place;
        if (words.Any(w => EntityLexicons.OrgWords.Contains(w))) return EntityType.Organization;
        // A known place with a name after it that is no place word is what the place is home to: a team ("Los Angeles Angels",
        // "Texas Rangers") or a paper ("New York Times"). One place word before a singular name may be a person ("Paris Hilton").
        if (words.Length > 1 && !EntityLexicons.PlaceWords.Contains(words[^1]) && PlaceOpening(words) is int opening and > 0 && opening < words.Length
            && (opening >= 2 || (words[^1].EndsWith('s') && !"aiosu".Contains(words[^1][^2])))) return EntityType.Organization;
        if (words.Length > 1 && (EntityLexicons.PlaceWords.Contains(words[^1]) || PlacePrefixes.Contains(words[0]))) return EntityType.Place;
        if (m.Title is null && !m.Courtesy && NearKnownNames.TypeOf(words, text) is { } near) return near;
        if (m.Title is not null || m.Courtesy) return EntityType.Person;
        if (words.Length <= 3 && AfterSettlementNoun(text, m.Span.Start)) return EntityType.Place;
        // An acronym or a web address written as a name ("ESPN", "TMZ.com") is an organisation, outside all-capital headlines.
        if (words.Length == 1 && !m.InHeading && (IsAcronym(name) || name.EndsWith(".com", StringComparison.OrdinalIgnoreCase))) return EntityType.Organization;
        if (EntityLexicons.GivenNames.ContainsKey(words[0]) && words.Length > 1) return EntityType.Person;
        // A capitalised role noun opening a sentence ("Officials said", "Analysts expect") is no one's name.
        if (words.Length == 1 && (EntityLexicons.RoleNouns.Contains(name) || (name.EndsWith('s') && EntityLexicons.RoleNouns.Contains(name[..^1])))) return null;
        // An unknown name doing the talking ("Trump said", "said Sun Yun", "Xi told") is a person.
        if (words.Length <= 3 && words.All(w => w.Length > 1 && char.IsUpper(w[0]) && !w.Contains('.')) && (FollowedBySpeech(text, m.Span.End) || PrecededBySpeech(text, m.Span.Start))) return EntityType.Person;
        // Two or three unknown capitalised words ("Sun Yun", "Scott Bessent") are most often a person; plural nouns ("Farm Products") are not,
        // nor are names that open on a place ("Harvard Law", "Arizona Policy") or whose words the article also writes in lower case
        // ("Disease Control", "Supremacy Clause", "American Dream").
        if (words.Length is 2 or 3 or 4 && words.Count(w => !IsInitial(w)) is 2 or 3 && words.All(w => IsInitial(w) || (w.Length > 1 && char.IsLetter(w[^1]) && !LooksPlural(w))) && !IsInitial(words[0]) && !IsInitial(words[^1]) && !m.InHeading && words.All(w => !Text.Words.IsStop(w))
            && !EntityLexicons.Places.ContainsKey(words[0]) && !words.Any(w => Text.Words.UsedInLowerCase(text, w))) return EntityType.Person;
        return null;
    }

    /// <summary>How many of the first words name a known place (the longest such run, at most three words), or 0.</summary>
    private static int PlaceOpening(string[] words)
    {
        for (int n = Math.Min(3, words.Length - 1); n >= 1; n--)
        {
            if (EntityLexicons.Places.ContainsKey(string.Join(' ', words, 0, n))) return n;
        }
        return 0;
    }

    /// <summary>"K." in "Raj K. Chohan".</summary>
    private static bool IsInitial(string w) => w.Length == 2 && char.IsUpper(w[0]) && w[1] == '.';

    /// <summary>
    /// A plural noun ("Products", "Services"), not a name: an s after a consonant. Names end in -os, -as, -us, -is far more
    /// often than plurals do ("Grigoropoulos", "Korkoneas", "Landsbergis"), and -ss is no plural ("Ross").
    /// </summary>
    private static bool LooksPlural(string w) => w.Length > 3 && w[^1] == 's' && !"aiosu".Contains(w[^2]) && w[^2] != '\'';

    /// <summary>"ESPN", "NYPD", "ISNA": an all-capital word of two to six letters that is not an ordinary noun or a place.</summary>
    private static bool IsAcronym(string name)
    {
        string core = name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name;
        return core.Length is >= 2 and <= 6 && core.All(char.IsAsciiLetterUpper) && !IsRomanNumeral(core) && !EntityLexicons.AcronymNouns.Contains(core) && !EntityLexicons.Titles.Contains(core);
    }

    /// <summary>First words that make a name a place: "Fort Lee", "Puerto Rico", "San Jose", "Lake Tahoe".</summary>
    private static readonly HashSet<string> PlacePrefixes = new(StringComparer.Ordinal) { "Fort", "Ft.", "Mount", "Mt.", "Lake", "Port", "Puerto", "San", "Santa", "Los", "Las", "Cape" };

    private static bool IsRomanNumeral(string w) => w.Length is > 0 and <= 4 && w.All(c => c is 'I' or 'V' or 'X');

    private static bool FollowedBySpeech(string text, int end)
    {
        var after = text.AsSpan(end, Math.Min(24, text.Length - end)).TrimStart(", ");
        int stop = 0;
        while (stop < after.Length && char.IsLetter(after[stop])) stop++;
        if (stop == 0 || !char.IsLower(after[0])) return false;
        string verb = after[..stop].ToString();
        // "Experts say" is a plural noun talking; a person takes "says", "said", "told".
        bool singularOrPast = verb.EndsWith('s') || verb.EndsWith("ed", StringComparison.Ordinal) || verb is "said" or "told" or "wrote" or "sang" or "spoke";
        return singularOrPast && Text.SpeechVerbs.Contains(verb);
    }

    /// <summary>"the city of ", "the province of " just before a name: the name is a place.</summary>
    private static bool AfterSettlementNoun(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 24), start - Math.Max(0, start - 24)).TrimEnd(' ');
        if (!before.EndsWith(" of", StringComparison.Ordinal)) return false;
        before = before[..^3].TrimEnd(' ');
        int from = before.Length;
        while (from > 0 && char.IsLetter(before[from - 1])) from--;
        return from < before.Length && EntityLexicons.SettlementNouns.Has(before[from..]);
    }

    private static bool PrecededBySpeech(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 8), start - Math.Max(0, start - 8)).TrimEnd(' ');
        return before.EndsWith("said") || before.EndsWith("says");
    }
}
