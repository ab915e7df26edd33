using System.Globalization;
using Npgsql;

namespace Parallax.Storage.Postgres;

/// <summary>
/// Work shared between workers (<see cref="ISharedWork"/>): claims are rows locked <c>FOR UPDATE SKIP LOCKED</c> in a
/// transaction held for the claim's life, so two workers never take the same article or job, and a worker that dies lets
/// go of its rows when the server ends its session.
/// </summary>
public sealed partial class PostgresStore
{
    public IFeatureClaim ClaimUnfeatured(int limit) => Guard(() =>
    {
        var (c, tx) = Begin();
        try
        {
            List<StoredArticle> articles;
            using (var cmd = Command(c, tx, $"SELECT {StoreRows.ArticleColumns} FROM articles a WHERE features IS NULL ORDER BY seq LIMIT @limit FOR UPDATE OF a SKIP LOCKED",
                ("limit", Math.Clamp(limit, 1, 100_000))))
            using (var r = cmd.ExecuteReader())
            {
                articles = [];
                while (r.Read()) articles.Add(StoreRows.ReadArticle(r));
            }
            return (IFeatureClaim)new FeatureClaim(this, c, tx, articles);
        }
        catch
        {
            tx.Dispose();
            c.Dispose();
            throw;
        }
    });

    public void QueueBriefs(IReadOnlyList<BriefJob> jobs) => Guard(() =>
    {
        if (jobs.Count == 0) return;
        var (c, tx) = Begin();
        using (c)
        using (tx)
        {
            foreach (var job in jobs)
            {
                Exec(c, tx, "INSERT INTO brief_jobs(story_id, epoch, members) VALUES (@s, @e, @m)", ("s", job.Members.Id), ("e", job.Epoch), ("m", BriefJobCodec.Encode(job)));
            }
            tx.Commit();
        }
    });

    public int QueuedBriefs => Guard(() => Convert.ToInt32(Scalar("SELECT count(*) FROM brief_jobs"), CultureInfo.InvariantCulture));

