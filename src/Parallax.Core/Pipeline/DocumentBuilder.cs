using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>The annotations of one article while the pipeline runs over it; each stage reads what earlier stages set and assigns its own.</summary>
public sealed class DocumentBuilder(Article article)
{
    public Article Article { get; } = article;

    public string Text => Article.Text;

    public IReadOnlyList<Token> Tokens { get; set; } = [];

    public IReadOnlyList<Sentence> Sentences { get; set; } = [];

    public IReadOnlyList<Entity> Entities { get; set; } = [];

    public IReadOnlyList<Quote> Quotes { get; set; } = [];

    public IReadOnlyList<Quantity> Quantities { get; set; } = [];

    public IReadOnlyList<TimeExpression> Times { get; set; } = [];

    public AnalyzedArticle Build() => new(Article, Tokens, Sentences, Entities, Quotes, Quantities, Times);
}

/// <summary>The annotation layers of a document, as stages declare what they read and write.</summary>
[Flags]
public enum AnalysisLayer
{
    None = 0,
    Tokens = 1,
    Sentences = 2,
    Times = 4,
    Quantities = 8,
    Entities = 16,
    Quotes = 32,
}

/// <summary>One step of article analysis. Stages hold no per-document state, so one instance serves every thread.</summary>
public interface IAnalysisStage
{
    /// <summary>A short name for diagnostics and timing ("sentences", "times").</summary>
    string Name { get; }

    /// <summary>The layers this stage reads; the pipeline refuses it unless an earlier stage writes each of them.</summary>
    AnalysisLayer Reads { get; }

    /// <summary>The layers this stage sets.</summary>
    AnalysisLayer Writes { get; }

    void Run(DocumentBuilder document);
}
