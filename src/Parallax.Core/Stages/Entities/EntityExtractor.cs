using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stages.Entities;

/// <summary>A capitalised name found in text, with any title written before it, not yet typed or resolved.</summary>
public sealed record EntityMention(Span Span, string Text, string? Title, bool SentenceInitial, bool InHeading, bool AfterRoleNoun)
{
    /// <summary>Written after a courtesy title ("Mr. King", "Ms. Leavitt"): a person's family name.</summary>
    public bool Courtesy { get; init; }
}

/// <summary>Finds runs of capitalised words that name something, splitting off titles ("Chinese President") and sentence-initial common words.</summary>
public static class EntityExtractor
{
    private static readonly FrozenSet<string> Connectors = FrozenSet.Create(StringComparer.Ordinal, "of", "de", "la", "del", "van", "von", "bin", "al", "der", "du", "da", "&");

    public static IReadOnlyList<EntityMention> Extract(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Span> excludedSpans)
    {
        var excluded = Coverage.Of(text.Length, excludedSpans);
        var result = new List<EntityMention>();
        int ti = 0;
        foreach (var sentence in sentences)
        {
            int first = ti;
            while (first < tokens.Count && tokens[first].Start < sentence.Span.Start) first++;
            int last = first;
            while (last < tokens.Count && tokens[last].End <= sentence.Span.End) last++;
            ti = last;
            bool heading = IsHeading(text, tokens, first, last, sentence.Span);
            int i = first;
            while (i < last)
            {
                if (!IsNameToken(text, tokens[i], excluded))
                {
                    i++;
                    continue;
                }
                int start = i, end = i + 1;
                while (end < last)
                {
                    if (IsNameToken(text, tokens[end], excluded) && tokens[end].Start - tokens[end - 1].End <= 1 && !text.AsSpan(tokens[end - 1].End, tokens[end].Start - tokens[end - 1].End).Contains('\n'))
                    {
                        end++;
                    }
                    else if (end + 1 < last && Connectors.Contains(text[tokens[end].Start..tokens[end].End]) && IsNameToken(text, tokens[end + 1], excluded))
                    {
                        end += 2;
                    }
                    else if (end + 1 < last && (IsInitialDot(text, tokens, end) || IsTitleDot(text, tokens, end)) && IsNameToken(text, tokens[end + 1], excluded) && tokens[end + 1].Start - tokens[end].End <= 1)
                    {
                        end += 1; // a middle initial, "Jason C. Ervin", or an abbreviated title, "Gov. Rick Perry"
                    }
                    else if (NameRuns.Inserted(text, tokens, first, start, end, last, t => IsNameToken(text, t, excluded)) is int skip and > 0)
                    {
                        end += skip; // a nickname in quotes, "William “Mo” Cowan", or an editor's bracket, "(strongman Moammar) Gadhafi"
                    }
                    else if (end < last && tokens[end].Start - tokens[end - 1].End == 1 && NameRuns.ArticlePrefixed(text, tokens[end])
                        && !EntityLexicons.Places.ContainsKey(Word(text, tokens[end - 1])))
                    {
                        end++; // "Bashar al-Assad": a lower-case article joined to a family name continues the name ("Iraq al-Qaeda" does not)
                    }
                    else
                    {
                        break;
                    }
                }
                AddRun(text, tokens, start, end, first, heading, result);
                i = end;
            }
        }
        return result;
    }

