using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Stages.Entities;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>Reported speech without quotation marks ("X said that …", "according to X, …"): finding the cue, its speaker and the clause reported.</summary>
public static partial class QuoteExtractor
{
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
                    // "Asked about the 63 Democrats …, Pelosi said:", "In a letter delivered Tuesday, she wrote:": narration that
                    // leads into the attribution is not what was said.
                    if (FrontedFragment(text, tokens, first, subjectFirst - 1)) break;
                    var said = new Span(sentence.Span.Start, tokens[subjectFirst - 1].Start);
                    if (CountWords(text, said) >= 3 && WithoutQuoted(new QuoteMention(said, false, subject, w), quoted, text) is { } kept) yield return kept;
                    break;
                }
                int c = k + 1;
                if (w is "told" or "tells" or "warned" or "promised" or "assured" && c < tokens.Count) c = SkipObject(text, tokens, entities, c);
                // "said on Monday that …", "told CBS’s “Face the Nation” that …", "said in a letter delivered Tuesday that …": the
                // reported clause starts after "that", past any adverbial before it (a title in quotation marks included), but
                // not past a clause's own verb or subject ("said in 2015 he had …").
                bool adverbial = c < tokens.Count && (Prepositions.Contains(W(text, tokens[c]).ToString()) || SentenceSplitter.IsQuoteAt(text, tokens[c].Start) || W(text, tokens[c]) is "’" or "'" or "’s" or "'s");
                int reach = adverbial && CuesWithoutThat.Contains(w) ? 9 : 4;
                for (int j = c; j < tokens.Count && j <= c + reach && tokens[j].End <= sentence.Span.End; j++)
                {
                    var between = W(text, tokens[j]);
                    // Far from the cue, "that" opens the report only before a subject ("… Tuesday that the"), not as a relative
                    // pronoun ("at a center that works").
                    if (between is "that" && (j <= c + 3 || (j + 1 < tokens.Count && StartsSubject(text, tokens[j + 1])))) { c = j + 1; break; }
                    if (j > c + 3 && (FiniteVerbs.Contains(between.ToString()) || IsPersonalPronoun(between) || between is "to" or "of" or "for" or "that")) break;
                    bool title = SentenceSplitter.IsQuoteAt(text, tokens[j].Start) || between is "’" or "'" or "’s" or "'s";
                    if (tokens[j].Kind == TokenKind.Punctuation && !(title && reach > 4)) break;
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

    /// <summary>Prepositions that open an adverbial between a cue and its "that" ("said in a statement that").</summary>
    private static readonly FrozenSet<string> Prepositions = Lexicon.Set(typeof(QuoteExtractor), "prepositions.lex", ignoreCase: false);

    /// <summary>
    /// True when the words from token <paramref name="first"/> up to <paramref name="end"/> lead into an attribution without
    /// being a clause someone said: a subordinate clause ("Asked about …", "When asked …", "If she becomes president"), a
    /// prepositional phrase ("In a letter delivered Tuesday") or a participle ("Speaking at a rally"). "In all, hackers
    /// compromised …" and "Seeing his brother suffer led him …" are clauses.
    /// </summary>
    private static bool FrontedFragment(string text, IReadOnlyList<Token> tokens, int first, int end)
    {
        string w = Word(text, tokens[first]);
        string lower = w.ToLowerInvariant();
        if (lower is "asked" or "when" or "while" or "as" or "if" or "once" or "although" or "though" or "because" or "since" or "whether" or "unless") return true;
        if (Prepositions.Contains(lower) && lower is not "about") return !HasComma(text, tokens, first, end);
        bool participle = char.IsUpper(w[0]) && w.Length > 4 && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal)) && !EntityLexicons.GivenNames.ContainsKey(w);
        return participle && !HasVerb(text, tokens, first + 1, end);
    }

    /// <summary>True when tokens [from, to) hold a verb of their own ("Seeing his brother suffer led him …" is a clause; "Speaking at a rally" is not).</summary>
    private static bool HasVerb(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            var w = W(text, tokens[j]);
            if (FiniteVerbs.Contains(w.ToString()) || (w.Length >= 3 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>A word that can open a clause's subject: a pronoun, a determiner, a name or a number.</summary>
    private static bool StartsSubject(string text, Token token)
    {
        var w = W(text, token);
        return token.Kind == TokenKind.Number || char.IsUpper(w[0]) || Pronouns.Has(w) || Determiners.Has(w) || w is "there" or "this" or "these" or "those";
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

    private static readonly FrozenSet<string> FiniteVerbs = Lexicon.Set(typeof(QuoteExtractor), "finite-verbs.lex", ignoreCase: true);

    /// <summary>
    /// A reported clause that says something on its own: it has a verb (an auxiliary or a past form), and its last word is not a
    /// verb still waiting for an object ("the two leaders achieved", cut before the quotation that was its object). The
    /// extractor keeps such pieces (the content of an attribution, as annotators mark it); the brief shows only whole clauses.
    /// </summary>
    private static readonly FrozenSet<string> DanglingEnds = Lexicon.Set(typeof(QuoteExtractor), "dangling-ends.lex", ignoreCase: false);

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

    private static int SkipObject(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, int c)
    {
        if (EntityStartingAt(entities, tokens[c].Start) is { } e) return Tokenizer.FirstAtOrAfter(tokens, e.Span.End);
        var w = W(text, tokens[c]);
        return w is "him" or "her" or "them" or "me" or "us" or "reporters" or "journalists" ? c + 1 : c;
    }

    private static int IndexOfSpanEnd(IReadOnlyList<Token> tokens, Span span) => Tokenizer.FirstAtOrAfter(tokens, span.End) - 1;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EvidenceVerbs = Lexicon.Set(typeof(QuoteExtractor), "evidence-verbs.lex", ignoreCase: false).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EvidenceNouns = Lexicon.Set(typeof(QuoteExtractor), "evidence-nouns.lex", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    private static ReadOnlySpan<char> LastWord(string phrase)
    {
        var p = phrase.AsSpan().TrimEnd();
        int space = p.LastIndexOf(' ');
        return space < 0 ? p : p[(space + 1)..];
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
}
