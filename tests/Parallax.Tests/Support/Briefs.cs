using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Stories;

namespace Parallax.Tests;

/// <summary>Builds briefs the way <c>parallax brief</c> does, for tests.</summary>
internal static class Briefs
{
    public static IReadOnlyList<Brief> Of(params string[] paths)
    {
        var read = ArticleSource.Read(paths);
        if (read.Errors.Count > 0) throw new InvalidOperationException(string.Join("; ", read.Errors));
        return Of(read.Articles);
    }

    public static IReadOnlyList<Brief> Of(IReadOnlyList<Article> articles)
    {
        var analyzed = Corpus.Analyze(articles, AnalysisPipeline.Default);
        var builder = new BriefBuilder(AnalysisPipeline.Default);
        return new StoryClusterer().Cluster(analyzed).Select(builder.Build).ToList();
    }

    /// <summary>One story of small invented reports, one per text, with ids a, b, c, …</summary>
    public static Brief OfTexts(params string[] texts) => OneStory([.. texts.Select((t, i) => Article(((char)('a' + i)).ToString(), t))]);

    /// <summary>One story of exactly these articles, briefed (no clustering decides who is in it).</summary>
    public static Brief OneStory(IReadOnlyList<Article> articles) =>
        new BriefBuilder(AnalysisPipeline.Default).Build(new Story("story-1", [.. Corpus.Analyze(articles, AnalysisPipeline.Default)], new Dictionary<string, string>()));

    /// <summary>Asserts that two outlets' texts brief as one story whose quotation is one wording carried by both, with no quote conflict.</summary>
    public static Brief AssertOneWording(string a, string b)
    {
        var brief = Xunit.Assert.Single(Of([Article("a", a), Article("b", b)]));
        Xunit.Assert.DoesNotContain(brief.Conflicts, c => c.Kind == ConflictKind.Quote);
        Xunit.Assert.Contains(brief.Quotes, q => q.Articles.Count == 2);
        return brief;
    }

    public static Article Article(string id, string text, string? published = "2025-03-10", string? source = null) =>
        new() { Id = id, Text = text, Source = source, Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };
}