    private static void AddRun(string text, IReadOnlyList<Token> tokens, int start, int end, int sentenceFirst, bool heading, List<EntityMention> result)
    {
        bool initial = IsSentenceInitial(tokens, start, sentenceFirst);
        // Leading function words are never part of a name: "The White House", "In Beijing".
        while (start < end && !IsAmpersandCompound(text, tokens, start, end) && (Words.Stop.Has(WordSpan(text, tokens[start]))
            || (initial && start == sentenceFirst + Tokenizer.PunctuationRun(tokens, sentenceFirst, tokens.Count) && !IsKnownName(Word(text, tokens[start])) && !EntityLexicons.Titles.Has(WordSpan(text, tokens[start]))
                && (EntityLexicons.Openers.Has(WordSpan(text, tokens[start])) || Words.UsedInLowerCase(text, Word(text, tokens[start]))))))
        {
            start++;
            initial = false;
        }
        // The period of a courtesy title dropped above ("Mr. Burman") is no part of the name either; after one, even a word
        // that is also a title is a family name ("Mr. King").
        while (start < end && tokens[start].Kind == TokenKind.Punctuation) start++;
        bool courtesy = (start > 0 && (IsCourtesyTitle(WordSpan(text, tokens[start - 1]).TrimEnd('.')) || WordSpan(text, tokens[start - 1]) is "Miss"))
            || (start > 1 && tokens[start - 1].Kind == TokenKind.Punctuation && IsCourtesyTitle(WordSpan(text, tokens[start - 2])));
        if (start >= end) return;
        // "an Iowa Democrat": a place with a party label names the place, not a person.
        if (end - start > 1 && PartyLabels.Has(WordSpan(text, tokens[end - 1])) && EntityLexicons.Places.ContainsKey(Phrase(text, tokens, start, end - 1)))
        {
            AddQualifier(text, tokens, start, end, initial, heading, result);
            return;
        }
        // Titles: everything up to the last title word is the role, what follows is the name.
        int lastTitle = -1;
        for (int k = start; k < end - 1; k++)
        {
            if (IsTitleWord(text, tokens, k)) lastTitle = k;
        }
        string? title = null;
        if (lastTitle >= 0 && !Connectors.Has(WordSpan(text, tokens[lastTitle + 1])) && NamesAnInstitution(text, tokens, lastTitle + 1, end))
        {
            lastTitle = -1; // "Foreign Ministry" is an organisation, not a minister called Ministry
        }
        // "Associated Press", "Detroit Free Press": a last word that is a title and also names a body, with no other title
        // before it, ends an organisation's name rather than a role.
        bool bodyName = end - start > 1 && lastTitle < 0 && EntityLexicons.OrgWords.Has(WordSpan(text, tokens[end - 1]));
        if (IsTitleWord(text, tokens, end - 1) && !(courtesy && end - start == 1) && !bodyName)
        {
            // The run ends on a role ("US Ambassador", "Prime Minister"): keep only a place or organisation before it.
            int firstTitle = start;
            while (firstTitle < end && !IsTitleWord(text, tokens, firstTitle)) firstTitle++;
            if (firstTitle > start)
            {
                AddQualifier(text, tokens, start, firstTitle, initial, heading, result);
            }
            return;
        }
        if (lastTitle >= 0)
        {
            // A place or organisation written before the role ("White House Press Secretary") is a mention of its own.
            int firstTitle = start;
            while (firstTitle <= lastTitle && !IsTitleWord(text, tokens, firstTitle)) firstTitle++;
            if (firstTitle > start)
            {
                AddQualifier(text, tokens, start, firstTitle, initial, heading, result);
            }
            if (IsTitleDot(text, tokens, lastTitle + 1)) lastTitle++; // the period of "Gov." belongs to the title
            title = Phrase(text, tokens, start, lastTitle + 1);
            start = lastTitle + 1;
            initial = false;
            if (Connectors.Has(WordSpan(text, tokens[start])))
            {
                // "Director of National Intelligence James Clapper": the role runs on to the person's given name.
                int given = start + 1;
                while (given < end - 1 && !EntityLexicons.GivenNames.Has(WordSpan(text, tokens[given]))) given++;
                if (given < end - 1 && given > start + 1)
                {
                    title += " " + Phrase(text, tokens, start, given);
                    start = given;
                }
                else
                {
                    // "CEO of World Wrestling Entertainment": the role belongs to someone named elsewhere; what follows is an organisation.
                    if (start + 1 < end) result.Add(new EntityMention(new Span(tokens[start + 1].Start, tokens[end - 1].End), Phrase(text, tokens, start + 1, end), null, false, heading, false));
                    return;
                }
            }
        }
        else if (end - start == 1 && EntityLexicons.Titles.Has(WordSpan(text, tokens[start])) && !courtesy)
        {
            return; // "President" alone names no one
        }
        // "Republican Mitt Romney", "Arizonan John McCain": a party or home label before a given name is part of the role.
        if (end - start > 2 && (PartyLabels.Has(WordSpan(text, tokens[start])) || EntityLexicons.Demonyms.Has(WordSpan(text, tokens[start])))
            && EntityLexicons.GivenNames.Has(WordSpan(text, tokens[start + 1])))
        {
            title = title is null ? Word(text, tokens[start]) : title + " " + Word(text, tokens[start]);
            start++;
            initial = false;
        }
        // "Japan George Glass", "Joint Chiefs Martin Dempsey": a place or body run straight into a person's first name.
        for (int k = start + 1; k < end - 1; k++)
        {
            if (EntityLexicons.GivenNames.Has(WordSpan(text, tokens[k]))
                && (EntityLexicons.Places.ContainsKey(Phrase(text, tokens, start, k)) || (k - start >= 2 && !Enumerable.Range(start, k - start).Any(j => EntityLexicons.GivenNames.Has(WordSpan(text, tokens[j]))))))
            {
                result.Add(new EntityMention(new Span(tokens[start].Start, tokens[k - 1].End), Phrase(text, tokens, start, k), null, initial, heading, false));
                start = k;
                break;
            }
        }
        // "Prime Minister Sanae Takaichi of Japan": a person's name stops before "of" and a place, which is a mention of its own.
        // "Bank of Japan" stays whole: only a run with a title or opening on a given name is a person here.
        EntityMention? placeAfter = null;
        // "Central Elections Commission of Turkmenistan": a body of two words or more, then "of" and a known place, is the
        // body and the place ("Bank of America", one word before "of", stays whole).
        for (int k = start + 2; k < end - 1 && title is null; k++)
        {
            if (WordSpan(text, tokens[k]) is "of" && EntityLexicons.OrgWords.Has(WordSpan(text, tokens[k - 1])) && EntityLexicons.Places.ContainsKey(Phrase(text, tokens, k + 1, end)))
            {
                placeAfter = new EntityMention(new Span(tokens[k + 1].Start, tokens[end - 1].End), Phrase(text, tokens, k + 1, end), null, false, heading, false);
                end = k;
                break;
            }
        }
        if (placeAfter is null && (title is not null || EntityLexicons.GivenNames.Has(WordSpan(text, tokens[start])) || PersonLikeBeforeOf(text, tokens, start, end)))
        {
            bool namedPerson = EntityLexicons.GivenNames.Has(WordSpan(text, tokens[start]));
            for (int k = start + 2; k < end - 1; k++)
            {
                // "William McGinley of Patton Boggs": after a given and a family name, "of" starts the person's place or firm.
                if (WordSpan(text, tokens[k]) is "of" && (EntityLexicons.Places.ContainsKey(Phrase(text, tokens, k + 1, end)) || (namedPerson && k - start is 2 or 3)))
                {
                    placeAfter = new EntityMention(new Span(tokens[k + 1].Start, tokens[end - 1].End), Phrase(text, tokens, k + 1, end), null, false, heading, false);
                    end = k;
                    break;
                }
            }
        }
        string name = NameRuns.WithoutInsertions(Phrase(text, tokens, start, end));
        if (EntityLexicons.Demonyms.Contains(name)) return;
        bool afterRole = title is null && start > 0 && EntityLexicons.RoleNouns.Has(WordSpan(text, tokens[start - 1])) && char.IsLower(text[tokens[start - 1].Start]);
        if (afterRole) title = Word(text, tokens[start - 1]);
        result.Add(new EntityMention(new Span(tokens[start].Start, tokens[end - 1].End), name, title, initial, heading, afterRole) { Courtesy = courtesy && title is null });
        if (placeAfter is not null) result.Add(placeAfter);
    }

