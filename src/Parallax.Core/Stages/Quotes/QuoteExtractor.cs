using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>A quotation found in text with the mention of its speaker (a name, pronoun or "the spokeswoman"), not yet resolved to a person.</summary>
public sealed record QuoteMention(Span Content, bool Direct, Span? SpeakerMention, string? Cue)
{
    /// <summary>Words no one person said: a chant, a sign's wording, a question put to someone. Only the crowd the rules name (if any) may stand for them.</summary>
    public bool Unspoken { get; init; }
}

/// <summary>Finds direct quotations (“…”, "…", also broken by an attribution or running over paragraphs) and simple reported speech ("X said that …").</summary>
public static partial class QuoteExtractor
{
    internal static readonly FrozenDictionary<string, string> Pronouns = Lexicon.Map(typeof(QuoteExtractor), "pronouns.lex");

    /// <summary>Possessives that name the owner of an answer before a colon ("His response: “…”"), with the gender of <see cref="Pronouns"/>.</summary>
    internal static readonly FrozenDictionary<string, string> PossessivePronouns = new Dictionary<string, string>(StringComparer.Ordinal) { ["his"] = "m", ["her"] = "f" }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The gender a speaker pronoun or an answer's possessive stands for ("he", "his" → "m"); false for any other word (lower case).</summary>
    internal static bool TryPronounGender(string lower, out string gender) => Pronouns.TryGetValue(lower, out gender!) || PossessivePronouns.TryGetValue(lower, out gender!);

    /// <summary>Nouns for what someone says in answer, after a possessive and before a colon.</summary>
    private static readonly FrozenSet<string> SpokenNouns = FrozenSet.Create(StringComparer.Ordinal, "response", "reply", "answer", "retort", "explanation", "verdict", "message");

    /// <summary>What a word can do as a cue; one word may be several ("calling" is a stance verb and a participle).</summary>
    [Flags]
    private enum CueKind
    {
        Reporting = 1,
        Stance = 2,
        Participle = 4,
    }

    private static readonly FrozenSet<string> Participles = Lexicon.Set(typeof(QuoteExtractor), "participle-cues.lex", ignoreCase: false);

