using System.Text.Json;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Runs the analyzer spec files in Specs/: each case gives a text, a publication date and the annotations expected in it.
/// Every expected annotation must be found with exactly that covered text, and every offset must cover the text it claims.
/// </summary>
public sealed class SpecTests
{
    public static TheoryData<string, string> Cases(string stage)
    {
        var data = new TheoryData<string, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", stage + ".json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!, c.GetRawText());
        }
        return data;
    }

    public static TheoryData<string, string> Times => Cases("times");
    public static TheoryData<string, string> Quantities => Cases("quantities");
    public static TheoryData<string, string> Sentences => Cases("sentences");
    public static TheoryData<string, string> Entities => Cases("entities");
    public static TheoryData<string, string> Quotes => Cases("quotes");
    public static TheoryData<string, string> Propositions => Cases("propositions");
    public static TheoryData<string, string> Topics => Cases("topics");

    [Theory]
    [MemberData(nameof(Topics))]
    public void Topics_listed_as_discussed(string name, string json) => Check(name, json, a => a.Sentences.SelectMany(s => Briefing.Propositions.TopicLists.Find(a, s.Span))
        .Select(t => (t.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["claim"] = t.Claim })), exactByDefault: true);

    [Theory]
    [MemberData(nameof(Propositions))]
    public void Claims_within_sentences(string name, string json) => Check(name, json, a => a.Sentences.SelectMany(s => Briefing.Propositions.PropositionSplitter.Split(a, s.Span))
        .Select(p => (p.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["subject"] = p.Subject })), exactByDefault: true);

    [Theory]
    [MemberData(nameof(Times))]
    public void Time_expressions(string name, string json) => Check(name, json, a => a.Times.Select(t => (t.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["type"] = t.Type.ToString().ToUpperInvariant(),
        ["value"] = t.Value,
        ["mod"] = t.Mod,
    })));

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Quantity_expressions(string name, string json) => Check(name, json, a => a.Quantities.Select(q => (q.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["value"] = q.Value,
        ["upper"] = q.UpperValue,
        ["unit"] = q.Unit,
        ["qualifier"] = q.Qualifier,
        ["change"] = q.IsChange,
    })));

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Sentence_boundaries(string name, string json) => Check(name, json, a => a.Sentences.Select(s => (s.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>())), exactByDefault: true);

    [Theory]
    [MemberData(nameof(Entities))]
    public void Entity_mentions(string name, string json) => Check(name, json, a => a.Entities.Select(e => (e.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["type"] = e.Type.ToString().ToLowerInvariant(),
        ["name"] = e.Name,
        ["title"] = e.Title,
    })));

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Quotations(string name, string json) => Check(name, json, a => a.Quotes.Select(q => (q.Span, (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["direct"] = q.Direct,
        ["speaker"] = q.Speaker,
        ["cue"] = q.Cue,
        ["speakerText"] = q.SpeakerSpan is { } s ? s.Of(a.Text) : null,
    })));

    private static void Check(string name, string json, Func<AnalyzedArticle, IEnumerable<(Span Span, IReadOnlyDictionary<string, object?> Fields)>> select, bool exactByDefault = false)
    {
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement;
        string text = c.GetProperty("text").GetString()!;
        DateOnly? published = c.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? DateOnly.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
        var analyzed = AnalysisPipeline.Default.Analyze(new Article { Id = "spec", Text = text, Published = published });
        var found = select(analyzed).ToList();
        foreach (var (span, _) in found)
        {
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.End, span.Start, text.Length);
        }
        var expected = c.GetProperty("expect").EnumerateArray().ToList();
        foreach (var e in expected)
        {
            string want = e.GetProperty("text").GetString()!;
            var match = found.Where(f => f.Span.Of(text) == want).ToList();
            Assert.True(match.Count > 0, $"[{name}] expected an annotation covering “{want}”; found: {string.Join(" | ", found.Select(f => "“" + f.Span.Of(text) + "”"))}");
            foreach (var prop in e.EnumerateObject().Where(x => x.Name != "text"))
            {
                var ok = match.Any(m => m.Fields.TryGetValue(prop.Name, out var actual) && Same(prop.Value, actual));
                Assert.True(ok, $"[{name}] “{want}”: expected {prop.Name} = {prop.Value.GetRawText()}, got {string.Join(", ", match.Select(m => m.Fields.GetValueOrDefault(prop.Name)?.ToString() ?? "null"))}");
            }
        }
        bool exact = c.TryGetProperty("exact", out var x) ? x.GetBoolean() : exactByDefault;
        if (exact)
        {
            Assert.True(found.Count == expected.Count, $"[{name}] expected exactly {expected.Count} annotations, found {found.Count}: {string.Join(" | ", found.Select(f => "“" + f.Span.Of(text) + "”"))}");
        }
    }

    private static bool Same(JsonElement expected, object? actual) => expected.ValueKind switch
    {
        JsonValueKind.Null => actual is null,
        JsonValueKind.True => actual is true,
        JsonValueKind.False => actual is false,
        JsonValueKind.Number => actual is double d && Math.Abs(d - expected.GetDouble()) < 1e-9,
        _ => Equals(expected.GetString(), actual?.ToString()),
    };
}
