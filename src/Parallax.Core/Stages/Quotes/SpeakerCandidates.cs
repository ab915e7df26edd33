using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>One person or institution (or an unnamed description such as "a reporter") who might have said a quote, with what the model weighs.</summary>
public sealed record SpeakerCandidate(Span Mention, string? Name, double[] Features)
{
    /// <summary>True for the mention the extraction rules chose (the subject of the cue, or the speaker the quote continues).</summary>
    public bool FromRules { get; init; }

    /// <summary>True when a word of the candidate's name is written inside the quoted words: such a candidate is never chosen.</summary>
    public bool NamedInQuote => Features[SpeakerCandidates.NamedInQuoteFeature] > 0;

    /// <summary>True for a news organisation ("CNBC", "BuzzFeed News"): it reports remarks, and speaks only as its own cue's named subject.</summary>
    public bool Outlet { get; init; }

    /// <summary>True when the rules found this candidate by name as the subject of the quote's reporting verb ("CNN said").</summary>
    public bool NamedByCue => FromRules && Features[SpeakerCandidates.RulesCueFeature] > 0 && Features[SpeakerCandidates.RulesPronounFeature] == 0 && Features[SpeakerCandidates.RulesNamedFeature] > 0;
}

/// <summary>The candidates of one quote, and what is weighed for leaving it unattributed (see <see cref="SpeakerCandidates.QuoteFeatures"/>).</summary>
public sealed record SpeakerChoice(IReadOnlyList<SpeakerCandidate> Candidates, double[] Unattributed);

/// <summary>
/// Gathers the candidate speakers of a quote: the mention the rules chose (resolved by <see cref="SpeakerResolver"/>), and
/// every named person or organisation in the quote's sentence, the two before it and the one after, outside any quotation
/// (a name inside quoted words is never their speaker). Each candidate carries the features of <see cref="CandidateFeatures"/>.
/// </summary>
public static class SpeakerCandidates
{
    /// <summary>What is weighed for each candidate, in the order of <see cref="SpeakerCandidate.Features"/>.</summary>
    public static readonly IReadOnlyList<string> CandidateFeatures =
    [
        // Origin and kind
        "rules", "rules.cue", "rules.continues", "rules.pronoun", "rules.description", "rules.named",
        "person", "organization", "named", "titled",
        // Where it stands
        "same.sentence", "earlier.sentence", "later.sentence", "before.quote", "distance.log", "other.paragraph",
        // What surrounds it
        "cue.beside", "cue.beside.same.sentence", "possessive", "after.preposition", "first.in.sentence",
        "first.in.earlier.sentence", "last.speaker", "mentions.log", "most.mentioned", "name.in.quote",
        // How sure the rules' resolution of "he" or "the senator" is: how far back the person was named, and how many others were named since
        "resolved.far", "resolved.rivals",
    ];

    /// <summary>
    /// How many names on each side of a quote are weighed, nearest first. In PolNeAR's 14,592 quotes (train and dev) no
    /// side of a quote's window holds more than 15, so the bound changes nothing in news; it keeps a run-on sentence of
    /// endless names from costing its length squared per quote.
    /// </summary>
    internal const int MaxPerSide = 16;

    internal static readonly int NamedInQuoteFeature = CandidateFeatures.ToList().IndexOf("name.in.quote");

    internal static readonly int RulesCueFeature = CandidateFeatures.ToList().IndexOf("rules.cue");

    internal static readonly int RulesPronounFeature = CandidateFeatures.ToList().IndexOf("rules.pronoun");

    internal static readonly int RulesNamedFeature = CandidateFeatures.ToList().IndexOf("rules.named");

