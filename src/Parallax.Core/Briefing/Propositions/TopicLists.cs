using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing.Propositions;

/// <summary>
/// One thing a sentence says was discussed: its span (the item in the source's list) and the claim as a reader sees it on
/// its own, in the source's words with what lies between left out ("Trump and Xi covered … the ongoing conflict in Ukraine").
/// </summary>
public sealed record Topic(Span Span, string Claim);

/// <summary>
/// Finds what a clause says a call, meeting or statement dealt with, one claim per item: "the two leaders discussed trade,
/// Taiwan and Ukraine" says three things, and a source listing Ukraine among five topics states "Ukraine was discussed" as
/// surely as one that says only that. Active lists after a topic verb ("discussed", "talked about", "touched on"; with
/// "a range of issues including …"), and passive ones ("the Russia-Ukraine situation was mentioned"). Items are short
/// noun phrases: a segment with a verb, an attribution or a quotation ends the list. This is the extract step; the fact
/// aligner decides which sources' items are the same topic.
/// </summary>
public static class TopicLists
{
    private static readonly (string[] Words, bool NeedsTalk)[] Verbs = [.. Lexicon.Lines(typeof(TopicLists), "topic-verbs.lex")
        .Select(l => (Words: l.TrimEnd('*', ' ').Split(' '), NeedsTalk: l.EndsWith('*')))
        .OrderByDescending(v => v.Words.Length)];

    private static readonly FrozenSet<string> FirstWords = Verbs.Select(v => v.Words[0]).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Containers = Lexicon.Set(typeof(TopicLists), "topic-containers.lex");

    /// <summary>Nouns for a conversation: a verb such as "covered" names topics only in a clause about one.</summary>
    private static readonly FrozenSet<string> Talk = Lexicon.Set(typeof(TopicLists), "talk-nouns.lex");

    private static readonly FrozenSet<string> PassiveVerbs = FrozenSet.Create(StringComparer.Ordinal, "discussed", "mentioned", "raised", "addressed", "covered");
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.Create(StringComparer.Ordinal, "was", "were");

