using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Stages.Sentences;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>
/// Words in quotation marks that nobody said: a programme's, book's or campaign's title, a crowd's chant or a sign's wording,
/// and a question put to the person named beside it.
/// </summary>
public static partial class QuoteExtractor
{
    /// <summary>What a quoted phrase is when it is not a statement by the person near it.</summary>
    private enum Unspoken
    {
        /// <summary>A statement: someone said these words.</summary>
        No,

        /// <summary>"told ABC's “This Week”", "his memoir, “The Threat”": a name of a work, never a quotation.</summary>
        Title,

        /// <summary>"the crowd chanted “lock her up”", "a sign reading “Not Welcome Here”": words of many, or of an object.</summary>
        Chant,

        /// <summary>"was asked “Are you running?”": a question put to the person named beside it.</summary>
        Question,
    }

    /// <summary>Nouns for a programme, a book, a film or a campaign: a capitalised quoted phrase beside one is its title.</summary>
    private static readonly FrozenSet<string> WorkNouns = Lexicon.Set(typeof(QuoteExtractor), "work-nouns.lex");

    /// <summary>Words a programme's title follows ("told “Fox &amp; Friends”", "appeared on “This Week”").</summary>
    private static readonly FrozenSet<string> TitleLeadIns = Lexicon.Set(typeof(QuoteExtractor), "title-lead-ins.lex", ignoreCase: false);

    /// <summary>Small words a title leaves in lower case ("Face the Nation", "Axios on HBO").</summary>
    private static readonly FrozenSet<string> TitleSmallWords = Lexicon.Set(typeof(QuoteExtractor), "title-small-words.lex", ignoreCase: false);

    /// <summary>Verbs and nouns of chanting ("chanted", "chants of").</summary>
    private static readonly FrozenSet<string> ChantWords = Lexicon.Set(typeof(QuoteExtractor), "chant-words.lex");

    /// <summary>Things that carry words ("a sign reading", "T-shirts that said", the campaign's "slogan").</summary>
    private static readonly FrozenSet<string> SignNouns = Lexicon.Set(typeof(QuoteExtractor), "sign-nouns.lex");

    /// <summary>Last words of place and building names of two or more words that never speak (<c>unspeaking-heads.lex</c>).</summary>
    private static readonly FrozenSet<string> UnspeakingHeads = Lexicon.Set(typeof(QuoteExtractor), "unspeaking-heads.lex", ignoreCase: false);

    /// <summary>Counts and abbreviations that never speak, alone or ending a name (<c>unspeaking-words.lex</c>).</summary>
    private static readonly FrozenSet<string> UnspeakingWords = Lexicon.Set(typeof(QuoteExtractor), "unspeaking-words.lex", ignoreCase: false);

    /// <summary>
    /// Only people and organisations speak: a building or a place named for its building ("Trump Tower", "East Room"), a count
    /// ("Nine", "14 percent"), a party label ("R-Texas") or a bare abbreviation ("Dept") is never a speaker, so the search for
    /// one looks past it. The words in the text decide, not the name they were linked to.
    /// </summary>
    internal static bool CanSpeak(string text, Entity e)
    {
        var name = text.AsSpan(e.Span.Start, e.Span.End - e.Span.Start).Trim();
        if (name.Length == 0 || char.IsDigit(name[0])) return false;
        if (name.Length > 2 && name[1] == '-' && name[0] is 'R' or 'D' or 'I') return false; // "R-New York", "D-Calif."
        int space = name.LastIndexOf(' ');
        var last = (space < 0 ? name : name[(space + 1)..]).TrimEnd('.');
        return !UnspeakingWords.Has(last) && !(space >= 0 && UnspeakingHeads.Has(last));
    }

    /// <summary>The entities that may speak, in text order; the same list when all may.</summary>
    private static IReadOnlyList<Entity> Speakers(string text, IReadOnlyList<Entity> entities)
    {
        foreach (var e in entities)
        {
            if (!CanSpeak(text, e)) return [.. entities.Where(x => CanSpeak(text, x))];
        }
        return entities;
    }

    /// <summary>How many words a title runs to at most; a longer quoted phrase is a sentence someone said.</summary>
    private const int TitleWords = 7;

