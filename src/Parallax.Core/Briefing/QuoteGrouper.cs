using Parallax.Model;
using Parallax.Text;

namespace Parallax.Briefing;

/// <summary>
/// Groups quotations by speaker across sources. A quotation is compared sentence by sentence: the same words (or a shorter
/// excerpt of them) are one wording; similar but different words from the same speaker are variant wordings of one quote.
/// </summary>
public static class QuoteGrouper
{
    /// <summary>Words that cannot end a statement: reported speech ending on one was cut where a quotation begins.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> CutShort = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "the", "as", "about", "that", "of", "to", "with", "for", "on", "in", "from", "by", "at", "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have", "had", "remains", "its", "their", "his", "her", "our", "my");

    private sealed record Fragment(string Article, string Speaker, Span Span, string Text, string[] Words, HashSet<string> Content, bool Direct);

    public static List<QuoteGroup> Group(IEnumerable<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var fragments = new List<Fragment>();
        foreach (var a in articles)
        {
            foreach (var q in a.Quotes)
            {
                if (q.Speaker is null) continue;
                string speaker = canonical(a.Id, q.Speaker);
                foreach (var span in q.Direct ? SplitSentences(a.Text, q.Span) : [q.Span])
                {
                    var words = WordsOf(span.Of(a.Text));
                    if (words.Length < 2) continue;
                    // Reported speech cut short where a direct quote takes over ("described relations as", "spoke with Xi about")
                    // says nothing on its own; the direct quote carries it.
                    if (!q.Direct && (words.Length < 4 || CutShort.Contains(words[^1]))) continue;
                    var content = words.Where(w => !Text.Words.IsStop(w) && w.Length > 2).Select(Text.Words.Stem).ToHashSet(StringComparer.Ordinal);
                    fragments.Add(new Fragment(a.Id, speaker, span, Trim(span.Of(a.Text)), words, content, q.Direct));
                }
            }
        }
        var groups = new List<List<Fragment>>();
        // A quote joins the first group of the same speaker and kind that holds the same words; groups are kept per speaker
        // and kind, so a speaker's quotes are never compared with everyone else's.
        var bySpeaker = new Dictionary<(string, bool), List<List<Fragment>>>();
        foreach (var f in fragments)
        {
            var key = (f.Speaker, f.Direct);
            if (!bySpeaker.TryGetValue(key, out var candidates)) bySpeaker[key] = candidates = [];
            var home = candidates.FirstOrDefault(g => g.Any(x => SameQuote(x, f)));
            if (home is null)
            {
                List<Fragment> group = [f];
                groups.Add(group);
                candidates.Add(group);
            }
            else
            {
                home.Add(f);
            }
        }
        var result = new List<QuoteGroup>();
        foreach (var g in groups)
        {
            // Wordings: an excerpt of a longer wording counts with it; otherwise each distinct wording is a variant.
            var wordings = g.GroupBy(f => string.Join(' ', f.Words)).Select(x => x.ToList()).OrderByDescending(x => x[0].Words.Length).ToList();
            var variants = new List<List<Fragment>>();
            foreach (var w in wordings)
            {
                var containers = variants.Where(v => Contains(v[0].Words, w[0].Words)).ToList();
                if (containers.Count == 0) variants.Add([.. w]);
                else if (containers.Count == 1) containers[0].AddRange(w);
                // An excerpt that several rival wordings contain supports none of them in particular; it still counts for the quote.
            }
            var ordered = variants.Select(v => new QuoteVariant(v[0].Text, v.Select(f => f.Article).Distinct().Order(StringComparer.Ordinal).ToList(), v.Select(f => new Support(f.Article, f.Span)).ToList()))
                .OrderByDescending(v => v.Articles.Count).ThenByDescending(v => v.Text.Length).ToList();
            var sources = g.Select(f => f.Article).Distinct().Order(StringComparer.Ordinal).ToList();
            // A wording is disputed only against a close rewording that other sources print instead; two different
            // sentences of one statement that every source prints are not rival wordings.
            var heads = variants.Select(v => v[0]).ToList();
            var disputed = new HashSet<int>();
            for (int i = 0; i < variants.Count; i++)
            {
                for (int j = i + 1; j < variants.Count; j++)
                {
                    var si = variants[i].Select(f => f.Article).ToHashSet(StringComparer.Ordinal);
                    var sj = variants[j].Select(f => f.Article).ToHashSet(StringComparer.Ordinal);
                    if (SameQuote(heads[i], heads[j]) && !si.IsSubsetOf(sj) && !sj.IsSubsetOf(si)) { disputed.Add(i); disputed.Add(j); }
                }
            }
            var rival = disputed.Select(i => ordered.First(v => v.Text == heads[i].Text)).Distinct().OrderByDescending(v => v.Articles.Count).ThenByDescending(v => v.Text.Length).ToList();
            result.Add(new QuoteGroup(g[0].Speaker, ordered[0].Text, sources, ordered, g[0].Direct) { Disputed = rival });
        }
        return result.OrderByDescending(q => q.Direct).ThenByDescending(q => q.Articles.Count).ThenBy(q => q.Speaker, StringComparer.Ordinal).ToList();
    }

    /// <summary>Same words, an excerpt of them, or a close rewording (most content words shared).</summary>
    private static bool SameQuote(Fragment a, Fragment b)
    {
        if (Contains(a.Words, b.Words) || Contains(b.Words, a.Words)) return true;
        if (!a.Direct) return false;
        int shared = a.Content.Count(b.Content.Contains);
        int smaller = Math.Min(a.Content.Count, b.Content.Count);
        if (shared < 2 || smaller == 0) return false;
        var wa = a.Words.ToHashSet(StringComparer.Ordinal);
        double jaccard = (double)b.Words.Count(wa.Contains) / wa.Union(b.Words).Count();
        return (double)shared / smaller >= 0.5 && jaccard >= 0.25;
    }

    private static bool Contains(string[] longer, string[] shorter)
    {
        if (shorter.Length > longer.Length) return false;
        for (int i = 0; i + shorter.Length <= longer.Length; i++)
        {
            int k = 0;
            while (k < shorter.Length && longer[i + k] == shorter[k]) k++;
            if (k == shorter.Length) return true;
        }
        return false;
    }

    private static string[] WordsOf(string text)
    {
        var list = new List<string>();
        foreach (var t in Tokenizer.Tokenize(text))
        {
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            // "same-sex" and "same sex" are one wording; so are ’ and '.
            foreach (var part in text[t.Start..t.End].ToLowerInvariant().Replace('’', '\'').Split('-', StringSplitOptions.RemoveEmptyEntries)) list.Add(part);
        }
        return [.. list];
    }

    /// <summary>The sentences inside a quotation, as spans of the article.</summary>
    private static IEnumerable<Span> SplitSentences(string text, Span quote)
    {
        int start = quote.Start;
        for (int i = quote.Start; i < quote.End; i++)
        {
            if (text[i] is '.' or '!' or '?' && i + 2 < quote.End && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                yield return new Span(start, i + 1);
                start = i + 2;
            }
        }
        if (start < quote.End) yield return new Span(start, quote.End);
    }

    private static string Trim(string s) => s.Trim().TrimEnd(',');
}
