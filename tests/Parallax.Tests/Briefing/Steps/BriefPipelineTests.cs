using Parallax.Briefing;
using Parallax.Briefing.Steps;
using Parallax.Pipeline;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The brief pipeline: steps in an order their declared layers allow, each held to what it declares.</summary>
public sealed class BriefPipelineTests
{
    private sealed class Probe(string name, BriefLayer reads, BriefLayer writes, Action<BriefDraft> run) : IBriefStep
    {
        public string Name => name;

        public BriefLayer Reads => reads;

        public BriefLayer Writes => writes;

        public void Run(BriefDraft draft) => run(draft);
    }

    [Fact]
    public void The_default_brief_runs_its_steps_in_this_order()
    {
        Assert.Equal(["dates", "names", "units", "alignment", "values", "quotes", "conflicts", "facts", "timeline", "summary", "title"],
            BriefPipeline.Default.Steps.Select(s => s.Name));
        var every = Enum.GetValues<BriefLayer>().Aggregate(BriefLayer.None, (a, b) => a | b);
        Assert.Equal(every, BriefPipeline.Default.Writes);
    }

    [Fact]
    public void The_builder_refuses_a_step_reading_a_layer_no_earlier_step_writes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BriefPipeline.CreateBuilder().Add(new DatesStep()).Add(new NamesStep()).Add(new FactsStep()).Build());
        Assert.Contains("'facts' reads Units, Alignment, Conflicts", e.Message, StringComparison.Ordinal);
        // Names before the dates it reads are refused; dates first, they are accepted.
        Assert.Throws<InvalidOperationException>(() => BriefPipeline.CreateBuilder().Add(new NamesStep()).Add(new DatesStep()).Build());
        Assert.Equal(2, BriefPipeline.CreateBuilder().Add(new DatesStep()).Add(new NamesStep()).Build().Steps.Length);
    }

    [Fact]
    public void The_builder_refuses_two_steps_writing_one_layer()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BriefPipeline.CreateBuilder()
            .Add(new DatesStep()).Add(new NamesStep()).Add(new QuotesStep())
            .Add(new Probe("more quotes", BriefLayer.Names, BriefLayer.Quotes, _ => { })).Build());
        Assert.Contains("'more quotes' writes Quotes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_touching_a_layer_it_did_not_declare_fails_when_run()
    {
        var story = Story(DisputedVote());
        var reads = BriefPipeline.CreateBuilder().Add(new DatesStep()).Add(new NamesStep())
            .Add(new Probe("peeks", BriefLayer.Dates, BriefLayer.Title, d => d.Title = d.Names.Entities[0].Name)).Build();
        var e = Assert.Throws<InvalidOperationException>(() => reads.Run(new BriefDraft(story, AnalysisPipeline.Default)));
        Assert.Contains("'peeks' reads Names without declaring it", e.Message, StringComparison.Ordinal);

        var writes = BriefPipeline.CreateBuilder().Add(new Probe("scribbles", BriefLayer.None, BriefLayer.Title, d => d.Summary = [])).Build();
        e = Assert.Throws<InvalidOperationException>(() => writes.Run(new BriefDraft(story, AnalysisPipeline.Default)));
        Assert.Contains("'scribbles' writes Summary without declaring it", e.Message, StringComparison.Ordinal);

        var idle = BriefPipeline.CreateBuilder().Add(new Probe("idle", BriefLayer.None, BriefLayer.Title, _ => { })).Build();
        e = Assert.Throws<InvalidOperationException>(() => idle.Run(new BriefDraft(story, AnalysisPipeline.Default)));
        Assert.Contains("'idle' declares it writes Title but did not", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_not_yet_written_cannot_be_read()
    {
        var draft = Through("values", DisputedVote());
        Assert.Equal(BriefLayer.Dates | BriefLayer.Names | BriefLayer.Units | BriefLayer.Alignment | BriefLayer.Values, draft.Written);
        var e = Assert.Throws<InvalidOperationException>(() => draft.Conflicts);
        Assert.Contains("Conflicts is not written yet", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(draft.ToBrief);
    }

    [Fact]
    public void The_brief_builder_briefs_as_the_default_pipeline_does()
    {
        var story = Story(DisputedVote());
        var built = new BriefBuilder(AnalysisPipeline.Default).Build(story);
        var run = BriefPipeline.Default.Run(story, AnalysisPipeline.Default);
        Assert.Equal(run.Title, built.Title);
        Assert.Equal(run.Date, built.Date);
        Assert.Equal(run.Facts.Select(f => (f.Text, f.Sources)), built.Facts.Select(f => (f.Text, f.Sources)));
        Assert.Equal(run.Conflicts.Select(c => c.About), built.Conflicts.Select(c => c.About));
        Assert.Equal(run.Quotes.Select(q => q.Text), built.Quotes.Select(q => q.Text));
        Assert.Equal(run.Timeline.Select(t => t.Text), built.Timeline.Select(t => t.Text));
        Assert.Equal(["wire", "ledger"], built.Articles.Select(a => a.Id));
    }

    [Fact]
    public void One_pipeline_briefs_stories_on_many_threads_alike()
    {
        var stories = new[] { Story(DisputedVote()), Story(CorroboratedVote()) };
        var once = stories.Select(s => BriefPipeline.Default.Run(s, AnalysisPipeline.Default).Summary.Count).ToList();
        var parallel = Enumerable.Range(0, 8).AsParallel().Select(i => BriefPipeline.Default.Run(stories[i % 2], AnalysisPipeline.Default).Summary.Count).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => once[i % 2]), parallel);
    }
}
