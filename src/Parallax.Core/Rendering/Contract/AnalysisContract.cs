using System.Text.Json.Serialization;

namespace Parallax.Rendering.Contract;

// One article's analysis as `parallax analyze` prints it and GET /api/articles/{id} returns it: the text and every
// annotation as a span of it (UTF-16 offsets, end exclusive). Fields are always present, null where unknown.

/// <summary>An article's text and its annotations.</summary>
public sealed record ArticleAnalysis(
    string Id,
    string? Source,
    string? Title,
    string? Url,
    string? Published,
    bool PublishedInferred,
    string Text,
    IReadOnlyList<SpanItem> Sentences,
    IReadOnlyList<EntityMentionItem> Entities,
    IReadOnlyList<QuoteMentionItem> Quotes,
    IReadOnlyList<QuantityItem> Quantities,
    IReadOnlyList<TimeItem> Times);

/// <summary>A span of the text.</summary>
public sealed record SpanItem(int Start, int End);

/// <summary>A name as written (text), its type (person, organization, place, other), the name it resolves to, and a title before it.</summary>
public sealed record EntityMentionItem(int Start, int End, string Text, string Type, string Name, string? Title);

/// <summary>A quotation or reported statement, its speaker as resolved and where the speaker is named, and the cue ("said").</summary>
public sealed record QuoteMentionItem(int Start, int End, string Text, bool Direct, string? Speaker, int? SpeakerStart, int? SpeakerEnd, string? Cue)
{
    /// <summary>How sure the speaker model is of its best candidate (0–1); a quote with a confidence but no speaker was held back as unsure.</summary>
    public double? SpeakerConfidence { get; init; }
}

/// <summary>A figure: its value (and upper value of a range), unit, hedge ("about") and whether it states a change.</summary>
public sealed record QuantityItem(int Start, int End, string Text, double? Value, double? Upper, string? Unit, string? Qualifier, bool Change);

/// <summary>A time expression with its TIMEX3 type, value and modifier.</summary>
public sealed record TimeItem(int Start, int End, string Text, string Type, string Value, string? Mod);

/// <summary>Source-generated serialisation of the analysis contract.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ArticleAnalysis))]
public sealed partial class AnalysisContractJson : JsonSerializerContext;
