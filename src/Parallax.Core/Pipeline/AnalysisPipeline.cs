using System.Collections.Immutable;
using Parallax.Model;
using Parallax.Stages.Entities;
using Parallax.Stages.Quantities;
using Parallax.Stages.Quotes;
using Parallax.Stages.Sentences;
using Parallax.Stages.Times;

namespace Parallax.Pipeline;

/// <summary>An immutable, thread-safe sequence of analysis stages, built once and reused for every article.</summary>
public sealed class AnalysisPipeline
{
    public ImmutableArray<IAnalysisStage> Stages { get; }

    private AnalysisPipeline(ImmutableArray<IAnalysisStage> stages) => Stages = stages;

    /// <summary>The standard English pipeline: tokens, sentences, times, quantities, entities, quotes.</summary>
    public static AnalysisPipeline Default { get; } = WithSpeakerModel(SpeakerModel.Default);

    public static Builder CreateBuilder() => new();

    /// <summary>The standard pipeline with another speaker model (to score a freshly fitted one before it is shipped).</summary>
    public static AnalysisPipeline WithSpeakerModel(SpeakerModel model) => CreateBuilder()
        .Add(new TokenStage())
        .Add(new SentenceSplitter())
        .Add(new TimeStage())
        .Add(new QuantityStage())
        .Add(new EntityStage())
        .Add(new QuoteStage(model))
        .Build();

    public AnalyzedArticle Analyze(Article article)
    {
        var doc = new DocumentBuilder(article);
        foreach (var stage in Stages)
        {
            RunGuarded(stage, doc);
        }
        return doc.Build();
    }

    /// <summary>
    /// A regex timeout is far more often a pause of the whole process (garbage collection on a busy machine) than hostile
    /// text, so the stage runs once more; if it times out again the article goes on without that stage's annotations rather
    /// than failing everything analysed with it.
    /// </summary>
    private static void RunGuarded(IAnalysisStage stage, DocumentBuilder doc)
    {
        try
        {
            stage.Run(doc);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            try
            {
                stage.Run(doc);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Left without this stage's annotations; later stages read what is there.
            }
        }
    }

    /// <summary>Collects stages in order; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly List<IAnalysisStage> _stages = [];

        public Builder Add(IAnalysisStage stage)
        {
            _stages.Add(stage);
            return this;
        }

        /// <summary>The pipeline; refused when a stage reads a layer that no stage before it writes (stages run in the order added).</summary>
        public AnalysisPipeline Build()
        {
            var written = AnalysisLayer.None;
            foreach (var stage in _stages)
            {
                var missing = stage.Reads & ~written;
                if (missing != AnalysisLayer.None) throw new InvalidOperationException($"stage '{stage.Name}' reads {missing}, which no earlier stage writes; add the stage that writes it first");
                written |= stage.Writes;
            }
            return new([.. _stages]);
        }
    }
}

/// <summary>Splits the text into tokens (<see cref="Text.Tokenizer"/>).</summary>
public sealed class TokenStage : IAnalysisStage
{
    public string Name => "tokens";

    public AnalysisLayer Reads => AnalysisLayer.None;

    public AnalysisLayer Writes => AnalysisLayer.Tokens;

    public void Run(DocumentBuilder document) => document.Tokens = Text.Tokenizer.Tokenize(document.Text);
}