    /// <summary>
    /// The place or organisation written before a role ("White House Press Secretary", "Iowa Democratic Rep.") as a mention
    /// of its own; a trailing party label is the person's, not part of the place's name.
    /// </summary>
    private static void AddQualifier(string text, IReadOnlyList<Token> tokens, int start, int end, bool initial, bool heading, List<EntityMention> result)
    {
        if (end - start > 1 && PartyLabels.Has(WordSpan(text, tokens[end - 1]))) end--;
        if (EntityLexicons.Demonyms.Contains(Phrase(text, tokens, start, end))) return;
        result.Add(new EntityMention(new Span(tokens[start].Start, tokens[end - 1].End), Phrase(text, tokens, start, end), null, initial, heading, false));
    }

    /// <summary>"Ryck Perry of Texas": two or three plain capitalised words, none naming a body or a place, then "of".</summary>
    private static bool PersonLikeBeforeOf(string text, IReadOnlyList<Token> tokens, int start, int end)
    {
        int of = start;
        while (of < end && WordSpan(text, tokens[of]) is not "of") of++;
        if (of - start is < 2 or > 3 || of >= end - 1) return false;
        for (int k = start; k < of; k++)
        {
            var w = WordSpan(text, tokens[k]);
            if (tokens[k].Kind != TokenKind.Word || EntityLexicons.OrgWords.Has(w) || EntityLexicons.PlaceWords.Has(w) || EntityLexicons.Places.Has(w)) return false;
        }
        return true;
    }

    private static readonly FrozenSet<string> PartyLabels = FrozenSet.Create(StringComparer.Ordinal, "Democrat", "Democrats", "Democratic", "Republican", "Republicans", "GOP");

