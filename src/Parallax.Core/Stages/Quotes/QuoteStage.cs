using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stages.Entities;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>A quotation found in text with the mention of its speaker (a name, pronoun or "the spokeswoman"), not yet resolved to a person.</summary>
public sealed record QuoteMention(Span Content, bool Direct, Span? SpeakerMention, string? Cue);

/// <summary>Finds direct quotations (“…”, "…", also broken by an attribution or running over paragraphs) and simple reported speech ("X said that …").</summary>
public static class QuoteExtractor
{
    internal static readonly FrozenSet<string> SpeechVerbs = Lexicon.Set(typeof(QuoteExtractor), "speech-verbs.lex");
    internal static readonly FrozenDictionary<string, string> Pronouns = Lexicon.Map(typeof(QuoteExtractor), "pronouns.lex");
    /// <summary>What a word can do as a cue; one word may be several ("calling" is a stance verb and a participle).</summary>
    [Flags]
    private enum CueKind
    {
        Reporting = 1,
        Stance = 2,
        Participle = 4,
    }

    private static readonly string[] Participles =
    [
        "saying", "adding", "citing", "arguing", "claiming", "noting", "insisting", "warning", "calling", "urging", "promising", "accusing",
        "describing", "suggesting", "stating", "explaining", "asserting", "declaring", "complaining", "predicting", "acknowledging", "vowing",
        "pledging", "contending", "announcing", "telling", "writing", "charging", "alleging", "questioning",
    ];

