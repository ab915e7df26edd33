using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>Runs the analysis pipeline over many articles in parallel, keeping input order.</summary>
public static class Corpus
{
    public static IReadOnlyList<AnalyzedArticle> Analyze(IReadOnlyList<Article> articles, AnalysisPipeline pipeline, IProgress<int>? progress = null)
    {
        var result = new AnalyzedArticle[articles.Count];
        int done = 0;
        Parallel.For(0, articles.Count, i =>
        {
            result[i] = pipeline.Analyze(articles[i]);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return result;
    }
}
