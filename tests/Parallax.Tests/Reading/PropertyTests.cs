using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;
using Xunit;

namespace Parallax.Tests;

/// <summary>The pipeline never throws and never hangs, whatever text it is given, and every span it returns lies inside the text.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Pieces =
    [
        "Trump", "Xi", "said", "“", "”", "\"", "'", "’s", ".", ",", "!", "?", " ", " ", " ", "\n", "\n\n", "U.S.", "Dr.", "A.",
        "Monday", "April", "May", "next", "year", "later", "this", "ago", "weeks", "one-hour", "nearly", "$", "US$", "%", "percent",
        "1,250", "3.5", "2026", "12", "million", "just under", "about", "the", "Chinese President", "White House", "he", "she",
        "according to", "told", "—", "(", ")", "e\u0301", "\u2028", "\t", "Thanksgiving", "by", "will", "visit", "-", "--", "<b>",
    ];

    private static readonly Arbitrary<string> NewsLike = Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    private static void AssertWellFormed(string text)
    {
        var a = AnalysisPipeline.Default.Analyze(new Article { Id = "p", Text = text, Published = new DateOnly(2025, 11, 24) });
        var spans = a.Sentences.Select(s => s.Span)
            .Concat(a.Entities.Select(e => e.Span)).Concat(a.Quotes.Select(q => q.Span)).Concat(a.Quotes.Where(q => q.SpeakerSpan is not null).Select(q => q.SpeakerSpan!.Value))
            .Concat(a.Quantities.Select(q => q.Span)).Concat(a.Times.Select(t => t.Span));
        foreach (var s in spans)
        {
            if (s.Start < 0 || s.End > text.Length || s.Start > s.End) throw new InvalidOperationException($"span {s} outside text of length {text.Length}");
        }
        foreach (var e in a.Entities) if (e.Span.Of(text) != e.Text) throw new InvalidOperationException("entity text differs from its span");
        foreach (var t in a.Times) if (t.Span.Of(text) != t.Text) throw new InvalidOperationException("time text differs from its span");
        foreach (var q in a.Quotes) if (q.Span.Of(text) != q.Text) throw new InvalidOperationException("quote text differs from its span");
    }

    [Fact]
    public void Coverage_answers_overlaps_as_a_character_by_character_record_would() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 60).SelectMany(a => Gen.Choose(0, 12), (a, n) => (a, n))).ToArbitrary(), spans =>
        {
            var list = spans.ToList();
            int half = list.Count / 2;
            var coverage = new Parallax.Text.Coverage(50);
            var covered = new bool[50];
            foreach (var (a, n) in list.Take(half))
            {
                coverage.Add(new Span(a, a + n));
                for (int i = a; i < a + n && i < 50; i++) covered[i] = true;
            }
            foreach (var (a, n) in list.Skip(half))
            {
                bool expected = false;
                for (int i = a; i < a + n && i < 50; i++) expected |= covered[i];
                if (coverage.Overlaps(new Span(a, a + n)) != expected) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Arbitrary_strings_never_break_the_pipeline() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(ArbMap.Default.ArbFor<string>(), (string s) => { AssertWellFormed(s ?? ""); }));

    [Fact]
    public void News_like_noise_never_breaks_the_pipeline() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400).WithEndSize(200), Prop.ForAll(NewsLike, s => { AssertWellFormed(s); }));

    [Fact]
    public void Briefing_random_stories_never_throws() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithEndSize(120), Prop.ForAll(NewsLike, NewsLike, (x, y) =>
        {
            var articles = new[] { x, y, x + " " + y }.Select((t, i) => AnalysisPipeline.Default.Analyze(new Article { Id = $"a{i}", Text = t.Length == 0 ? "." : t, Published = i == 0 ? new DateOnly(2025, 11, 24) : null })).ToList();
            var builder = new Briefing.BriefBuilder(AnalysisPipeline.Default);
            foreach (var story in new StoryClusterer().Cluster(articles))
            {
                var brief = builder.Build(story);
                _ = Rendering.BriefHtml.Write([brief]) + Rendering.BriefMarkdown.Write([brief]) + Rendering.BriefJson.Write([brief]);
            }
        }));

    [Theory]
    [InlineData("“", 200_000)]
    [InlineData("1,", 100_000)]
    [InlineData("A. ", 60_000)]
    [InlineData("Monday April 2026 ", 20_000)]
    [InlineData("about about about ", 30_000)]
    [InlineData("Xi ", 80_000)]
    [InlineData("between 10 and 20 percent, a third of 9 in 10 from $5 to ", 20_000)]
    // A 10 MB paragraph with no line break: every stage at once, at news density.
    [InlineData("Sen. Mark Kelly called for a review, saying “the 20% tariff” hit about 3 million tons on Monday, officials said that ", 90_000)]
    public void Pathological_repetition_finishes(string unit, int times)
    {
        string text = string.Concat(Enumerable.Repeat(unit, times));
        var clock = Stopwatch.StartNew();
        AssertWellFormed(text);
        HangGuard.Within(clock, $"{times} × “{unit}” ({text.Length / 1_000_000.0:F1} M characters)");
    }
}