    /// <summary>Every cue word with its kinds, so that the scan over a sentence's words looks each word up once.</summary>
    private static readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> Cues =
        Lexicon.Lines(typeof(QuoteExtractor), "reporting-cues.lex").Select(w => (w, CueKind.Reporting))
            .Concat(Lexicon.Lines(typeof(QuoteExtractor), "stance-cues.lex").Select(w => (w, CueKind.Stance)))
            .Concat(Participles.Select(w => (w, CueKind.Participle)))
            .GroupBy(p => p.w, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Aggregate((CueKind)0, (k, p) => k | p.Item2), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cues that take what was said straight after them; the others ("acknowledged the risk", "agreed to pause") need "that" to report speech.</summary>
    private static readonly FrozenSet<string> CuesWithoutThat = Lexicon.Set(typeof(QuoteExtractor), "cues-without-that.lex", ignoreCase: false);

    public static IReadOnlyList<QuoteMention> Extract(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities)
    {
        var result = new List<QuoteMention>();
        List<QuoteMention>? titles = null;
        entities = Speakers(text, entities);
        foreach (var content in QuotationMarks.Spans(text))
        {
            int words = CountWords(text, content);
            if (words < 2) continue; // single-word scare quotes are emphasis, not speech
            var unspoken = Classify(text, tokens, sentences, content);
            if (unspoken == Unspoken.Title)
            {
                // No quotation, but reported speech around it must still not take the title for what was said.
                (titles ??= []).Add(new QuoteMention(content, true, null, null));
                continue;
            }
            var (speaker, cue) = FindAttribution(text, tokens, sentences, entities, content);
            if (unspoken != Unspoken.No)
            {
                // A chant, a sign's wording or a question put to someone: a crowd ("protesters chanted") may be named for it,
                // never a person or a pronoun standing for one.
                if (speaker is { } s && (EntityAt(entities, s) is not null || Pronouns.ContainsKey(s.Of(text).ToLowerInvariant()))) speaker = null;
                if (speaker is null) cue = null;
                result.Add(new QuoteMention(content, true, speaker, cue) { Unspoken = true });
                continue;
            }
            if (speaker is null && result.Count > 0 && result[^1] is { SpeakerMention: not null } previous && StandsAlone(text, content) && !HasParagraphBreak(text, previous.Content.End, content.Start, allowed: 2))
            {
                // A quotation that opens its sentence or paragraph right after an attributed one continues the same speaker.
                speaker = previous.SpeakerMention;
            }
            result.Add(new QuoteMention(content, true, speaker, cue));
        }
        List<QuoteMention> quoted = titles is null ? [.. result] : [.. result.Concat(titles).OrderBy(q => q.Content.Start)];
        foreach (var q in ReportedSpeech(text, tokens, sentences, entities, quoted))
        {
            result.Add(q);
        }
        result.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return result;
    }


    private static (Span? Speaker, string? Cue) FindAttribution(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, Span content)
    {
        int closeIdx = Tokenizer.FirstAtOrAfter(tokens, content.End);
        while (closeIdx < tokens.Count && !SentenceSplitter.IsQuoteAt(text, tokens[closeIdx].Start) && closeIdx < Tokenizer.FirstAtOrAfter(tokens, content.End) + 3) closeIdx++;
        int openIdx = Tokenizer.FirstAtOrAfter(tokens, content.Start) - 1;
        var sentEnd = SentenceEndAfter(sentences, content.End, text.Length);
        // “Why isn’t this proof?” Vitter demanded: a quotation ending on ? or ! ends its sentence for the splitter, but its
        // reporting clause follows; the scan below still stops at that clause's own full stop.
        if (content.End > 0 && text[content.End - 1] is '?' or '!' && sentEnd <= content.End + 2 && sentEnd < text.Length) sentEnd = SentenceEndAfter(sentences, sentEnd + 1, text.Length);
        var sentStart = SentenceStartBefore(sentences, content.Start);

        // "the former candidate Mitt Romney -- “It is disqualifying …” --": a name, a dash, then the quotation.
        int dash = openIdx - 1;
        while (dash > 0 && W(text, tokens[dash]) is "-" && W(text, tokens[dash - 1]) is "-") dash--;
        if (dash >= 1 && openIdx - dash <= 2 && W(text, tokens[openIdx - 1]) is "--" or "—" or "–" or "-" or "―" && EntityEndingAt(entities, tokens[dash - 1].End) is { Type: EntityType.Person } dashed)
        {
            return (dashed.Span, "—");
        }

        // A quotation inside a sentence ("Xi said trade “is …,” officials said") belongs to the clause that leads into it.
        if (!StandsAlone(text, content) && Before() is { Speaker: not null } leading) return leading;

        // After the quotation, in its reporting clause: “…,” Trump said / “…,” said Sun Yun / “…,” Chinese foreign ministry spokesperson Lin Jian said.
        int limit = Math.Min(tokens.Count, closeIdx + 20);
        for (int k = closeIdx + 1; k < limit && tokens[k].Start < sentEnd; k++)
        {
            // “…,” Leonard E. Burman, director of the centre and a professor at Syracuse, said: the aside after the name may
            // hold its own "and"; the reporting verb comes after its closing comma.
            if (EntityStartingAt(entities, tokens[k].Start) is { Type: EntityType.Person } named && k <= closeIdx + 3)
            {
                int after = Tokenizer.FirstAtOrAfter(tokens, named.Span.End);
                if (after < tokens.Count && W(text, tokens[after]) is ",")
                {
                    int close = after + 1;
                    while (close < tokens.Count && close < after + 40 && tokens[close].Start < sentEnd && W(text, tokens[close]) is not ("," or "." or "“" or "”" or "\"" or ";")) close++;
                    if (close < tokens.Count && W(text, tokens[close]) is "," && close + 1 < tokens.Count && IsSpeechVerb(W(text, tokens[close + 1])))
                    {
                        return (named.Span, Word(text, tokens[close + 1]));
                    }
                }
            }
            var w = W(text, tokens[k]);
            if (IsSpeechVerb(w))
            {
                var subject = SubjectBefore(text, tokens, entities, k, closeIdx + 1) ?? SubjectAfter(text, tokens, entities, k, sentEnd);
                if (subject is not null) return (subject, w.ToString());
                break;
            }
            // A conjunction, a new quotation or a full stop ends the reporting clause ("…,” and he expressed …).
            if (w is "." && IsAbbreviationDot(text, tokens, k)) continue; // "Mr. Obama said", "(D-Md.) said"
            if (w is "and" or "but" or "while" or "as" or "because" or "which" or "who" or "that" or "so" or "or" or "“" or "''" or "." or ";" or "?" or "!") break;
        }
        // “…” ― Pamela Padilla: a name after a dash is the speaker.
        if (closeIdx + 2 < tokens.Count && W(text, tokens[closeIdx + 1]) is "―" or "—" or "–" or "-")
        {
            var named = EntityStartingAt(entities, tokens[closeIdx + 2].Start);
            if (named is not null && named.Type == EntityType.Person) return (named.Span, "—");
        }
        if (Before() is { Speaker: not null } before) return before;
        // "Caddell continued:" / "The New York Times reports:" then the quotation.
        int colon = content.Start - 2;
        while (colon >= 0 && char.IsWhiteSpace(text[colon])) colon--;
        if (colon >= 0 && text[colon] == ':')
        {
            int colonTok = Tokenizer.FirstAtOrAfter(tokens, colon);
            var prevStart = SentenceStartBefore(sentences, colon);
            // "His response: “…”", "Her reply: “…”": the owner of the answer speaks.
            if (colonTok >= 2 && SpokenNouns.Contains(W(text, tokens[colonTok - 1]).ToString()) && PossessivePronouns.ContainsKey(W(text, tokens[colonTok - 2]).ToString().ToLowerInvariant()))
            {
                return (tokens[colonTok - 2].Span, ":");
            }
            for (int k = colonTok - 1; k >= 0 && tokens[k].Start >= prevStart && k >= colonTok - 6; k--)
            {
                var w = W(text, tokens[k]);
                // "Said Ellis: “…”": the verb may open the sentence, capitalised.
                if (!IsSpeechVerb(w) && !(tokens[k].Start == prevStart && w is "Said" or "Says" or "Added" or "Wrote")) continue;
                var subject = SubjectBefore(text, tokens, entities, k, Tokenizer.FirstAtOrAfter(tokens, prevStart)) ?? SubjectAfter(text, tokens, entities, k, colon);
                if (subject is not null) return (subject, w.ToString());
            }
        }
        // "…, according to China’s foreign ministry." after the quotation.
        for (int k = closeIdx + 1; k + 1 < tokens.Count && tokens[k].Start < sentEnd && k <= closeIdx + ClauseReach; k++)
        {
            if (W(text, tokens[k]).Equals("according", StringComparison.OrdinalIgnoreCase) && W(text, tokens[k + 1]) is "to")
            {
                var who = SubjectAfter(text, tokens, entities, k + 1, sentEnd);
                if (who is not null) return (who, "according to");
            }
        }
        return (null, null);

        // Before the quotation, in the same sentence: Xi told Trump that “…” / Trump said, “…”.
        (Span? Speaker, string? Cue) Before()
        {
            for (int k = openIdx - 1; k >= 0 && tokens[k].Start >= sentStart && k >= openIdx - ClauseReach; k--)
            {
                var w = W(text, tokens[k]);
                if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && k + 2 < tokens.Count && W(text, tokens[k + 1]) is "to")
                {
                    var who = SubjectAfter(text, tokens, entities, k + 1, sentEnd);
                    if (who is not null) return (who, "according to");
                }
                if (!IsSpeechVerb(w) && !(k > 0 && W(text, tokens[k - 1]) is "," && Participles.Contains(w.ToString()))) continue;
                // "noting that …", "stating, “…”": a participle without its own subject takes the subject of the sentence's main
                // clause ("Lauten wrote a letter to Malia Obama, saying …" is Lauten's), not the nearest name before it.
                int first = Tokenizer.FirstAtOrAfter(tokens, sentStart);
                bool participle = w.EndsWith("ing") && (Participles.Contains(w.ToString()) || IsSpeechVerb(w));
                // "…, he said, adding that …": the participle goes with the reporting verb right before it, whose subject it shares.
                var reporter = participle && k - 2 > first && W(text, tokens[k - 1]) is "," && IsSpeechVerb(W(text, tokens[k - 2])) ? SubjectBefore(text, tokens, entities, k - 2, first) : null;
                var main = reporter ?? (k > first && W(text, tokens[k - 1]) is "," or "before" or "after" or "while" or "when" or "by" && participle ? MainSubject(text, tokens, entities, first, k) : null);
                // "Richard Ross, who spent the morning near City Hall, described …": a long aside puts the subject out of the near reach.
                var subject = main ?? SubjectBefore(text, tokens, entities, k, first) ?? SubjectBeforeClause(text, tokens, entities, k, first) ?? InvertedSubject(k);
                if (subject is not null) return (subject, w.ToString());
            }
            return (null, null);
        }

        // "said Sen. Tim Kaine, “…”", "said Sherman, speaking of politicians, “…”": a name after the verb speaks when a comma, a
        // colon or the quotation follows it; in "urged POLITICO to “respect their privacy”" it is the verb's object.
        Span? InvertedSubject(int verb)
        {
            if (SubjectAfter(text, tokens, entities, verb, content.Start) is not { } after) return null;
            int next = Tokenizer.FirstAtOrAfter(tokens, after.End);
            return next >= tokens.Count || next == openIdx || tokens[next].Kind == TokenKind.Punctuation && W(text, tokens[next]) is not ("’s" or "'s" or "’" or "'") ? after : null;
        }
    }

