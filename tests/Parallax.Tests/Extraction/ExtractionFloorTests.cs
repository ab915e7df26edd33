using Parallax.Evaluation;
using Parallax.Extraction;
using Xunit;
using Xunit.Abstractions;

namespace Parallax.Tests;

/// <summary>Tests that must not share the machine with others (a browser, the benchmark pages) run alone, after the parallel ones.</summary>
[CollectionDefinition("Timed", DisableParallelization = true)]
public sealed class SerialTests;

/// <summary>Article extraction on the public benchmark pages, held to the floors in quality/floors.json.</summary>
[Collection("Timed")]
public sealed class ExtractionFloorTests(ITestOutputHelper output)
{
    [SharedFact("corpora/extraction-dev")]
    public void Article_extraction_on_the_benchmark_pages()
    {
        var s = ExtractionScores.Evaluate(Path.Combine(TestPaths.Shared!, "corpora", "extraction-dev"), new PageExtractor(), timedPasses: 3, warmupPasses: 5);
        Assert.Equal(90, s.Pages.Count);
        // Every benchmark page must give an article, not only most of them.
        Assert.All(s.Pages, p => Assert.True(p.ExtractedWords > 0, $"{p.Url} gave no text"));
        output.WriteLine($"warm passes: {string.Join(", ", s.WarmTimes.Select(t => $"{t.TotalMilliseconds:F0} ms"))}, first {s.ColdTime.TotalMilliseconds:F0} ms");
        output.WriteLine($"worst pages: {string.Join("; ", s.Pages.OrderBy(p => p.F1).Take(5).Select(p => $"{p.F1:F3} {p.Url}"))}");
        QualityFloorTests.Hold(output, "extraction.dev.f1", s.F1);
        QualityFloorTests.Hold(output, "extraction.dev.meanPageF1", s.MeanPageF1);
        // Speed is reported, never asserted: tests do not time the machine. The figure is a benchmark: 'parallax eval extraction --passes'.
        output.WriteLine($"warm pages/s {s.PagesPerSecond:F0} (a benchmark figure, not a floor)");
    }
}
