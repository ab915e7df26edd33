using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Briefing.Summary;

/// <summary>Why a sentence is not a summary sentence, or <see cref="SummaryProblem.None"/> when it may be one.</summary>
public enum SummaryProblem
{
    None,

    /// <summary>No verb: a name, a title or a caption cut from its sentence ("Former Representative John Delaney.").</summary>
    NoVerb,

    /// <summary>The sentence splitter cut it at an abbreviation ("The Supreme Court ruled in 1898's U.S. v.").</summary>
    CutAtAbbreviation,

    /// <summary>Page furniture or a caption: a photo credit, a sign-up line, a line without final punctuation, a parenthesis.</summary>
    Furniture,

    /// <summary>It leans on the sentence before it: it opens with a pronoun or a linking word ("But the editor was not alone.").</summary>
    NeedsContext,

    /// <summary>Someone's words printed without quotation marks or a speaker: first or second person ("your parents don't …").</summary>
    UnattributedVoice,

    /// <summary>A judgement or an insult no one is said to have made ("… is a disgrace").</summary>
    UnattributedOpinion,

    /// <summary>A description, not an event: its only verb is a form of "be" ("Gibbs was on ABC's “This Week.”", "Weiner, 46, is married to …").</summary>
    Description,
}

/// <summary>
/// What makes a sentence fit to be a summary sentence, beside its corroboration: a whole clause with a verb, not cut at
/// an abbreviation, not a caption or a furniture line, readable without the sentence before it, and in the outlets' own
/// voice — an opinion is a summary sentence only when it says whose it is.
/// </summary>
public static partial class SummaryChecks
{
    private static readonly FrozenSet<string> CutAbbreviations = Lexicon.Set(typeof(SummaryChecks), "cut-abbreviations.lex", ignoreCase: false);
    private static readonly FrozenSet<string> Evaluative = Lexicon.Set(typeof(SummaryChecks), "evaluative.lex");
    private static readonly FrozenSet<string> Openers = Lexicon.Set(typeof(SummaryChecks), "conjunction-openers.lex", ignoreCase: false);
    private static readonly FrozenSet<string> FiniteVerbs = Lexicon.Set(typeof(Propositions.PropositionSplitter), "finite-verbs.lex");

    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(
        ["He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "That", "These", "Those", "We", "I", "You", "Our", "My", "Your",
         "It's", "It’s", "That's", "That’s", "He's", "He’s", "She's", "She’s", "They're", "They’re", "There's", "There’s"], StringComparer.Ordinal);