    /// <summary>Forms of "be" that make a topic verb after them a passive ("has been discussed", "is focused on").</summary>
    private static readonly FrozenSet<string> BeForms = FrozenSet.Create(StringComparer.Ordinal, "was", "were", "been", "be", "is", "are", "being");
    private static readonly FrozenSet<string> Adverbs = FrozenSet.Create(StringComparer.Ordinal, "also", "briefly", "reportedly", "likewise");
    private static readonly FrozenSet<string> Negations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "not", "never", "n't", "no", "declined", "refused", "declines", "refuses", "declining", "refusing", "without");
    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(StringComparer.Ordinal, "a", "an", "the", "broad", "wide", "whole", "long", "full", "number", "of", "other", "key", "several", "many", "various");

    /// <summary>Words that, opening a segment of a list, end it: what follows is an attribution or another clause.</summary>
    private static readonly FrozenSet<string> Ends = FrozenSet.Create(StringComparer.Ordinal,
        "according", "as", "which", "who", "whom", "whose", "while", "whereas", "but", "though", "although", "saying", "adding", "amid",
        "after", "before", "during", "when", "where", "with", "without", "because", "since", "despite", "following", "that", "how", "whether", "if", "so");

    /// <summary>Words that cut an item short and end the list: "Ukraine during the call", "trade on Monday".</summary>
    private static readonly FrozenSet<string> ItemStops = FrozenSet.Create(StringComparer.Ordinal,
        "during", "when", "while", "after", "before", "at", "over", "by", "from", "since", "on", "amid", "with", "as", "according", "that", "which", "who", "for");

    /// <summary>Words an item cannot end on: "their response to a crisis in [which …]".</summary>
    private static readonly FrozenSet<string> Trailing = FrozenSet.Create(StringComparer.Ordinal, "in", "of", "to", "on", "at", "the", "a", "an", "for", "and", "or", "its", "their", "his", "her");

    /// <summary>Items that name nothing: "and other matters", "etc.".</summary>
    private static readonly FrozenSet<string> Generic = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "other", "issues", "matters", "things", "topics", "subjects", "etc", "areas", "questions", "more", "many", "several", "various", "related", "the", "a", "an", "of",
        "everything", "anything", "something", "nothing", "it", "this", "that", "them", "these", "those");

    /// <summary>Most words of the clause repeated before a topic's verb when it is shown alone.</summary>
    private const int LeadWords = 8;

    /// <summary>Most words an item keeps; a longer segment is a clause, not a topic.</summary>
    public const int MaxItemWords = 8;

    /// <summary>The topics the clause at <paramref name="clause"/> says were discussed, in order; empty when it lists none.</summary>
    public static List<Topic> Find(AnalyzedArticle a, Span clause)
    {
        string text = a.Text;
        var quoted = ClauseWords.Quoted(text, clause);
        var words = ClauseWords.Of(a, clause, quoted);
        // Each word's text once: the loop below looks at every word several times.
        var ws = new string[words.Count];
        for (int k = 0; k < ws.Length; k++) ws[k] = words[k].Span.Of(text);
        string W(int k) => ws[k];
        bool talk = ws.Any(Talk.Contains);
        var found = new List<Topic>();
        for (int i = 0; i < words.Count; i++)
        {
            int matched = FirstWords.Contains(ws[i]) ? VerbAt(ws, i, talk) : 0;
            if (matched > 0)
            {
                // "did not discuss", "declined to discuss" list nothing discussed; "has been discussed", "is focused on" are passives.
                if (Denied(words, text, i) || (i > 0 && BeForms.Contains(W(i - 1)))) continue;
                var listed = Active(a, clause, words, i, matched);
                found.AddRange(listed);
                // A clause may hold a second list: "In addition to discussing trade, Xi and Trump touched on Ukraine and Taiwan."
                if (listed.Count > 0) i = words.FindIndex(w => w.Start >= listed[^1].Span.End) is var next && next > i ? next - 1 : words.Count;
                continue;
            }
            if (!talk) continue;
            if (Auxiliaries.Contains(W(i)) && !Denied(words, text, i + 1) && Passive(words, text, i) is { } passive)
            {
                found.AddRange(PassiveItems(a, clause, words, i, passive));
            }
            else if (W(i) == "featured" && i + 1 < words.Count && W(i + 1) == "in")
            {
                found.AddRange(PassiveItems(a, clause, words, i, words[i + 1].End, fromVerb: true));
            }
        }
        return found;
    }

    /// <summary>Whether a negation or a refusal stands just before the verb at word <paramref name="verb"/> ("did not discuss", "declined to discuss").</summary>
    private static bool Denied(List<Token> words, string text, int verb)
    {
        for (int k = Math.Max(0, verb - 2); k < verb; k++)
        {
            if (Negations.Contains(words[k].Span.Of(text))) return true;
        }
        return false;
    }

    /// <summary>Words of a topic verb starting at word <paramref name="i"/>, or 0.</summary>
    private static int VerbAt(string[] words, int i, bool talk)
    {
        foreach (var (verb, needsTalk) in Verbs)
        {
            if (needsTalk && !talk) continue;
            // An adverb may sit inside the phrase: "focused primarily on trade".
            int k = i, matched = 0;
            while (matched < verb.Length && k < words.Length)
            {
                string w = words[k];
                if (w == verb[matched]) matched++;
                else if (matched == 0 || !w.EndsWith("ly", StringComparison.Ordinal)) break;
                k++;
            }
            if (matched == verb.Length) return k - i;
        }
        return 0;
    }

    /// <summary>The items after a topic verb at word <paramref name="i"/> (of <paramref name="length"/> words).</summary>
    private static List<Topic> Active(AnalyzedArticle a, Span clause, List<Token> words, int i, int length)
    {
        string text = a.Text;
        int start = i + length;
        if (start >= words.Count) return [];
        // "a broad range of subjects during their conversation, including …": the list starts after its introducer.
        bool container = false;
        int probe = start;
        while (probe < words.Count && probe < start + 4 && Fillers.Contains(words[probe].Span.Of(text).ToLowerInvariant()) && !Containers.Contains(words[probe].Span.Of(text))) probe++;
        if (probe < words.Count && Containers.Contains(words[probe].Span.Of(text).ToLowerInvariant()))
        {
            container = true;
            int intro = -1;
            for (int k = probe + 1; k < words.Count && k < probe + 14; k++)
            {
                string w = words[k].Span.Of(text);
                if (w is "including" or "like") { intro = k + 1; break; }
                if (w == "such" && k + 1 < words.Count && words[k + 1].Span.Of(text) == "as") { intro = k + 2; break; }
            }
            if (intro < 0) return [];
            start = intro;
        }
        if (start >= words.Count || Ends.Contains(words[start].Span.Of(text)) || OpensQuotation(text, words, start)) return [];
        var items = Items(a, words, start, clause.End);
        string lead = Lead(text, clause, words, i, length);
        return [.. items.Select((item, n) => new Topic(item, lead + (n > 0 || container ? " … " : " ") + Words.SingleSpaced(item.Of(text))))];
    }

    /// <summary>"the Russia-Ukraine situation was mentioned": a passive topic verb after an auxiliary at word <paramref name="aux"/>; where its words end, or null.</summary>
    private static int? Passive(List<Token> words, string text, int aux)
    {
        int k = aux + 1;
        while (k < words.Count && Adverbs.Contains(words[k].Span.Of(text))) k++;
        if (k >= words.Count) return null;
        string w = words[k].Span.Of(text);
        if (PassiveVerbs.Contains(w)) return words[k].End;
        // "Ukraine was also on the agenda"
        if (w == "on" && k + 2 < words.Count && words[k + 1].Span.Of(text) == "the" && words[k + 2].Span.Of(text) == "agenda") return words[k + 2].End;
        return null;
    }

    /// <summary>The noun phrase before a passive topic verb (or "featured in …"), split at "and" and commas, as claims ending with the verb's words.</summary>
    private static List<Topic> PassiveItems(AnalyzedArticle a, Span clause, List<Token> words, int verb, int verbEnd, bool fromVerb = false)
    {
        string text = a.Text;
        int end = verb;
        while (end > 0 && Adverbs.Contains(words[end - 1].Span.Of(text))) end--;
        if (end == 0) return [];
        int begin = end;
        while (begin > 0 && end - begin < MaxItemWords)
        {
            string prev = words[begin - 1].Span.Of(text);
            string between = text[words[begin - 1].End..words[begin].Start];
            if (between.Contains(',') || between.Contains(';') || Ends.Contains(prev) || prev is "and" or "but" or "said" || PropositionSplitter.IsVerb(prev)) break;
            begin--;
        }
        if (begin == end) return [];
        var phrase = new Span(words[begin].Start, words[end - 1].End);
        if (words.Skip(begin).Take(end - begin).Any(w => PropositionSplitter.IsVerb(w.Span.Of(text)))) return [];
        int trailFrom = words[end].Start;
        // "featured in Monday's conversation": the claim runs to the conversation it names.
        int trailEnd = verbEnd;
        if (fromVerb)
        {
            for (int k = verb + 1; k < words.Count && k < verb + 5; k++)
            {
                trailEnd = words[k].End;
                if (Talk.Contains(words[k].Span.Of(text))) break;
            }
        }
        string trail = Words.SingleSpaced(text[trailFrom..Math.Min(trailEnd, clause.End)]);
        var items = Items(a, words, begin, phrase.End);
        return [.. items.Select(item => new Topic(item, Words.SingleSpaced(item.Of(text)) + " " + trail))];
    }

    /// <summary>The items of a list starting at word <paramref name="start"/>: segments between commas, "and", "or", up to the first that is not a short noun phrase.</summary>
    private static List<Span> Items(AnalyzedArticle a, List<Token> words, int start, int limit)
    {
        string text = a.Text;
        var items = new List<(Span Span, bool AfterComma)>();
        int k = start;
        while (k < words.Count && words[k].Start < limit)
        {
            // Skip the joining word of the next item.
            bool joined = false;
            while (k < words.Count && words[k].Span.Of(text) is "and" or "or" or "as" or "well")
            {
                joined = true;
                k++;
            }
            bool afterComma = !joined && k > start;
            if (k >= words.Count || words[k].Start >= limit || Ends.Contains(words[k].Span.Of(text)) || Trailing.Contains(words[k].Span.Of(text)) && words[k].Span.Of(text) is not ("the" or "a" or "an" or "its" or "their" or "his" or "her")) break;
            int first = k, last = k;
            bool stop = false, clauseLike = false;
            for (; k < words.Count && words[k].Start < limit; k++)
            {
                string w = words[k].Span.Of(text);
                if (k > first)
                {
                    string between = text[words[k - 1].End..words[k].Start];
                    if (between.IndexOfAny(['(', '—', '–', ':', '“', '"']) >= 0) { stop = true; break; }
                    if (between.Contains(',') || between.Contains(';')) break;
                    if (w is "and" or "or") break;
                    // "the idea most recently", "its death toll Thursday morning": an adverb or a time ends the item and the list.
                    if (ItemStops.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 4 || StartsTime(a, words[k])) { stop = true; break; }
                }
                if (PropositionSplitter.IsVerb(w) || SpeechVerbs.Contains(w)) clauseLike = true;
                last = k;
            }
            // "sanctions in a December telephone call": the conversation it was raised in is not part of the topic.
            for (int n = first + 1; n <= last; n++)
            {
                if (words[n].Span.Of(text) is not ("in" or "on" or "at" or "during")) continue;
                bool talkAfter = false;
                for (int m = n + 1; m <= last && !talkAfter; m++) talkAfter = Talk.Contains(words[m].Span.Of(text));
                if (talkAfter)
                {
                    last = n - 1;
                    stop = true;
                    break;
                }
            }
            while (last > first && Trailing.Contains(words[last].Span.Of(text))) last--;
            int count = last - first + 1;
            if (clauseLike || count > MaxItemWords)
            {
                // "…, Xi and Trump touched on …": the item before a clause joined by "and" is that clause's subject.
                if (clauseLike && joined && items.Count > 0 && items[^1].AfterComma) items.RemoveAt(items.Count - 1);
                break;
            }
            var span = new Span(words[first].Start, words[last].End);
            bool names = false;
            for (int n = first; n <= last && !names; n++) names = !Generic.Contains(words[n].Span.Of(text).TrimEnd('.'));
            if (names) items.Add((span, afterComma));
            if (stop) break;
        }
        return [.. items.Select(i => i.Span)];
    }

    /// <summary>How the clause introduces its list, shortened to its subject and verb: "Trump and Xi covered", "said the conversation covered".</summary>
    private static string Lead(string text, Span clause, List<Token> words, int verb, int length)
    {
        string before = text[clause.Start..words[verb].Start].Trim();
        int first = words.FindIndex(w => w.Start >= clause.Start);
        if (verb - first > LeadWords || before.Contains(','))
        {
            // Too long to repeat: the words right before the verb, back to a comma or a clause's first word ("in which he
            // said the two men discussed" reads "… the two men discussed"); with none, the clause's opening up to its comma.
            int from = verb;
            while (from > first && verb - from < LeadWords && !text[words[from - 1].End..words[from].Start].Contains(',') && !Ends.Contains(words[from - 1].Span.Of(text))) from--;
            if (from < verb) before = "… " + text[words[from].Start..words[verb].Start].Trim();
            else
            {
                int comma = before.IndexOf(',');
                before = (comma >= 0 ? before[..comma] : string.Join(' ', before.Split(' ').Take(LeadWords))) + " …";
            }
        }
        string verbText = Words.SingleSpaced(text[words[verb].Start..words[verb + length - 1].End]);
        return Words.SingleSpaced((before.Length > 0 ? before + " " : "") + verbText);
    }

    /// <summary>Whether a time expression opens at this word ("Thursday morning").</summary>
    private static bool StartsTime(AnalyzedArticle a, Token word) => a.Times.Any(t => t.Span.Start == word.Start);

    /// <summary>Whether a quotation opens before word <paramref name="k"/>: the words inside it were left out, so its mark lies in the gap.</summary>
    private static bool OpensQuotation(string text, List<Token> words, int k)
    {
        int from = k > 0 ? words[k - 1].End : words[k].Start;
        return text[from..words[k].Start].IndexOfAny(['“', '"']) >= 0;
    }
}
