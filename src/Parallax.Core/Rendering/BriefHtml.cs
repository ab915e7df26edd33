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
        var agreed = b.Facts.Where(f => f.Agreed).ToList();
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
            string? outlet = Outlets.NameOf(g.Select(a => a.Article));
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
                Original(sb, a.Article, " ", _ => "original");
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
            Original(sb, a.Article, " · ", u => "original at " + u.Host);
            sb.Append(" · <span class=\"id\">").Append(E(a.Id)).Append("</span>");
            sb.AppendLine("</p>");
            if (a.Article.Title is { } t) sb.Append("<h4>").Append(E(t)).AppendLine("</h4>");
            sb.Append("<div class=\"text\">");
            Segments(sb, a.Analysis.Text, spansByArticle.GetValueOrDefault(a.Id) ?? [], $"{prefix}a{n}");
            sb.AppendLine("</div></div>");
        }
        sb.AppendLine("</div></section>");
    }

    /// <summary>
    /// A link to the article's original, after <paramref name="separator"/>, when it has an http(s) address (the one rule,
    /// <see cref="Fetching.WebAddress.TryParse"/>); it never sends the reader's page as referrer.
    /// </summary>
    private static void Original(StringBuilder sb, Article article, string separator, Func<Uri, string> text)
    {
        if (!Fetching.WebAddress.TryParse(article.Url, out var u)) return;
        sb.Append(separator).Append("<a class=\"original\" href=\"").Append(E(u.AbsoluteUri)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(E(text(u))).Append("</a>");
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

    /// <summary>The brief's stylesheet (Rendering/Assets/brief.css).</summary>
    public static string Css { get; } = Asset("brief.css");

    /// <summary>The brief's script (Rendering/Assets/brief.js): citations light up their supporting spans on hover and focus, and pin them on click (or Enter); the reader chooses which sources to read side by side, and a citation to one not shown brings it in.</summary>
    public static string Script { get; } = Asset("brief.js");

    private static string Asset(string name)
    {
        using var stream = typeof(BriefHtml).Assembly.GetManifestResourceStream($"Parallax.Rendering.Assets.{name}") ?? throw new InvalidOperationException($"asset {name} missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd();
    }
}
