using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>A cross-source brief of one story.</summary>
public sealed record Brief(
    string Id,
    string Title,
    DateOnly? Date,
    IReadOnlyList<BriefArticle> Articles,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<QuoteGroup> Quotes,
    IReadOnlyList<EntityGroup> Entities,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Conflicts found but held back: their confidence is below <see cref="Conflicts.ShowAt"/> (kept for JSON and <c>--all</c>).</summary>
    public IReadOnlyList<Conflict> HeldBackConflicts { get; init; } = [];

    /// <summary>Independent sources: the outlets of the articles that are not copies (several articles of one outlet are one source).</summary>
    public int IndependentSources => Outlets.Count(Articles.Where(a => a.DuplicateOf is null).Select(a => a.Article));

    /// <summary>Outlets that carry more than one of the story's independent articles, with how many ("3 articles from Fox News").</summary>
    public IReadOnlyList<(string Outlet, int Articles)> RepeatedOutlets =>
        [.. Articles.Where(a => a.DuplicateOf is null).GroupBy(a => Outlets.Key(a.Article), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => (Label: Outlets.NameOf(g.Select(a => a.Article)) ?? g.First().Label, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Label, StringComparer.Ordinal)];

    /// <summary>Facts carried by one independent source only, per article, most newsworthy first (see <see cref="Newsworthiness"/>).</summary>
    public IEnumerable<Fact> UniqueTo(string articleId)
    {
        var unique = Facts.Where(f => f.Sources == 1 && !f.Topic && !f.StatedElsewhere && f.Articles.Contains(articleId)).ToList();
        var article = Articles.FirstOrDefault(a => a.Id == articleId)?.Analysis;
        // A stable sort: among equals, the order the article tells them.
        return article is null ? unique : unique.OrderByDescending(f => Newsworthiness.Of(f, article));
    }

    /// <summary>Facts most other sources carry that this article does not.</summary>
    public IEnumerable<Fact> MissingFrom(string articleId)
    {
        int independent = IndependentSources;
        return Facts.Where(f => f.Agreed && f.Sources * 2 > independent - 1 && !f.Articles.Contains(articleId) && !f.Touched.Contains(articleId) && !f.DisputedBy.Contains(articleId));
    }

    /// <summary>Corroborated facts for which this article gives another date or figure than most sources.</summary>
    public IEnumerable<Fact> DisputedBy(string articleId)
    {
        var index = Lookups.GetValue(this, static b => new Index());
        return (index.Disputes ??= Disputes()).GetValueOrDefault(articleId) ?? [];
    }

    // Lookups worked out once per brief object, kept beside it rather than in it, so record equality and 'with' copies
    // never see them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Brief, Index> Lookups = new();

    private sealed class Index
    {
        public Dictionary<string, int>? Citations;
        public Dictionary<string, List<Fact>>? Disputes;
    }

    /// <summary>For each article, the facts it disputes, worked out once: asked per article, it made rendering a large story cubic.</summary>
    private Dictionary<string, List<Fact>> Disputes()
    {
        var byArticle = new Dictionary<string, List<Fact>>(StringComparer.Ordinal);
        foreach (var f in Facts)
        {
            if (f.DisputedBy.Count == 0) continue;
            int agreeing = f.Agreeing.Count();
            if (agreeing < 2 || agreeing < f.DisputedBy.Count) continue;
            foreach (var a in f.DisputedBy.Distinct(StringComparer.Ordinal))
            {
                if (!byArticle.TryGetValue(a, out var list)) byArticle[a] = list = [];
                list.Add(f);
            }
        }
        return byArticle;
    }

    /// <summary>1-based citation number of an article (0 for one not in the brief); looked up, since rendering asks for every citation.</summary>
    public int CitationOf(string articleId)
    {
        var citations = Lookups.GetValue(this, static b => new Index()).Citations ??= Articles.Select((a, i) => (a.Id, N: i + 1)).DistinctBy(x => x.Id, StringComparer.Ordinal).ToDictionary(x => x.Id, x => x.N, StringComparer.Ordinal);
        return citations.GetValueOrDefault(articleId);
    }
}

/// <summary>An article as the brief lists it, with the analysis its spans index.</summary>
public sealed record BriefArticle(AnalyzedArticle Analysis, string? DuplicateOf)
{
    public string Id => Analysis.Id;

    public Article Article => Analysis.Article;

    /// <summary>
    /// How the article is named to a reader: its outlet (source name, else its address's host), else its title, else its
    /// opening words; never a file name or an id, which mean nothing to a reader.
    /// </summary>
    public string Label => Outlets.Name(Article) ?? (string.IsNullOrWhiteSpace(Article.Title) ? Opening(Article.Text) ?? Article.Id : Article.Title.Trim());

    private static string? Opening(string text)
    {
        string line = Text.Words.SingleSpaced(text.TrimStart().Split('\n', 2)[0]).Trim();
        return line.Length == 0 ? null : BriefBuilder.Shorten(line, 60);
    }
}

/// <summary>A span of one article's text that supports a statement of the brief.</summary>
public sealed record Support(string Article, Span Span);

/// <summary>A proposition stated by one or more sources, in the words of one of them.</summary>
public sealed record Fact(string Text, IReadOnlyList<string> Articles, IReadOnlyList<Support> Support, int Sources)
{
    /// <summary>Sources that say part of it in a sentence not aligned with it: not counted as support, not reported as leaving it out.</summary>
    public IReadOnlyList<string> Touched { get; init; } = [];

    /// <summary>Sources that state this fact with a different date or figure than <see cref="Text"/> gives (see the conflicts).</summary>
    public IReadOnlyList<string> DisputedBy { get; init; } = [];

    /// <summary>Sources that state the fact as <see cref="Text"/> words it.</summary>
    public IEnumerable<string> Agreeing => Articles.Where(a => !DisputedBy.Contains(a));

    /// <summary>The article whose sentence is <see cref="Text"/>.</summary>
    public required string TextFrom { get; init; }

    /// <summary>
    /// Whom <see cref="Text"/> is about when it is one claim of a longer sentence whose subject is written outside it
    /// ("emphasized that Taiwan's return …" about Xi Jinping); shown in brackets before the text. Null otherwise.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>
    /// Sources that state only part of the claim as <see cref="Text"/> words it (their sentence carries under half of its
    /// names, words, dates and figures): counted, and shown as partial.
    /// </summary>
    public IReadOnlyList<string> Partial { get; init; } = [];

    /// <summary>Whether <see cref="Text"/> is one part of a sentence that makes several claims.</summary>
    public bool Part { get; init; }

    /// <summary>Whether the fact is one topic of a list of what was discussed ("[the leaders] discussed … Ukraine"); such a topic is never listed as only in one source, since its sentence is.</summary>
    public bool Topic { get; init; }

    /// <summary>Whether, though one source words it so, most of what it lists is stated by other sources too: not listed as only in one source.</summary>
    public bool StatedElsewhere { get; init; }

    /// <summary>The text as a reader sees it: a part of a sentence as a claim on its own (see <see cref="AsClaim"/>).</summary>
    public string Display => Part || Subject is not null ? AsClaim(Text, Subject) : Text;

    /// <summary>
    /// A quotation and nothing else whose speaker the brief does not know: words the sources share, not a statement of
    /// fact, so it is not listed among what the sources agree on (the quote stays under "who said what").
    /// </summary>
    public bool Unattributed { get; init; }

    /// <summary>Whether the fact is listed among what the sources agree on: two or more sources state it, and it says something on its own.</summary>
    public bool Agreed => Sources >= 2 && !Unattributed;

    /// <summary>Sources that state the fact only in part and give no other date or figure for it.</summary>
    public IEnumerable<string> PartlyAgreeing => Partial.Where(a => !DisputedBy.Contains(a));

    /// <summary>
    /// One part of a sentence read on its own: its subject in brackets before it when the source wrote it elsewhere in the
    /// sentence ("[Xi Jinping] emphasized that …"), else a capital to open it, and a full stop when it has no closing punctuation.
    /// </summary>
    public static string AsClaim(string text, string? subject)
    {
        if (subject is not null) text = "[" + subject + "] " + text;
        else if (text.Length > 0 && char.IsLower(text[0])) text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.Length > 0 && text[^1] is not ('.' or '!' or '?' or '”' or '"' or '’') ? text + "." : text;
    }
}

/// <summary>What sources disagree about: a date, a figure, a name's spelling, a quote's wording, a person's title, or something else.</summary>
public enum ConflictKind
{
    Time,
    Quantity,
    Name,
    Quote,
    Other,

    /// <summary>The same words put in the mouths of different people by different sources.</summary>
    Attribution,

    /// <summary>One person given two titles no one holds at once in one organisation ("president" / "CEO").</summary>
    Role,
}

/// <summary>One way a disputed value is stated, and by whom.</summary>
public sealed record Variant(string Value, string Text, IReadOnlyList<string> Articles, IReadOnlyList<Support> Support);

/// <summary>Sources stating the same thing with different values.</summary>
public sealed record Conflict(string About, ConflictKind Kind, IReadOnlyList<Variant> Variants)
{
    /// <summary>
    /// How sure the brief is that the sources really disagree about one thing (0–1). A brief shows a conflict at or above
    /// <see cref="Conflicts.ShowAt"/>; below it the conflict is held back (<see cref="Brief.HeldBackConflicts"/>).
    /// </summary>
    public double Confidence { get; init; } = 1;

    /// <summary>Whether only little words or endings differ ("a circus" / "the circus"): shown beneath the substantive conflicts.</summary>
    public bool Minor { get; init; }
}

/// <summary>One wording of a quotation and the sources that print it.</summary>
public sealed record QuoteVariant(string Text, IReadOnlyList<string> Articles, IReadOnlyList<Support> Support);

/// <summary>A quotation by one speaker, merged across sources; several variants mean the wording differs.</summary>
public sealed record QuoteGroup(string Speaker, string Text, IReadOnlyList<string> Articles, IReadOnlyList<QuoteVariant> Variants, bool Direct)
{
    /// <summary>Variants that render the same words differently in different sources (empty when the wording is not in dispute).</summary>
    public IReadOnlyList<QuoteVariant> Disputed { get; init; } = [];

    /// <summary>How sure the brief is that <see cref="Disputed"/> are one remark worded differently (see <see cref="Quotes.QuoteWording.Confidence"/>).</summary>
    public double DisputeConfidence { get; init; }

    /// <summary>Whether the disputed wordings differ only in little words or endings.</summary>
    public bool MinorDispute { get; init; }
}

/// <summary>A spelling of a name and the sources using it; suspect when most sources spell it otherwise.</summary>
public sealed record NameVariant(string Name, IReadOnlyList<string> Articles, bool Suspect)
{
    /// <summary>How this spelling differs from the canonical one: the same, typography, a short form, another romanisation, or a suspect slip.</summary>
    public Resolution.NameVariantKind Kind { get; init; }
}

/// <summary>A person, organisation or place across the story, under its canonical (majority) spelling.</summary>
public sealed record EntityGroup(string Name, EntityType Type, string? Title, IReadOnlyList<string> Articles, IReadOnlyList<NameVariant> Variants, int Mentions);

/// <summary>A dated event of the story; disputed when sources give it different dates (see the conflicts).</summary>
public sealed record TimelineEntry(string When, string Text, IReadOnlyList<string> Articles, IReadOnlyList<Support> Support)
{
    public bool Disputed { get; init; }
}

/// <summary>A sentence of the neutral summary: a best-corroborated fact in a source's own words, with its citations.</summary>
public sealed record SummarySentence(string Text, IReadOnlyList<string> Articles);