    /// <summary>True when the quotation is a sentence on its own (it opens a sentence rather than finishing someone's clause).</summary>
    private static bool StandsAlone(string text, Span content)
    {
        int i = content.Start - 2;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or '”' or '"';
    }

    private static bool HasParagraphBreak(string text, int from, int to, int allowed)
    {
        int breaks = 0;
        for (int i = from; i < to; i++)
        {
            if (text[i] == '\n' && ++breaks > allowed) return true;
        }
        return false;
    }

    private static readonly List<Span> NoSpans = [];

    /// <summary>How many tokens either side of a quotation its attribution may lie: a sentence of news rarely runs longer, and a text without sentence breaks must not be searched whole for every quotation.</summary>
    private const int ClauseReach = 80;

    /// <summary>The contents of the quotations (in text order) that overlap <paramref name="span"/>, found by binary search.</summary>
    private static List<Span> Overlapping(List<QuoteMention> quotes, Span span)
    {
        List<Span>? found = null;
        for (int i = Sorted.FirstAtOrAfter(quotes, span.Start + 1, static q => q.Content.End); i < quotes.Count && quotes[i].Content.Start < span.End; i++)
        {
            if (quotes[i].Content.Overlaps(span)) (found ??= []).Add(quotes[i].Content);
        }
        return found ?? NoSpans;
    }