    public IBriefClaim ClaimBriefs(int limit) => Guard(() =>
    {
        var c = _source.OpenConnection();
        try
        {
            // Jobs placed under an older stories version will never be stored: they go first (those another worker holds, it drops).
            Exec(c, null, """
                DELETE FROM brief_jobs WHERE job IN (
                  SELECT job FROM brief_jobs WHERE epoch < (SELECT value::bigint FROM meta WHERE key = 'stories_version') FOR UPDATE SKIP LOCKED)
                """);
            var tx = c.BeginTransaction();
            var jobs = new List<BriefJob>();
            // The newest job of each story: an older one is superseded, its story briefed once with its newest members.
            using (var cmd = Command(c, tx, """
                SELECT job, story_id, epoch, members FROM brief_jobs j
                WHERE NOT EXISTS (SELECT 1 FROM brief_jobs n WHERE n.story_id = j.story_id AND n.job > j.job)
                ORDER BY job LIMIT @limit FOR UPDATE OF j SKIP LOCKED
                """, ("limit", Math.Clamp(limit, 1, 10_000))))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) jobs.Add(BriefJobCodec.Decode(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
            }
            return (IBriefClaim)new BriefClaim(this, c, tx, jobs);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    });

    private (NpgsqlConnection, NpgsqlTransaction) Begin()
    {
        var c = _source.OpenConnection();
        try
        {
            return (c, c.BeginTransaction());
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    private static void QuarantineIn(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<QuarantinedArticle> articles)
    {
        foreach (var q in articles)
        {
            Exec(c, tx, "INSERT INTO quarantine(article_id, stage, reason) VALUES (@id, @stage, @reason) ON CONFLICT (article_id) DO UPDATE SET stage = excluded.stage, reason = excluded.reason",
                ("id", q.Id), ("stage", q.Stage), ("reason", q.Reason));
            // An empty feature blob: not "unfeatured" any more (so never analysed again), and decoded as nothing, so in no story.
            Exec(c, tx, "UPDATE articles SET features = @empty WHERE id = @id", ("empty", Array.Empty<byte>()), ("id", q.Id));
        }
    }

    /// <summary>A claim's connection and transaction: committed by Complete, rolled back (letting the rows go) when disposed first.</summary>
    private abstract class Claim(PostgresStore store, NpgsqlConnection connection, NpgsqlTransaction tx) : IDisposable
    {
        private bool _done;

        protected PostgresStore Store => store;

        protected NpgsqlConnection Connection => connection;

        protected NpgsqlTransaction Tx => tx;

        // Not tried again: the claim lives in its connection's transaction, and with the connection it is gone.
        protected T Finish<T>(Func<T> work) => store.Guard(() =>
        {
            ObjectDisposedException.ThrowIf(_done, this);
            _done = true;
            try
            {
                var result = work();
                tx.Commit();
                return result;
            }
            finally
            {
                tx.Dispose();
                connection.Dispose();
            }
        }, retry: false);

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            try
            {
                tx.Rollback();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and with it the transaction and its locks.
            }
            tx.Dispose();
            connection.Dispose();
        }
    }

    private sealed class FeatureClaim(PostgresStore store, NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<StoredArticle> articles) : Claim(store, c, tx), IFeatureClaim
    {
        public IReadOnlyList<StoredArticle> Articles => articles;

        public void Complete(IReadOnlyList<Stories.StoryFeatures> features, IReadOnlyList<QuarantinedArticle> failed) => Finish(() =>
        {
            foreach (var f in features) Exec(Connection, Tx, "UPDATE articles SET features = @f WHERE id = @id", ("f", FeatureCodec.Encode(f)), ("id", f.Id));
            QuarantineIn(Connection, Tx, failed);
            return 0;
        });
    }

    private sealed class BriefClaim(PostgresStore store, NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<BriefJob> jobs) : Claim(store, c, tx), IBriefClaim
    {
        public IReadOnlyList<BriefJob> Jobs => jobs;

        public int Complete(IReadOnlyDictionary<string, StoryRecord> records, IReadOnlyList<QuarantinedArticle> failed) => Finish(() =>
        {
            var (c, tx) = (Connection, Tx);
            Exec(c, tx, "SELECT pg_advisory_xact_lock(@k)", ("k", AdvisoryLocks.CompleteBriefs));
            // A share lock on the version: a consolidation writing stories waits for this transaction, or this one sees its version.
            long version = Convert.ToInt64(Scalar(c, tx, "SELECT value::bigint FROM meta WHERE key = 'stories_version' FOR SHARE"), CultureInfo.InvariantCulture);
            int stored = BriefJobs.Complete(jobs, records, version, new JobRows(Store, c, tx));
            QuarantineIn(c, tx, failed);
            return stored;
        });
    }

    /// <summary>The brief-job rows of a claim's transaction, in PostgreSQL's SQL.</summary>
    private sealed class JobRows(PostgresStore store, NpgsqlConnection c, NpgsqlTransaction tx) : IBriefJobRows
    {
        public bool NewerQueued(string story, long job) => Scalar(c, tx, "SELECT 1 FROM brief_jobs WHERE story_id = @s AND job > @j LIMIT 1", ("s", story), ("j", job)) is not null;

        public long? Mark(string story) => Scalar(c, tx, "SELECT job FROM brief_marks WHERE story_id = @s", ("s", story)) as long?;

        public IReadOnlyList<string> OlderMembers(string story, long job)
        {
            using var cmd = Command(c, tx, "SELECT members FROM brief_jobs WHERE story_id = @s AND job < @j", ("s", story), ("j", job));
            using var r = cmd.ExecuteReader();
            var older = new List<string>();
            while (r.Read()) older.Add(r.GetString(0));
            return older;
        }

        public void Store(StoryRecord? record, IReadOnlyList<string> removed) => store.WriteStories(c, tx, record is null ? [] : [record], removed);

        public void SetMark(string story, long job) =>
            Exec(c, tx, "INSERT INTO brief_marks(story_id, job) VALUES (@s, @j) ON CONFLICT (story_id) DO UPDATE SET job = greatest(brief_marks.job, excluded.job)", ("s", story), ("j", job));

        // Older jobs another worker holds are left to it: it finds this job's mark and drops its own.
        public void Done(string story, long job)
        {
            Exec(c, tx, "DELETE FROM brief_jobs WHERE job = @j", ("j", job));
            Exec(c, tx, "DELETE FROM brief_jobs WHERE job IN (SELECT job FROM brief_jobs WHERE story_id = @s AND job < @j FOR UPDATE SKIP LOCKED)", ("s", story), ("j", job));
        }
    }
}
