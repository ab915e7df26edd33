using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Briefing.Quotes;

/// <summary>How two renderings of one remark differ once a paper's style is set aside.</summary>
public enum WordingChange
{
    /// <summary>The same words: a paper's style, an excerpt, a marked cut or a switch to reported speech.</summary>
    None,

    /// <summary>Only little words ("a"/"the", "or"/"and") or a word's ending differ.</summary>
    Minor,

    /// <summary>A word that carries meaning is changed, added or dropped inside the quoted words.</summary>
    Substantive,
}

/// <summary>
/// Two renderings of a quote aligned word by word: how many words align, how many are compared (the aligned ones and every
/// difference inside them, counted on its longer side), the longest aligned run, the differences by weight, and how many
/// ends are framed in other words on both sides (the mark of two remarks, or of a paraphrase, rather than one remark).
/// </summary>
public sealed record WordingComparison(int Aligned, int Compared, int LongestRun, int Substantive, int Minor, int Reframed)
{
    /// <summary>The share of the compared words that align: near 1 for one remark, about a half for two remarks on a topic.</summary>
    public double Share => Compared == 0 ? 0 : (double)Aligned / Compared;

    public WordingChange Change => Substantive > 0 ? WordingChange.Substantive : Minor > 0 ? WordingChange.Minor : WordingChange.None;
}