    private static bool AnyOverlaps(List<Span> spans, Span span)
    {
        int i = Sorted.FirstAtOrAfter(spans, span.Start + 1, static q => q.End);
        return i < spans.Count && spans[i].Start < span.End;
    }

    /// <summary>True when one of <paramref name="spans"/> (in text order) starts at or before <paramref name="offset"/>.</summary>
    private static bool StartsBy(List<Span> spans, int offset) => spans.Count > 0 && spans[0].Start <= offset;

    /// <summary>A period that closes a short capitalised abbreviation or an initial ("Mr.", "Rep.", "E.", "Md.") rather than a sentence.</summary>
    private static bool IsAbbreviationDot(string text, IReadOnlyList<Token> tokens, int k)
    {
        if (k == 0 || tokens[k - 1].End != tokens[k].Start || tokens[k - 1].Kind != TokenKind.Word) return false;
        var prev = W(text, tokens[k - 1]);
        if (k + 1 < tokens.Count && text[tokens[k + 1].Start] is ')' or ',') return true; // "(R-Fla.) said", "Jr., said"
        return prev.Length <= 4 && char.IsUpper(prev[0]) && k + 1 < tokens.Count && char.IsUpper(text[tokens[k + 1].Start]);
    }

    private static bool IsSpeechVerb(ReadOnlySpan<char> w) => w.Length > 0 && char.IsLower(w[0]) && SpeechVerbs.Has(w);

    // Entities are sorted by position, so both lookups are binary searches.
    private static Entity? EntityEndingAt(IReadOnlyList<Entity> entities, int end)
    {
        int i = FirstEntityEndingAtOrAfter(entities, end);
        return i < entities.Count && entities[i].Span.End == end ? entities[i] : null;
    }

    private static Entity? EntityStartingAt(IReadOnlyList<Entity> entities, int start)
    {
        int i = FirstEntityEndingAtOrAfter(entities, start + 1);
        return i < entities.Count && entities[i].Span.Start == start ? entities[i] : null;
    }

    private static int FirstEntityEndingAtOrAfter(IReadOnlyList<Entity> entities, int end) => Sorted.FirstAtOrAfter(entities, end, static e => e.Span.End);

    internal static string Word(string text, Token t) => text[t.Start..t.End];

    /// <summary>The token's text without making a string of it, for comparisons.</summary>
    private static ReadOnlySpan<char> W(string text, Token t) => text.AsSpan(t.Start, t.End - t.Start);

    private static int CountWords(string text, Span span)
    {
        int words = 0;
        bool inWord = false;
        for (int i = span.Start; i < span.End; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    // Sentences are in text order, so both lookups are binary searches (a scan per quotation made long articles quadratic).
    private static int SentenceEndAfter(IReadOnlyList<Sentence> sentences, int offset, int fallback)
    {
        int i = Sorted.FirstAtOrAfter(sentences, offset, static s => s.Span.End);
        return i < sentences.Count ? sentences[i].Span.End : fallback;
    }

    private static int SentenceStartBefore(IReadOnlyList<Sentence> sentences, int offset)
    {
        int i = Sorted.FirstAtOrAfter(sentences, offset + 1, static s => s.Span.Start) - 1;
        return i >= 0 ? sentences[i].Span.Start : 0;
    }
}
