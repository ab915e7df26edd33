using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>How the pipeline runs its stages.</summary>
public sealed class PipelineTests
{
    private sealed class TimingOut(int failures) : IAnalysisStage
    {
        public int Runs { get; private set; }

        public string Name => "timing out";

        public AnalysisLayer Reads => AnalysisLayer.None;

        public AnalysisLayer Writes => AnalysisLayer.Times;

        public void Run(DocumentBuilder document)
        {
            if (Runs++ < failures) throw new RegexMatchTimeoutException("x", "y", TimeSpan.FromMilliseconds(1));
            document.Times = [new TimeExpression(new Span(0, 3), "Now", TimexType.Date, "PRESENT_REF")];
        }
    }

    [Fact]
    public void A_stage_that_reads_a_layer_no_earlier_stage_writes_is_refused()
    {
        var builder = AnalysisPipeline.CreateBuilder().Add(new Stages.Quotes.QuoteStage()).Add(new TokenStage());
        var e = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("'quotes' reads", e.Message, StringComparison.Ordinal);
        Assert.Contains("Entities", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_stages_read_only_what_earlier_stages_write()
    {
        var written = AnalysisLayer.None;
        foreach (var stage in AnalysisPipeline.Default.Stages)
        {
            Assert.Equal(AnalysisLayer.None, stage.Reads & ~written);
            written |= stage.Writes;
        }
        Assert.Equal(AnalysisLayer.Tokens | AnalysisLayer.Sentences | AnalysisLayer.Times | AnalysisLayer.Quantities | AnalysisLayer.Entities | AnalysisLayer.Quotes, written);
    }

    [Fact]
    public void A_stage_whose_regex_times_out_once_is_run_again()
    {
        var stage = new TimingOut(1);
        var pipeline = AnalysisPipeline.CreateBuilder().Add(stage).Build();
        var a = pipeline.Analyze(Briefs.Article("a", "Now."));
        Assert.Equal(2, stage.Runs);
        Assert.Single(a.Times);
    }

    [Fact]
    public void A_stage_that_keeps_timing_out_leaves_the_article_without_its_annotations_but_analysed()
    {
        var stage = new TimingOut(5);
        var after = new TimingOut(0);
        var pipeline = AnalysisPipeline.CreateBuilder().Add(stage).Add(after).Build();
        var a = pipeline.Analyze(Briefs.Article("a", "Now."));
        Assert.Equal(2, stage.Runs);
        Assert.Equal(1, after.Runs);
        Assert.Single(a.Times);
    }
}
