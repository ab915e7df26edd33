using Parallax.Pipeline;

namespace Parallax.Stages.Quotes;

/// <summary>Finds quotations and resolves each speaker mention to a named person or institution in the article.</summary>
public sealed class QuoteStage : IAnalysisStage
{
    public string Name => "quotes";

    public AnalysisLayer Reads => AnalysisLayer.Tokens | AnalysisLayer.Sentences | AnalysisLayer.Entities;

    public AnalysisLayer Writes => AnalysisLayer.Quotes;

    public void Run(DocumentBuilder document)
    {
        var mentions = QuoteExtractor.Extract(document.Text, document.Tokens, document.Sentences, document.Entities);
        var titles = SpeakerResolver.TitlesByName(document.Entities);
        document.Quotes = mentions.Select(m => SpeakerResolver.Resolve(m, document.Text, document.Entities, document.Sentences, titles)).ToList();
    }
}
