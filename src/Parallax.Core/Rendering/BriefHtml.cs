using System.Globalization;
using System.Text;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Rendering;

/// <summary>
/// Writes briefs as one self-contained HTML page (no network requests; a CSP forbids them): the brief on the left, the
/// sources side by side below it, and every citation highlighting the exact supporting text on hover or click.
/// Everything taken from articles is HTML-escaped.
/// </summary>
public static class BriefHtml
{
    public static string Write(IReadOnlyList<Brief> briefs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">");
        sb.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(briefs.Count == 1 ? briefs[0].Title : $"{briefs.Count} stories")).AppendLine(" — Parallax brief</title>");
        sb.AppendLine("<style>").AppendLine(Css).AppendLine("</style></head><body>");
        for (int i = 0; i < briefs.Count; i++) Story(sb, briefs[i], i, null);
        sb.AppendLine("<script>").AppendLine(Script).AppendLine("</script>");
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// One story's brief as an HTML fragment (an <c>&lt;article&gt;</c>) for a page that links <see cref="Css"/> and
    /// <see cref="Script"/>; each source's heading links to <paramref name="articleHref"/> of its id when given.
    /// </summary>
    public static string Fragment(Brief brief, Func<string, string>? articleHref = null)
    {
        var sb = new StringBuilder();
        Story(sb, brief, 0, articleHref);
        return sb.ToString();
    }

    private static void Story(StringBuilder sb, Brief b, int storyIndex, Func<string, string>? articleHref)
    {
        string prefix = $"s{storyIndex}";
        // Lines about one source (what it disputes, what it leaves out) cite at most this many others, so a story of
        // thousands of articles renders in time proportional to its size, not its size squared.
        const int citedPerSourceLine = 12;
        string Cite(IEnumerable<Support> support, IEnumerable<string> articles, int max = int.MaxValue)
        {
            var bySource = support.ToLookup(s => s.Article, StringComparer.Ordinal);
            var c = new StringBuilder();
            var ids = articles.Distinct().OrderBy(b.CitationOf).ToList();
            foreach (var id in ids.Take(max))
            {
                int n = b.CitationOf(id);
                string spans = string.Join(" ", bySource[id].Select(s => $"{prefix}a{n}:{s.Span.Start}-{s.Span.End}"));
                c.Append("<a class=\"cite\" href=\"#").Append(prefix).Append('a').Append(n).Append("\" data-spans=\"").Append(spans).Append("\">[").Append(n).Append("]</a>");
            }
            if (ids.Count > max) c.Append(" <span class=\"more\">and ").Append(ids.Count - max).Append(" more</span>");
            return c.ToString();
        }
        int independent = b.IndependentSources;
        var originals = b.Articles.Where(a => a.DuplicateOf is null).ToList();
        sb.Append("<article class=\"story\" id=\"").Append(prefix).Append("\" aria-labelledby=\"").Append(prefix).AppendLine("h\">");

        // First screen: the headline and what it rests on, the summary and the conflicts, with who carries it beside them.
        sb.AppendLine("<div class=\"story-top\"><div class=\"story-main\">");
        sb.Append("<header class=\"story-head\"><h1 id=\"").Append(prefix).Append("h\">").Append(E(b.Title)).AppendLine("</h1>");
        sb.Append("<p class=\"meta\">").Append(E(Dates(b))).Append(" · ").Append(independent).Append(independent == 1 ? " source" : " sources");
        if (b.Articles.Count != independent) sb.Append(" · ").Append(b.Articles.Count).Append(" articles");
        foreach (var (outlet, count) in b.RepeatedOutlets) sb.Append(" · ").Append(count).Append(" articles from ").Append(E(outlet));
        if (b.Conflicts.Count > 0) sb.Append(" · <a href=\"#").Append(prefix).Append("-conflicts\">").Append(b.Conflicts.Count).Append(b.Conflicts.Count == 1 ? " conflict" : " conflicts").Append("</a>");
        sb.Append(" · <span class=\"id\">").Append(E(b.Id)).AppendLine("</span></p></header>");

        if (b.Summary.Count > 0)
        {
            sb.Append("<section aria-labelledby=\"").Append(prefix).Append("-summary\"><h2 id=\"").Append(prefix).AppendLine("-summary\">Summary</h2><p class=\"summary\">");
            foreach (var s in b.Summary)
            {
                var support = b.Facts.FirstOrDefault(f => f.Text == s.Text || s.Text.Contains(f.Text, StringComparison.OrdinalIgnoreCase))?.Support ?? [];
                sb.Append(E(s.Text)).Append(' ').Append(Cite(support, s.Articles)).Append(' ');
            }
            sb.AppendLine("</p></section>");
        }
        Conflicts(sb, b, prefix, Cite);
        sb.AppendLine("</div>");
        Carriers(sb, b, originals, prefix);
        sb.AppendLine("</div>");

        // The rest folds: what they agree on is open, everything else one click away.
        var agreed = b.Facts.Where(f => f.Sources >= 2).ToList();
        if (agreed.Count > 0)
        {
            Fold(sb, prefix, "agree", $"What the sources agree on ({agreed.Count})", open: true);
            sb.AppendLine("<ul class=\"facts\">");
            foreach (var f in agreed)
            {
                sb.Append("<li><span class=\"count\" title=\"independent sources\">").Append(f.Sources).Append('/').Append(independent).Append("</span> ")
                  .Append(E(f.Display)).Append(' ').Append(Cite(f.Support, f.Agreeing));
                var partly = f.PartlyAgreeing.ToList();
                if (partly.Count > 0) sb.Append(" <span class=\"partial\">— ").Append(Cite(f.Support, partly)).Append(" only in part</span>");
                if (f.DisputedBy.Count > 0) sb.Append(" <span class=\"disputed\">— ").Append(Cite(f.Support, f.DisputedBy)).Append(" differ").Append(f.DisputedBy.Count == 1 ? "s" : "").Append(" on a date or figure</span>");
                sb.AppendLine("</li>");
            }
            sb.AppendLine("</ul></details></section>");
        }

        if (b.Quotes.Count > 0)
        {
            var speakers = b.Quotes.GroupBy(q => q.Speaker).OrderByDescending(g => g.Sum(q => q.Articles.Count)).ToList();
            Fold(sb, prefix, "quotes", $"Who said what ({speakers.Count} {(speakers.Count == 1 ? "speaker" : "speakers")})", open: false);
            foreach (var speaker in speakers)
            {
                sb.Append("<h3>").Append(E(speaker.Key)).AppendLine("</h3><ul class=\"quotes\">");
                foreach (var q in speaker)
                {
                    foreach (var v in q.Variants)
                    {
                        sb.Append("<li").Append(q.Variants.Count > 1 ? " class=\"variant\"" : "").Append('>')
                          .Append(q.Direct ? "<q>" + E(v.Text) + "</q>" : "<em>(reported)</em> " + E(v.Text)).Append(' ').Append(Cite(v.Support, v.Articles)).AppendLine("</li>");
                    }
                }
                sb.AppendLine("</ul>");
            }
            sb.AppendLine("</details></section>");
        }

        OnlyInOne(sb, b, originals, prefix, Cite, citedPerSourceLine);

        if (b.Timeline.Count > 0)
        {
            Fold(sb, prefix, "timeline", $"Timeline ({b.Timeline.Count})", open: false);
            sb.AppendLine("<ul class=\"timeline\">");
            foreach (var t in b.Timeline)
            {
                sb.Append("<li").Append(t.Disputed ? " class=\"disputed\"" : "").Append("><time data-value=\"").Append(E(t.When)).Append("\">").Append(E(TimeLabel.Of(t.When))).Append("</time> ").Append(E(t.Text)).Append(' ').Append(Cite(t.Support, t.Articles)).Append(t.Disputed ? " <em>(disputed)</em>" : "").AppendLine("</li>");
            }
            sb.AppendLine("</ul></details></section>");
        }

        var names = b.Entities.Where(e => e.Articles.Count >= 2 || e.Variants.Count > 0 || e.Type == EntityType.Person).ToList();
        if (names.Count > 0)
        {
            Fold(sb, prefix, "names", $"Names ({names.Count})", open: false);
            sb.AppendLine("<ul class=\"names\">");
            foreach (var e in names)
            {
                sb.Append("<li><strong>").Append(E(e.Name)).Append("</strong> <span class=\"type\">").Append(e.Type.ToString().ToLowerInvariant());
                if (e.Title is not null) sb.Append(", ").Append(E(e.Title));
                sb.Append("</span> ").Append(Cite([], e.Articles));
                foreach (var v in e.Variants.Where(v => v.Name != e.Name))
                {
                    sb.Append(" <span class=\"").Append(v.Suspect ? "suspect" : "alias").Append("\">also <em>").Append(E(v.Name)).Append("</em>").Append(v.Suspect ? " (suspect)" : "").Append("</span> ").Append(Cite([], v.Articles));
                }
                sb.AppendLine("</li>");
            }
            sb.AppendLine("</ul></details></section>");
        }

        SideBySide(sb, b, prefix, articleHref);
        sb.AppendLine("</article>");
    }

    /// <summary>The story's date, or the days its articles span when they differ.</summary>
    private static string Dates(Brief b)
    {
        var days = b.Articles.Where(a => a.Article.Published is not null && !a.Article.PublishedInferred).Select(a => a.Article.Published!.Value).ToList();
        string date = b.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        if (days.Count < 2 || days.Min() == days.Max()) return date;
        return $"reported {days.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {days.Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Opens a folding section: a landmark named by its heading, the heading in the summary a reader clicks.</summary>
    private static void Fold(StringBuilder sb, string prefix, string key, string heading, bool open)
    {
        sb.Append("<section class=\"fold\" aria-labelledby=\"").Append(prefix).Append('-').Append(key).Append("\"><details").Append(open ? " open" : "").Append("><summary><h2 id=\"")
          .Append(prefix).Append('-').Append(key).Append("\">").Append(E(heading)).AppendLine("</h2></summary>");
    }

    private static void Conflicts(StringBuilder sb, Brief b, string prefix, Func<IEnumerable<Support>, IEnumerable<string>, int, string> cite)
    {
        sb.Append("<section aria-labelledby=\"").Append(prefix).Append("-conflicts\"><h2 id=\"").Append(prefix).AppendLine("-conflicts\">Where they differ</h2>");
        if (b.Conflicts.Count == 0) sb.AppendLine("<p class=\"none\">No contradictions found.</p>");
        foreach (var c in b.Conflicts)
        {
            sb.Append("<div class=\"conflict ").Append(c.Kind.ToString().ToLowerInvariant()).Append("\"><h3><span class=\"kind\">").Append(BriefMarkdown.KindLabel(c.Kind)).Append("</span> ").Append(E(c.About)).AppendLine("</h3><ul>");
            foreach (var v in c.Variants)
            {
                sb.Append("<li><code>").Append(E(c.Kind == ConflictKind.Quote ? "“" + v.Text + "”" : c.Kind == ConflictKind.Time ? TimeLabel.Of(v.Value) : v.Value)).Append("</code>");
                if (c.Kind != ConflictKind.Quote && v.Text != v.Value) sb.Append(" <q>").Append(E(v.Text)).Append("</q>");
                sb.Append(' ').Append(cite(v.Support, v.Articles, int.MaxValue)).AppendLine("</li>");
            }
            sb.AppendLine("</ul>");
            if (c.Kind == ConflictKind.Quote && c.Variants.Count >= 2)
            {
                sb.Append("<p class=\"diff\">");
                foreach (var (op, text) in Edit.WordDiff(c.Variants[0].Text, c.Variants[1].Text))
                {
                    sb.Append(op switch { Edit.DiffOp.Removed => "<del>" + E(text) + "</del> ", Edit.DiffOp.Added => "<ins>" + E(text) + "</ins> ", _ => E(text) + " " });
                }
                sb.AppendLine("</p>");
            }
            sb.AppendLine("</div>");
        }
        sb.AppendLine("</section>");
    }

    /// <summary>Beside the summary: each outlet that carries the story, its reports linked to their originals, and the coverage chart.</summary>
    private static void Carriers(StringBuilder sb, Brief b, List<BriefArticle> originals, string prefix)
    {
        sb.Append("<aside class=\"story-side\" aria-labelledby=\"").Append(prefix).Append("-who\"><h2 id=\"").Append(prefix).AppendLine("-who\">Who reports it</h2><ul class=\"carriers\">");
        const int listed = 12;
        var outlets = originals.GroupBy(a => Outlets.Key(a.Article), StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => b.CitationOf(g.First().Id)).ToList();
        foreach (var (g, k) in outlets.Select((g, k) => (g, k)))
        {
            if (k == listed) sb.Append("<li class=\"more\"><details><summary>").Append(outlets.Count - listed).AppendLine(" more outlets</summary><ul class=\"carriers\">");
            var first = g.First();
            // An article with no outlet named is listed by its headline alone.
            string? outlet = Outlets.Name(first.Article);
            sb.Append("<li>");
            if (outlet is not null) sb.Append("<strong>").Append(E(outlet)).Append("</strong>");
            if (Leanings.Of(first.Article) is { } leaning) sb.Append(" <span class=\"leaning\">").Append(E(leaning)).Append("</span>");
            bool firstLine = outlet is null;
            foreach (var a in g)
            {
                int n = b.CitationOf(a.Id);
                if (!firstLine) sb.Append("<br>");
                firstLine = false;
                sb.Append("<a class=\"jump\" href=\"#").Append(prefix).Append('a').Append(n).Append("\" data-source=\"").Append(n).Append("\">[").Append(n).Append("] ").Append(E(BriefBuilder.Shorten(a.Article.Title ?? a.Label, 80))).Append("</a>");
                if (a.Article.Published is { } d && !a.Article.PublishedInferred) sb.Append(" <span class=\"meta\">").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span>");
                if (Fetching.WebAddress.TryParse(a.Article.Url, out var u))
                {
                    sb.Append(" <a class=\"original\" href=\"").Append(E(u.AbsoluteUri)).Append("\" rel=\"noopener noreferrer nofollow\">original</a>");
                }
            }
            sb.AppendLine("</li>");
        }
        if (outlets.Count > listed) sb.AppendLine("</ul></details></li>");
        sb.AppendLine("</ul>");
        if (CoverageChart.Svg(b) is { } chart) sb.Append("<figure class=\"chart\">").Append(chart).AppendLine("<figcaption>Articles per outlet over time; hover a dot for its date.</figcaption></figure>");
        sb.AppendLine("</aside>");
    }

    /// <summary>What each source alone reports, the sources with most to add first, each capped with the rest folded away.</summary>
    private static void OnlyInOne(StringBuilder sb, Brief b, List<BriefArticle> originals, string prefix, Func<IEnumerable<Support>, IEnumerable<string>, int, string> cite, int citedPerSourceLine)
    {
        var sources = originals.Select(a => (Article: a, Unique: b.UniqueTo(a.Id).ToList(), Disputes: b.DisputedBy(a.Id).ToList(), Missing: b.MissingFrom(a.Id).ToList()))
            .Where(x => x.Unique.Count + x.Disputes.Count + x.Missing.Count > 0)
            .OrderByDescending(x => x.Unique.Count).ThenBy(x => b.CitationOf(x.Article.Id)).ToList();
        if (sources.Count == 0) return;
        Fold(sb, prefix, "unique", $"Only in one source ({sources.Sum(x => x.Unique.Count)})", open: false);
        const int sourcesShown = 8;
        for (int k = 0; k < sources.Count; k++)
        {
            var (a, unique, disputes, missing) = sources[k];
            if (k == sourcesShown) sb.Append("<details class=\"more\"><summary>").Append(sources.Count - sourcesShown).AppendLine(" more sources</summary>");
            sb.Append("<h3>[").Append(b.CitationOf(a.Id)).Append("] ").Append(E(a.Label));
            if (a.Article.Title is { } title && title != a.Label) sb.Append(" <span class=\"headline\">").Append(E(BriefBuilder.Shorten(title, 90))).Append("</span>");
            sb.AppendLine("</h3><ul>");
            for (int i = 0; i < unique.Count; i++)
            {
                var f = unique[i];
                // The most newsworthy few are shown; the rest fold away under one line.
                if (i == Newsworthiness.Shown) sb.Append("<li class=\"more\"><details><summary>").Append(unique.Count - i).AppendLine(" more</summary><ul>");
                sb.Append("<li>").Append(E(f.Display)).Append(' ').Append(cite(f.Support, f.Articles, int.MaxValue));
                if (f.DisputedBy.Count > 0) sb.Append(" <span class=\"disputed\">— ").Append(cite([], f.DisputedBy, citedPerSourceLine)).Append(" differ").Append(f.DisputedBy.Count == 1 ? "s" : "").Append("</span>");
                sb.AppendLine("</li>");
            }
            if (unique.Count > Newsworthiness.Shown) sb.AppendLine("</ul></details></li>");
            foreach (var f in disputes) sb.Append("<li class=\"missing\">Disputes: ").Append(E(BriefBuilder.Shorten(f.Display, 90))).Append(' ').Append(cite(f.Support, f.Agreeing, citedPerSourceLine)).AppendLine("</li>");
            if (missing.Count > 0)
            {
                sb.Append("<li class=\"missing\">Leaves out: ").Append(string.Join("; ", missing.Select(f => E(BriefBuilder.Shorten(f.Display, 90)) + " " + cite(f.Support, f.Articles, citedPerSourceLine)))).AppendLine("</li>");
            }
            sb.AppendLine("</ul>");
        }
        if (sources.Count > sourcesShown) sb.AppendLine("</details>");
        sb.AppendLine("</details></section>");
    }

    /// <summary>
    /// The sources' texts, where citations light their spans. A reader picks which two or three to read side by side
    /// (the script shows only those; without it every source is shown); a citation to a source not shown brings it in.
    /// </summary>
    private static void SideBySide(StringBuilder sb, Brief b, string prefix, Func<string, string>? articleHref)
    {
        sb.Append("<section class=\"side-by-side\" aria-labelledby=\"").Append(prefix).Append("-sources\"><h2 id=\"").Append(prefix).AppendLine("-sources\">Sources side by side</h2>");
        if (b.Articles.Count > 1)
        {
            sb.Append("<fieldset class=\"pick\" data-story=\"").Append(prefix).Append("\"><legend>Compare (choose up to ").Append(MaxCompared).AppendLine(")</legend>");
            foreach (var a in b.Articles)
            {
                int n = b.CitationOf(a.Id);
                sb.Append("<label><input type=\"checkbox\" value=\"").Append(n).Append('"').Append(n <= MaxCompared ? " checked" : "").Append("> [").Append(n).Append("] ").Append(E(a.Label)).AppendLine("</label>");
            }
            sb.AppendLine("</fieldset>");
        }
        sb.AppendLine("<div class=\"sources\">");
        var spansByArticle = AllSupport(b).GroupBy(s => s.Article).ToDictionary(g => g.Key, g => g.Select(s => s.Span).ToList());
        foreach (var a in b.Articles)
        {
            int n = b.CitationOf(a.Id);
            sb.Append("<div class=\"source\" id=\"").Append(prefix).Append('a').Append(n).Append("\" data-source=\"").Append(n).Append("\" tabindex=\"-1\"><h3>[").Append(n).Append("] ");
            if (articleHref is null) sb.Append(E(a.Label));
            else sb.Append("<a href=\"").Append(E(articleHref(a.Id))).Append("\">").Append(E(a.Label)).Append("</a>");
            sb.AppendLine("</h3>");
            sb.Append("<p class=\"meta\">").Append(a.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated");
            if (a.Article.PublishedInferred) sb.Append(" (inferred)");
            if (a.DuplicateOf is not null) sb.Append(" · copy of [").Append(b.CitationOf(a.DuplicateOf)).Append(']');
            // The original, for the reader to check the brief against; the article's id stays for whoever needs it.
            if (Fetching.WebAddress.TryParse(a.Article.Url, out var u))
            {
                sb.Append(" · <a class=\"original\" href=\"").Append(E(u.AbsoluteUri)).Append("\" rel=\"noopener noreferrer nofollow\">original at ").Append(E(u.Host)).Append("</a>");
            }
            sb.Append(" · <span class=\"id\">").Append(E(a.Id)).Append("</span>");
            sb.AppendLine("</p>");
            if (a.Article.Title is { } t) sb.Append("<h4>").Append(E(t)).AppendLine("</h4>");
            sb.Append("<div class=\"text\">");
            Segments(sb, a.Analysis.Text, spansByArticle.GetValueOrDefault(a.Id) ?? [], $"{prefix}a{n}");
            sb.AppendLine("</div></div>");
        }
        sb.AppendLine("</div></section>");
    }

    /// <summary>How many sources are read side by side at once.</summary>
    public const int MaxCompared = 3;

    /// <summary>The article text cut at every supported span's edges, so any span can be lit by lighting its segments.</summary>
    private static void Segments(StringBuilder sb, string text, List<Span> spans, string key)
    {
        foreach (var (start, end) in TextPieces.Cut(text.Length, spans))
        {
            sb.Append("<span data-a=\"").Append(key).Append("\" data-s=\"").Append(start).Append("\" data-e=\"").Append(end).Append("\">").Append(E(text[start..end])).Append("</span>");
        }
    }

    private static IEnumerable<Support> AllSupport(Brief b) =>
        b.Facts.SelectMany(f => f.Support)
            .Concat(b.Conflicts.SelectMany(c => c.Variants.SelectMany(v => v.Support)))
            .Concat(b.Quotes.SelectMany(q => q.Variants.SelectMany(v => v.Support)))
            .Concat(b.Timeline.SelectMany(t => t.Support));

    private static string E(string s) => Markup.Escape(s);

    /// <summary>The brief's stylesheet.</summary>
    public const string Css = """
        body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 2rem; color: #1d1d1f; }
        h1 { margin: 0; line-height: 1.25; } .meta { color: #595959; margin-top: .2rem; font-size: 90%; }
        section { margin: 1.2rem 0; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; font-size: 125%; }
        .story-top { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 2rem; align-items: start; }
        .story-side { border: 1px solid #ddd; border-radius: 6px; padding: .2rem 1rem .8rem; font-size: 92%; }
        .story-side h2 { font-size: 105%; margin: .6rem 0; }
        .carriers { list-style: none; padding: 0; margin: 0; } .carriers > li { margin: .4rem 0; }
        .carriers .jump { color: #0b57a4; } .carriers .original { font-size: 85%; color: #0b57a4; }
        .leaning { font-size: 80%; color: #595959; border: 1px solid #ccc; border-radius: 3px; padding: 0 .3rem; }
        .chart { margin: .8rem 0 0; overflow-x: auto; } .chart figcaption { font-size: 80%; color: #595959; }
        .coverage-chart { max-width: 100%; height: auto; } .coverage-chart text { font: 11px system-ui, sans-serif; fill: #333; }
        .coverage-chart .row { stroke: #e4e4e4; } .coverage-chart .mark { fill: #0b57a4; fill-opacity: .8; } .coverage-chart .mark.undated { fill: #8a8a8a; }
        .fold > details > summary { cursor: pointer; list-style: none; } .fold > details > summary::-webkit-details-marker { display: none; }
        .fold > details > summary h2 { display: flex; align-items: center; gap: .4rem; margin: 0; }
        .fold > details > summary h2::before { content: "▸"; color: #595959; font-size: 80%; } .fold > details[open] > summary h2::before { content: "▾"; }
        .fold > details > summary:focus-visible { outline: 2px solid #0b57a4; outline-offset: 2px; }
        .headline { font-weight: normal; color: #595959; font-size: 90%; }
        .count { display: inline-block; min-width: 2.2em; font-weight: 600; color: #0a6b3d; }
        .conflict { border-left: 4px solid #c62828; padding: .2rem .8rem; margin: .8rem 0; background: #fff6f6; }
        .conflict h3 { font-size: 100%; margin: .3rem 0; } .kind { background: #c62828; color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: 80%; margin-right: .3rem; }
        .timeline { list-style: none; padding-left: 0; } .diff del { background: #fdd; } .diff ins { background: #dfd; text-decoration: none; }
        .suspect, .disputed { color: #b00020; } .alias { color: #595959; } .type { color: #595959; font-size: 90%; } .missing { color: #595959; font-style: italic; }
        .variant { border-left: 3px solid #e90; padding-left: .5rem; list-style: none; }
        a.cite { text-decoration: none; color: #0b57a4; font-size: 85%; vertical-align: super; margin-left: 1px; }
        a.cite:focus-visible, .source:focus-visible { outline: 2px solid #0b57a4; outline-offset: 1px; }
        .pick { border: 1px solid #ddd; border-radius: 6px; display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 .8rem; }
        .pick label { overflow-wrap: anywhere; }
        .story-main, .story-side { min-width: 0; }
        .sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; }
        .source { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; max-height: 80vh; overflow: auto; }
        .source[hidden] { display: none; }
        .source .text { white-space: pre-wrap; font-size: 92%; }
        .source .meta .id, .story-head .id { font-size: 85%; color: #6b6b6b; }
        .hl { background: #ffe066; outline: 1px solid #e0b000; }
        time { font-family: monospace; font-weight: 600; margin-right: .4rem; } code { background: #f2f2f2; padding: 0 .3rem; }
        @media (max-width: 760px) { body { padding: .5rem 1rem; } .story-top { grid-template-columns: 1fr; gap: .5rem; } .sources { grid-template-columns: 1fr; } .source { max-height: 60vh; } }
        """;

    /// <summary>
    /// The brief's script: citations light up their supporting spans on hover and focus, and pin them on click (or Enter);
    /// the reader chooses which sources to read side by side, and a citation to one not shown brings it in.
    /// </summary>
    public const string Script = """
        (function () {
          function spans(el) {
            return (el.getAttribute('data-spans') || '').split(' ').filter(Boolean).map(function (s) {
              var i = s.lastIndexOf(':'); var r = s.slice(i + 1).split('-');
              return { a: s.slice(0, i), s: +r[0], e: +r[1] };
            });
          }
          function light(el, on) {
            var first = null;
            spans(el).forEach(function (sp) {
              document.querySelectorAll('span[data-a="' + sp.a + '"]').forEach(function (seg) {
                var s = +seg.getAttribute('data-s'), e = +seg.getAttribute('data-e');
                if (s >= sp.s && e <= sp.e) { seg.classList.toggle('hl', on); if (!first) first = seg; }
              });
            });
            return first;
          }
          var max = 3;
          function pickers(story) { return story ? story.querySelectorAll('.pick input[type=checkbox]') : []; }
          function apply(story) {
            var chosen = {};
            pickers(story).forEach(function (box) { chosen[box.value] = box.checked; });
            story.querySelectorAll('.sources > .source').forEach(function (panel) {
              panel.hidden = chosen[panel.getAttribute('data-source')] === false;
            });
          }
          function show(panel) {
            if (!panel || !panel.hidden) return;
            var story = panel.closest('article.story'), boxes = Array.prototype.slice.call(pickers(story));
            var checked = boxes.filter(function (b) { return b.checked; });
            if (checked.length >= max) checked[checked.length - 1].checked = false;
            boxes.forEach(function (b) { if (b.value === panel.getAttribute('data-source')) b.checked = true; });
            apply(story);
          }
          document.querySelectorAll('article.story').forEach(function (story) {
            var boxes = pickers(story);
            boxes.forEach(function (box) {
              box.addEventListener('change', function () {
                var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
                if (checked.length > max) box.checked = false;
                if (checked.length === 0) box.checked = true;
                apply(story);
              });
            });
            if (boxes.length) apply(story);
          });
          var pinned = null;
          document.querySelectorAll('a.cite').forEach(function (a) {
            a.addEventListener('mouseenter', function () { light(a, true); });
            a.addEventListener('mouseleave', function () { if (pinned !== a) light(a, false); });
            a.addEventListener('focus', function () { light(a, true); });
            a.addEventListener('blur', function () { if (pinned !== a) light(a, false); });
            a.addEventListener('click', function (ev) {
              ev.preventDefault();
              if (pinned) light(pinned, false);
              pinned = a;
              var panel = document.querySelector(a.getAttribute('href'));
              show(panel);
              var first = light(a, true);
              var target = first || panel;
              if (target) target.scrollIntoView({ behavior: 'smooth', block: 'center' });
              if (panel) panel.focus({ preventScroll: true });
            });
          });
          document.querySelectorAll('a.jump').forEach(function (a) {
            a.addEventListener('click', function () { show(document.querySelector(a.getAttribute('href'))); });
          });
        })();
        """;
}