    /// <summary>Decides whether the quotation <paramref name="content"/> is a title, a chant or a question rather than someone's statement.</summary>
    private static Unspoken Classify(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, Span content)
    {
        int open = Tokenizer.FirstAtOrAfter(tokens, content.Start) - 1; // the opening quotation mark
        int close = Tokenizer.FirstAtOrAfter(tokens, content.End);
        while (close < tokens.Count && close < open + 200 && !SentenceSplitter.IsQuoteAt(text, tokens[close].Start)) close++;
        int first = Tokenizer.FirstAtOrAfter(tokens, SentenceStartBefore(sentences, content.Start));
        if (open < 0) return Unspoken.No;
        if (LooksLikeTitle(text, content) && TitleContext(text, tokens, open, close, first)) return Unspoken.Title;
        if (NamesAThing(text, tokens, content, close)) return Unspoken.Title;

        // "Asked what we can do to combat “misinformation and lies”, he responded": a quotation inside the opening "asked"
        // clause, before its comma, is part of the question put to the speaker.
        int lead = first + Tokenizer.PunctuationRun(tokens, first, open);
        if (lead < open && (W(text, tokens[lead]) is "Asked" || (lead + 1 < open && W(text, tokens[lead]) is "When" or "If" && W(text, tokens[lead + 1]) is "asked")))
        {
            bool comma = false;
            for (int k = lead + 1; k < open && !comma; k++) comma = W(text, tokens[k]) is "," or ";" or ":";
            if (!comma) return Unspoken.Question;
        }

        // Look back from the quotation through its own clause: the nearest cue decides whose words these are.
        for (int k = open - 1; k >= first && k >= open - 6; k--)
        {
            var w = W(text, tokens[k]);
            if (w is "." or ";" or "”" or "“" or "\"" or "''") break;
            if (ChantWords.Has(w)) return Unspoken.Chant;
            // "a sign reading", "signs that said", "T-shirts with": the object carries the words.
            if (SignNouns.Has(w) && k < open - 1 && W(text, tokens[k + 1]) is "reading" or "read" or "reads" or "that" or "which" or "saying" or "said" or "says" or "with" or "bearing" or "proclaiming" or "declaring" or "of" or ",") return Unspoken.Chant;
            if (SignNouns.Has(w) && k == open - 1) return Unspoken.Chant; // "the slogan “Make America Great Again”"
            // "faced the question “Would you run?”": a question named as such, unless its asker is the subject ("asked the question").
            if (w is "question" or "questions" && k >= open - 3 && text[content.End - 1] == '?' && !(k >= first + 2 && W(text, tokens[k - 2]) is "asked" or "asks" or "posed" or "raised" or "put")) return Unspoken.Question;
            if (w is "asked" or "Asked")
            {
                // "was asked “…”", "Asked “…,” he said", "when asked by a reporter": the words were put to the person, not said by them.
                var before = k > first ? W(text, tokens[k - 1]) : default;
                bool passive = k == first || before is "was" or "were" or "been" or "being" or "is" or "are" or "when" or "When" || (k + 1 < tokens.Count && W(text, tokens[k + 1]) is "by");
                return passive ? Unspoken.Question : Unspoken.No;
            }
            if (IsSpeechVerb(w))
            {
                // "a sign that said “Not Welcome Here”": the sign's words; "When asked …, Priebus responded, “…”": the answer's.
                bool sign = k > first && (SignNouns.Has(W(text, tokens[k - 1])) || (k - 1 > first && W(text, tokens[k - 1]) is "that" or "which" && SignNouns.Has(W(text, tokens[k - 2]))));
                return sign ? Unspoken.Chant : Unspoken.No;
            }
        }
        return Unspoken.No;
    }

    /// <summary>Nouns a few quoted words can name (<c>label-nouns.lex</c>).</summary>
    private static readonly FrozenSet<string> LabelNouns = Lexicon.Set(typeof(QuoteExtractor), "label-nouns.lex", ignoreCase: false);

    /// <summary>The most words a quoted name of a thing runs to ("the “sanctuary state” law").</summary>
    private const int LabelWords = 4;

    /// <summary>"the “sanctuary state” law", "the “three strikes” policy": a few quoted words written right before a noun they name.</summary>
    private static bool NamesAThing(string text, IReadOnlyList<Token> tokens, Span content, int close)
    {
        if (content.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > LabelWords) return false;
        if (text[content.End - 1] is ',' or '.' or '?' or '!' or ';' or ':') return false;
        int next = close + 1;
        return next < tokens.Count && tokens[next].Start - tokens[close].End <= 1 && LabelNouns.Has(W(text, tokens[next]));
    }

    /// <summary>A short phrase of capitalised words ("Face the Nation", "Fox &amp; Friends"), not a sentence.</summary>
    private static bool LooksLikeTitle(string text, Span content)
    {
        var words = content.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > TitleWords || !char.IsUpper(words[0][0])) return false;
        // A full stop inside the closing mark is how American papers end a sentence on a title ("on NBC's “Meet the Press.”");
        // a comma or a colon there belongs to speech.
        if (text[content.End - 1] is ',' or ';' or ':') return false;
        if (text[content.End - 1] == '.' && words.Length < 2) return false;
        foreach (var word in words)
        {
            if (TitleSmallWords.Contains(word) || !char.IsLetter(word[0])) continue;
            if (!char.IsUpper(word[0])) return false;
        }
        return true;
    }

    /// <summary>
    /// Where a title stands: after a possessive or a lead-in ("CBS’s “Face the Nation”", "told “Fox &amp; Friends”"),
    /// or beside a noun for a work ("the “Audit the Fed” rally", "his memoir, “The Threat”").
    /// </summary>
    private static bool TitleContext(string text, IReadOnlyList<Token> tokens, int open, int close, int first)
    {
        int next = close + 1;
        while (next < tokens.Count && W(text, tokens[next]) is ",") next++;
        if (next < tokens.Count && next <= close + 2 && WorkNouns.Has(W(text, tokens[next]))) return true;
        if (open - 1 < first) return false;
        var prev = W(text, tokens[open - 1]);
        if (prev is "’s" or "'s" or "’" or "'" && open - 2 >= first && char.IsUpper(text[tokens[open - 2].Start])) return true; // ABC's “This Week”
        if (TitleLeadIns.Contains(prev.ToString())) return true;
        // "his memoir, “The Threat”", "an article called “Evidence Over Hysteria”": a noun for a work just before.
        for (int k = open - 1; k >= first && k >= open - 4; k--)
        {
            var w = W(text, tokens[k]);
            if (WorkNouns.Has(w)) return true;
            if (!(w is "," or "called" or "titled" or "entitled" or "dubbed" or "named" || (k < open - 1 && tokens[k].Kind == TokenKind.Word))) break;
        }
        return false;
    }
}
