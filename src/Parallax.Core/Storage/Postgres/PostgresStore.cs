using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL server, for more than one machine: the same tables and content as <see cref="SqliteStore"/>
/// (so the same digest), with full-text search by tsvector. Every write is one transaction. Articles are numbered under
/// a transaction lock, so arrival numbers follow commit order as in SQLite, and the refresh lock is a session advisory
/// lock, released when its holder closes the connection or dies. Schema migrations are the numbered SQL files beside
/// this class, applied once each, in order, under a lock (<see cref="PostgresMigrations"/>).
/// </summary>
public sealed partial class PostgresStore : IStoryStore
{
    private readonly NpgsqlDataSource _source;
    private readonly Func<DateTimeOffset> _clock;

    public string Path { get; }

    /// <summary>Opens (and migrates) the store at <paramref name="address"/>: <c>postgresql://user@host:5432/db</c> or <c>Host=…;Database=…</c>.</summary>
    public PostgresStore(string address, Func<DateTimeOffset>? clock = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        Path = StoreAddress.Shown(address);
        string connection;
        try
        {
            connection = ConnectionString(address);
            _source = NpgsqlDataSource.Create(connection);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"--db {Path}: not a PostgreSQL address Parallax can read ({e.Message}); give postgresql://user@host:5432/db or Host=...;Database=...", e);
        }
        Guard(() =>
        {
            using var c = _source.OpenConnection();
            try
            {
                PostgresMigrations.Apply(c);
            }
            catch (StoreException e)
            {
                throw new StoreException($"{Path}: {e.Message}", e);
            }
        });
    }

    /// <summary>An Npgsql connection string from a <c>postgresql://</c> address, or the key=value string as given.</summary>
    public static string ConnectionString(string address)
    {
        var trimmed = address.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal)) return new NpgsqlConnectionStringBuilder(trimmed).ConnectionString;
        // The user info is cut off first, up to the last '@' (as StoreAddress.Shown hides it), so a password holding a raw
        // '@', '/' or ':' is neither misread as the host nor left for the URL parser to refuse.
        int start = trimmed.IndexOf("://", StringComparison.Ordinal) + 3, at = StoreAddress.UserInfoEnd(trimmed);
        string info = at >= 0 ? trimmed[start..at] : "";
        if (!Uri.TryCreate(at >= 0 ? trimmed[..start] + trimmed[(at + 1)..] : trimmed, UriKind.Absolute, out var uri)) throw new ArgumentException("the address does not parse");
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host.Length > 0 ? uri.Host : "localhost" };
        if (uri.Port > 0) b.Port = uri.Port;
        if (info.Length > 0)
        {
            var parts = info.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        string db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]).ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "application_name" => "Application Name",
                "connect_timeout" => "Timeout",
                var k => k,
            };
            b[key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b.ConnectionString;
    }

    public int Count => Guard(() => Convert.ToInt32(Scalar("SELECT count(*) FROM articles"), CultureInfo.InvariantCulture));

    public bool StoriesPending => Guard(() => (string?)Scalar("SELECT value FROM meta WHERE key = 'stories_pending'") == "1");

    public long LastSeq => Guard(() => Convert.ToInt64(Scalar("SELECT coalesce(max(seq), 0) FROM articles"), CultureInfo.InvariantCulture));

    public long AnalysisGeneration => Guard(() => Convert.ToInt64(Scalar("SELECT coalesce((SELECT value::bigint FROM meta WHERE key = 'analysis_generation'), 0)"), CultureInfo.InvariantCulture));

    public bool Reanalysing => Guard(() => Scalar("SELECT 1 FROM meta WHERE key = 'reanalysing'") is not null);

    public void BeginReanalysis() => Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        Exec(c, tx, "INSERT INTO meta(key, value) VALUES ('analysis_generation', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text");
        Exec(c, tx, "INSERT INTO meta(key, value) VALUES ('reanalysing', '1') ON CONFLICT (key) DO NOTHING");
        Exec(c, tx, "UPDATE articles SET features = NULL WHERE features IS NOT NULL");
        Exec(c, tx, "DELETE FROM quarantine");
        Exec(c, tx, "UPDATE meta SET value = '1' WHERE key = 'stories_pending'");
        tx.Commit();
    });

    public long StoriesVersion => Guard(() => Convert.ToInt64(Scalar("SELECT value FROM meta WHERE key = 'stories_version'"), CultureInfo.InvariantCulture));

    public bool HasUrl(string url) => Guard(() => Scalar("SELECT 1 FROM articles WHERE url_key = @v", ("v", ArticleKeys.NormalUrl(url))) is not null);

    public bool Add(Article article) => AddAll([article])[0].Status == AddStatus.Added;

    public IReadOnlyList<AddOutcome> AddAll(IReadOnlyList<Article> articles) => Guard(() =>
    {
        var outcomes = new List<AddOutcome>(articles.Count);
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        // One writer numbers articles at a time, so arrival numbers follow commit order (the live path relies on it).
        Exec(c, tx, "SELECT pg_advisory_xact_lock(@k)", ("k", AdvisoryLocks.Numbering));
        long seq = Convert.ToInt64(Scalar(c, tx, "SELECT coalesce(max(seq), 0) FROM articles"), CultureInfo.InvariantCulture);
        string now = StoreRows.Now(_clock());
        bool added = false;
        foreach (var a in articles)
        {
            string hash = ArticleKeys.ContentHash(a.Text);
            string? urlKey = string.IsNullOrWhiteSpace(a.Url) ? null : ArticleKeys.NormalUrl(a.Url);
            if (Scalar(c, tx, "SELECT id FROM articles WHERE hash = @v", ("v", hash)) is string sameText)
            {
                outcomes.Add(new AddOutcome(sameText, AddStatus.SameText));
                continue;
            }
            if (urlKey is not null && Scalar(c, tx, "SELECT id FROM articles WHERE url_key = @v", ("v", urlKey)) is string sameUrl)
            {
                outcomes.Add(new AddOutcome(sameUrl, AddStatus.SameUrl));
                continue;
            }
            string id = a.Id;
            if (Scalar(c, tx, "SELECT 1 FROM articles WHERE id = @v", ("v", id)) is not null)
            {
                // The next suffix is remembered per id, so a thousand articles all called "x" do not each probe x-2 … x-1000.
                int n = Scalar(c, tx, "SELECT next FROM id_next WHERE base = @v", ("v", a.Id)) is int next ? next : 2;
                while (Scalar(c, tx, "SELECT 1 FROM articles WHERE id = @v", ("v", $"{a.Id}-{n}")) is not null) n++;
                id = $"{a.Id}-{n}";
                Exec(c, tx, "INSERT INTO id_next(base, next) VALUES (@b, @n) ON CONFLICT (base) DO UPDATE SET next = excluded.next", ("b", a.Id), ("n", n + 1));
            }
            Exec(c, tx, """
                INSERT INTO articles(seq, id, hash, url, url_key, source, title, published, origin, extra, text, added)
                VALUES (@seq, @id, @hash, @url, @url_key, @source, @title, @published, @origin, @extra, @text, @added)
                """, ("seq", ++seq), ("id", id), ("hash", hash), ("url", a.Url), ("url_key", urlKey), ("source", a.Source), ("title", a.Title),
                ("published", StoreRows.Iso(a.Published)), ("origin", a.Origin), ("extra", a.Extra.Count == 0 ? null : StoreRows.ExtraJson(a.Extra)),
                ("text", a.Text), ("added", now));
            outcomes.Add(new AddOutcome(id, AddStatus.Added));
            added = true;
        }
        if (added) Exec(c, tx, "UPDATE meta SET value = '1' WHERE key = 'stories_pending'");
        tx.Commit();
        return (IReadOnlyList<AddOutcome>)outcomes;
    });

    public IReadOnlyList<StoredArticle> Unfeatured(int limit) => Guard(() =>
        ReadArticles($"SELECT {StoreRows.ArticleColumns} FROM articles a WHERE features IS NULL ORDER BY seq LIMIT @limit", ("limit", limit)));

    public void SaveFeatures(IReadOnlyList<StoryFeatures> features) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        foreach (var f in features) Exec(c, tx, "UPDATE articles SET features = @f WHERE id = @id", ("f", FeatureCodec.Encode(f)), ("id", f.Id));
        tx.Commit();
    });

    public IReadOnlyList<(long Seq, StoryFeatures Features)> Features() => Guard(() =>
        Featured("SELECT seq, id, features FROM articles WHERE features IS NOT NULL ORDER BY seq"));

    public IReadOnlyList<(long Seq, StoryFeatures Features)> Unplaced(long afterSeq) => Guard(() => Featured("""
        SELECT seq, id, features FROM articles a
        WHERE seq > @after AND features IS NOT NULL AND length(features) > 0
          AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
        ORDER BY seq
        """, ("after", afterSeq)));

    private IReadOnlyList<(long, StoryFeatures)> Featured(string sql, params (string, object?)[] args) => Rows(sql, StoreRows.ReadFeatured, args);

    /// <summary>What <paramref name="read"/> makes of a query's rows, on a connection of its own.</summary>
    private T Rows<T>(string sql, Func<NpgsqlDataReader, T> read, params (string, object?)[] args)
    {
        using var c = _source.OpenConnection();
        using var cmd = Command(c, null, sql, args);
        using var r = cmd.ExecuteReader();
        return read(r);
    }

    public IReadOnlyList<(string Story, string Article, string? DuplicateOf)> Memberships() => Guard(() =>
        Rows("SELECT story_id, article_id, duplicate_of FROM story_articles ORDER BY story_id, position", StoreRows.ReadMemberships));

    public IReadOnlyDictionary<string, string> StoryKeys() => Guard(() => Rows("SELECT id, members_key FROM stories", StoreRows.ReadKeys));

    public void SaveStories(IReadOnlyList<StoryRecord> stories, IReadOnlyList<string> removed, long? upToDateThrough) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        // The version first: its row lock orders this write after any brief job being completed (which holds it shared).
        Exec(c, tx, "UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'stories_version'");
        WriteStories(c, tx, stories, removed);
        if (upToDateThrough is { } seq)
        {
            // Articles another process added meanwhile keep the stories pending.
            Exec(c, tx, "UPDATE meta SET value = '0' WHERE key = 'stories_pending' AND (SELECT coalesce(max(seq), 0) FROM articles) <= @seq", ("seq", seq));
            Exec(c, tx, "DELETE FROM meta WHERE key = 'reanalysing' AND (SELECT value FROM meta WHERE key = 'stories_pending') = '0'");
        }
        tx.Commit();
    });

    /// <summary>Writes stories (each replacing its older version) and removes others, within the caller's transaction.</summary>
    private void WriteStories(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<StoryRecord> stories, IEnumerable<string> removed)
    {
        foreach (var id in removed) DeleteStory(c, tx, id);
        string now = StoreRows.Now(_clock());
        foreach (var s in stories)
        {
            DeleteStory(c, tx, s.Id);
            Exec(c, tx, """
                INSERT INTO stories(id, members_key, title, date, day, sources, outlets, topic, articles, conflicts, summary, alternates, score, updated)
                VALUES (@id, @key, @title, @date, @day, @sources, @outlets, @topic, @articles, @conflicts, @summary, @alternates, @score, @updated)
                """, ("id", s.Id), ("key", s.MembersKey), ("title", s.Title), ("date", StoreRows.Iso(s.Date)), ("day", StoreRows.Iso(s.Day)), ("sources", s.Sources),
                ("outlets", s.Coverage.Count == 0 ? null : string.Join('\n', s.Coverage.Select(o => o.Name))), ("topic", s.Topic), ("articles", s.Members.Count),
                ("conflicts", s.Conflicts), ("summary", s.Summary), ("alternates", s.Alternates.Count == 0 ? null : string.Join('\n', s.Alternates)), ("score", s.Score), ("updated", now));
            foreach (var line in s.Alternates.Prepend(s.Summary).Select(StoreRows.LineKey).Distinct())
            {
                Exec(c, tx, "INSERT INTO story_lines(line_key, story_id) VALUES (@k, @s) ON CONFLICT DO NOTHING", ("k", line), ("s", s.Id));
            }
            for (int i = 0; i < s.Coverage.Count; i++)
            {
                Exec(c, tx, "INSERT INTO story_outlets(story_id, position, outlet, articles, leaning) VALUES (@s, @p, @o, @n, @l)",
                    ("s", s.Id), ("p", i), ("o", s.Coverage[i].Name), ("n", s.Coverage[i].Articles), ("l", s.Coverage[i].Leaning));
            }
            Exec(c, tx, "INSERT INTO briefs(story_id, json, html) VALUES (@id, @json, @html)", ("id", s.Id), ("json", StoreRows.Gzip(s.BriefJson)), ("html", StoreRows.Gzip(s.BriefHtml)));
            for (int i = 0; i < s.Members.Count; i++)
            {
                Exec(c, tx, """
                    INSERT INTO story_articles(article_id, story_id, position, duplicate_of) VALUES (@a, @s, @p, @d)
                    ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, position = excluded.position, duplicate_of = excluded.duplicate_of
                    """, ("a", s.Members[i].Article), ("s", s.Id), ("p", i), ("d", s.Members[i].DuplicateOf));
            }
            for (int i = 0; i < s.Facts.Count; i++)
            {
                if (s.Facts[i].Sources < 2) continue;
                Exec(c, tx, "INSERT INTO facts(story_id, rank, sources, text) VALUES (@s, @r, @n, @t)", ("s", s.Id), ("r", i), ("n", s.Facts[i].Sources), ("t", s.Facts[i].Text));
            }
        }
    }

    private static void DeleteStory(NpgsqlConnection c, NpgsqlTransaction tx, string id)
    {
        foreach (var (table, column) in new[] { ("stories", "id"), ("briefs", "story_id"), ("story_articles", "story_id"), ("facts", "story_id"), ("story_outlets", "story_id"), ("story_lines", "story_id") })
        {
            Exec(c, tx, $"DELETE FROM {table} WHERE {column} = @id", ("id", id));
        }
    }

    public IReadOnlyList<StoredArticle> Articles(IReadOnlyList<string> ids) => Guard(() =>
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        var found = ReadArticles($"SELECT {StoreRows.ArticleColumns} FROM articles a WHERE id = ANY(@ids)", ("ids", wanted)).ToDictionary(a => a.Article.Id, StringComparer.Ordinal);
        return (IReadOnlyList<StoredArticle>)[.. ids.Where(found.ContainsKey).Select(id => found[id])];
    });

    public StoredArticle? Article(string id) => Guard(() =>
        ReadArticles($"SELECT {StoreRows.ArticleColumns}, s.story_id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id WHERE a.id = @id", ("id", id)).FirstOrDefault());

    public StoredStory? Story(string id) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        StorySummary summary;
        using (var cmd = Command(c, null, $"SELECT {StoreRows.StoryColumns} FROM stories WHERE id = @id", ("id", id)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            summary = StoreRows.ReadStory(r);
        }
        using var members = Command(c, null, "SELECT article_id, duplicate_of FROM story_articles WHERE story_id = @id ORDER BY position", ("id", id));
        using var m = members.ExecuteReader();
        return StoreRows.ReadStored(summary, m);
    });

    public string? BriefJson(string storyId) => StoreRows.ReadToEnd(OpenBrief(storyId, "json"));

    public string? BriefHtml(string storyId) => StoreRows.ReadToEnd(OpenBrief(storyId, "html"));

    public Stream? OpenBriefHtml(string storyId) => OpenBrief(storyId, "html");

    private Stream? OpenBrief(string storyId, string column) => Guard(() =>
        Scalar($"SELECT {column} FROM briefs WHERE story_id = @id", ("id", storyId)) is byte[] gz ? StoreRows.Gunzip(gz, storyId, Path) : null);

    public void Quarantine(IReadOnlyList<QuarantinedArticle> articles) => Guard(() =>
    {
        if (articles.Count == 0) return;
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        QuarantineIn(c, tx, articles);
        tx.Commit();
    });

    public IReadOnlyList<QuarantinedArticle> Quarantined(int limit = 100) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var cmd = Command(c, null, "SELECT q.article_id, q.stage, q.reason FROM quarantine q LEFT JOIN articles a ON a.id = q.article_id ORDER BY a.seq LIMIT @limit", ("limit", Math.Clamp(limit, 0, 100_000)));
        using var r = cmd.ExecuteReader();
        var list = new List<QuarantinedArticle>();
        while (r.Read()) list.Add(new QuarantinedArticle(r.GetString(0), r.GetString(1), r.GetString(2)));
        return (IReadOnlyList<QuarantinedArticle>)list;
    });

    /// <summary>A session advisory lock on a connection of its own: released when disposed, or by the server when the process dies.</summary>
    public IDisposable? TryLockRefresh() => Guard(() =>
    {
        var c = _source.OpenConnection();
        try
        {
            if (Scalar(c, null, "SELECT pg_try_advisory_lock(@k)", ("k", AdvisoryLocks.Refresh)) is true) return (IDisposable?)new HeldLock(c);
        }
        catch
        {
            c.Dispose();
            throw;
        }
        c.Dispose();
        return null;
    });

    private sealed class HeldLock(NpgsqlConnection connection) : ILosableLock
    {
        public bool StillHeld
        {
            get
            {
                try
                {
                    return Scalar(connection, null, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objid::bigint = @lo AND classid::bigint = @hi",
                        ("lo", (long)(uint)(AdvisoryLocks.Refresh & 0xFFFF_FFFF)), ("hi", (long)(uint)(AdvisoryLocks.Refresh >> 32))) is not null;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    return false;
                }
            }
        }

        public void Dispose()
        {
            try
            {
                Exec(connection, null, "SELECT pg_advisory_unlock(@k)", ("k", AdvisoryLocks.Refresh));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone (broken, or closed by the server), and with it the lock.
            }
            connection.Dispose();
        }
    }

    public string? QuickCheck() => Guard(() => Scalar("SELECT 1") is not null ? null : "the server does not answer");

    public FeedState? Feed(string url) => Guard(() => Scalar("SELECT state FROM feeds WHERE url = @u", ("u", url)) is string json ? JsonSerializer.Deserialize<FeedState>(json) : null);

    public void SaveFeed(FeedState state) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        Exec(c, null, "INSERT INTO feeds(url, state) VALUES (@u, @s) ON CONFLICT (url) DO UPDATE SET state = excluded.state", ("u", state.Url), ("s", JsonSerializer.Serialize(state)));
    });

    public StoreReport Check(bool quick = false) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        int Count(string sql) => Convert.ToInt32(Scalar(c, null, sql), CultureInfo.InvariantCulture);
        var counts = new StoreReport(Count("SELECT count(*) FROM articles"), Count("SELECT count(*) FROM articles WHERE features IS NULL"),
            Count("SELECT count(*) FROM stories"), Count("SELECT count(*) FROM facts"), (string?)Scalar(c, null, "SELECT value FROM meta WHERE key = 'stories_pending'") == "1",
            "not checked (--quick)", "")
        {
            Quarantined = Count("SELECT count(*) FROM quarantine"),
        };
        if (quick) return counts;
        // The server keeps its own pages whole; what can go wrong here is the content: a member of no stored story, a brief of none.
        var problems = StoreRows.ContentProblems(Count, counts.StoriesPending);
        return counts with { Integrity = problems.Count == 0 ? "ok" : string.Join("; ", problems), Digest = StoreRows.Digest(sql => Command(c, null, sql).ExecuteReader()) };
    });

    public void Dispose() => _source.Dispose();

    private List<StoredArticle> ReadArticles(string sql, params (string, object?)[] args) => Rows(sql, r =>
    {
        var list = new List<StoredArticle>();
        while (r.Read()) list.Add(StoreRows.ReadArticle(r));
        return list;
    }, args);

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.Add(value switch
            {
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                string[] list => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = list },
                _ => new NpgsqlParameter(name, value),
            });
        }
        return cmd;
    }

    private object? Scalar(string sql, params (string, object?)[] args)
    {
        using var c = _source.OpenConnection();
        return Scalar(c, null, sql, args);
    }

    private static object? Scalar(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static void Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a store operation with its errors explained; <paramref name="retry"/>: once more on a new connection if the connection broke.</summary>
    private T Guard<T>(Func<T> action, bool retry = true) => StoreGuard.Run<T, NpgsqlException>(() =>
    {
        try
        {
            return action();
        }
        catch (Exception e) when (retry && Broken(e))
        {
            // The server restarted or the network cut out: every pooled connection is dead, and each would fail once. The
            // pool is emptied and the operation tried once more on a new connection (a failed write was rolled back, and
            // every write here may be repeated: articles are recognised by their text, the rest is replaced or upserted).
            _source.Clear();
            return action();
        }
    }, Explain);

    /// <summary>Whether an error means the connection is gone (the session ended by the server, or the socket broken), not that the query failed.</summary>
    private static bool Broken(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.InnerException is IOException or System.Net.Sockets.SocketException || n.IsTransient,
        _ => false,
    };

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private string Explain(Exception e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        if (message.Length > 200) message = message[..200] + "…";
        return e switch
        {
            PostgresException { SqlState: "3D000" } => $"{Path}: no such database; create it first (createdb NAME) or name another in --db",
            PostgresException { SqlState: "28P01" or "28000" } => $"{Path}: the server refused the login ({message}); check the user and password in --db",
            NpgsqlException { InnerException: System.Net.Sockets.SocketException } => $"{Path}: cannot reach the PostgreSQL server ({message}); is it running, and is the address right?",
            _ => $"{Path}: {message}",
        };
    }
}
