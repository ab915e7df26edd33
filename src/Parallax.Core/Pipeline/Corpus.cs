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

    /// <summary>
    /// Analyses a stream of articles in parallel batches, handing each result to <paramref name="sink"/> in input order.
    /// At most a few batches of <paramref name="batchSize"/> articles are held at a time, so memory stays flat however long
    /// the stream is. The next batch is read (decompressed, parsed) on its own thread while the current one is analysed.
    /// </summary>
    public static void AnalyzeStream(IEnumerable<Article> articles, AnalysisPipeline pipeline, Action<AnalyzedArticle> sink, int batchSize = 1024) =>
        AnalyzeStream(articles, pipeline, a => a, sink, batchSize);

    /// <summary>
    /// As <see cref="AnalyzeStream(IEnumerable{Article}, AnalysisPipeline, Action{AnalyzedArticle}, int)"/>, but each analysis is
    /// first reduced by <paramref name="keep"/> on the analysing threads (say, to what clustering needs), and only that reaches the sink.
    /// </summary>
    public static void AnalyzeStream<T>(IEnumerable<Article> articles, AnalysisPipeline pipeline, Func<AnalyzedArticle, T> keep, Action<T> sink, int batchSize = 1024)
    {
        using var ready = new System.Collections.Concurrent.BlockingCollection<List<Article>>(boundedCapacity: 2);
        var reader = Task.Run(() =>
        {
            try
            {
                var batch = new List<Article>(batchSize);
                foreach (var article in articles)
                {
                    batch.Add(article);
                    if (batch.Count == batchSize)
                    {
                        ready.Add(batch);
                        batch = new List<Article>(batchSize);
                    }
                }
                if (batch.Count > 0) ready.Add(batch);
            }
            finally
            {
                ready.CompleteAdding();
            }
        });
        var results = new T[batchSize];
        try
        {
            foreach (var batch in ready.GetConsumingEnumerable())
            {
                Parallel.For(0, batch.Count, i => results[i] = keep(pipeline.Analyze(batch[i])));
                for (int i = 0; i < batch.Count; i++)
                {
                    sink(results[i]);
                    results[i] = default!;
                }
            }
        }
        finally
        {
            // A failing sink stops the reader too; draining lets it finish instead of blocking on a full queue.
            while (!reader.IsCompleted && ready.TryTake(out _, 50)) { }
        }
        reader.GetAwaiter().GetResult();
    }
}
