using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>How a queued brief job's members are kept in the store (both stores): one small JSON object.</summary>
internal static class BriefJobCodec
{
    private sealed record Row(
        [property: JsonPropertyName("a")] IReadOnlyList<string> Articles,
        [property: JsonPropertyName("d")] IReadOnlyDictionary<string, string>? Copies,
        [property: JsonPropertyName("g")] IReadOnlyList<string>? Gone);

    public static string Encode(BriefJob job) =>
        JsonSerializer.Serialize(new Row(job.Members.Articles, job.Members.DuplicateOf.Count == 0 ? null : job.Members.DuplicateOf, job.Gone.Count == 0 ? null : job.Gone));

    public static BriefJob Decode(long number, string story, long epoch, string json)
    {
        var row = JsonSerializer.Deserialize<Row>(json) ?? throw new JsonException("an empty brief job");
        var copies = row.Copies is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(row.Copies, StringComparer.Ordinal);
        return new BriefJob(new StoryMembers(story, row.Articles, copies), row.Gone ?? [], epoch) { Number = number };
    }

    /// <summary>
    /// The stories a job removes when it is stored: those it absorbed, and those its story's older jobs (superseded, so never
    /// stored) were to remove; never the story itself.
    /// </summary>
    public static IReadOnlyList<string> Gone(BriefJob job, IEnumerable<string> olderJobs) =>
        [.. job.Gone.Concat(olderJobs.SelectMany(json => JsonSerializer.Deserialize<Row>(json)?.Gone ?? []))
            .Where(g => g != job.Members.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
