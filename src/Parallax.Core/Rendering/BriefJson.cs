using System.Globalization;
using System.Text.Json;
using Parallax.Briefing;
using Parallax.Rendering.Contract;

namespace Parallax.Rendering;

/// <summary>Writes briefs as JSON: the contract in <see cref="Contract.BriefDocument"/>, version <see cref="Version"/> (see the README for what changed from version 1).</summary>
public static class BriefJson
{
    /// <summary>The contract's version, written as <c>"version"</c>.</summary>
    public const string Version = "2";

    private static readonly BriefContractJson Compact = new(new JsonSerializerOptions(BriefContractJson.Default.Options) { WriteIndented = false });

    public static string Write(IReadOnlyList<Brief> briefs) =>
        JsonSerializer.Serialize(new BriefDocument(Version, [.. briefs.Select(Of)]), BriefContractJson.Default.BriefDocument) + "\n";

    /// <summary>One story's brief as a JSON object, as it appears in the <c>stories</c> array.</summary>
    public static string WriteStory(Brief brief, bool indented = false) =>
        JsonSerializer.Serialize(Of(brief), indented ? BriefContractJson.Default.StoryBrief : Compact.StoryBrief);

    /// <summary>The contract record of one brief.</summary>
    public static StoryBrief Of(Brief b) => new(
        b.Id,
        b.Title,
        Day(b.Date),
        [.. b.Articles.Select(a => new ArticleItem(a.Id, a.Article.Source, a.Article.Title, a.Article.Url, Day(a.Article.Published), a.Article.PublishedInferred, a.DuplicateOf))],
        [.. b.Summary.Select(s => new SummaryItem(s.Text, s.Articles))],
        [.. b.Facts.Select(f => new FactItem(f.Text, f.TextFrom, f.Subject, f.Sources, f.Articles, f.DisputedBy, f.Partial, Support(f.Support)) { Topic = f.Topic, Unattributed = f.Unattributed })],
        [.. b.Conflicts.Select(Item)],
        [.. b.Quotes.Select(q => new QuoteItem(q.Speaker, q.Text, q.Direct, q.Articles, [.. q.Variants.Select(v => new VariantItem(null, v.Text, v.Articles, Support(v.Support)))]))],
        [.. b.Entities.Select(e => new EntityItem(e.Name, e.Type.ToString().ToLowerInvariant(), e.Title, e.Mentions, e.Articles,
            [.. e.Variants.Select(v => new NameVariantItem(v.Name, v.Articles, v.Suspect, JsonNamingPolicy.CamelCase.ConvertName(v.Kind.ToString())))]))],
        [.. b.Timeline.Select(t => new TimelineItem(t.When, TimeLabel.Of(t.When), t.Text, t.Disputed, t.Articles, Support(t.Support)))])
    {
        HeldBackConflicts = b.HeldBackConflicts.Count == 0 ? null : [.. b.HeldBackConflicts.Select(Item)],
    };

    private static ConflictItem Item(Conflict c) =>
        new(c.About, c.Kind.ToString().ToLowerInvariant(), [.. c.Variants.Select(v => new VariantItem(v.Value, v.Text, v.Articles, Support(v.Support)))]) { Confidence = Math.Round(c.Confidence, 3), Minor = c.Minor };

    private static List<SupportItem> Support(IEnumerable<Support> support) => [.. support.Select(s => new SupportItem(s.Article, s.Span.Start, s.Span.End))];

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