/// <summary>
/// Compares two renderings of a quote (their words as <see cref="QuoteGrouper"/> normalises them: folded, contractions and
/// abbreviations spelled out, "…" where a cut is marked) and says how sure it is that they are one remark worded two ways.
/// What is a paper's style and not a rewording: a censored word ("f***ing"), an excerpt (one rendering running on past the
/// other at either end), a cut marked with an ellipsis, and a switch to reported speech ("I look forward" / "he looks
/// forward"). A word changed, added or dropped inside the words both print is a rewording.
/// </summary>
public static class QuoteWording
{
    /// <summary>Stands in a quote's words where its source marks a cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>Little words whose change leaves the remark's sense ("a circus"/"the circus", "rules or regulations"/"rules and regulations").</summary>
    private static readonly FrozenSet<string> Little = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "the", "and", "or", "but", "so", "that", "this", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
        "is", "are", "was", "were", "be", "am", "it", "there", "then", "well", "oh", "now");

    /// <summary>Pronouns by grammatical person: a rendering in reported speech swaps one person for another ("I" / "he").</summary>
    private static readonly FrozenDictionary<string, int> Person = new[]
    {
        "i me my mine myself we us our ours ourselves",
        "you your yours yourself yourselves",
        "he him his she her hers they them their theirs himself herself themselves",
    }.SelectMany((words, person) => words.Split(' ').Select(w => (Word: w, Person: person + 1))).ToFrozenDictionary(x => x.Word, x => x.Person, StringComparer.Ordinal);

    /// <summary>Verb forms that follow the person of their subject ("I am" / "he is", "I have" / "she has").</summary>
    private static readonly FrozenSet<string> Agreeing = FrozenSet.Create(StringComparer.Ordinal, "am", "is", "are", "was", "were", "have", "has", "do", "does");

    /// <summary>The least confidence at which two wordings are kept as a dispute at all (shown or held back).</summary>
    public const double Considered = 0.05;

    /// <summary>Most word pairs two renderings are aligned over (about 700 words each).</summary>
    private const long MaxCells = 500_000;

    /// <summary>Most words on each side an end may be put another way and still be one rewording ("As" / "I think").</summary>
    private const int EdgeChange = 2;

    /// <summary>Aligns two renderings and weighs their differences.</summary>
    public static WordingComparison Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var (wa, cutA) = WithoutCuts(a);
        var (wb, cutB) = WithoutCuts(b);
        // A remark is a sentence or two: renderings far longer are run-on text, not aligned (the table would be huge).
        if ((long)wa.Length * wb.Length > MaxCells) return new WordingComparison(0, Math.Min(wa.Length, wb.Length), 0, 0, 0, 0);
        var pairs = Align(wa, wb);
        // A lone little word matched at one end ("I" before "quickly judged …") is chance, not an anchor: the rendering
        // starts (or stops) after it, an excerpt.
        while (pairs.Count > 1 && IsLoneLittle(pairs, 0, wa)) pairs.RemoveAt(0);
        while (pairs.Count > 1 && IsLoneLittle(pairs, pairs.Count - 1, wa)) pairs.RemoveAt(pairs.Count - 1);
        if (pairs.Count == 0) return new WordingComparison(0, Math.Min(wa.Length, wb.Length), 0, 0, 0, 0);

        // The segments where the two differ: between aligned words, and at the ends where both run on.
        var gaps = new List<(string[] A, string[] B, bool Edge, bool Cut)>();
        int reframed = 0;
        var (i0, j0) = pairs[0];
        gaps.Add((wa[..i0], wb[..j0], true, false));
        for (int k = 1; k < pairs.Count; k++)
        {
            var (pi, pj) = pairs[k - 1];
            var (i, j) = pairs[k];
            if (i == pi + 1 && j == pj + 1) continue;
            bool cut = Enumerable.Range(pi + 1, i - pi).Any(x => cutA[x]) || Enumerable.Range(pj + 1, j - pj).Any(x => cutB[x]);
            // A word said twice over ("I don't believe that that's …") is a stammer one transcript keeps and another drops.
            bool stammer = (i - pi == 1 || j - pj == 1) && wa[(pi + 1)..i].Concat(wb[(pj + 1)..j]).All(w => w == wa[pi] || w == wa[i]);
            gaps.Add((wa[(pi + 1)..i], wb[(pj + 1)..j], false, cut || stammer));
        }
        var (il, jl) = pairs[^1];
        gaps.Add((wa[(il + 1)..], wb[(jl + 1)..], true, false));

        // A switch to reported speech shows as pronouns of another person in the same places.
        bool shift = gaps.Any(g => g.A.Length > 0 && g.A.Length == g.B.Length && PersonSwap(g.A, g.B));
        int substantive = 0, minor = 0, compared = pairs.Count;
        foreach (var g in gaps)
        {
            if (g.A.Length == 0 && g.B.Length == 0) continue;
            // An end only one rendering has is an excerpt; a cut the source marks is its own.
            if (g.Edge && (g.A.Length == 0 || g.B.Length == 0)) continue;
            if (g.Cut) continue;
            if (g.A.Length == g.B.Length && (PersonSwap(g.A, g.B) || (shift && Agreement(g.A, g.B)))) continue;
            compared += Math.Max(g.A.Length, g.B.Length);
            if (g.Edge && Math.Max(g.A.Length, g.B.Length) > EdgeChange)
            {
                reframed++;
                continue;
            }
            if (g.A.Concat(g.B).All(Little.Contains)) minor++;
            else substantive++;
        }
        // A word aligned by its stem only ("pew"/"pews"): the grammar of reported speech, or of a quote taken up at its
        // end ("would end" / "ending"), is style; anywhere else it is a minor difference.
        // Endings alone ("he saying" / "he said") are a slip of typing or transcription, not another wording.
        int endings = 0;
        for (int k = 0; k < pairs.Count; k++)
        {
            var (i, j) = pairs[k];
            if (wa[i] == wb[j] || Censored(wa[i], wb[j]) || Censored(wb[j], wa[i])) continue;
            bool atEnd = (k == 0 && (i0 == 0 || j0 == 0)) || (k == pairs.Count - 1 && (il == wa.Length - 1 || jl == wb.Length - 1));
            if (!shift && !atEnd) endings++;
        }
        if (substantive + minor > 0) minor += endings;
        int run = 1, longest = 1;
        for (int k = 1; k < pairs.Count; k++)
        {
            run = pairs[k].I == pairs[k - 1].I + 1 && pairs[k].J == pairs[k - 1].J + 1 ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return new WordingComparison(pairs.Count, compared, longest, substantive, minor, reframed);
    }

    /// <summary>
    /// How sure the brief can be that two renderings are one remark worded differently (0–1): a logistic function of the
    /// share of words that align (one remark aligns nearly whole, two remarks on one topic about half), how many align (a
    /// short phrase could be anyone's), ends framed in other words on both sides, a difference of little words only, and how
    /// sure the attribution is that makes both one speaker's (1 when both sources name the same person, lower when one
    /// source names no one and the words alone join them).
    /// </summary>
    public static double Confidence(WordingComparison c, double speaker)
    {
        if (c.Change == WordingChange.None || c.Aligned == 0) return 0;
        double z = -9 + 12 * c.Share + Math.Log(c.Aligned) - 3 * c.Reframed - (c.Change == WordingChange.Minor ? 0.5 : 0) + 2 * (speaker - 1);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Whether two renderings hold the same words, one perhaps an excerpt of the other, and at least <paramref name="least"/> of them.</summary>
    public static bool SameWords(IReadOnlyList<string> a, IReadOnlyList<string> b, int least)
    {
        // Renderings of the same words share most of the shorter one's words exactly: a pair that does not is not aligned
        // at all, since every quote of a story that shares one word with another is asked.
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        if (shorter.Count < least) return false;
        var words = longer.ToHashSet(StringComparer.Ordinal);
        if (2 * shorter.Count(words.Contains) < shorter.Count) return false;
        var c = Compare(a, b);
        return c.Change == WordingChange.None && c.Reframed == 0 && c.Aligned >= least && c.Share == 1;
    }

    /// <summary>
    /// Whether the aligned pair at an end (<paramref name="k"/> first or last) is one little word set apart from the rest by
    /// more words than a rewording changes: "I [reacted to an article and] quickly judged" starts its excerpt after "I".
    /// </summary>
    private static bool IsLoneLittle(List<(int I, int J)> pairs, int k, string[] wa)
    {
        var (i, j) = pairs[k];
        var (ni, nj) = pairs[k == 0 ? 1 : k - 1];
        int gapA = Math.Abs(ni - i) - 1, gapB = Math.Abs(nj - j) - 1;
        // Only where one rendering runs straight on: words put another way on both sides are a rewording, not a cut.
        bool apart = Math.Min(gapA, gapB) == 0 && Math.Max(gapA, gapB) > EdgeChange;
        return apart && (Text.Words.IsStop(wa[i]) || Person.ContainsKey(wa[i]));
    }

    private static bool PersonSwap(string[] a, string[] b)
    {
        bool any = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] == b[k]) continue;
            if (!Person.TryGetValue(a[k], out int pa) || !Person.TryGetValue(b[k], out int pb) || pa == pb) return false;
            any = true;
        }
        return any;
    }

    private static bool Agreement(string[] a, string[] b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] != b[k] && !(Agreeing.Contains(a[k]) && Agreeing.Contains(b[k])) && !PersonSwap([a[k]], [b[k]])) return false;
        }
        return true;
    }

    /// <summary>The words without the cut marks, and for each place between words whether a cut is marked there.</summary>
    private static (string[] Words, bool[] Cut) WithoutCuts(IReadOnlyList<string> words)
    {
        var kept = words.Where(w => w != Ellipsis).ToArray();
        var cut = new bool[kept.Length + 1];
        int n = 0;
        foreach (var w in words)
        {
            if (w == Ellipsis) cut[n] = true;
            else n++;
        }
        return (kept, cut);
    }

    /// <summary>Fewest words a sentence of a quote needs to be compared on its own.</summary>
    private const int RemarkWords = 5;

    /// <summary>
    /// A quotation's sentences as the remarks to compare: a sentence of a few words ("A circus?", "Man is the objective.")
    /// says little alone and is read with the one before it (the first with the one after), so that a source printing it as
    /// one sentence with its neighbour still aligns.
    /// </summary>
    public static List<Span> Remarks(string text, IEnumerable<Span> sentences)
    {
        var remarks = new List<Span>();
        bool pending = false;
        foreach (var s in sentences)
        {
            bool brief = s.Of(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < RemarkWords;
            if (remarks.Count > 0 && (brief || pending)) remarks[^1] = new Span(remarks[^1].Start, s.End);
            else remarks.Add(s);
            pending = brief && remarks.Count == 1 && remarks[0] == s;
        }
        return remarks;
    }

    /// <summary>Where a word censored with stars ("f***ing", "s**t") that runs on at <paramref name="end"/> ends; <paramref name="end"/> when none does.</summary>
    public static int CensoredEnd(string text, int end)
    {
        int k = end;
        while (k < text.Length && text[k] == '*') k++;
        if (k == end) return end;
        while (k < text.Length && char.IsLetter(text[k])) k++;
        return k;
    }

    /// <summary>A censored word ("f***ing") stands for any word with its letters where the stars are not.</summary>
    private static bool Censored(string masked, string word)
    {
        int star = masked.IndexOf('*');
        if (star < 0 || word.Contains('*')) return false;
        string head = masked[..star], tail = masked[(masked.LastIndexOf('*') + 1)..];
        return word.Length > head.Length + tail.Length && word.StartsWith(head, StringComparison.Ordinal) && word.EndsWith(tail, StringComparison.Ordinal);
    }

    /// <summary>Past forms the stemmer cannot undo, of verbs that reported speech puts in another tense.</summary>
    private static readonly FrozenDictionary<string, string> Irregular =
        ("said:say told:tell thought:think knew:know known:know saw:see seen:see did:do done:do does:do had:have has:have made:make "
            + "went:go gone:go took:take taken:take gave:give given:give came:come felt:feel meant:mean wrote:write written:write "
            + "spoke:speak spoken:speak began:begin begun:begin")
        .Split(' ').Select(p => p.Split(':')).ToFrozenDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static string Lemma(string word) => Irregular.GetValueOrDefault(word) ?? Text.Words.Stem(word);

    /// <summary>What a gap inside the aligned words costs: of alignments with as many words, the one in fewest pieces is kept.</summary>
    private const int GapCost = 1;

    /// <summary>
    /// The aligned word pairs in order: a longest common subsequence where the same word scores more than the same stem
    /// ("pew"/"pews"), so that an exact alignment is preferred wherever one exists, and each gap inside costs a little, so
    /// that an excerpt aligns where it runs whole ("we will do it this year" with its own "we will", not an earlier one).
    /// </summary>
    private static List<(int I, int J)> Align(string[] a, string[] b)
    {
        var sa = a.Select(Lemma).ToArray();
        var sb = b.Select(Lemma).ToArray();
        int Score(int i, int j) => a[i] == b[j] || Censored(a[i], b[j]) || Censored(b[j], a[i]) ? 4 : sa[i] == sb[j] && a[i].Length > 2 ? 3 : 0;
        // best[i, j]: the best alignment of a[i..] and b[j..]; start[i, j]: the best that aligns a[i] with b[j] first.
        var best = new int[a.Length + 1, b.Length + 1];
        var start = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) start[i, b.Length] = int.MinValue;
        for (int j = 0; j <= b.Length; j++) start[a.Length, j] = int.MinValue;
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                int s = Score(i, j);
                start[i, j] = s == 0 ? int.MinValue : s + Math.Max(0, Math.Max(start[i + 1, j + 1], best[i + 1, j + 1] - GapCost));
                best[i, j] = Math.Max(start[i, j], Math.Max(best[i + 1, j], best[i, j + 1]));
            }
        }
        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (best[x, y] <= 0) break;
            if (start[x, y] == best[x, y])
            {
                // Run on through the aligned words from here.
                while (true)
                {
                    pairs.Add((x, y));
                    int rest = start[x, y] - Score(x, y);
                    x++;
                    y++;
                    if (rest == 0) return pairs;
                    if (x < a.Length && y < b.Length && start[x, y] == rest) continue;
                    break; // a gap: the rest is best[x, y] - GapCost
                }
            }
            else if (best[x + 1, y] >= best[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }
        return pairs;
    }
}