    /// <summary>Every cue word with its kinds, so that the scan over a sentence's words looks each word up once.</summary>
    private static readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> Cues =
        Lexicon.Lines(typeof(QuoteExtractor), "reporting-cues.lex").Select(w => (w, CueKind.Reporting))
            .Concat(Lexicon.Lines(typeof(QuoteExtractor), "stance-cues.lex").Select(w => (w, CueKind.Stance)))
            .Concat(Participles.Select(w => (w, CueKind.Participle)))
            .GroupBy(p => p.w, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Aggregate((CueKind)0, (k, p) => k | p.Item2), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cues that take what was said straight after them; the others ("acknowledged the risk", "agreed to pause") need "that" to report speech.</summary>
    private static readonly FrozenSet<string> CuesWithoutThat = FrozenSet.ToFrozenSet(
        ["said", "says", "say", "told", "tells", "believes", "believed", "thinks", "thought", "expects", "hopes", "fears", "knows", "argued", "argues",
         "claimed", "claims", "insisted", "insists", "warned", "warns", "predicted", "predicts", "estimated", "estimates", "added", "adds", "wrote",
         "writes", "reported", "reports", "stated", "states", "contended", "contends", "asserted", "asserts", "alleged", "alleges"], StringComparer.Ordinal);

    public static IReadOnlyList<QuoteMention> Extract(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities)
    {
        var result = new List<QuoteMention>();
        foreach (var content in DirectSpans(text))
        {
            int words = CountWords(text, content);
            if (words < 2) continue; // single-word scare quotes are emphasis, not speech
            var (speaker, cue) = FindAttribution(text, tokens, sentences, entities, content);
            if (speaker is null && result.Count > 0 && result[^1] is { SpeakerMention: not null } previous && StandsAlone(text, content) && !HasParagraphBreak(text, previous.Content.End, content.Start, allowed: 2))
            {
                // A quotation that opens its sentence or paragraph right after an attributed one continues the same speaker.
                speaker = previous.SpeakerMention;
            }
            result.Add(new QuoteMention(content, true, speaker, cue));
        }
        foreach (var q in ReportedSpeech(text, tokens, sentences, entities, [.. result]))
        {
            result.Add(q);
        }
        result.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return result;
    }

    /// <summary>Content spans between matching quotation marks. A paragraph that ends inside a quotation continues it when the next one opens with a quotation mark.</summary>
    public static IEnumerable<Span> DirectSpans(string text)
    {
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' && open >= 0)
            {
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                bool continues = j < text.Length && (text[j] is '“' or '"' || SentenceSplitter.QuoteWidth(text, j) == 2) && j > i + 1;
                if (!continues) open = -1;
                else i = j + SentenceSplitter.QuoteWidth(text, j) - 1; // skip the re-opening mark of the continued quotation
                continue;
            }
            if (!SentenceSplitter.IsQuoteAt(text, i)) continue;
            int width = SentenceSplitter.QuoteWidth(text, i);
            bool opening = SentenceSplitter.IsOpening(text, i);
            if (open < 0 && opening)
            {
                open = i + width;
                i += width - 1;
            }
            else if (open >= 0 && (!opening || c == '"' || width == 2))
            {
                int end = i;
                // A closing comma or period printed inside the marks is not part of what was said.
                int contentEnd = end;
                while (contentEnd > open && text[contentEnd - 1] is ',' or ' ') contentEnd--;
                if (contentEnd > open) yield return new Span(open, contentEnd);
                open = -1;
                i += width - 1;
            }
        }
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
                var main = k > first && W(text, tokens[k - 1]) is "," or "before" or "after" or "while" or "when" or "by" && participle ? MainSubject(text, tokens, entities, first, k) : null;
                var subject = main ?? SubjectBefore(text, tokens, entities, k, first) ?? SubjectAfter(text, tokens, entities, k, content.Start);
                if (subject is not null) return (subject, w.ToString());
            }
            return (null, null);
        }
    }

    /// <summary>
    /// Reported speech without quotation marks: "X said (that) …", "X believes …", "according to X, …" and "…, according to X".
    /// The content runs from after the cue (and any "that") to the end of the sentence.
    /// </summary>
    private static IEnumerable<QuoteMention> ReportedSpeech(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, List<QuoteMention> direct)
    {
        var cues = new List<(Span Subject, int Cue, int ContentStart, string Word)>();
        foreach (var sentence in sentences)
        {
            int first = Tokenizer.FirstAtOrAfter(tokens, sentence.Span.Start);
            int end = sentence.Span.End;
            while (end > sentence.Span.Start && text[end - 1] is '.' or '!' or '?' or ' ') end--;
            var quoted = direct.Count == 0 ? NoSpans : Overlapping(direct, sentence.Span);
            var found = AccordingTo(text, tokens, entities, first, sentence.Span, end) ?? HeadlineColon(text, tokens, entities, first, end);
            if (found is not null)
            {
                if (WithoutQuoted(found, quoted, text) is { } kept) yield return kept;
                continue;
            }
            // Every cue of the sentence with its subject; each one's content runs up to where the next attribution begins.
            cues.Clear();
            for (int k = first; k < tokens.Count && tokens[k].End <= sentence.Span.End; k++)
            {
                // A cue after a quotation in the same sentence is that quotation's attribution ("“…,” Trump said at a rally"), not new content.
                if (tokens[k].Kind != TokenKind.Word || StartsBy(quoted, tokens[k].Start)) continue;
                if (!Cues.TryGetValue(W(text, tokens[k]), out var kinds)) continue;
                bool reporting = kinds.HasFlag(CueKind.Reporting), stance = kinds.HasFlag(CueKind.Stance);
                bool participle = !reporting && !stance && k > first && W(text, tokens[k - 1]) is "," && kinds.HasFlag(CueKind.Participle);
                if (!reporting && !stance && !participle) continue;
                string w = Word(text, tokens[k]);
                if (cues.Count > 0 && k < cues[^1].ContentStart) continue;

                if (participle)
                {
                    // "Trump defended the remark, saying he …": the participle's speaker is the subject of the sentence's main clause.
                    if (MainSubject(text, tokens, entities, first, k) is not { } main) continue;
                    int from = k + 1 < tokens.Count && W(text, tokens[k + 1]) is "that" ? k + 2 : k + 1;
                    if (from >= tokens.Count || tokens[from].Start >= end) break;
                    cues.Add((main, k, from, w));
                    continue;
                }
                // A subject close before the cue, else one set off by a comma aside (which may stand any distance back).
                var subject = SubjectBefore(text, tokens, entities, k, first);
                if (subject is null || WordsBetween(text, tokens, IndexOfSpanEnd(tokens, subject.Value) + 1, k) > 3) subject = SubjectBeforeClause(text, tokens, entities, k, first);
                if (subject is null) continue;
                // "The ministry said Trump acknowledged the island's significance", "Trump said he had agreed to visit": a cue whose
                // subject opens a clause already reported belongs to that report and starts no report of its own.
                if (cues.Count > 0 && subject.Value.Start >= tokens[cues[^1].ContentStart].Start && Tokenizer.FirstAtOrAfter(tokens, subject.Value.Start) <= cues[^1].ContentStart + 1) continue;
                // "swing states", "the claims": a cue that is also a plural noun needs a named or pronoun subject.
                if (NounLikeCues.Has(w) && EntityAt(entities, subject.Value) is null && !Pronouns.ContainsKey(subject.Value.Of(text).ToLowerInvariant())) continue;
                // "Content, Mayor Elena Marsh announced on Monday, …": the attribution follows what was said.
                int subjectFirst = Tokenizer.FirstAtOrAfter(tokens, subject.Value.Start);
                while (subjectFirst > first && tokens[subjectFirst - 1].Kind == TokenKind.Word && (char.IsUpper(text[tokens[subjectFirst - 1].Start]) || EntityLexicons.Titles.Contains(Word(text, tokens[subjectFirst - 1])))) subjectFirst--;
                if (cues.Count == 0 && subjectFirst > first + 2 && W(text, tokens[subjectFirst - 1]) is "," && ClauseEndsSoonAfter(text, tokens, k, sentence.Span.End))
                {
                    var said = new Span(sentence.Span.Start, tokens[subjectFirst - 1].Start);
                    if (CountWords(text, said) >= 3 && WithoutQuoted(new QuoteMention(said, false, subject, w), quoted, text) is { } kept) yield return kept;
                    break;
                }
                int c = k + 1;
                if (w is "told" or "tells" or "warned" or "promised" or "assured" && c < tokens.Count) c = SkipObject(text, tokens, entities, c);
                // "said on Monday that …": the reported clause starts after "that", past any adverbial before it.
                for (int j = c; j < tokens.Count && j <= c + 4 && tokens[j].End <= sentence.Span.End; j++)
                {
                    if (W(text, tokens[j]) is "that") { c = j + 1; break; }
                    if (tokens[j].Kind == TokenKind.Punctuation) break;
                }
                bool hasThat = c > k + 1 && W(text, tokens[c - 1]) is "that";
                if (!hasThat && !CuesWithoutThat.Has(w))
                {
                    // "Sanders called for an investigation": a stance verb takes its object as content, but only from someone named.
                    if (!stance || !NamedOrPronoun(text, tokens, entities, subject.Value, k) || !ActiveWithObject(text, tokens, k)) continue;
                    c = k + 1;
                    if (w is "called" or "calls" && c < tokens.Count && W(text, tokens[c]) is "for" or "on") c++;
                }
                if (c >= tokens.Count || tokens[c].Start >= end) break;
                cues.Add((subject.Value, k, c, w));
            }
            for (int i = 0; i < cues.Count; i++)
            {
                int stop = end;
                if (i + 1 < cues.Count)
                {
                    // "Trump said he did not know, and his aides said …": stop before the next speaker and its conjunction.
                    stop = cues[i + 1].Subject.Start;
                    int t = Tokenizer.FirstAtOrAfter(tokens, stop) - 1;
                    while (t > cues[i].ContentStart && W(text, tokens[t]) is "," or "and" or "but" or "while" or "whereas" or ";") t--;
                    // The next cue may share a speaker named before this content begins: then nothing is left to this one.
                    if (t < cues[i].ContentStart) continue;
                    stop = tokens[t].End;
                }
                if (stop <= tokens[cues[i].ContentStart].Start) continue;
                var content = new Span(tokens[cues[i].ContentStart].Start, stop);
                // A stance's object may be short ("endorsed my offer"); a reported clause has at least a subject, verb and object.
                int least = CuesWithoutThat.Contains(cues[i].Word) || W(text, tokens[cues[i].ContentStart - 1]) is "that" ? 3 : 2;
                if (CountWords(text, content) >= least && WithoutQuoted(new QuoteMention(content, false, cues[i].Subject, cues[i].Word), quoted, text) is { } kept) yield return kept;
            }
        }
    }

    /// <summary>"Pat Caddell: Democrat voters worried about …": a headline or lead that puts a name and a colon before what was said.</summary>
    private static QuoteMention? HeadlineColon(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int first, int end)
    {
        if (first >= tokens.Count || EntityStartingAt(entities, tokens[first].Start) is not { Type: not EntityType.Place } who) return null;
        int colon = Tokenizer.FirstAtOrAfter(tokens, who.Span.End);
        if (colon + 1 >= tokens.Count || W(text, tokens[colon]) is not ":" || tokens[colon + 1].Start >= end) return null;
        var content = new Span(tokens[colon + 1].Start, end);
        return CountWords(text, content) >= 3 ? new QuoteMention(content, false, who.Span, ":") : null;
    }

    /// <summary>Reported content never repeats a direct quotation found in the same sentence: it is cut short before one, or dropped.</summary>
    private static QuoteMention? WithoutQuoted(QuoteMention m, List<Span> quoted, string text)
    {
        // The quotations are in text order: start at the first that ends inside or after the content.
        for (int i = Sorted.FirstAtOrAfter(quoted, m.Content.Start + 1, static q => q.End); i < quoted.Count && quoted[i].Start < m.Content.End; i++)
        {
            var q = quoted[i];
            if (!q.Overlaps(m.Content)) continue;
            // A quoted phrase inside the reported clause ("said not paying taxes “makes me smart”") stays with its clause's direct quote.
            int stop = q.Start - 1;
            while (stop > m.Content.Start && (char.IsWhiteSpace(text[stop - 1]) || SentenceSplitter.IsQuote(text[stop - 1]) || text[stop - 1] is '\'' or ',')) stop--;
            if (stop <= m.Content.Start) return null;
            // "…would continue, stating, “We agreed …”": the participle introduces the quotation and is no part of the claim.
            var words = text[m.Content.Start..stop].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && (Participles.Contains(words[^1].TrimEnd(',', ':')) || words[^1] is "," or ":"))
            {
                stop = m.Content.Start + text[m.Content.Start..stop].LastIndexOf(words[^1], StringComparison.Ordinal);
                while (stop > m.Content.Start && (char.IsWhiteSpace(text[stop - 1]) || text[stop - 1] is ',' or ':')) stop--;
                words.RemoveAt(words.Count - 1);
            }
            if (stop <= m.Content.Start) return null;
            var cut = new Span(m.Content.Start, stop);
            // What is left must still be a clause, not the adverbial that led into the quotation ("In a Wall Street Journal essay last week").
            string firstWord = cut.Of(text).Split(' ', 2)[0].ToLowerInvariant();
            if (Words.IsStop(firstWord) && firstWord is not ("he" or "she" or "they" or "we" or "it" or "i" or "the" or "there" or "this" or "that")) return null;
            return CountWords(text, cut) >= 3 && !AnyOverlaps(quoted, cut) ? m with { Content = cut } : null;
        }
        return m;
    }

    private static readonly FrozenSet<string> FiniteVerbs = FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "do", "does", "did", "shall",
         "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "doesn't", "didn't", "hasn't", "haven't", "hadn't"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A reported clause that says something on its own: it has a verb (an auxiliary or a past form), and its last word is not a
    /// verb still waiting for an object ("the two leaders achieved", cut before the quotation that was its object). The
    /// extractor keeps such pieces (the content of an attribution, as annotators mark it); the brief shows only whole clauses.
    /// </summary>
    private static readonly FrozenSet<string> DanglingEnds = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "as", "about", "that", "of", "to", "with", "for", "on", "in", "from", "by", "at", "and", "or", "but", "its", "their", "his", "her", "our", "my", "your", "than", "if", "whether", "which", "who", "whose"], StringComparer.Ordinal);

    internal static bool IsCompleteClause(string clause)
    {
        var words = clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', ';', ':', '(', ')', '—')).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return false;
        string last = words[^1].ToLowerInvariant();
        if ((last.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(words[^1][0])) || Participles.Contains(last) || FiniteVerbs.Contains(last) || DanglingEnds.Contains(last)) return false;
        // A long clause has its verb somewhere; a short one must show it ("the South Korea meeting" has none).
        return words.Count >= 6 || words.Skip(1).Any(w => FiniteVerbs.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0])));
    }

    /// <summary>Words between two token positions, not counting a parenthesised aside ("Sen. David Perdue (R-Ga.) said").</summary>
    private static int WordsBetween(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        int n = 0, depth = 0;
        for (int j = from; j < to; j++)
        {
            var w = W(text, tokens[j]);
            if (w is "(") depth++;
            else if (w is ")") depth = Math.Max(0, depth - 1);
            else if (depth == 0) n++;
        }
        return n;
    }

    /// <summary>
    /// "Derek Mitchell, who served as ambassador until this year, said …" / "Angelique Brunner, a developer, said …": the subject
    /// before an aside set off by commas.
    /// </summary>
    /// <summary>
    /// "Mary Cheney, married to Heather Poe since 2012, posted": a person named inside an aside set off by commas is not the
    /// subject; the person named right before the aside's opening comma is. Null when the name at <paramref name="at"/> is no aside's.
    /// </summary>
    private static Span? AsideOwner(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int at, int verb, int floor)
    {
        int close = -1;
        for (int j = at + 1; j < verb; j++)
        {
            if (W(text, tokens[j]) is ",") close = j;
        }
        if (close < 0) return null;
        int nameStart = Tokenizer.FirstAtOrAfter(tokens, EntityEndingAt(entities, tokens[at].End)!.Span.Start);
        for (int j = nameStart - 1; j > floor && j >= nameStart - 25; j--)
        {
            var w = W(text, tokens[j]);
            if (w is "." or ";" or "“" or "”" or "\"" or ":") return null;
            if (w is not ",") continue;
            return EntityEndingAt(entities, tokens[j - 1].End) is { Type: EntityType.Person } owner ? owner.Span : null;
        }
        return null;
    }

    private static Span? SubjectBeforeClause(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int floor)
    {
        if (verb - 1 <= floor || W(text, tokens[verb - 1]) is not ",") return null;
        for (int j = verb - 2; j > floor && j >= verb - 40; j--)
        {
            var w = W(text, tokens[j]);
            if (w is "." or ";" or "“" or "”" or "\"") return null;
            if (w is not ",") continue;
            var next = W(text, tokens[j + 1]);
            if (!(next is "who" or "whose" or "which" or "a" or "an" or "the" or "one" or "now" or "then" || tokens[j + 1].Kind == TokenKind.Number || char.IsUpper(next[0]) || EntityLexicons.Titles.Has(next))) return null;
            var named = EntityEndingAt(entities, tokens[j - 1].End);
            if (named is not null && named.Type != EntityType.Place) return named.Span;
            var before = W(text, tokens[j - 1]);
            if (Pronouns.Has(before) && j - 1 >= floor) return tokens[j - 1].Span;
            return CommonNounPhraseEndingAt(text, tokens, j - 1, floor);
        }
        return null;
    }

    /// <summary>The words from token <paramref name="from"/> up to the next punctuation (at most eight), as a span.</summary>
    private static Span? PhraseAfter(IReadOnlyList<Token> tokens, int from, int limit)
    {
        int last = -1;
        for (int j = from; j < tokens.Count && j < from + 8 && tokens[j].Start < limit && tokens[j].Kind != TokenKind.Punctuation; j++) last = j;
        return last < 0 ? null : new Span(tokens[from].Start, tokens[last].End);
    }

    /// <summary>True when the cue is followed within a few words by a comma or the sentence's end: nothing after it is what was said.</summary>
    private static bool ClauseEndsSoonAfter(string text, IReadOnlyList<Token> tokens, int verb, int sentenceEnd)
    {
        for (int j = verb + 1; j < tokens.Count && j <= verb + 4; j++)
        {
            if (tokens[j].Start >= sentenceEnd) return true;
            var w = W(text, tokens[j]);
            if (w is "," or "." or ";" or "!" or "?") return true;
            if (w is "that") return false;
        }
        return false;
    }

    /// <summary>"According to X, …" or "…, according to X.": X said the rest of the sentence.</summary>
    private static QuoteMention? AccordingTo(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int first, Span sentence, int end)
    {
        for (int k = first; k + 1 < tokens.Count && tokens[k].End <= sentence.End; k++)
        {
            if (!text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start).Equals("according", StringComparison.OrdinalIgnoreCase) || W(text, tokens[k + 1]) is not "to") continue;
            // Whoever follows "according to" is the source, named or not ("the foreign ministry", "a police report").
            var who = SubjectAfter(text, tokens, entities, k + 1, end) ?? PhraseAfter(tokens, k + 2, end);
            if (who is null) return null;
            if (k == first)
            {
                // "According to X, content."
                int comma = text.IndexOf(',', who.Value.End, Math.Max(0, end - who.Value.End));
                if (comma < 0) return null;
                int start = comma + 1;
                while (start < end && char.IsWhiteSpace(text[start])) start++;
                var content = new Span(start, end);
                return CountWords(text, content) >= 3 ? new QuoteMention(content, false, who, "according to") : null;
            }
            // "Content, according to X."
            int stop = tokens[k].Start;
            while (stop > sentence.Start && text[stop - 1] is ',' or ' ') stop--;
            var before = new Span(sentence.Start, stop);
            return CountWords(text, before) >= 3 ? new QuoteMention(before, false, who, "according to") : null;
        }
        return null;
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

    private static int SkipObject(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int c)
    {
        if (EntityStartingAt(entities, tokens[c].Start) is { } e) return Tokenizer.FirstAtOrAfter(tokens, e.Span.End);
        var w = W(text, tokens[c]);
        return w is "him" or "her" or "them" or "me" or "us" or "reporters" or "journalists" ? c + 1 : c;
    }

    private static int IndexOfSpanEnd(IReadOnlyList<Token> tokens, Span span) => Tokenizer.FirstAtOrAfter(tokens, span.End) - 1;

    /// <summary>The speaker named right before a reporting verb: a person, pronoun or "the spokeswoman" within the clause, else a nearby institution.</summary>
    private static Span? SubjectBefore(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int floor)
    {
        Span? institution = null;
        for (int k = verb - 1; k >= floor && k >= verb - 14; k--)
        {
            var t = tokens[k];
            var w = W(text, t);
            if (w is "”" or "“" or "\"" or "''" or ";" or ":") break;
            var entity = EntityEndingAt(entities, t.End);
            if (entity is not null && entity.Type == EntityType.Person) return AsideOwner(text, tokens, entities, k, verb, floor) ?? entity.Span;
            // An unclassified name right before the verb ("Viguerie notes") is still the one speaking.
            if (entity is not null && entity.Type == EntityType.Other && OnlyApposition(text, tokens, k + 1, verb)) return institution ?? entity.Span;
            if (entity is not null && entity.Type != EntityType.Other && verb - k <= 8) institution ??= entity.Span;
            if (Pronouns.Has(w) && char.IsLower(w[0]) || w is "He" or "She" or "They" or "It" or "I" or "We") return institution ?? t.Span;
            var np = RoleNounPhrase(text, tokens, k);
            if (np is not null) return institution ?? np;
            // "the announcer said", "the bespectacled, 71-year-old diplomat said", "civil rights activists say": a speaker we cannot name.
            if (k == verb - 1 && CommonNounPhraseEndingAt(text, tokens, k, floor) is { } common)
            {
                return institution ?? common;
            }
        }
        return institution;
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

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EvidenceVerbs = FrozenSet.ToFrozenSet(
        ["show", "shows", "showed", "shown", "found", "finds", "suggest", "suggests", "suggested", "indicate", "indicates", "indicated"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EvidenceNouns = FrozenSet.ToFrozenSet(
        ["poll", "polls", "survey", "surveys", "study", "studies", "analysis", "analyses", "report", "reports", "data", "research", "records",
         "documents", "emails", "figures", "numbers", "statistics", "review", "audit", "investigation", "findings", "estimates", "projections"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static ReadOnlySpan<char> LastWord(string phrase)
    {
        var p = phrase.AsSpan().TrimEnd();
        int space = p.LastIndexOf(' ');
        return space < 0 ? p : p[(space + 1)..];
    }

    /// <summary>The subject of a sentence's main clause: the first person, organisation or personal pronoun in its opening words.</summary>
    private static Span? MainSubject(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int first, int limit)
    {
        for (int j = first; j < limit && j < first + 12; j++)
        {
            if (EntityStartingAt(entities, tokens[j].Start) is { Type: EntityType.Person or EntityType.Organization } e) return e.Span;
            if (IsPersonalPronoun(W(text, tokens[j]))) return tokens[j].Span;
            if (W(text, tokens[j]) is "“" or "\"" or "''" or ";" or ":") return null;
        }
        return null;
    }

    /// <summary>A person or organisation named right before the verb, or a personal pronoun; not "the plans" nor "Trump’s plans".</summary>
    private static bool NamedOrPronoun(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, Span subject, int verb)
    {
        if (verb > 0 && W(text, tokens[verb - 1]) is "’s" or "'s" or "the" or "a" or "an" or "his" or "her" or "their" or "its" or "our" or "my" or "your") return false;
        if (EntityAt(entities, subject) is { Type: EntityType.Person or EntityType.Organization }) return true;
        // Evidence speaks for itself: "Polls show …", "a new study found …".
        if (EvidenceVerbs.Contains(W(text, tokens[verb])) && EvidenceNouns.Contains(LastWord(subject.Of(text)))) return true;
        return IsPersonalPronoun(text.AsSpan(subject.Start, subject.End - subject.Start));
    }

    /// <summary>A pronoun that stands for people ("it" is left out: it names an institution or nothing).</summary>
    private static bool IsPersonalPronoun(ReadOnlySpan<char> w) => w is "he" or "she" or "they" or "we" or "I" or "He" or "She" or "They" or "We";

    /// <summary>
    /// The stance verb is active and its object follows: not "the Guard was called to service", "supported by 42 percent"
    /// or "called in to a radio show".
    /// </summary>
    private static bool ActiveWithObject(string text, IReadOnlyList<Token> tokens, int verb)
    {
        bool progressive = W(text, tokens[verb]).EndsWith("ing", StringComparison.Ordinal);
        if (verb > 0 && !progressive && W(text, tokens[verb - 1]) is "is" or "was" or "were" or "are" or "be" or "been" or "being") return false;
        if (verb + 1 >= tokens.Count) return false;
        var next = W(text, tokens[verb + 1]);
        bool calledFor = next is "for" or "on" && W(text, tokens[verb]) is "called" or "calls";
        return calledFor || !(tokens[verb + 1].Kind == TokenKind.Punctuation || next is "by" or "in" or "into" or "up" or "off" or "back" or "out" or "and" or "but" or "or");
    }

    private static Entity? EntityAt(IReadOnlyList<Entity> entities, Span span) => EntityStartingAt(entities, span.Start) is { } e && e.Span == span ? e : null;

    private static readonly FrozenSet<string> NounLikeCues = FrozenSet.ToFrozenSet(
        ["states", "claims", "reports", "notes", "estimates", "fears", "hopes", "promises", "warns", "thought", "expects"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Collectives = FrozenSet.ToFrozenSet(
        ["police", "staff", "military", "government", "administration", "leadership", "management", "prosecution", "defense", "media", "public"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "one", "another", "some", "many", "most", "several", "two", "three", "his", "her", "their", "its", "our", "other", "few", "both", "all"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A described speaker ending at token <paramref name="head"/>: from a determiner ("the bespectacled, 71-year-old diplomat"),
    /// or a bare plural ("civil rights activists"). Null when the head is not a noun or no such phrase starts within reach.
    /// </summary>
    private static Span? CommonNounPhraseEndingAt(string text, IReadOnlyList<Token> tokens, int head, int floor)
    {
        var h = W(text, tokens[head]);
        if (tokens[head].Kind != TokenKind.Word || !char.IsLower(h[0]) || Words.Stop.Has(h) || !LooksLikeNoun(h)) return null;
        int start = head;
        for (int j = head - 1; j >= floor && j >= head - 9; j--)
        {
            var w = W(text, tokens[j]);
            if (Determiners.Has(w)) return new Span(tokens[j].Start, tokens[head].End);
            bool modifier = tokens[j].Kind == TokenKind.Number || w is "-" || (tokens[j].Kind == TokenKind.Word && !Words.Stop.Has(w) && !w.EndsWith("ly", StringComparison.Ordinal));
            if (w is "," && j > floor && W(text, tokens[j - 1]) is { Length: > 0 } adj && char.IsLower(adj[0]) && LooksLikeAdjective(adj)) continue; // "bespectacled, 71-year-old"
            if (!modifier) break;
            start = j;
        }
        // Without a determiner only a plural or a body of people stands for someone: "officials said", "civil rights activists say", "police said".
        return (h.EndsWith('s') || Collectives.Has(h)) && !h.EndsWith("ss", StringComparison.Ordinal) && (start == head || !HasComma(text, tokens, start, head)) ? new Span(tokens[start].Start, tokens[head].End) : null;
    }

    /// <summary>"said one former GOP leadership aide", "says a narrator": a described speaker after the verb, up to a comma, a clause or the end.</summary>
    private static Span? CommonNounPhraseFrom(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int from, int limit)
    {
        int last = -1;
        for (int j = from + 1; j < tokens.Count && j <= from + 8 && tokens[j].Start < limit; j++)
        {
            var w = W(text, tokens[j]);
            if (tokens[j].Kind == TokenKind.Punctuation && w is not "-" || Words.Stop.Has(w) && !Determiners.Has(w)) break;
            last = j;
        }
        if (last < 0) return null;
        var head = W(text, tokens[last]);
        if (!(char.IsUpper(head[0]) || LooksLikeNoun(head))) return null;
        // "another leading advocate, Andrew J. Pincus": the name in apposition is the better handle.
        if (last + 2 < tokens.Count && W(text, tokens[last + 1]) is "," && EntityStartingAt(entities, tokens[last + 2].Start) is { Type: EntityType.Person } named) return named.Span;
        return new Span(tokens[from].Start, tokens[last].End);
    }

    private static bool LooksLikeAdjective(ReadOnlySpan<char> w) =>
        w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal) || w.EndsWith("ful", StringComparison.Ordinal) || w.EndsWith("ive", StringComparison.Ordinal)
        || w.EndsWith("al", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("less", StringComparison.Ordinal) || w is "old";

    private static bool LooksLikeNoun(ReadOnlySpan<char> w) =>
        w.Length > 2 && !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal) && !w.EndsWith("ly", StringComparison.Ordinal) && !SpeechVerbs.Has(w);

    private static bool HasComma(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (W(text, tokens[j]) is ",") return true;
        }
        return false;
    }

    private static bool OnlyTitlesBetween(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            var w = W(text, tokens[j]);
            if (w is not "." && !EntityLexicons.Titles.Has(w)) return false;
        }
        return true;
    }

    /// <summary>True when tokens [from, to) are nothing but an apposition's punctuation and numbers ("Quina Jones, 25, said").</summary>
    private static bool OnlyApposition(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (tokens[j].Kind is not (TokenKind.Punctuation or TokenKind.Number) || W(text, tokens[j]) is "." or "”" or "“" or "\"") return false;
        }
        return to - from <= 4;
    }

    /// <summary>The speaker named right after a reporting verb ("said Sun Yun", "according to the ministry").</summary>
    private static Span? SubjectAfter(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int verb, int limit)
    {
        for (int k = verb + 1; k < tokens.Count && k <= verb + 6 && tokens[k].Start < limit; k++)
        {
            var t = tokens[k];
            var w = W(text, t);
            if (w is "." || tokens[k].Kind == TokenKind.Number || w is "/") continue; // "said Rep. G.K. Butterfield", "said 9/11 widow Terry Strada"
            var entity = EntityStartingAt(entities, t.Start);
            // An unclassified name counts right after the verb or after nothing but a title ("said Mr. Burman").
            if (entity is not null && (entity.Type != EntityType.Other || OnlyTitlesBetween(text, tokens, verb + 1, k))) return entity.Span;
            if (Pronouns.Has(w) && k == verb + 1) return t.Span;
            if (k == verb + 1 && Determiners.Has(w) && CommonNounPhraseFrom(text, tokens, entities, k, limit) is { } described) return described;
            // Only a role's own words may stand between the verb and the name ("said Chinese foreign ministry spokesperson Lin Jian").
            if (!(w is "the" or "a" || char.IsUpper(w[0]) || EntityLexicons.RoleNouns.Has(w) || EntityLexicons.Titles.Has(w) || w is "ministry" or "’s" or "'s")) return null;
        }
        return null;
    }

    /// <summary>A period that closes a short capitalised abbreviation or an initial ("Mr.", "Rep.", "E.", "Md.") rather than a sentence.</summary>
    private static bool IsAbbreviationDot(string text, IReadOnlyList<Token> tokens, int k)
    {
        if (k == 0 || tokens[k - 1].End != tokens[k].Start || tokens[k - 1].Kind != TokenKind.Word) return false;
        var prev = W(text, tokens[k - 1]);
        if (k + 1 < tokens.Count && text[tokens[k + 1].Start] is ')' or ',') return true; // "(R-Fla.) said", "Jr., said"
        return prev.Length <= 4 && char.IsUpper(prev[0]) && k + 1 < tokens.Count && char.IsUpper(text[tokens[k + 1].Start]);
    }

    private static bool IsSpeechVerb(ReadOnlySpan<char> w) => w.Length > 0 && char.IsLower(w[0]) && SpeechVerbs.Has(w);

    /// <summary>"the Chinese leader", "the spokeswoman": a definite role noun ending at token <paramref name="k"/>.</summary>
    private static Span? RoleNounPhrase(string text, IReadOnlyList<Token> tokens, int k)
    {
        var w = W(text, tokens[k]);
        if (!EntityLexicons.RoleNouns.Has(w) && !EntityLexicons.Titles.Has(w)) return null;
        for (int j = k - 1; j >= 0 && j >= k - 4; j--)
        {
            var d = W(text, tokens[j]);
            if (d.Equals("the", StringComparison.OrdinalIgnoreCase) && j >= k - 3) return new Span(tokens[j].Start, tokens[k].End);
            // "Obama’s former campaign strategist": a possessor stands where "the" would.
            if (d is "’s" or "'s" or "’" or "'" && j > 0 && char.IsUpper(text[tokens[j - 1].Start])) return new Span(tokens[j - 1].Start, tokens[k].End);
            if (d.Length > 2 && (d.EndsWith("’s", StringComparison.Ordinal) || d.EndsWith("'s", StringComparison.Ordinal)) && char.IsUpper(d[0])) return new Span(tokens[j].Start, tokens[k].End);
            if (tokens[j].Kind != TokenKind.Word) return null;
        }
        return null;
    }

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

/// <summary>Finds quotations and resolves each speaker mention to a named person or institution in the article.</summary>
public sealed class QuoteStage : IAnalysisStage
{
    public string Name => "quotes";

    public void Run(DocumentBuilder document)
    {
        var mentions = QuoteExtractor.Extract(document.Text, document.Tokens, document.Sentences, document.Entities);
        var titles = SpeakerResolver.TitlesByName(document.Entities);
        document.Quotes = mentions.Select(m => SpeakerResolver.Resolve(m, document.Text, document.Entities, document.Sentences, titles)).ToList();
    }
}

/// <summary>Decides who a speaker mention refers to: a name's full form, or for "he", "she" and "the spokeswoman" the person last mentioned who fits.</summary>
public static class SpeakerResolver
{
    /// <summary>The first title each name is given in the article ("Press Secretary" for Karoline Leavitt), looked up once per article.</summary>
    public static IReadOnlyDictionary<string, string> TitlesByName(IReadOnlyList<Entity> entities)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (e.Title is { } t) titles.TryAdd(e.Name, t);
        }
        return titles;
    }

    /// <summary>The quote with its speaker resolved; <c>titles</c> is the article's <see cref="TitlesByName"/>, worked out once for all its quotes.</summary>
    public static Quote Resolve(QuoteMention m, string text, IReadOnlyList<Entity> entities, IReadOnlyList<Sentence> sentences, IReadOnlyDictionary<string, string> titles)
    {
        var quote = new Quote(m.Content, m.Content.Of(text), m.Direct) { Cue = m.Cue, SpeakerSpan = m.SpeakerMention };
        if (m.SpeakerMention is not { } mention) return quote;
        for (int i = Sorted.FirstAtOrAfter(entities, mention.Start, static e => e.Span.Start); i < entities.Count && entities[i].Span.Start == mention.Start; i++)
        {
            if (entities[i].Span == mention) return quote with { Speaker = entities[i].Name };
        }
        string surface = mention.Of(text);
        string lower = surface.ToLowerInvariant();
        if (QuoteExtractor.Pronouns.TryGetValue(lower, out var gender))
        {
            if (lower is "i" or "we") return quote; // first person inside a quotation names no one by itself
            var person = gender == "n"
                ? Antecedent(entities, sentences, mention, _ => true, EntityType.Organization)
                : Antecedent(entities, sentences, mention, e => gender == "x" || FitsGender(e.Name, gender));
            return person is null ? quote : quote with { Speaker = person.Name };
        }
        // "the Chinese leader": the nearest subject whose title fits the role and does not name another nationality.
        var roleWords = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "the").ToArray();
        var byRole = Antecedent(entities, sentences, mention, e => FitsRole(roleWords, e.Title ?? titles.GetValueOrDefault(e.Name)));
        return byRole is null ? quote : quote with { Speaker = byRole.Name };
    }

    /// <summary>How many names back a pronoun may look for its antecedent beyond the last few sentences.</summary>
    private const int AntecedentReach = 400;

    /// <summary>
    /// The person a pronoun most likely stands for: the first fitting person of its own sentence before it (the subject),
    /// else the first fitting person of the nearest earlier sentence that has one.
    /// </summary>
    private static Entity? Antecedent(IReadOnlyList<Entity> entities, IReadOnlyList<Sentence> sentences, Span pronoun, Func<Entity, bool> fits, EntityType type = EntityType.Person)
    {
        // Sentences and entities are in text order, so both are found by binary search rather than by reading the article.
        int s = Sorted.FirstAtOrAfter(sentences, pronoun.Start + 1, static x => x.Span.Start) - 1;
        for (int k = s; k >= 0 && k >= s - 4; k--)
        {
            var span = sentences[k].Span;
            for (int i = Sorted.FirstAtOrAfter(entities, span.Start, static e => e.Span.Start); i < entities.Count && entities[i].Span.Start < span.End; i++)
            {
                var e = entities[i];
                if (e.Span.End > pronoun.Start) break;
                if (e.Type == type && span.Contains(e.Span) && fits(e)) return e;
            }
        }
        // Else the last fitting one before it, looking back a bounded number of names.
        int before = Sorted.FirstAtOrAfter(entities, pronoun.Start, static e => e.Span.Start) - 1;
        for (int i = before; i >= 0 && i > before - AntecedentReach; i--)
        {
            var e = entities[i];
            if (e.Type == type && e.Span.End <= pronoun.Start && fits(e)) return e;
        }
        return null;

    }

    private static bool FitsGender(string name, string gender)
    {
        string first = name.Split(' ')[0];
        var g = EntityLexicons.GenderOf(first);
        return g is null || g == gender;
    }

    private static bool FitsRole(string[] roleWords, string? title)
    {
        if (title is null) return false;
        var titleWords = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in roleWords)
        {
            bool demonym = EntityLexicons.Demonyms.Has(w);
            if (demonym && titleWords.Any(t => EntityLexicons.Demonyms.Contains(t)) && !titleWords.Contains(w, StringComparer.OrdinalIgnoreCase)) return false;
        }
        var nouns = roleWords.Where(w => !EntityLexicons.Demonyms.Has(w)).ToArray();
        return nouns.Length == 0 || nouns.Any(w => titleWords.Contains(w, StringComparer.OrdinalIgnoreCase) || RoleSynonym(w, title));
    }

    private static bool RoleSynonym(string role, string title) => role switch
    {
        "leader" => title.Contains("President", StringComparison.OrdinalIgnoreCase) || title.Contains("Minister", StringComparison.OrdinalIgnoreCase),
        "spokeswoman" or "spokesman" or "spokesperson" => title.Contains("Secretary", StringComparison.OrdinalIgnoreCase) || title.Contains("spokes", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
