using System.Globalization;
using Microsoft.Data.Sqlite;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>
/// Work shared between processes (<see cref="ISharedWork"/>) on one SQLite file. SQLite has no row locks, so a claim is a
/// read: two processes may take the same article or job and both do it, and the effect is still once — features are
/// the same whoever computes them, and a job's brief is stored only while it is the newest of its story. Several
/// workers on one store belong on PostgreSQL, where claims are exclusive.
/// </summary>
public sealed partial class SqliteStore
{
    public IFeatureClaim ClaimUnfeatured(int limit) => new FeatureClaim(this, Unfeatured(Math.Clamp(limit, 1, 100_000)));

    public void QueueBriefs(IReadOnlyList<BriefJob> jobs) => Guard(() =>
    {
        if (jobs.Count == 0) return;
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            using var insert = Command(c, "INSERT INTO brief_jobs(story_id, epoch, members) VALUES ($s, $e, $m)", tx);
            foreach (var job in jobs)
            {
                Bind(insert, ("$s", job.Members.Id), ("$e", job.Epoch), ("$m", BriefJobCodec.Encode(job)));
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
    });

    public int QueuedBriefs => Guard(() =>
    {
        using var c = Open();
        return Convert.ToInt32(Scalar(c, "SELECT count(*) FROM brief_jobs"), CultureInfo.InvariantCulture);
    });

    public IBriefClaim ClaimBriefs(int limit) => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, """
            SELECT job, story_id, epoch, members FROM brief_jobs j
            WHERE NOT EXISTS (SELECT 1 FROM brief_jobs n WHERE n.story_id = j.story_id AND n.job > j.job)
              AND epoch >= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'stories_version'), 0)
            ORDER BY job LIMIT $limit
            """);
        Bind(cmd, ("$limit", Math.Clamp(limit, 1, 10_000)));
        using var r = cmd.ExecuteReader();
        var jobs = new List<BriefJob>();
        while (r.Read()) jobs.Add(BriefJobCodec.Decode(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
        return (IBriefClaim)new BriefClaim(this, jobs);
    });

    private sealed class FeatureClaim(SqliteStore store, IReadOnlyList<StoredArticle> articles) : IFeatureClaim
    {
        public IReadOnlyList<StoredArticle> Articles => articles;

        public void Complete(IReadOnlyList<StoryFeatures> features, IReadOnlyList<QuarantinedArticle> failed)
        {
            store.SaveFeatures(features);
            store.Quarantine(failed);
        }

        public void Dispose()
        {
        }
    }

    private sealed class BriefClaim(SqliteStore store, IReadOnlyList<BriefJob> jobs) : IBriefClaim
    {
        public IReadOnlyList<BriefJob> Jobs => jobs;

        public int Complete(IReadOnlyDictionary<string, StoryRecord> records, IReadOnlyList<QuarantinedArticle> failed)
        {
            int stored = store.CompleteBriefs(jobs, records);
            store.Quarantine(failed);
            return stored;
        }

        public void Dispose()
        {
        }
    }

    private int CompleteBriefs(IReadOnlyList<BriefJob> jobs, IReadOnlyDictionary<string, StoryRecord> records) => Guard(() =>
    {
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            long version = Convert.ToInt64(Scalar(c, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'stories_version'), 0)", tx), CultureInfo.InvariantCulture);
            int stored = BriefJobs.Complete(jobs, records, version, new JobRows(this, c, tx));
            Exec(c, "DELETE FROM brief_jobs WHERE epoch < $v", tx, ("$v", version));
            tx.Commit();
            return stored;
        }
    });

    /// <summary>The brief-job rows of one write transaction, in SQLite's SQL.</summary>
    private sealed class JobRows(SqliteStore store, SqliteConnection c, SqliteTransaction tx) : IBriefJobRows
    {
        public bool NewerQueued(string story, long job) => Scalar(c, "SELECT 1 FROM brief_jobs WHERE story_id = $s AND job > $j LIMIT 1", tx, ("$s", story), ("$j", job)) is not null;

        public long? Mark(string story) => Scalar(c, "SELECT job FROM brief_marks WHERE story_id = $s", tx, ("$s", story)) as long?;

        public IReadOnlyList<string> OlderMembers(string story, long job)
        {
            using var cmd = Command(c, "SELECT members FROM brief_jobs WHERE story_id = $s AND job < $j", tx);
            Bind(cmd, ("$s", story), ("$j", job));
            using var r = cmd.ExecuteReader();
            var older = new List<string>();
            while (r.Read()) older.Add(r.GetString(0));
            return older;
        }

        public void Store(StoryRecord? record, IReadOnlyList<string> removed) => store.WriteStories(c, tx, record is null ? [] : [record], removed);

        public void SetMark(string story, long job) =>
            Exec(c, "INSERT INTO brief_marks(story_id, job) VALUES ($s, $j) ON CONFLICT(story_id) DO UPDATE SET job = max(job, excluded.job)", tx, ("$s", story), ("$j", job));

        // One writer at a time: every older job of the story can go with it.
        public void Done(string story, long job) => Exec(c, "DELETE FROM brief_jobs WHERE story_id = $s AND job <= $j", tx, ("$s", story), ("$j", job));
    }
}
