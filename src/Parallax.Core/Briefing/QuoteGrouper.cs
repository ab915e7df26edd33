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

    private sealed record Fragment(string Article, string Speaker, Span Span, string Text, string[] Words, HashSet<string> Content, bool Direct)
    {
        public bool ByPerson { get; init; }

        /// <summary>The speaker its own source names ("" for none), before the words join it to another source's quote.</summary>
        public string Own { get; init; } = "";

        /// <summary>How sure the speaker model is of <see cref="Own"/> (0 when the source names no one).</summary>
        public double Sure { get; init; }

        /// <summary>The people its source names in the quote's sentence, outside the quoted words.</summary>
        public HashSet<string> Beside { get; init; } = [];

        /// <summary>A few words quoted with no reporting verb: a mention of words more often than a remark.</summary>
        public bool Mention { get; init; }
    }

    /// <summary>Words enough that two speakers saying them alike is no coincidence of phrasing.</summary>
    private const int AttributedWords = 6;

    /// <summary>The fewest independent sources that must give one paraphrase to one speaker for it to be listed.</summary>
    private const int ReportedSources = 2;

    /// <summary>The fewest words a quotation with no reporting verb needs to be listed as someone's remark.</summary>
    private const int UncuedWords = 5;

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> Capitals = Lexicon.Map(typeof(QuoteGrouper), "capitals.lex");
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> Governments = Lexicon.Map(typeof(QuoteGrouper), "governments.lex");

    /// <summary>
    /// Who a quote is by, as the brief names them: the resolved person or body, or — for a country or capital that "said"
    /// something — its government ("Beijing (Chinese government)"), so that "China said" and "Beijing said" are one speaker.
    /// </summary>
    private static string SpeakerLabel(string article, string speaker, Entity? mention, Func<string, string, string> canonical)
    {
        string name = canonical(article, speaker);
        if (mention is not { Type: EntityType.Place }) return name;
        string country = Capitals.GetValueOrDefault(name, name);
        return Governments.TryGetValue(country, out var adjective) ? $"{country} ({adjective} government)" : name;
    }

    /// <summary>
    /// The quotes of a story grouped by their words and speaker, and the attribution conflicts among them; the articles'
    /// quotes are cut into fragments once for both.
    /// </summary>
    public static (List<QuoteGroup> Groups, List<Conflict> Attributions) Of(IEnumerable<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var fragments = Fragments(articles, canonical);
        return (Group(fragments), Attributions(fragments));
    }

    /// <summary>
    /// The same quoted words (or an excerpt of them) that one source gives to one person and another source to a different
    /// person: an attribution conflict. Only people are compared — a ministry quoting its leader is no rival attribution.
    /// </summary>
    private static List<Conflict> Attributions(List<Fragment> fragments)
    {
        var direct = fragments.Where(f => f.Direct && f.ByPerson && f.Words.Length >= AttributedWords).ToList();
        var conflicts = new List<Conflict>();
        var used = new HashSet<Fragment>();
        // Only fragments that share a content word can hold the same words: an index keeps this linear in practice.
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < direct.Count; i++)
        {
            foreach (var w in direct[i].Content)
            {
                if (!byWord.TryGetValue(w, out var list)) byWord[w] = list = [];
                list.Add(i);
            }
        }
        for (int i = 0; i < direct.Count; i++)
        {
            if (used.Contains(direct[i])) continue;
            var f0 = direct[i];
            var candidates = f0.Content.SelectMany(w => byWord[w]).Where(j => j == i || direct[j].Article != f0.Article).Distinct();
            var same = candidates.Select(j => direct[j]).Where(f => f == f0 || (f.Article != f0.Article && Quotes.QuoteWording.SameWords(f.Words, f0.Words, AttributedWords))).ToList();
            var speakers = same.GroupBy(f => f.Speaker).ToList();
            // One source giving the words to two people is that source's own muddle (or a dialogue), not sources disagreeing.
            if (speakers.Count < 2 || speakers.SelectMany(g => g.Select(f => f.Article).Distinct()).GroupBy(a => a).Any(a => a.Count() > 1)) continue;
            // A source that names the other speaker too, beside the words, has not given them to someone else: which of the
            // two it meant is our reading of its sentence, not its claim.
            if (speakers.Any(g => g.Any(f => speakers.Any(o => o.Key != g.Key && f.Beside.Contains(o.Key))))) continue;
            used.UnionWith(same);
            var variants = speakers
                .Select(g => new Variant(g.Key, g.OrderByDescending(f => f.Words.Length).First().Text, g.Select(f => f.Article).Distinct().Order(StringComparer.Ordinal).ToList(), g.Select(f => new Support(f.Article, f.Span)).ToList()))
                .OrderByDescending(v => v.Articles.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            string words = variants[0].Text.Length > 60 ? variants[0].Text[..60].TrimEnd() + "…" : variants[0].Text;
            // Both attributions must hold for the sources to disagree: the two surest speakers' confidences, multiplied.
            var sure = speakers.Select(g => g.Max(f => f.Sure)).OrderDescending().Take(2).ToList();
            conflicts.Add(new Conflict($"Who said “{words}”", ConflictKind.Attribution, variants) { Confidence = sure[0] * sure[1] });
        }
        return conflicts;
    }

    private static List<Fragment> Fragments(IEnumerable<AnalyzedArticle> articles, Func<string, string, string> canonical)
    {
        var fragments = new List<Fragment>();
        foreach (var a in articles)
        {
            foreach (var q in a.Quotes)
            {
                if (q.Speaker is null && !q.Direct) continue;
                // A few words in quotation marks with no reporting verb ("the “sanctuary state” law", "“Sloppy Steve” Bannon")
                // are more often a name, a label or a slogan the writer mentions than a remark anyone is shown making.
                bool mention = q.Cue is null && WordsOf(q.Text).Length < UncuedWords;
                var speakerEntity = q.SpeakerSpan is { } at ? a.Entities.FirstOrDefault(e => e.Span == at) : null;
                string speaker = q.Speaker is null ? "" : SpeakerLabel(a.Id, q.Speaker, speakerEntity, canonical);
                // Named right beside the quote, in its own sentence: an attribution carried over from a neighbouring quote or
                // through a pronoun is the reader's inference, not the source's claim.
                bool person = speakerEntity is { Type: EntityType.Person }
                    && (a.SentenceIndexAt(speakerEntity.Span.Start) == a.SentenceIndexAt(q.Span.Start) || a.SentenceIndexAt(speakerEntity.Span.Start) == a.SentenceIndexAt(Math.Max(q.Span.Start, q.Span.End - 1)));
                int sentence = a.SentenceIndexAt(q.Span.Start);
                var beside = a.Entities.Where(e => e.Type == EntityType.Person && !q.Span.Contains(e.Span) && a.SentenceIndexAt(e.Span.Start) == sentence)
                    .Select(e => canonical(a.Id, e.Name)).ToHashSet(StringComparer.Ordinal);
                foreach (var span in q.Direct ? Quotes.QuoteWording.Remarks(a.Text, Stages.Sentences.SentenceSplitter.SentencesWithin(a.Text, q.Span)) : [q.Span])
                {
                    var words = WordsOf(span.Of(a.Text));
                    if (words.Length < 2) continue;
                    // Reported speech cut short where a direct quote takes over ("described relations as", "spoke with Xi about")
                    // says nothing on its own; the direct quote carries it.
                    if (!q.Direct && (words.Length < 4 || CutShort.Contains(words[^1]) || !Stages.Quotes.QuoteExtractor.IsCompleteClause(span.Of(a.Text)))) continue;
                    var content = words.Where(w => !Text.Words.IsStop(w) && w.Length > 2).Select(Text.Words.Stem).ToHashSet(StringComparer.Ordinal);
                    fragments.Add(new Fragment(a.Id, speaker, span, Trim(span.Of(a.Text)), words, content, q.Direct) { ByPerson = person, Own = speaker, Sure = speaker.Length == 0 ? 0 : q.SpeakerConfidence ?? 1, Beside = beside, Mention = mention });
                }
            }
        }
        return fragments;
    }

    private static List<QuoteGroup> Group(List<Fragment> fragments)
    {
        var groups = new List<List<Fragment>>();
        // A quote joins the first group of the same speaker and kind that holds the same words; groups are kept per speaker
        // and kind, so a speaker's quotes are never compared with everyone else's.
        var bySpeaker = new Dictionary<(string, bool), List<List<Fragment>>>();
        foreach (var f in fragments.Where(f => f.Speaker.Length > 0))
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
        // A quotation whose source names no speaker joins the quote of the same words that another source attributes (by the
        // words alone, through the rarer words they share); with none, it is not listed under anyone.
        var byWord = new Dictionary<string, List<List<Fragment>>>(StringComparer.Ordinal);
        foreach (var g in groups.Where(g => g[0].Direct))
        {
            foreach (var w in g.SelectMany(f => f.Content).Distinct())
            {
                if (!byWord.TryGetValue(w, out var list)) byWord[w] = list = [];
                list.Add(g);
            }
        }
        foreach (var f in fragments.Where(f => f.Speaker.Length == 0 && f.Content.Count >= 2))
        {
            var home = f.Content.SelectMany(w => byWord.GetValueOrDefault(w) ?? []).Distinct()
                .FirstOrDefault(g => !g.Any(x => x.Article == f.Article) && g.Any(x => SameQuote(x, f)));
            home?.Add(f with { Speaker = home[0].Speaker });
        }
        // Words first, then speaker: one statement that sources put under different names (or that our reading of one source
        // put there) is one quote, listed under the name most sources give; its wordings are compared as one quote's.
        var merged = new HashSet<List<Fragment>>();
        foreach (var g in groups.Where(g => g[0].Direct).OrderByDescending(g => g.Select(f => f.Article).Distinct().Count()).ToList())
        {
            if (merged.Contains(g)) continue;
            var others = g.SelectMany(f => f.Content).Distinct().SelectMany(w => byWord.GetValueOrDefault(w) ?? []).Distinct()
                .Where(o => o != g && !merged.Contains(o) && o[0].Speaker != g[0].Speaker && o.Select(f => f.Article).Distinct().Count() <= g.Select(f => f.Article).Distinct().Count())
                .Where(o => o.Any(x => g.Any(y => x.Article != y.Article && x.Words.Length >= 5 && y.Words.Length >= 5 && SameQuote(x, y) && Rival(x.Words, y.Words))))
                .ToList();
            foreach (var o in others)
            {
                g.AddRange(o.Select(f => f with { Speaker = g[0].Speaker }));
                merged.Add(o);
            }
        }
        groups.RemoveAll(merged.Contains);
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
            // A wording is disputed only against a rewording of the same remark that other sources print instead; two
            // different sentences of one statement that every source prints are not rival wordings.
            var heads = variants.Select(v => v[0]).ToList();
            var pairs = new List<(int I, int J, double Confidence, bool Minor)>();
            for (int i = 0; i < variants.Count; i++)
            {
                for (int j = i + 1; j < variants.Count; j++)
                {
                    var comparison = Quotes.QuoteWording.Compare(heads[i].Words, heads[j].Words);
                    double confidence = Quotes.QuoteWording.Confidence(comparison, OneSpeaker(heads[i], heads[j]));
                    if (confidence < Quotes.QuoteWording.Considered) continue;
                    // Sources that print this wording of the differing words (not merely an excerpt counted with it that leaves
                    // them out): when every source of one wording prints the other too, the speaker said both.
                    var si = Printing(variants[i], heads[j]);
                    var sj = Printing(variants[j], heads[i]);
                    if (!si.IsSubsetOf(sj) && !sj.IsSubsetOf(si)) pairs.Add((i, j, confidence, comparison.Change == Quotes.WordingChange.Minor));
                }
            }
            // The wordings of the surest disputes: those the brief can show, else the one it is surest of (held back).
            double best = pairs.Count == 0 ? 0 : pairs.Max(p => p.Confidence);
            var kept = pairs.Where(p => p.Confidence >= Math.Min(best, Conflicts.ShowAt)).ToList();
            var disputed = kept.SelectMany(p => new[] { p.I, p.J }).ToHashSet();
            var rival = disputed.Select(i => ordered.First(v => v.Text == heads[i].Text)).Distinct().OrderByDescending(v => v.Articles.Count).ThenByDescending(v => v.Text.Length).ToList();
            // Words only ever quoted without a reporting verb are listed when sources dispute their wording, not as a remark.
            if (g.All(f => f.Mention) && best < Conflicts.ShowAt) continue;
            result.Add(new QuoteGroup(g[0].Speaker, ordered[0].Text, sources, ordered, g[0].Direct) { Disputed = rival, DisputeConfidence = best, MinorDispute = kept.Count > 0 && kept.All(p => p.Minor) });
        }
        // Reported speech is the writer's paraphrase, and what its cue governs is often narration ("declined to say how he
        // obtained…", "praised the aircraft"): read line by line against the articles, one source's paraphrase named the
        // wrong speaker or no speech at all too often to be listed. Two independent sources giving the same paraphrase to the
        // same person are listed; the analysis keeps every one.
        return result.Where(q => q.Direct || q.Articles.Count >= ReportedSources).OrderByDescending(q => q.Direct).ThenByDescending(q => q.Articles.Count).ThenBy(q => q.Speaker, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Two wordings of one statement, not two statements that share words: nearly all of the shorter's words appear in the
    /// longer in the same order (a word or two changed or dropped), or most of both do.
    /// </summary>
    private static bool Rival(string[] a, string[] b)
    {
        var (s, l) = a.Length <= b.Length ? (a, b) : (b, a);
        // A wording that marks its cuts ("…") and keeps every other word in order is an excerpt, not a rival.
        if (Array.IndexOf(s, Ellipsis) >= 0 && s.Where(w => w != Ellipsis).ToArray() is var kept && CommonSubsequence(kept, l) == kept.Length) return false;
        // Compared by stems: "return to China" and "returning Taiwan to China" are one phrase worded two ways.
        s = [.. s.Select(Text.Words.Stem)];
        l = [.. l.Select(Text.Words.Stem)];
        int common = CommonSubsequence(s, l);
        if ((s.Length >= 8 && common >= 0.8 * s.Length) || common >= 0.6 * l.Length) return true;
        // The same words ending (or opening) both, with the rest put another way: "an integral part | a crucial element of the post-war order".
        int tail = 0, head = 0;
        while (tail < s.Length && s[^(tail + 1)] == l[^(tail + 1)]) tail++;
        while (head < s.Length && s[head] == l[head]) head++;
        return Math.Max(tail, head) >= 5 && s.Length >= 0.6 * l.Length;
    }

    /// <summary>The articles whose fragments of a variant word differently from <paramref name="other"/>.</summary>
    private static HashSet<string> Printing(List<Fragment> variant, Fragment other) =>
        variant.Where(f => Quotes.QuoteWording.Compare(f.Words, other.Words).Change != Quotes.WordingChange.None).Select(f => f.Article).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// How sure it is that two wordings are one speaker's: 1 when their sources name the same person, a half when one
    /// source names no one and the words alone join them, nothing when the sources name different people.
    /// </summary>
    private static double OneSpeaker(Fragment a, Fragment b) =>
        a.Own.Length > 0 && a.Own == b.Own ? 1 : a.Own.Length == 0 || b.Own.Length == 0 ? 0.5 : 0;

    /// <summary>The length of the longest common subsequence of two word sequences.</summary>
    private static int CommonSubsequence(string[] a, string[] b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++) cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>Same words, an excerpt of them, or a close rewording (most content words shared).</summary>
    private static bool SameQuote(Fragment a, Fragment b)
    {
        if (Contains(a.Words, b.Words) || Contains(b.Words, a.Words)) return true;
        if (!a.Direct) return false;
        int shared = a.Content.Count(b.Content.Contains);
        int smaller = Math.Min(a.Content.Count, b.Content.Count);
        if (shared == 0 || (double)shared / smaller < 0.5) return false;
        var wa = a.Words.ToHashSet(StringComparer.Ordinal);
        double jaccard = (double)b.Words.Count(wa.Contains) / wa.Union(b.Words).Count();
        if (shared >= 2 && jaccard >= 0.25) return true;
        // A rendering whose words nearly all stand in order in another ("I know you're under duress"; "What is this? A
        // circus?"): one remark quoted in part or with a word changed, however little of the long one it covers or however
        // few words that carry a topic it has.
        int shorter = Math.Min(a.Words.Length, b.Words.Length);
        return shorter >= 4 && Quotes.QuoteWording.Compare(a.Words, b.Words).Aligned >= 0.8 * shorter;
    }

    /// <summary>
    /// Whether <paramref name="shorter"/> runs word for word inside <paramref name="longer"/>: an excerpt. A cut the longer
    /// wording marks ("I want a … leadership team") is passed over, so its source's own cuts do not make another wording.
    /// </summary>
    private static bool Contains(string[] longer, string[] shorter)
    {
        if (shorter.Length == 0) return true;
        for (int i = 0; i < longer.Length; i++)
        {
            int k = 0, j = i;
            while (k < shorter.Length && j < longer.Length)
            {
                if (longer[j] == shorter[k]) { k++; j++; }
                else if (longer[j] == Ellipsis && k > 0) j++;
                else break;
            }
            if (k == shorter.Length) return true;
        }
        return false;
    }

    /// <summary>"two in three" and "2 in 3" are one wording: the number words one to ten are compared as digits.</summary>
    private static string AsDigits(string word)
    {
        for (int n = 0; n < 10; n++)
        {
            if (NumberWords.Cardinals[n] == word) return (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return word;
    }

    /// <summary>Stands in a quote's words where its source marks a cut.</summary>
    private const string Ellipsis = Quotes.QuoteWording.Ellipsis;

    internal static string[] WordsOf(string text)
    {
        var list = new List<string>();
        int depth = 0;
        var tokens = Tokenizer.Tokenize(text);
        for (int n = 0; n < tokens.Count; n++)
        {
            var t = tokens[n];
            // An editor's insertion ("[of Congress]", "(local)") is no part of the speaker's words.
            char c = text[t.Start];
            if (c is '[' or '(') depth++;
            else if (c is ']' or ')') depth = Math.Max(0, depth - 1);
            if (depth > 0) continue;
            if ((c == '…' || (c == '.' && t.End - t.Start >= 3) || (c == '.' && t.End < text.Length && text[t.End] == '.')) && (list.Count == 0 || list[^1] != Ellipsis))
            {
                if (c == '…' || text.AsSpan(t.Start).StartsWith("...")) list.Add(Ellipsis);
                continue;
            }
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            if (Quotes.QuoteWording.CensoredEnd(text, t.End) is var censored && censored > t.End)
            {
                // "f***ing" is one word, compared as the word it hides.
                list.Add(Resolution.NameForms.Fold(text[t.Start..censored]));
                while (n + 1 < tokens.Count && tokens[n + 1].Start < censored) n++;
                continue;
            }
            // "same-sex" and "same sex" are one wording; so are ’ and ', a name with or without its accents, a name in another
            // romanisation (al-Qaddafi, Gadhafi) and the Arabic article before it.
            string folded = Resolution.NameForms.Fold(text[t.Start..t.End]);
            // "I.R.S." and "IRS", "F.B.I." and "FBI": an abbreviation's full stops are a paper's style.
            if (folded.Length > 2 && folded.Contains('.')) folded = folded.Replace(".", "", StringComparison.Ordinal);
            if (folded == "'s")
            {
                // "he's" is "he is"; after a name, 's is the possessive and stays.
                list.Add((list.Count > 0 ? ContractedS(list[^1]) : null) ?? folded);
                continue;
            }
            // "twenty-sixth" and "26th", "twenty-six" and "26": a number in words or digits is a paper's style.
            if (NumberWords.TryOrdinal(folded, out int ordinal))
            {
                list.Add(ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            // "26th" is the number 26 with an ordinal's ending (the tokenizer reads the digits and the ending apart).
            if (t.Kind == TokenKind.Number && n + 1 < tokens.Count && tokens[n + 1].Start == t.End
                && text[tokens[n + 1].Start..tokens[n + 1].End] is "st" or "nd" or "rd" or "th")
            {
                list.Add(folded);
                n++;
                continue;
            }
            if (folded.Contains('-') && NumberWords.TryParse(folded, out double compound) && compound == Math.Floor(compound))
            {
                list.Add(compound.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            var parts = folded.Split('-', StringSplitOptions.RemoveEmptyEntries);
            for (int p = 0; p < parts.Length; p++)
            {
                if (p == 0 && parts.Length > 1 && parts[0] is "al" or "el") continue;
                foreach (var word in Expanded(parts[p])) list.Add(AsDigits(Resolution.Transliteration.Listed(TitleWords.GetValueOrDefault(word, word))));
            }
        }
        return [.. list];
    }

    /// <summary>"Sen. Reid" and "Senator Reid", "Gov." and "Governor": a title's abbreviation is a paper's style, not a rewording.</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> TitleWords = Stages.Entities.EntityLexicons.TitleAbbreviations;

    private static readonly System.Collections.Frozen.FrozenSet<string> PronounsWithIs = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "he", "she", "it", "that", "there", "what", "who", "here", "where", "how", "let");

    /// <summary>What 's stands for after <paramref name="head"/>: "is" after a pronoun ("he's"), "us" after "let", null after a name (a possessive).</summary>
    private static string? ContractedS(string head) => !PronounsWithIs.Contains(head) ? null : head == "let" ? "us" : "is";

    /// <summary>
    /// A contraction as the words it stands for: outlets style "he's", "he is", "don't" and "do not" differently, and neither
    /// is a rewording of the speaker. A possessive ("Obama's") stays one word.
    /// </summary>
    private static IEnumerable<string> Expanded(string word)
    {
        int apostrophe = word.IndexOf('\'');
        if (apostrophe <= 0 || apostrophe == word.Length - 1)
        {
            yield return word.Trim('\'');
            yield break;
        }
        string head = word[..apostrophe], tail = word[(apostrophe + 1)..];
        if (tail == "t" && head.EndsWith('n'))
        {
            yield return head switch { "won" => "will", "can" => "can", "shan" => "shall", _ => head[..^1] };
            yield return "not";
            yield break;
        }
        string? full = tail switch
        {
            "s" => ContractedS(head),
            "re" => "are",
            "ll" => "will",
            "ve" => "have",
            "m" => "am",
            "d" => "would",
            _ => null,
        };
        if (full is null)
        {
            yield return word;
            yield break;
        }
        yield return head;
        yield return full;
    }

    private static string Trim(string s) => s.Trim().TrimEnd(',');
}
