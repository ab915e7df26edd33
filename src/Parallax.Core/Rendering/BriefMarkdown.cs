using System.Text;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Rendering;

/// <summary>Writes briefs as Markdown for reading and pasting: every statement cited [n] to the numbered sources at the end.</summary>
public static class BriefMarkdown
{
    public static string Write(IReadOnlyList<Brief> briefs)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < briefs.Count; i++)
        {
            if (i > 0) sb.AppendLine().AppendLine("---").AppendLine();
            Story(sb, briefs[i]);
        }
        return sb.ToString();
    }

    private static void Story(StringBuilder sb, Brief b)
    {
        string Cite(IEnumerable<string> ids) => string.Concat(ids.Select(b.CitationOf).Order().Select(n => $"[{n}]"));
        int independent = b.IndependentSources;
        int copies = b.Articles.Count(a => a.DuplicateOf is not null);

        sb.Append("# ").AppendLine(Md.Escape(b.Title)).AppendLine();
        sb.Append('_').Append(b.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated").Append(" · ")
          .Append(independent).Append(independent == 1 ? " source" : " sources");
        foreach (var (outlet, count) in b.RepeatedOutlets) sb.Append(" · ").Append(count).Append(" articles from ").Append(Md.Escape(outlet));
        if (copies > 0) sb.Append(" (+").Append(copies).Append(copies == 1 ? " copy)" : " copies)");
        sb.Append(" · ").Append(b.Id).AppendLine("_").AppendLine();

        if (b.Summary.Count > 0)
        {
            sb.AppendLine("## Summary").AppendLine();
            sb.AppendLine(string.Join(" ", b.Summary.Select(s => Md.Escape(s.Text) + " " + Cite(s.Articles)))).AppendLine();
        }

        var agreed = b.Facts.Where(f => f.Agreed).ToList();
        sb.AppendLine("## What the sources agree on").AppendLine();
        if (agreed.Count == 0) sb.AppendLine("_No statement is carried by more than one source._");
        foreach (var f in agreed)
        {
            sb.Append("- **").Append(f.Sources).Append('/').Append(independent).Append("** ").Append(Md.Escape(f.Display)).Append(' ').Append(Cite(f.Agreeing));
            var partly = f.PartlyAgreeing.ToList();
            if (partly.Count > 0) sb.Append(" — ").Append(Cite(partly)).Append(" only in part");
            sb.AppendLine(f.DisputedBy.Count > 0 ? $" — {Cite(f.DisputedBy)} {(f.DisputedBy.Count == 1 ? "gives" : "give")} a different date or figure, see below" : "");
        }
        sb.AppendLine();

        sb.AppendLine("## Where they differ").AppendLine();
        if (b.Conflicts.Count == 0) sb.AppendLine("_No contradictions found._").AppendLine();
        foreach (var c in b.Conflicts)
        {
            sb.Append("- **").Append(KindLabel(c.Kind)).Append("** — ").Append(Md.Escape(c.About)).Append(c.Minor ? " _(minor: little words only)_" : "")
                .AppendLine(c.Confidence < Briefing.Conflicts.ShowAt ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" _(held back: confidence {c.Confidence:F2})_") : "");
            foreach (var v in c.Variants)
            {
                sb.Append("  - ");
                if (c.Kind == ConflictKind.Quote) sb.Append('“').Append(Md.Escape(v.Text)).Append('”');
                else sb.Append('`').Append((c.Kind == ConflictKind.Time ? TimeLabel.Of(v.Value) : v.Value).Replace('`', '\'')).Append('`').Append(v.Text != v.Value ? " (“" + Md.Escape(v.Text) + "”)" : "");
                sb.Append(' ').AppendLine(Cite(v.Articles));
            }
            if (c.Kind == ConflictKind.Quote && c.Variants.Count >= 2)
            {
                sb.Append("  - _difference:_ ").AppendLine(Diff(c.Variants[0].Text, c.Variants[1].Text));
            }
        }
        if (b.Conflicts.Count > 0) sb.AppendLine();

        sb.AppendLine("## Who said what").AppendLine();
        foreach (var speaker in b.Quotes.GroupBy(q => q.Speaker).OrderByDescending(g => g.Sum(q => q.Articles.Count)))
        {
            sb.Append("### ").AppendLine(Md.Escape(speaker.Key)).AppendLine();
            foreach (var q in speaker)
            {
                if (q.Variants.Count <= 1)
                {
                    sb.Append("- ").Append(q.Direct ? "“" + Md.Escape(q.Text) + "”" : "_(reported)_ " + Md.Escape(q.Text)).Append(' ').AppendLine(Cite(q.Articles));
                    continue;
                }
                sb.AppendLine("- worded differently by different sources:");
                foreach (var v in q.Variants) sb.Append("  - “").Append(Md.Escape(v.Text)).Append("” ").AppendLine(Cite(v.Articles));
            }
            sb.AppendLine();
        }

        sb.AppendLine("## Only in one source").AppendLine();
        foreach (var a in b.Articles.Where(a => a.DuplicateOf is null))
        {
            var unique = b.UniqueTo(a.Id).ToList();
            var missing = b.MissingFrom(a.Id).ToList();
            sb.Append("### [").Append(b.CitationOf(a.Id)).Append("] ").AppendLine(Md.Escape(a.Label)).AppendLine();
            if (unique.Count == 0) sb.AppendLine("- _adds nothing the others lack_");
            foreach (var f in unique.Take(Newsworthiness.Shown))
            {
                sb.Append("- ").Append(Md.Escape(f.Display));
                sb.AppendLine(f.DisputedBy.Count > 0 ? $" — {Cite(f.DisputedBy)} {(f.DisputedBy.Count == 1 ? "gives" : "give")} a different date or figure" : "");
            }
            if (unique.Count > Newsworthiness.Shown) sb.Append("- _and ").Append(unique.Count - Newsworthiness.Shown).AppendLine(" more (all of them in `--format json`)_");
            var disputes = b.DisputedBy(a.Id).ToList();
            if (disputes.Count > 0)
            {
                sb.Append("- _disputes what most others report:_ ").AppendLine(string.Join("; ", disputes.Select(f => Md.Escape(BriefBuilder.Shorten(f.Display, 90)) + " " + Cite(f.Agreeing))));
            }
            if (missing.Count > 0)
            {
                sb.Append("- _leaves out, though most others report it:_ ").AppendLine(string.Join("; ", missing.Select(f => Md.Escape(BriefBuilder.Shorten(f.Display, 90)) + " " + Cite(f.Articles))));
            }
            sb.AppendLine();
        }

        sb.AppendLine("## Timeline").AppendLine();
        if (b.Timeline.Count == 0) sb.AppendLine("_No dated events found._");
        foreach (var t in b.Timeline)
        {
            sb.Append("- **").Append(Md.Escape(TimeLabel.Of(t.When))).Append("** ").Append(Md.Escape(t.Text)).Append(' ').Append(Cite(t.Articles)).AppendLine(t.Disputed ? " — _disputed, see above_" : "");
        }
        sb.AppendLine();

        sb.AppendLine("## Names").AppendLine();
        foreach (var e in b.Entities.Where(e => e.Articles.Count >= 2 || e.Variants.Count > 0 || e.Type == EntityType.Person))
        {
            sb.Append("- **").Append(Md.Escape(e.Name)).Append("** (").Append(e.Type.ToString().ToLowerInvariant());
            if (e.Title is not null) sb.Append(", ").Append(Md.Escape(e.Title));
            sb.Append(") ").Append(Cite(e.Articles));
            var odd = e.Variants.Where(v => v.Name != e.Name).ToList();
            if (odd.Count > 0)
            {
                sb.Append(" — also spelled ").Append(string.Join(", ", odd.Select(v => "_" + Md.Escape(v.Name) + "_ " + Cite(v.Articles) + (v.Suspect ? " (suspect)" : v.Kind == Resolution.NameVariantKind.Transliteration ? " (transliteration)" : ""))));
            }
            sb.AppendLine();
        }
        sb.AppendLine();

        sb.AppendLine("## Sources").AppendLine();
        foreach (var a in b.Articles)
        {
            sb.Append(b.CitationOf(a.Id)).Append(". ").Append(Md.Escape(a.Id));
            if (a.Article.Source is { } s) sb.Append(" — ").Append(Md.Escape(s));
            if (a.Article.Title is { } t) sb.Append(": ").Append(Md.Escape(t));
            sb.Append(" (").Append(a.Article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated");
            if (a.Article.PublishedInferred) sb.Append(", date inferred from the story");
            sb.Append(')');
            if (a.DuplicateOf is not null) sb.Append(" — copy of [").Append(b.CitationOf(a.DuplicateOf)).Append(']');
            if (a.Article.Url is { } u) sb.Append(" <").Append(u.Replace(">", "%3E", StringComparison.Ordinal)).Append('>');
            sb.AppendLine();
        }
    }

    public static string KindLabel(ConflictKind kind) => kind switch
    {
        ConflictKind.Time => "Date",
        ConflictKind.Quantity => "Figure",
        ConflictKind.Name => "Name",
        ConflictKind.Quote => "Quote wording",
        ConflictKind.Attribution => "Who said it",
        ConflictKind.Role => "Title",
        _ => "Other",
    };

    private static string Diff(string a, string b)
    {
        var sb = new StringBuilder();
        foreach (var (op, text) in Edit.WordDiff(a, b))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(op switch
            {
                Edit.DiffOp.Removed => "~~" + Md.Escape(text) + "~~",
                Edit.DiffOp.Added => "**" + Md.Escape(text) + "**",
                _ => Md.Escape(text),
            });
        }
        return sb.ToString();
    }
}
