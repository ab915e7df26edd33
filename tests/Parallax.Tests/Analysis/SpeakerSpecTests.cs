using System.Text.Json;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stages.Quotes;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Runs Specs/speakers.json: speaker resolution tested apart from quote extraction. Each case names the quoted words and
/// the mention the extractor would report; the quote stage decides the speaker from them and the analysed text.
/// </summary>
public sealed class SpeakerSpecTests
{
    public static TheoryData<string, string> Cases => SpecTests.Cases("speakers");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Speaker_decided(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement;
        string text = c.GetProperty("text").GetString()!;
        string quoted = c.GetProperty("quote").GetString()!;
        int at = text.IndexOf(quoted, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name}: the quote is not in the text");
        var content = new Span(at, at + quoted.Length);
        Span? mention = null;
        if (c.TryGetProperty("mention", out var m))
        {
            string said = m.GetString()!;
            // The mention as whole words ("he", not the "he" of "the"), outside the quoted words (they may hold the same words).
            bool WholeWords(int at) => (at == 0 || !char.IsLetter(text[at - 1])) && (at + said.Length == text.Length || !char.IsLetter(text[at + said.Length]));
            int i = text.IndexOf(said, StringComparison.Ordinal);
            while (i >= 0 && (content.Overlaps(new Span(i, i + said.Length)) || !WholeWords(i))) i = text.IndexOf(said, i + 1, StringComparison.Ordinal);
            Assert.True(i >= 0, $"{name}: the mention is not in the text outside the quote");
            mention = new Span(i, i + said.Length);
            Assert.Equal(said, mention.Value.Of(text));
        }
        string? cue = c.TryGetProperty("cue", out var cv) ? cv.GetString() : null;
        bool direct = !c.TryGetProperty("direct", out var d) || d.GetBoolean();
        var a = AnalysisPipeline.Default.Analyze(new Article { Id = "spec", Text = text });
        var quote = new QuoteStage().Attribute(text, a.Tokens, a.Sentences, a.Entities, [new QuoteMention(content, direct, mention, cue)]).Single();
        Assert.Equal(quoted, quote.Text);
        if (c.TryGetProperty("speaker", out var expected))
        {
            Assert.True(expected.GetString() == quote.Speaker, $"{name}: expected {expected.GetString() ?? "no speaker"}, got {quote.Speaker ?? "no speaker"} (confidence {quote.SpeakerConfidence:F3})");
        }
        if (c.TryGetProperty("speakerOrNone", out var allowed))
        {
            Assert.True(quote.Speaker is null || quote.Speaker == allowed.GetString(), $"{name}: expected {allowed.GetString()} or no speaker, got {quote.Speaker}");
        }
        if (c.TryGetProperty("not", out var forbidden)) Assert.True(forbidden.GetString() != quote.Speaker, $"{name}: {quote.Speaker} is not the speaker (confidence {quote.SpeakerConfidence:F3})");
        if (quote.Speaker is not null) Assert.True(quote.SpeakerConfidence >= SpeakerModel.Default.Threshold, $"{name}: a speaker shown below the threshold");
        if (quote.SpeakerSpan is { } s) Assert.False(content.Overlaps(s), $"{name}: the speaker mention lies inside the quote");
    }
}
