using System.Text.Json.Serialization;

namespace Parallax.Rendering.Contract;

// The brief's JSON contract, version 2, as types: what `parallax brief --format json` prints, what the store keeps and
// what GET /api/stories/{id} returns. Property order is the order written. Optional fields are left out when empty;
// every other field is always present, null where unknown.

/// <summary>The whole output of <c>parallax brief --format json</c>.</summary>
public sealed record BriefDocument(string Version, IReadOnlyList<StoryBrief> Stories);

/// <summary>One story's brief.</summary>
public sealed record StoryBrief(
    string Id,
    string Title,
    string? Date,
    IReadOnlyList<ArticleItem> Articles,
    IReadOnlyList<SummaryItem> Summary,
    IReadOnlyList<FactItem> Facts,
    IReadOnlyList<ConflictItem> Conflicts,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<EntityItem> Entities,
    IReadOnlyList<TimelineItem> Timeline)
{
    /// <summary>Conflicts found with too little confidence to show (below the brief's threshold); written only when there are some.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConflictItem>? HeldBackConflicts { get; init; }
}

/// <summary>An article of the story: where it comes from and, when it repeats another, which one.</summary>
public sealed record ArticleItem(string Id, string? Source, string? Title, string? Url, string? Published, bool PublishedInferred, string? DuplicateOf);

/// <summary>A sentence of the summary and the sources that state it.</summary>
public sealed record SummaryItem(string Text, IReadOnlyList<string> Articles);

/// <summary>
/// One claim and every independent source that states it: <c>text</c> is the words of <c>textFrom</c>; <c>subject</c>,
/// when present, is whom the claim is about when its sentence names them outside it; <c>partial</c> lists the sources
/// (among <c>articles</c>) that state only part of it; <c>topic</c>, present and true, marks one item of a list of what
/// was discussed, worded with what lies between left out ("the leaders discussed … Ukraine") and supported by the item.
/// </summary>
public sealed record FactItem(
    string Text,
    string TextFrom,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
    int Sources,
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> DisputedBy,
    IReadOnlyList<string> Partial,
    IReadOnlyList<SupportItem> Support)
{
    /// <summary>Whether the claim is one topic of a list of what was discussed; written only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Topic { get; init; }

    /// <summary>Whether the claim is a quotation alone whose speaker the brief does not know (not listed as agreed); written only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unattributed { get; init; }
}

/// <summary>Where sources disagree: kind is time, quantity, name, quote, attribution or other; confidence is how sure the brief is (0–1).</summary>
public sealed record ConflictItem(string About, string Kind, IReadOnlyList<VariantItem> Variants)
{
    public double Confidence { get; init; } = 1;

    /// <summary>Whether only little words or endings differ (a minor quote wording difference); written only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Minor { get; init; }
}

/// <summary>One side of a disagreement, or one wording of a quote (which has no separate value).</summary>
public sealed record VariantItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    string Text,
    IReadOnlyList<string> Articles,
    IReadOnlyList<SupportItem> Support);

/// <summary>Words attributed to one speaker, with each source's wording.</summary>
public sealed record QuoteItem(string Speaker, string Text, bool Direct, IReadOnlyList<string> Articles, IReadOnlyList<VariantItem> Variants);

/// <summary>A person, organisation or place, with every spelling sources use.</summary>
public sealed record EntityItem(string Name, string Type, string? Title, int Mentions, IReadOnlyList<string> Articles, IReadOnlyList<NameVariantItem> Variants);

/// <summary>A spelling of a name: kind is same, typography, shortForm, transliteration or suspectSpelling.</summary>
public sealed record NameVariantItem(string Name, IReadOnlyList<string> Articles, bool Suspect, string Kind);

/// <summary>A dated event: when is the TIMEX3 value, label how a reader writes it.</summary>
public sealed record TimelineItem(string When, string Label, string Text, bool Disputed, IReadOnlyList<string> Articles, IReadOnlyList<SupportItem> Support);

/// <summary>A span of an article's text (UTF-16 offsets, end exclusive) that supports a statement.</summary>
public sealed record SupportItem(string Article, int Start, int End);

/// <summary>Source-generated serialisation of the contract (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BriefDocument))]
[JsonSerializable(typeof(StoryBrief))]
public sealed partial class BriefContractJson : JsonSerializerContext;