    private static bool NamesAnInstitution(string text, IReadOnlyList<Token> tokens, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (EntityLexicons.OrgWords.Has(WordSpan(text, tokens[k]))) return true;
        }
        return EntityLexicons.Places.ContainsKey(Phrase(text, tokens, start, end)) && end - start > 1;
    }

    private static bool IsKnownName(string word) =>
        EntityLexicons.Places.ContainsKey(word) || EntityLexicons.Organizations.Contains(word) || EntityLexicons.GivenNames.ContainsKey(word);

    private static bool IsNameToken(string text, Token t, Coverage excluded)
    {
        if (t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start])) return false;
        if (t.Start > 0 && char.IsDigit(text[t.Start - 1])) return false; // "1B", "3D", "9News": a code glued to a number
        int dash = text.LastIndexOf('-', t.End - 1, t.Length);
        if (dash > t.Start && dash + 1 < t.End && char.IsLower(text[dash + 1])) return false; // "Washington-based", "U.S.-led"
        return !excluded.Overlaps(t.Span);
    }

    /// <summary>True when token <paramref name="k"/> is the period of an initial ("C." in "Jason C. Ervin").</summary>
    private static bool IsInitialDot(string text, IReadOnlyList<Token> tokens, int k) =>
        k > 0 && text[tokens[k].Start] == '.' && tokens[k].Length == 1 && tokens[k - 1].End == tokens[k].Start
        && tokens[k - 1].Length == 1 && char.IsUpper(text[tokens[k - 1].Start]);

    private static bool IsCourtesyTitle(ReadOnlySpan<char> w) => w is "Mr" or "Mrs" or "Ms" or "Dr";

    /// <summary>True when token <paramref name="k"/> is the period of an abbreviated title ("." in "Gov. Rick Perry", "Sen. Warren").</summary>
    private static bool IsTitleDot(string text, IReadOnlyList<Token> tokens, int k) =>
        k > 0 && k < tokens.Count && text[tokens[k].Start] == '.' && tokens[k].Length == 1 && tokens[k - 1].End == tokens[k].Start
        && tokens[k - 1].Kind == TokenKind.Word && (EntityLexicons.Titles.Has(WordSpan(text, tokens[k - 1])) || EntityLexicons.TitleAbbreviations.Has(WordSpan(text, tokens[k - 1])));

    /// <summary>"AT&amp;T": a capitalised word glued to an ampersand is part of the name, even one that is also a function word.</summary>
    private static bool IsAmpersandCompound(string text, IReadOnlyList<Token> tokens, int k, int end) =>
        k + 1 < end && tokens[k + 1].Start == tokens[k].End && text[tokens[k + 1].Start] == '&' && char.IsUpper(text[tokens[k].Start]);

    /// <summary>
    /// True when token <paramref name="k"/> is a title word ("Secretary", "Gov.") or a title's abbreviation written with
    /// its period ("Lt." and "Col." in "Lt. Col. Nina Hill"; "Gen Z" without one is no general).
    /// </summary>
    private static bool IsTitleWord(string text, IReadOnlyList<Token> tokens, int k)
    {
        var w = WordSpan(text, tokens[k]);
        return EntityLexicons.Titles.Has(w) || EntityLexicons.Titles.Has(w.TrimEnd('.'))
            || (EntityLexicons.TitleAbbreviations.Has(w) && IsTitleDot(text, tokens, k + 1));
    }

    private static bool IsSentenceInitial(IReadOnlyList<Token> tokens, int index, int sentenceFirst) =>
        index == sentenceFirst + Tokenizer.PunctuationRun(tokens, sentenceFirst, tokens.Count);

    /// <summary>A headline line: no final punctuation and mostly capitalised words.</summary>
    private static bool IsHeading(string text, IReadOnlyList<Token> tokens, int first, int last, Span sentence)
    {
        if (last - first < 2) return false;
        char end = text[sentence.End - 1];
        if (end is '.' or '!' or '?' or '”' or '"' or ':' or ')') return false;
        int words = 0, caps = 0;
        for (int k = first; k < last; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            words++;
            if (char.IsUpper(text[tokens[k].Start])) caps++;
        }
        return words > 0 && caps * 2 >= words;
    }

    internal static string Word(string text, Token t) => text[t.Start..t.End];

    private static ReadOnlySpan<char> WordSpan(string text, Token t) => text.AsSpan(t.Start, t.End - t.Start);

    private static string Phrase(string text, IReadOnlyList<Token> tokens, int start, int end) => text[tokens[start].Start..tokens[end - 1].End];
}
