using Parallax.Model;
using Parallax.Pipeline;

namespace Parallax.Stages.Quotes;

/// <summary>
/// Finds quotations, resolves the speaker mention the rules chose, then lets the <see cref="SpeakerModel"/> decide among
/// that mention and the people and organisations around the quote, or leave the quote unattributed.
/// </summary>
public sealed class QuoteStage(SpeakerModel? model = null) : IAnalysisStage
{
    private readonly SpeakerModel _model = model ?? SpeakerModel.Default;

    public string Name => "quotes";

    public AnalysisLayer Reads => AnalysisLayer.Tokens | AnalysisLayer.Sentences | AnalysisLayer.Entities;

    public AnalysisLayer Writes => AnalysisLayer.Quotes;

    public void Run(DocumentBuilder document) =>
        document.Quotes = Attribute(document.Text, document.Tokens, document.Sentences, document.Entities, QuoteExtractor.Extract(document.Text, document.Tokens, document.Sentences, document.Entities));

    /// <summary>The quotes with their speakers decided, given the quotes found (resolution apart from extraction: the speaker spec cases call this directly).</summary>
    public IReadOnlyList<Quote> Attribute(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Entity> entities, IReadOnlyList<QuoteMention> mentions) =>
        SpeakerCandidates.Choices(text, tokens, sentences, entities, mentions).Select(c => _model.Decide(c.ByRules, c.Choice)).ToList();
}