    /// <summary>Words of the first and second person: narration in an outlet's voice never uses them outside a quotation.</summary>
    private static readonly FrozenSet<string> Personal = FrozenSet.ToFrozenSet(
        ["I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "me", "my", "mine", "myself", "we", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll", "us", "our", "ours", "ourselves",
         "you", "you're", "you’re", "you've", "you’ve", "you'll", "you’ll", "your", "yours", "yourself", "yourselves"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="sentence"/> may be a sentence of the summary.</summary>
    public static bool IsNews(string sentence) => Check(sentence) == SummaryProblem.None;

    /// <summary>The first problem that keeps <paramref name="sentence"/> out of the summary, or <see cref="SummaryProblem.None"/>.</summary>
    public static SummaryProblem Check(string sentence)
    {
        string s = sentence.Trim();
        if (s.Length == 0) return SummaryProblem.NoVerb;
        if (Briefing.Furniture.Is(s) || s[^1] is not ('.' or '!' or '?' or '”' or '"' or '’' or '\'') || (s[0] == '(' && s.TrimEnd('.')[^1] == ')'))
        {
            return SummaryProblem.Furniture;
        }
        var outside = Unquoted(s);
        var words = Words(outside);
        if (words.Count == 0) return SummaryProblem.UnattributedVoice;
        if (CutAtAbbreviation(s) || Spliced().IsMatch(outside)) return SummaryProblem.CutAtAbbreviation;
        if (Leaning.IsClauseFragment(words, outside) || Leaning.IsDescribedNameOnly(words, outside, IsVerb)) return SummaryProblem.NoVerb;
        if (words.Any(w => Personal.Contains(w) && w != "US")) return SummaryProblem.UnattributedVoice;
        if (!Words(s).Any(IsVerb)) return SummaryProblem.NoVerb;
        // "[Xi Jinping] emphasized …": a claim whose subject the brief supplies in brackets reads on its own.
        string first = s[0] == '[' ? "" : FirstWord(s);
        if (Pronouns.Contains(first) || Openers.Contains(first)) return SummaryProblem.NeedsContext;
        if (Leaning.HasUnnamedActor(words) || Leaning.OpensOnPronounAfterPhrase(outside) || Leaning.HasPronounSpeaker(outside) || Leaning.IsTeaser(outside) || Leaning.PointsBack(words, IsVerb))
        {
            return SummaryProblem.NeedsContext;
        }
        bool attributed = words.Any(SpeechVerbs.Contains) || outside.Contains("according to", StringComparison.OrdinalIgnoreCase);
        if (!attributed && words.Any(Evaluative.Contains)) return SummaryProblem.UnattributedOpinion;
        // "The key vote … could belong to Justice Kennedy": a guess no one is said to make is the writer's analysis.
        if (!attributed && words.Any(w => w is "could" or "might")) return SummaryProblem.UnattributedOpinion;
        if (IsDescription(words)) return SummaryProblem.Description;
        return SummaryProblem.None;
    }

    /// <summary>
    /// Two sentences the splitter joined at a dotted abbreviation ("… in Washington, D.C. The president then …"): an
    /// abbreviation of capitals followed by a word that only opens a sentence.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[A-Z]\.){2,}\s+(?:The|A|An|He|She|It|They|We|In|On|At|But|And|This|That|His|Her|Their|There|Its)\s")]
    private static partial System.Text.RegularExpressions.Regex Spliced();

    private static readonly FrozenSet<string> Be = FrozenSet.ToFrozenSet(["is", "are", "was", "were", "been"], StringComparer.Ordinal);

    /// <summary>
    /// A sentence whose only verb outside its quotations is a form of "be", a participle right after it reading as an
    /// adjective before "to" ("is married to"): who someone is or where they were, a side remark beside the story's events.
    /// </summary>
    private static bool IsDescription(List<string> words)
    {
        bool be = false;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if (Be.Contains(w)) { be = true; continue; }
            if (!IsVerb(w) || InNounPhrase(words, i)) continue;
            bool adjective = i > 0 && Be.Contains(words[i - 1]) && w.EndsWith("ed", StringComparison.Ordinal) && i + 1 < words.Count && words[i + 1] == "to";
            if (!adjective) return false;
        }
        return be;
    }

    private static readonly FrozenSet<string> NounPhraseOpeners = FrozenSet.ToFrozenSet(
        ["of", "the", "a", "an", "his", "her", "their", "its", "our", "for", "in", "on", "with", "from", "about", "at", "into", "by"], StringComparer.Ordinal);

    /// <summary>
    /// A word in -s that is a plural inside a noun phrase, not a verb: right after a determiner or preposition, or one word
    /// after one ("a supporter of gun rights"). Only a guess by form, so it is used only to read a sentence as a description.
    /// </summary>
    private static bool InNounPhrase(List<string> words, int i) =>
        !FiniteVerbs.Contains(words[i]) && !SpeechVerbs.Contains(words[i]) && words[i].EndsWith('s')
        && ((i > 0 && NounPhraseOpeners.Contains(words[i - 1])) || (i > 1 && NounPhraseOpeners.Contains(words[i - 2]) && !IsVerb(words[i - 1])));

    /// <summary>A verb by its form, without a tagger: a finite form of the lexicon, a speech verb, or a lowercase word in -ed or -s.</summary>
    private static bool IsVerb(string w) =>
        char.IsLower(w[0]) && (FiniteVerbs.Contains(w) || SpeechVerbs.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
            || (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("ous", StringComparison.Ordinal)));

    /// <summary>Ends on an abbreviation that stands before what it abbreviates, or on a lone initial ("v.", "J.").</summary>
    private static bool CutAtAbbreviation(string s)
    {
        string t = s.TrimEnd('”', '"', '’', '\'', ')', ' ');
        if (!t.EndsWith('.')) return false;
        int space = t.LastIndexOf(' ');
        string last = t[(space + 1)..^1].TrimStart('(', '“', '"', '‘');
        if (last.Length == 0 || last.Contains('.')) return false; // "U.S." closes a sentence as well as any word
        return CutAbbreviations.Contains(last) || (last.Length == 1 && char.IsLetter(last[0]) && last != "I");
    }

    /// <summary>The text with every quotation left out: what the outlet says in its own voice.</summary>
    private static string Unquoted(string s)
    {
        var spans = Stages.Sentences.QuotationMarks.Spans(s).ToList();
        if (spans.Count == 0)
        {
            // An opening mark never closed runs to the end of the sentence.
            int open = s.IndexOfAny(['“', '"']);
            return open >= 0 ? s[..open] : s;
        }
        var sb = new System.Text.StringBuilder();
        int at = 0;
        foreach (var sp in spans)
        {
            int start = Math.Max(at, sp.Start - 1);
            sb.Append(s, at, start - at).Append(' ');
            at = Math.Min(s.Length, sp.End + 1);
        }
        if (at < s.Length) sb.Append(s, at, s.Length - at);
        return sb.ToString();
    }

    private static List<string> Words(string s) =>
        [.. s.Split([' ', ',', ';', ':', '—', '–', '(', ')', '[', ']', '.', '!', '?', '“', '”', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('‘', '’', '\'')).Where(w => w.Length > 0 && char.IsLetter(w[0]))];

    private static string FirstWord(string s)
    {
        var w = Words(s);
        return w.Count == 0 ? "" : w[0];
    }
}