    /// <summary>What is weighed for leaving the quote unattributed, in the order of <see cref="SpeakerChoice.Unattributed"/>.</summary>
    public static readonly IReadOnlyList<string> QuoteFeatures =
    [
        "none", "quote.direct", "quote.cue", "quote.continues", "quote.words.log", "quote.question", "quote.opens.sentence", "candidates.log",
    ];

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "to", "of", "about", "with", "for", "against", "at", "on", "toward", "towards", "than", "like", "into", "over", "under", "between", "behind", "before", "after", "under", "asked", "told");

    /// <summary>Verbs of a reporting clause ("said", "told"), read from the sentence splitter's list.</summary>
    internal static readonly FrozenSet<string> CueWords = Lexicon.Set(typeof(SentenceSplitter), "reporting-verbs.lex", ignoreCase: true);

    /// <summary>What the candidates of one article's quotes are gathered from, worked out once for all its quotes.</summary>
    public sealed class ArticleContext
    {
        internal ArticleContext(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, IReadOnlyList<QuoteMention> mentions)
        {
            (Text, Tokens, Sentences, Entities) = (text, tokens, sentences, entities);
            var inside = Coverage.Of(text.Length, mentions.Where(m => m.Direct).Select(m => m.Content));
            Speakable = entities.Where(e => e.Type is EntityType.Person or EntityType.Organization && !inside.Overlaps(e.Span)).ToList();
            People = Speakable.Where(e => e.Type == EntityType.Person).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            Mentions = entities.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var people = entities.Where(e => e.Type == EntityType.Person).GroupBy(e => e.Name, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            MostMentioned = people.Count > 0 && (people.Count == 1 || people[0].Count() > people[1].Count()) ? people[0].Key : null;
        }

        internal string Text { get; }

        internal IReadOnlyList<Token> Tokens { get; }

        internal IReadOnlyList<Sentence> Sentences { get; }

        internal IReadOnlyList<Entity> Entities { get; }

        /// <summary>People and organisations outside every direct quotation, in text order.</summary>
        internal List<Entity> Speakable { get; }

        internal Dictionary<string, int> Mentions { get; }

        /// <summary>The names of the people among <see cref="Speakable"/>.</summary>
        internal HashSet<string> People { get; }

        internal string? MostMentioned { get; }
    }

    /// <summary>The context the candidates of an article's quotes are drawn from.</summary>
    public static ArticleContext For(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, IReadOnlyList<QuoteMention> mentions) =>
        new(text, tokens, sentences, entities, mentions);

    /// <summary>
    /// Every quote of an article in text order: the extractor's mention, the quote as the rules resolve it, and its
    /// candidates (the quote stage decides among them; training labels them). <paramref name="mentions"/> are the
    /// article's quotes as <see cref="QuoteExtractor.Extract"/> finds them, in text order.
    /// </summary>
    public static IEnumerable<(QuoteMention Mention, Quote ByRules, SpeakerChoice Choice)> Choices(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, IReadOnlyList<QuoteMention> mentions)
    {
        var known = SpeakerResolver.Know(text, entities, mentions);
        var context = For(text, tokens, sentences, entities, mentions);
        string? last = null;
        foreach (var m in mentions)
        {
            var byRules = SpeakerResolver.Resolve(m, text, entities, sentences, known);
            yield return (m, byRules, Gather(context, m, byRules, last));
            last = byRules.Speaker ?? last;
        }
    }

    /// <summary>
    /// The candidates of one quote. <paramref name="byRules"/> is the quote as the rules resolved it; <paramref name="lastSpeaker"/>
    /// the speaker decided for the article's previous quote, if any.
    /// </summary>
    public static SpeakerChoice Gather(ArticleContext a, QuoteMention m, Quote byRules, string? lastSpeaker)
    {
        var result = new List<SpeakerCandidate>();
        int first = SentenceIndex(a.Sentences, m.Content.Start), last = SentenceIndex(a.Sentences, Math.Max(m.Content.Start, m.Content.End - 1));
        int from = Math.Max(0, first - 2), to = Math.Min(a.Sentences.Count - 1, last + 1);
        int windowStart = a.Sentences.Count == 0 ? 0 : a.Sentences[from].Span.Start;
        int windowEnd = a.Sentences.Count == 0 ? a.Text.Length : a.Sentences[to].Span.End;

        if (m.SpeakerMention is { } ruled && !m.Content.Contains(ruled))
        {
            string surface = ruled.Of(a.Text);
            bool pronoun = QuoteExtractor.TryPronounGender(surface.ToLowerInvariant(), out _);
            var entity = SpeakerResolver.EntityAt(a.Entities, ruled);
            result.Add(Candidate(a, m, ruled, byRules.Speaker, entity, pronoun, rules: true, first, last, lastSpeaker) with { FromRules = true });
        }
        // A chant or a question put to someone: no one named nearby said it.
        if (m.Unspoken) return new SpeakerChoice(result, Unattributed(a.Text, m, a.Sentences, first, result.Count));
        // The window's names nearest the quote, at most MaxPerSide on each side: a speaker stands beside the words,
        // and a sentence of endless names must not cost its length squared per quote.
        int start = Math.Max(Sorted.FirstAtOrAfter(a.Speakable, windowStart, static e => e.Span.Start),
            Sorted.FirstAtOrAfter(a.Speakable, m.Content.Start, static e => e.Span.Start) - MaxPerSide);
        int after = Sorted.FirstAtOrAfter(a.Speakable, m.Content.End, static e => e.Span.Start) + MaxPerSide;
        for (int i = start; i < a.Speakable.Count && i < after && a.Speakable[i].Span.Start < windowEnd; i++)
        {
            var e = a.Speakable[i];
            if (m.Content.Overlaps(e.Span) || result.Any(c => c.Mention.Overlaps(e.Span))) continue;
            result.Add(Candidate(a, m, e.Span, e.Name, e, pronoun: false, rules: false, first, last, lastSpeaker));
        }
        return new SpeakerChoice(result, Unattributed(a.Text, m, a.Sentences, first, result.Count));
    }

    private static double[] Unattributed(string text, QuoteMention m, IReadOnlyList<Sentence> sentences, int first, int candidates)
    {
        string content = m.Content.Of(text);
        int words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        bool opens = sentences.Count == 0 || text.AsSpan(sentences[first].Span.Start, Math.Max(0, m.Content.Start - sentences[first].Span.Start)).Trim().TrimStart("“\"‘'".AsSpan()).IsEmpty;
        return
        [
            1,
            m.Direct ? 1 : 0,
            m.Cue is null ? 0 : 1,
            m.Cue is null && m.SpeakerMention is not null ? 1 : 0,
            Math.Log(1 + words),
            content.TrimEnd().TrimEnd('"', '”', '’', '\'').EndsWith('?') ? 1 : 0,
            opens ? 1 : 0,
            Math.Log(1 + candidates),
        ];
    }

    private static SpeakerCandidate Candidate(ArticleContext a, QuoteMention m, Span mention, string? name, Entity? entity, bool pronoun,
        bool rules, int first, int last, string? lastSpeaker)
    {
        int s = SentenceIndex(a.Sentences, mention.Start);
        bool before = mention.End <= m.Content.Start;
        int gapStart = before ? mention.End : m.Content.End, gapEnd = before ? m.Content.Start : mention.Start;
        int distance = Math.Max(0, Tokenizer.FirstAtOrAfter(a.Tokens, gapEnd) - Tokenizer.FirstAtOrAfter(a.Tokens, gapStart));
        bool otherParagraph = gapEnd > gapStart && a.Text.AsSpan(gapStart, gapEnd - gapStart).Contains("\n\n".AsSpan(), StringComparison.Ordinal);
        int ti = Tokenizer.FirstAtOrAfter(a.Tokens, mention.End);
        int pi = Tokenizer.FirstAtOrAfter(a.Tokens, mention.Start) - 1;
        string Word(int i) => i >= 0 && i < a.Tokens.Count ? a.Tokens[i].Span.Of(a.Text) : "";
        bool possessive = Word(ti) is "'s" or "’s" or "'" or "’" || (Word(ti) is "'" or "’" && Word(ti + 1) == "s");
        bool cueBeside = CueWords.Contains(Word(ti)) || CueWords.Contains(Word(ti + 1)) || CueWords.Contains(Word(pi)) || (Word(pi).Equals("to", StringComparison.OrdinalIgnoreCase) && Word(pi - 1).Equals("according", StringComparison.OrdinalIgnoreCase));
        bool afterPreposition = Prepositions.Contains(Word(pi)) && !(Word(pi).Equals("to", StringComparison.OrdinalIgnoreCase) && Word(pi - 1).Equals("according", StringComparison.OrdinalIgnoreCase));
        bool firstInSentence = FirstSpeakable(a, s) == mention;
        int mentions = name is not null && a.Mentions.TryGetValue(name, out var n) ? n : 1;
        bool description = entity is null && !pronoun;
        bool sameSentence = s >= first && s <= last;
        double[] f =
        [
            rules ? 1 : 0,
            rules && m.Cue is not null ? 1 : 0,
            rules && m.Cue is null ? 1 : 0,
            rules && pronoun ? 1 : 0,
            rules && description ? 1 : 0,
            rules && name is not null ? 1 : 0,
            entity?.Type == EntityType.Person ? 1 : 0,
            entity?.Type == EntityType.Organization ? 1 : 0,
            name is null ? 0 : 1,
            entity?.Title is null ? 0 : 1,
            sameSentence ? 1 : 0,
            s < first ? 1 : 0,
            s > last ? 1 : 0,
            before ? 1 : 0,
            Math.Log(1 + distance),
            otherParagraph ? 1 : 0,
            cueBeside ? 1 : 0,
            cueBeside && sameSentence ? 1 : 0,
            possessive ? 1 : 0,
            afterPreposition ? 1 : 0,
            firstInSentence ? 1 : 0,
            firstInSentence && s < first ? 1 : 0,
            name is not null && name == lastSpeaker ? 1 : 0,
            Math.Log(mentions),
            name is not null && name == a.MostMentioned ? 1 : 0,
            name is not null && IsPerson(a, name, entity) && NamedInside(a.Text, m.Content, name) ? 1 : 0,
            .. Resolution(a, mention, name, entity),
        ];
        return new SpeakerCandidate(mention, name, f) { Outlet = NewsOutlets.Is(mention.Of(a.Text)) };
    }

    /// <summary>True when the name is a person's (an institution speaks of itself by name: "China-US relations", China said).</summary>
    private static bool IsPerson(ArticleContext a, string name, Entity? entity) =>
        entity?.Type == EntityType.Person || (entity is null && a.People.Contains(name));

    /// <summary>
    /// True when the full name is written inside the quoted words: "Mike Bloomberg is doing a great job" is not
    /// Bloomberg's. (A family name alone is not enough: Bill Clinton speaks of Hillary Clinton.)
    /// </summary>
    private static bool NamedInside(string text, Span content, string name)
    {
        if (name.Length < 3) return false;
        var quoted = text.AsSpan(content.Start, content.Length);
        for (int at = quoted.IndexOf(name.AsSpan(), StringComparison.Ordinal); at >= 0;)
        {
            bool startsWord = at == 0 || !char.IsLetter(quoted[at - 1]);
            bool endsWord = at + name.Length >= quoted.Length || !char.IsLetter(quoted[at + name.Length]);
            if (startsWord && endsWord) return true;
            int next = quoted[(at + 1)..].IndexOf(name.AsSpan(), StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    /// <summary>
    /// For a mention the rules resolved to someone named elsewhere ("he", "the senator"): the sentences back to the
    /// person's last naming (log), and how many other people were named in between (log). Zero for a name itself.
    /// </summary>
    private static double[] Resolution(ArticleContext a, Span mention, string? name, Entity? entity)
    {
        if (entity is not null || name is null) return [0, 0];
        int last = -1, from = Sorted.FirstAtOrAfter(a.Speakable, mention.Start, static e => e.Span.Start) - 1;
        // Bounded like the resolver's own look back, so an article of endless names costs no more per quote.
        for (int i = from; i >= 0 && i > from - SpeakerResolver.AntecedentReach; i--)
        {
            if (a.Speakable[i].Name == name)
            {
                last = i;
                break;
            }
        }
        if (last < 0) return [Math.Log(10), 0];
        int sentences = Math.Max(0, SentenceIndex(a.Sentences, mention.Start) - SentenceIndex(a.Sentences, a.Speakable[last].Span.Start));
        var others = new HashSet<string>(StringComparer.Ordinal);
        for (int i = last + 1; i < a.Speakable.Count && a.Speakable[i].Span.Start < mention.Start; i++)
        {
            if (a.Speakable[i].Type == EntityType.Person && a.Speakable[i].Name != name) others.Add(a.Speakable[i].Name);
        }
        return [Math.Log(1 + sentences), Math.Log(1 + others.Count)];
    }

    /// <summary>The first person or organisation named outside quotations in sentence <paramref name="s"/> (its subject, most often).</summary>
    private static Span? FirstSpeakable(ArticleContext a, int s)
    {
        if (s < 0 || s >= a.Sentences.Count) return null;
        var span = a.Sentences[s].Span;
        int i = Sorted.FirstAtOrAfter(a.Speakable, span.Start, static e => e.Span.Start);
        return i < a.Speakable.Count && span.Contains(a.Speakable[i].Span) ? a.Speakable[i].Span : null;
    }

    private static int SentenceIndex(IReadOnlyList<Sentence> sentences, int offset) =>
        sentences.Count == 0 ? 0 : Math.Clamp(Sorted.FirstAtOrAfter(sentences, offset + 1, static x => x.Span.Start) - 1, 0, sentences.Count - 1);
}
