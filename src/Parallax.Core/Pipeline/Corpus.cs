using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>What analysing one article gave: the analysis and what was kept of it, or why it failed.</summary>
public readonly record struct Outcome<T>(AnalyzedArticle? Analysis, T? Kept, string? Error);

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
    /// As <see cref="Analyze"/>, but an article whose analysis fails does not fail the others: its slot holds the reason
    /// instead of an analysis. <paramref name="keep"/> runs on the analysing thread, and a failure in it counts the same.
    /// </summary>
    public static IReadOnlyList<Outcome<T>> TryAnalyze<T>(IReadOnlyList<Article> articles, AnalysisPipeline pipeline, Func<AnalyzedArticle, T> keep, int cores = -1, CancellationToken cancel = default)
    {
        var result = new Outcome<T>[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = cores }, i =>
        {
            try
            {
                var analyzed = pipeline.Analyze(articles[i]);
                result[i] = new Outcome<T>(analyzed, keep(analyzed), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result[i] = new Outcome<T>(null, default, Failure(e));
            }
        });
        return result;
    }

    /// <summary>One line for a failure: what went wrong and where, never a stack trace.</summary>
    public static string Failure(Exception e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        if (message.Length > 300) message = message[..300] + "…";
        var frame = new System.Diagnostics.StackTrace(e, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Parallax", StringComparison.Ordinal) == true);
        string at = frame?.GetMethod() is { } m ? $" in {m.DeclaringType?.Name}.{m.Name}" : "";
        return $"{e.GetType().Name}{at}: {message}";
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
