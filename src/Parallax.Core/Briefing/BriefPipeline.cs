using System.Collections.Immutable;
using Parallax.Briefing.Steps;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Briefing;

/// <summary>An immutable, thread-safe sequence of brief steps, built once and run for every story.</summary>
public sealed class BriefPipeline
{
    public ImmutableArray<IBriefStep> Steps { get; }

    /// <summary>Every layer some step writes.</summary>
    public BriefLayer Writes { get; }

    private BriefPipeline(ImmutableArray<IBriefStep> steps, BriefLayer writes) => (Steps, Writes) = (steps, writes);

    /// <summary>
    /// The standard brief: dates, names, claims, their alignment into facts, the values stated, quotes, conflicts, facts,
    /// timeline, summary and title.
    /// </summary>
    public static BriefPipeline Default { get; } = CreateBuilder()
        .Add(new DatesStep())
        .Add(new NamesStep())
        .Add(new UnitsStep())
        .Add(new AlignmentStep())
        .Add(new ValuesStep())
        .Add(new QuotesStep())
        .Add(new ConflictsStep())
        .Add(new FactsStep())
        .Add(new TimelineStep())
        .Add(new SummaryStep())
        .Add(new TitleStep())
        .Build();

    public static Builder CreateBuilder() => new();

    /// <summary>The brief of <paramref name="story"/>; <paramref name="analysis"/> analyses again an article given a date it lacked.</summary>
    public Brief Run(Story story, AnalysisPipeline analysis)
    {
        var draft = new BriefDraft(story, analysis);
        Run(draft);
        return draft.ToBrief();
    }

    /// <summary>Runs the steps over <paramref name="draft"/>, each allowed only the layers it declares.</summary>
    public void Run(BriefDraft draft)
    {
        foreach (var step in Steps)
        {
            draft.BeginStep(step);
            try
            {
                step.Run(draft);
            }
            finally
            {
                draft.EndStep();
            }
            var unwritten = step.Writes & ~draft.Written;
            if (unwritten != BriefLayer.None) throw new InvalidOperationException($"step '{step.Name}' declares it writes {unwritten} but did not");
        }
    }

    /// <summary>Collects steps in order; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly List<IBriefStep> _steps = [];

        public Builder Add(IBriefStep step)
        {
            _steps.Add(step);
            return this;
        }

        /// <summary>
        /// The pipeline; refused when a step reads a layer that no step before it writes (steps run in the order added), or
        /// writes a layer another step writes too (the later one would silently replace what the layers between read).
        /// </summary>
        public BriefPipeline Build()
        {
            var written = BriefLayer.None;
            foreach (var step in _steps)
            {
                var missing = step.Reads & ~written;
                if (missing != BriefLayer.None) throw new InvalidOperationException($"step '{step.Name}' reads {missing}, which no earlier step writes; add the step that writes it first");
                var twice = step.Writes & written;
                if (twice != BriefLayer.None) throw new InvalidOperationException($"step '{step.Name}' writes {twice}, which an earlier step writes already; one step writes each layer");
                written |= step.Writes;
            }
            return new([.. _steps], written);
        }
    }
}
