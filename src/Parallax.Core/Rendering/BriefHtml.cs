using System.Globalization;
using System.Net;
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
        sb.Append("<article class=\"story\" id=\"").Append(prefix).AppendLine("\">");
        sb.Append("<h1>").Append(E(b.Title)).AppendLine("</h1>");
        sb.Append("<p class=\"meta\">").Append(b.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated").Append(" · ").Append(independent).Append(independent == 1 ? " source" : " sources");
        foreach (var (outlet, count) in b.RepeatedOutlets) sb.Append(" · ").Append(count).Append(" articles from ").Append(E(outlet));
        sb.Append(" · ").Append(E(b.Id)).AppendLine("</p>");

        if (b.Summary.Count > 0)
        {
            sb.AppendLine("<section><h2>Summary</h2><p class=\"summary\">");
            foreach (var s in b.Summary)
            {
                var support = b.Facts.FirstOrDefault(f => f.Text == s.Text || s.Text.Contains(f.Text, StringComparison.OrdinalIgnoreCase))?.Support ?? [];
                sb.Append(E(s.Text)).Append(' ').Append(Cite(support, s.Articles)).Append(' ');
            }
            sb.AppendLine("</p></section>");
        }

        // A section with nothing in it is left out: a one-article story has no agreement to show, many stories no quotes.
        var agreed = b.Facts.Where(f => f.Sources >= 2).ToList();
        if (agreed.Count > 0) sb.AppendLine("<section><h2>What the sources agree on</h2><ul class=\"facts\">");
        foreach (var f in agreed)
        {
            sb.Append("<li><span class=\"count\" title=\"independent sources\">").Append(f.Sources).Append('/').Append(independent).Append("</span> ")
              .Append(E(f.Display)).Append(' ').Append(Cite(f.Support, f.Agreeing));
            var partly = f.PartlyAgreeing.ToList();
            if (partly.Count > 0) sb.Append(" <span class=\"partial\">— ").Append(Cite(f.Support, partly)).Append(" only in part</span>");
            if (f.DisputedBy.Count > 0) sb.Append(" <span class=\"disputed\">— ").Append(Cite(f.Support, f.DisputedBy)).Append(" differ").Append(f.DisputedBy.Count == 1 ? "s" : "").Append(" on a date or figure</span>");
            sb.AppendLine("</li>");
        }
        if (agreed.Count > 0) sb.AppendLine("</ul></section>");

        sb.AppendLine("<section><h2>Where they differ</h2>");
        if (b.Conflicts.Count == 0) sb.AppendLine("<p class=\"none\">No contradictions found.</p>");
        foreach (var c in b.Conflicts)
        {
            sb.Append("<div class=\"conflict ").Append(c.Kind.ToString().ToLowerInvariant()).Append("\"><h3><span class=\"kind\">").Append(BriefMarkdown.KindLabel(c.Kind)).Append("</span> ").Append(E(c.About)).AppendLine("</h3><ul>");
            foreach (var v in c.Variants)
            {
                sb.Append("<li><code>").Append(E(c.Kind == ConflictKind.Quote ? "“" + v.Text + "”" : c.Kind == ConflictKind.Time ? TimeLabel.Of(v.Value) : v.Value)).Append("</code>");
                if (c.Kind != ConflictKind.Quote && v.Text != v.Value) sb.Append(" <q>").Append(E(v.Text)).Append("</q>");
                sb.Append(' ').Append(Cite(v.Support, v.Articles)).AppendLine("</li>");
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

        if (b.Quotes.Count > 0) sb.AppendLine("<section><h2>Who said what</h2>");
        foreach (var speaker in b.Quotes.GroupBy(q => q.Speaker).OrderByDescending(g => g.Sum(q => q.Articles.Count)))
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
        if (b.Quotes.Count > 0) sb.AppendLine("</section>");

        sb.AppendLine("<section><h2>Only in one source</h2>");
        foreach (var a in b.Articles.Where(a => a.DuplicateOf is null))
        {
            sb.Append("<h3>[").Append(b.CitationOf(a.Id)).Append("] ").Append(E(a.Label)).AppendLine("</h3><ul>");
            var unique = b.UniqueTo(a.Id).ToList();
            for (int k = 0; k < unique.Count; k++)
            {
                var f = unique[k];
                // The most newsworthy few are shown; the rest fold away under one line.
                if (k == Newsworthiness.Shown) sb.Append("<li class=\"more\"><details><summary>").Append(unique.Count - k).AppendLine(" more</summary><ul>");
                sb.Append("<li>").Append(E(f.Display)).Append(' ').Append(Cite(f.Support, f.Articles));
                if (f.DisputedBy.Count > 0) sb.Append(" <span class=\"disputed\">— ").Append(Cite([], f.DisputedBy, citedPerSourceLine)).Append(" differ").Append(f.DisputedBy.Count == 1 ? "s" : "").Append("</span>");
                sb.AppendLine("</li>");
            }
            if (unique.Count > Newsworthiness.Shown) sb.AppendLine("</ul></details></li>");
            foreach (var f in b.DisputedBy(a.Id)) sb.Append("<li class=\"missing\">Disputes: ").Append(E(BriefBuilder.Shorten(f.Display, 90))).Append(' ').Append(Cite(f.Support, f.Agreeing, citedPerSourceLine)).AppendLine("</li>");
            var missing = b.MissingFrom(a.Id).ToList();
            if (missing.Count > 0)
            {
                sb.Append("<li class=\"missing\">Leaves out: ").Append(string.Join("; ", missing.Select(f => E(BriefBuilder.Shorten(f.Display, 90)) + " " + Cite(f.Support, f.Articles, citedPerSourceLine)))).AppendLine("</li>");
            }
            sb.AppendLine("</ul>");
        }
        sb.AppendLine("</section>");

        if (b.Timeline.Count > 0) sb.AppendLine("<section><h2>Timeline</h2><ul class=\"timeline\">");
        foreach (var t in b.Timeline)
        {
            sb.Append("<li").Append(t.Disputed ? " class=\"disputed\"" : "").Append("><time data-value=\"").Append(E(t.When)).Append("\">").Append(E(TimeLabel.Of(t.When))).Append("</time> ").Append(E(t.Text)).Append(' ').Append(Cite(t.Support, t.Articles)).Append(t.Disputed ? " <em>(disputed)</em>" : "").AppendLine("</li>");
        }
        if (b.Timeline.Count > 0) sb.AppendLine("</ul></section>");

        var names = b.Entities.Where(e => e.Articles.Count >= 2 || e.Variants.Count > 0 || e.Type == EntityType.Person).ToList();
        if (names.Count > 0) sb.AppendLine("<section><h2>Names</h2><ul class=\"names\">");
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
        if (names.Count > 0) sb.AppendLine("</ul></section>");

        sb.AppendLine("<section><h2>Sources side by side</h2><div class=\"sources\">");
        var spansByArticle = AllSupport(b).GroupBy(s => s.Article).ToDictionary(g => g.Key, g => g.Select(s => s.Span).ToList());
        foreach (var a in b.Articles)
        {
            int n = b.CitationOf(a.Id);
            sb.Append("<div class=\"source\" id=\"").Append(prefix).Append('a').Append(n).Append("\"><h3>[").Append(n).Append("] ");
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
        sb.AppendLine("</div></section></article>");
    }

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

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The brief's stylesheet.</summary>
    public const string Css = """
        body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 2rem; color: #1d1d1f; }
        h1 { margin-bottom: 0; } .meta { color: #666; margin-top: .2rem; font-size: 90%; }
        section { margin: 1.5rem 0; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
        .count { display: inline-block; min-width: 2.2em; font-weight: 600; color: #0a5; }
        .conflict { border-left: 4px solid #d33; padding: .2rem .8rem; margin: .8rem 0; background: #fff6f6; }
        .conflict h3 { font-size: 100%; margin: .3rem 0; } .kind { background: #d33; color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: 80%; margin-right: .3rem; }
        .timeline { list-style: none; padding-left: 0; } .diff del { background: #fdd; } .diff ins { background: #dfd; text-decoration: none; }
        .suspect, .disputed { color: #b00; } .alias { color: #666; } .type { color: #666; font-size: 90%; } .missing { color: #666; font-style: italic; }
        .variant { border-left: 3px solid #e90; padding-left: .5rem; list-style: none; }
        a.cite { text-decoration: none; color: #06c; font-size: 85%; vertical-align: super; margin-left: 1px; }
        .sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
        .source { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; max-height: 80vh; overflow: auto; }
        .source .text { white-space: pre-wrap; font-size: 92%; }
        .source .meta .id { font-size: 85%; color: #767676; }
        .hl { background: #ffe066; outline: 1px solid #e0b000; }
        time { font-family: monospace; font-weight: 600; margin-right: .4rem; } code { background: #f2f2f2; padding: 0 .3rem; }
        """;

    /// <summary>The brief's script: citations light up their supporting spans on hover, and pin them on click.</summary>
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
          var pinned = null;
          document.querySelectorAll('a.cite').forEach(function (a) {
            a.addEventListener('mouseenter', function () { light(a, true); });
            a.addEventListener('mouseleave', function () { if (pinned !== a) light(a, false); });
            a.addEventListener('click', function (ev) {
              ev.preventDefault();
              if (pinned) light(pinned, false);
              pinned = a;
              var first = light(a, true);
              var target = first || document.querySelector(a.getAttribute('href'));
              if (target) target.scrollIntoView({ behavior: 'smooth', block: 'center' });
            });
          });
        })();
        """;
}
