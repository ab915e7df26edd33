using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>What an ingest did: articles offered, stored, and skipped as repeats, and how stories changed.</summary>
public sealed record IngestReport(int Offered, int Added, int SameText, int SameUrl, IReadOnlyList<AddOutcome> Outcomes, RefreshReport Refresh);

/// <summary>
/// Adds articles to a store and brings its stories up to date: articles are committed in batches as they are read (so a
/// kill loses at most the batch in flight), then stories are refreshed. One ingest runs at a time per ingestor; the
/// web server shares one.
/// </summary>
public sealed class Ingestor(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null)
{
    private readonly Lock _gate = new();

    /// <summary>Articles committed in one transaction.</summary>
    public int Batch { get; init; } = 500;

    public StoryRefresher Refresher { get; } = new(store, pipeline, options);

    public IngestReport Ingest(IEnumerable<Article> articles, IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        lock (_gate)
        {
            var outcomes = new List<AddOutcome>();
            var batch = new List<Article>(Batch);
            void Flush()
            {
                if (batch.Count == 0) return;
                outcomes.AddRange(store.AddAll(batch));
                batch.Clear();
                progress?.Report(new RefreshProgress("storing articles", outcomes.Count, 0));
            }
            foreach (var a in articles)
            {
                cancel.ThrowIfCancellationRequested();
                batch.Add(a);
                if (batch.Count >= Batch) Flush();
            }
            Flush();
            var refresh = Refresher.Refresh(progress, cancel);
            return new IngestReport(outcomes.Count, outcomes.Count(o => o.Status == AddStatus.Added), outcomes.Count(o => o.Status == AddStatus.SameText),
                outcomes.Count(o => o.Status == AddStatus.SameUrl), outcomes, refresh);
        }
    }

    /// <summary>Finishes a refresh that an earlier, interrupted ingest left pending; does nothing when stories are up to date.</summary>
    public RefreshReport? Resume(IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        lock (_gate)
        {
            return store.StoriesPending ? Refresher.Refresh(progress, cancel) : null;
        }
    }
}
