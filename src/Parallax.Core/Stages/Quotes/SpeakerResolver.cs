using Parallax.Model;
using Parallax.Stages.Entities;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>Decides who a speaker mention refers to: a name's full form, or for "he", "she" and "the spokeswoman" the person last mentioned who fits.</summary>
public static class SpeakerResolver
{
    /// <summary>What an article tells of its people once, for all its quotes: the first title each name is given, and the gender an honorific gives it.</summary>
    public sealed record ArticleFacts(IReadOnlyDictionary<string, string> Titles, IReadOnlyDictionary<string, string> Genders)
    {
        /// <summary>Where the article's direct quotations stand: names inside them are never a pronoun's antecedent.</summary>
        public Coverage? Quoted { get; init; }
    }

    /// <summary>
    /// The first title each name is given in the article ("Press Secretary" for Karoline Leavitt), and the gender of
    /// names written after "Mr." (m) or "Mrs.", "Ms.", "Miss" (f) anywhere in it, looked up once per article.
    /// </summary>
    public static ArticleFacts Know(string text, IReadOnlyList<Entity> entities, IReadOnlyList<QuoteMention>? mentions = null)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var genders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (e.Title is { } t) titles.TryAdd(e.Name, t);
            if (e.Type != EntityType.Person) continue;
            var before = text.AsSpan(Math.Max(0, e.Span.Start - 6), Math.Min(6, e.Span.Start)).TrimEnd();
            string? g = before.EndsWith("Mr.", StringComparison.Ordinal) || before.EndsWith("Mr", StringComparison.Ordinal) ? "m"
                : before.EndsWith("Mrs.", StringComparison.Ordinal) || before.EndsWith("Ms.", StringComparison.Ordinal) || before.EndsWith("Miss", StringComparison.Ordinal) || before.EndsWith("Mrs", StringComparison.Ordinal) || before.EndsWith("Ms", StringComparison.Ordinal) ? "f" : null;
            if (g is not null) genders.TryAdd(e.Name, g);
        }
        return new ArticleFacts(titles, genders) { Quoted = Coverage.Of(text.Length, (mentions ?? []).Where(m => m.Direct).Select(m => m.Content)) };
    }

    /// <summary>The quote with its speaker resolved; <c>known</c> is the article's <see cref="Know"/>, worked out once for all its quotes.</summary>
    public static Quote Resolve(QuoteMention m, string text, IReadOnlyList<Entity> entities, IReadOnlyList<Sentence> sentences, ArticleFacts known)
    {
        var titles = known.Titles;
        var quote = new Quote(m.Content, m.Content.Of(text), m.Direct) { Cue = m.Cue, SpeakerSpan = m.SpeakerMention };
        if (m.SpeakerMention is not { } mention) return quote;
        if (EntityAt(entities, mention) is { } named) return quote with { Speaker = named.Name };
        string surface = mention.Of(text);
        string lower = surface.ToLowerInvariant();
        if (QuoteExtractor.TryPronounGender(lower, out var gender))
        {
            if (lower is "i" or "we") return quote; // first person inside a quotation names no one by itself
            if (gender == "-") return quote; // "they": lawyers, officials or a body; which one, the rules cannot tell
            if (gender == "n") return Antecedent(entities, sentences, mention, _ => true, text, known.Quoted, EntityType.Organization) is { } body ? quote with { Speaker = body.Name } : quote;
            // The nearest person who may be a "she": one whose given name or honorific says otherwise is passed over,
            // one of whom nothing is known is not (a known woman further back does not beat a nearer "Xi").
            var person = Antecedent(entities, sentences, mention, e => gender == "x" || GenderOf(e, known) is null || GenderOf(e, known) == gender, text, known.Quoted);
            return person is null ? quote : quote with { Speaker = person.Name };
        }
        // "the Chinese leader": the nearest subject whose title fits the role and does not name another nationality.
        var roleWords = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "the").ToArray();
        var byRole = Antecedent(entities, sentences, mention, e => FitsRole(roleWords, e.Title ?? titles.GetValueOrDefault(e.Name)), text, known.Quoted);
        return byRole is null ? quote : quote with { Speaker = byRole.Name };
    }

    /// <summary>The entity whose span is exactly <paramref name="span"/>, found by binary search (entities are in text order).</summary>
    internal static Entity? EntityAt(IReadOnlyList<Entity> entities, Span span)
    {
        for (int i = Sorted.FirstAtOrAfter(entities, span.Start, static e => e.Span.Start); i < entities.Count && entities[i].Span.Start == span.Start; i++)
        {
            if (entities[i].Span == span) return entities[i];
        }
        return null;
    }

    /// <summary>How many names back a pronoun may look for its antecedent beyond the last few sentences.</summary>
    internal const int AntecedentReach = 400;

    /// <summary>
    /// The person a pronoun most likely stands for: a fitting person of its own sentence before it, else of the nearest
    /// earlier sentence that has one (five at most), else for a person the last fitting one named. Within a sentence, the person a cue word stands beside ("Holder said") comes first,
    /// then the first one not written as a possessive ("Michael Brown's death" names the subject of nothing), then the
    /// first. Names inside quotation marks (<paramref name="quoted"/>) are what was said, not who said it.
    /// </summary>
    private static Entity? Antecedent(IReadOnlyList<Entity> entities, IReadOnlyList<Sentence> sentences, Span pronoun, Func<Entity, bool> fits, string text, Coverage? quoted, EntityType type = EntityType.Person)
    {
        bool Outside(Entity e) => quoted is null || !quoted.Overlaps(e.Span);
        // Sentences and entities are in text order, so both are found by binary search rather than by reading the article.
        int s = Sorted.FirstAtOrAfter(sentences, pronoun.Start + 1, static x => x.Span.Start) - 1;
        for (int k = s; k >= 0 && k >= s - 4; k--)
        {
            var span = sentences[k].Span;
            Entity? first = null, plain = null, speaking = null;
            for (int i = Sorted.FirstAtOrAfter(entities, span.Start, static e => e.Span.Start); i < entities.Count && entities[i].Span.Start < span.End; i++)
            {
                var e = entities[i];
                if (e.Span.End > pronoun.Start) break;
                if (e.Type != type || !span.Contains(e.Span) || !Outside(e) || !fits(e)) continue;
                first ??= e;
                if (text.Length == 0) break;
                if (plain is null && !Possessive(text, e.Span)) plain = e;
                if (speaking is null && BesideCue(text, e.Span)) speaking = e;
            }
            if (first is not null) return speaking ?? plain ?? first;
        }
        // Else, for a person, the last fitting one before it, looking back a bounded number of names; an "it" a few
        // sentences on from any institution names none (it is more often the thing talked about).
        if (type != EntityType.Person) return null;
        int before = Sorted.FirstAtOrAfter(entities, pronoun.Start, static e => e.Span.Start) - 1;
        for (int i = before; i >= 0 && i > before - AntecedentReach; i--)
        {
            var e = entities[i];
            if (e.Type == type && e.Span.End <= pronoun.Start && Outside(e) && fits(e)) return e;
        }
        return null;
    }

    private static bool Possessive(string text, Span name) =>
        name.End + 1 < text.Length && text[name.End] is '\'' or '’' && (text[name.End + 1] == 's' || !char.IsLetter(text[name.End + 1]));

    /// <summary>True when a reporting verb stands right after the name ("Holder said") or right before it ("said Holder").</summary>
    private static bool BesideCue(string text, Span name)
    {
        var after = text.AsSpan(name.End, Math.Min(24, text.Length - name.End)).TrimStart(" ,".AsSpan());
        int a = after.IndexOfAny(' ', ',', '.');
        if (a > 0 && SpeakerCandidates.CueWords.Contains(after[..a].ToString())) return true;
        var beforeText = text.AsSpan(Math.Max(0, name.Start - 24), Math.Min(24, name.Start)).TrimEnd(" ,".AsSpan());
        int b = beforeText.LastIndexOf(' ');
        return beforeText.Length > 0 && SpeakerCandidates.CueWords.Contains(beforeText[(b + 1)..].ToString());
    }

    private static string? GenderOf(Entity e, ArticleFacts known) =>
        known.Genders.TryGetValue(e.Name, out var g) ? g : EntityLexicons.GenderOf(e.Name.Split(' ')[0]);

    private static bool FitsRole(string[] roleWords, string? title)
    {
        if (title is null) return false;
        var titleWords = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in roleWords)
        {
            bool demonym = EntityLexicons.Demonyms.Has(w);
            if (demonym && titleWords.Any(t => EntityLexicons.Demonyms.Contains(t)) && !titleWords.Contains(w, StringComparer.OrdinalIgnoreCase)) return false;
        }
        // The head noun decides ("Taiwan's foreign ministry" is a ministry, not the Foreign Minister); the words before it only narrow.
        var nouns = roleWords.Where(w => !EntityLexicons.Demonyms.Has(w)).ToArray();
        if (nouns.Length == 0) return true;
        string head = nouns[^1];
        // Only a role can stand for a person: "Taiwan's foreign" (cut from "foreign ministry") names no one.
        if (!EntityLexicons.RoleNouns.Contains(head)) return false;
        return titleWords.Contains(head, StringComparer.OrdinalIgnoreCase) || RoleSynonym(head, title);
    }

    private static bool RoleSynonym(string role, string title) => role switch
    {
        "leader" => title.Contains("President", StringComparison.OrdinalIgnoreCase) || title.Contains("Minister", StringComparison.OrdinalIgnoreCase),
        "spokeswoman" or "spokesman" or "spokesperson" => title.Contains("Secretary", StringComparison.OrdinalIgnoreCase) || title.Contains("spokes", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
