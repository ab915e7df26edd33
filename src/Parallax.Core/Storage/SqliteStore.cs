using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>A store that cannot be opened or used: the file is not a Parallax store, is damaged, or is locked.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The default store: one SQLite file (WAL journal, full sync), created on first use, with full-text search (FTS5) over
/// articles and facts. Safe to share between threads and processes: reads use pooled connections, and writes are single
/// transactions serialised within the process and by SQLite's lock across processes.
/// </summary>
public sealed partial class SqliteStore : IStoryStore
{
    private readonly string _connectionString;
    private readonly Lock _writeGate = new();
    private readonly Func<DateTimeOffset> _clock;

    public string Path { get; }

    public int Count => Guard(() =>
    {
        using var c = Open();
        return Convert.ToInt32(Scalar(c, "SELECT count(*) FROM articles"), CultureInfo.InvariantCulture);
    });

    public long AnalysisGeneration => Guard(() =>
    {
        using var c = Open();
        return Convert.ToInt64(Scalar(c, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'analysis_generation'), 0)"), CultureInfo.InvariantCulture);
    });

    public bool Reanalysing => Guard(() =>
    {
        using var c = Open();
        return Scalar(c, "SELECT 1 FROM meta WHERE key = 'reanalysing'") is not null;
    });

    public void BeginReanalysis() => Guard(() =>
    {
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            Exec(c, "INSERT INTO meta(key, value) VALUES ('analysis_generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", tx);
            Exec(c, "INSERT OR REPLACE INTO meta(key, value) VALUES ('reanalysing', '1')", tx);
            Exec(c, "UPDATE articles SET features = NULL WHERE features IS NOT NULL", tx);
            Exec(c, "DELETE FROM quarantine", tx);
            Exec(c, "UPDATE meta SET value = '1' WHERE key = 'stories_pending'", tx);
            tx.Commit();
        }
    });

    public bool StoriesPending => Guard(() =>
    {
        using var c = Open();
        return Pending(c);
    });

    private static bool Pending(SqliteConnection c) => (string?)Scalar(c, "SELECT value FROM meta WHERE key = 'stories_pending'") == "1";

    public bool HasUrl(string url) => Guard(() =>
    {
        using var c = Open();
        return Scalar(c, "SELECT 1 FROM articles WHERE url_key = $u", null, ("$u", ArticleKeys.NormalUrl(url))) is not null;
    });

    public bool Add(Article article) => AddAll([article])[0].Status == AddStatus.Added;

    public IReadOnlyList<AddOutcome> AddAll(IReadOnlyList<Article> articles) => Guard(() =>
    {
        var outcomes = new List<AddOutcome>(articles.Count);
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            using var byHash = Command(c, "SELECT id FROM articles WHERE hash = $v", tx);
            using var byUrl = Command(c, "SELECT id FROM articles WHERE url_key = $v", tx);
            using var byId = Command(c, "SELECT 1 FROM articles WHERE id = $v", tx);
            using var nextOf = Command(c, "SELECT next FROM id_next WHERE base = $v", tx);
            using var setNext = Command(c, "INSERT OR REPLACE INTO id_next(base, next) VALUES ($b, $n)", tx);
            using var insert = Command(c, """
                INSERT INTO articles(id, hash, url, url_key, source, title, published, origin, extra, text, added)
                VALUES ($id, $hash, $url, $url_key, $source, $title, $published, $origin, $extra, $text, $added)
                """, tx);
            string now = Now();
            bool added = false;
            foreach (var a in articles)
            {
                string hash = ArticleKeys.ContentHash(a.Text);
                string? urlKey = string.IsNullOrWhiteSpace(a.Url) ? null : ArticleKeys.NormalUrl(a.Url);
                if (Lookup(byHash, hash) is { } sameText)
                {
                    outcomes.Add(new AddOutcome(sameText, AddStatus.SameText));
                    continue;
                }
                if (urlKey is not null && Lookup(byUrl, urlKey) is { } sameUrl)
                {
                    outcomes.Add(new AddOutcome(sameUrl, AddStatus.SameUrl));
                    continue;
                }
                string id = a.Id;
                if (Lookup(byId, id) is not null)
                {
                    // The next suffix is remembered per id, so a thousand articles all called "x" do not each probe x-2 … x-1000.
                    int n = Lookup(nextOf, a.Id) is { } next ? int.Parse(next, CultureInfo.InvariantCulture) : 2;
                    while (Lookup(byId, $"{a.Id}-{n}") is not null) n++;
                    id = $"{a.Id}-{n}";
                    Bind(setNext, ("$b", a.Id), ("$n", n + 1));
                    setNext.ExecuteNonQuery();
                }
                Bind(insert, ("$id", id), ("$hash", hash), ("$url", a.Url), ("$url_key", urlKey), ("$source", a.Source), ("$title", a.Title),
                    ("$published", a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$origin", a.Origin),
                    ("$extra", a.Extra.Count == 0 ? null : StoreRows.ExtraJson(a.Extra)), ("$text", a.Text), ("$added", now));
                insert.ExecuteNonQuery();
                outcomes.Add(new AddOutcome(id, AddStatus.Added));
                added = true;
            }
            if (added) Exec(c, "UPDATE meta SET value = '1' WHERE key = 'stories_pending'", tx);
            tx.Commit();
        }
        return (IReadOnlyList<AddOutcome>)outcomes;
    });

    public IReadOnlyList<StoredArticle> Unfeatured(int limit) => Guard(() =>
    {
        using var c = Open();
        return ReadArticles(c, $"SELECT {StoreRows.ArticleColumns} FROM articles a WHERE features IS NULL ORDER BY seq LIMIT $limit", ("$limit", limit));
    });

    public void SaveFeatures(IReadOnlyList<StoryFeatures> features) => Guard(() =>
    {
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            using var update = Command(c, "UPDATE articles SET features = $f WHERE id = $id", tx);
            foreach (var f in features)
            {
                Bind(update, ("$f", FeatureCodec.Encode(f)), ("$id", f.Id));
                update.ExecuteNonQuery();
            }
            tx.Commit();
        }
    });

    public void Quarantine(IReadOnlyList<QuarantinedArticle> articles) => Guard(() =>
    {
        if (articles.Count == 0) return;
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            using var put = Command(c, "INSERT OR REPLACE INTO quarantine(article_id, stage, reason) VALUES ($id, $stage, $reason)", tx);
            // An empty feature blob: not "unfeatured" any more (so never analysed again), and decoded as nothing, so in no story.
            using var mark = Command(c, "UPDATE articles SET features = X'' WHERE id = $id", tx);
            foreach (var q in articles)
            {
                Bind(put, ("$id", q.Id), ("$stage", q.Stage), ("$reason", q.Reason));
                put.ExecuteNonQuery();
                Bind(mark, ("$id", q.Id));
                mark.ExecuteNonQuery();
            }
            tx.Commit();
        }
    });

    /// <summary>
    /// SQLite's quick check (page structure, not index contents): null when it passes, else what is wrong. Reads the
    /// whole file once.
    /// </summary>
    public string? QuickCheck() => Guard(() =>
    {
        using var c = Open();
        var problems = new List<string>();
        using (var cmd = Command(c, "PRAGMA quick_check(5)"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) if (r.GetString(0) != "ok") problems.Add(r.GetString(0));
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    });

    public IDisposable? TryLockRefresh()
    {
        // An advisory lock on a file beside the store: the operating system releases it when the holder dies, so a killed
        // ingest never leaves the store locked.
        try
        {
            return new FileStream(Path + ".refresh-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            // Not held by another: this user may not make the lock file (a folder it cannot write), nor so write the store.
            throw new StoreException($"{Path} cannot be written (read-only file or folder)", e);
        }
    }

    public IReadOnlyList<QuarantinedArticle> Quarantined(int limit = 100) => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT q.article_id, q.stage, q.reason FROM quarantine q LEFT JOIN articles a ON a.id = q.article_id ORDER BY a.seq LIMIT $limit");
        Bind(cmd, ("$limit", Math.Clamp(limit, 0, 100_000)));
        using var r = cmd.ExecuteReader();
        var list = new List<QuarantinedArticle>();
        while (r.Read()) list.Add(new QuarantinedArticle(r.GetString(0), r.GetString(1), r.GetString(2)));
        return (IReadOnlyList<QuarantinedArticle>)list;
    });

    public IReadOnlyList<(long Seq, StoryFeatures Features)> Features() => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT seq, id, features FROM articles WHERE features IS NOT NULL ORDER BY seq");
        using var r = cmd.ExecuteReader();
        return StoreRows.ReadFeatured(r);
    });

    public IReadOnlyList<(long Seq, StoryFeatures Features)> Unplaced(long afterSeq) => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, """
            SELECT seq, id, features FROM articles a
            WHERE seq > $after AND features IS NOT NULL AND length(features) > 0
              AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
            ORDER BY seq
            """);
        Bind(cmd, ("$after", afterSeq));
        using var r = cmd.ExecuteReader();
        return StoreRows.ReadFeatured(r);
    });

    public long LastSeq => Guard(() =>
    {
        using var c = Open();
        return Convert.ToInt64(Scalar(c, "SELECT coalesce(max(seq), 0) FROM articles"), CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<(string Story, string Article, string? DuplicateOf)> Memberships() => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT story_id, article_id, duplicate_of FROM story_articles ORDER BY story_id, position");
        using var r = cmd.ExecuteReader();
        return StoreRows.ReadMemberships(r);
    });

    public long StoriesVersion => Guard(() =>
    {
        using var c = Open();
        return Convert.ToInt64(Scalar(c, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'stories_version'), 0)"), CultureInfo.InvariantCulture);
    });

    public IReadOnlyDictionary<string, string> StoryKeys() => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT id, members_key FROM stories");
        using var r = cmd.ExecuteReader();
        return StoreRows.ReadKeys(r);
    });

    public void SaveStories(IReadOnlyList<StoryRecord> stories, IReadOnlyList<string> removed, long? upToDateThrough) => Guard(() =>
    {
        lock (_writeGate)
        {
            using var c = Open(write: true);
            using var tx = c.BeginTransaction(deferred: false);
            WriteStories(c, tx, stories, removed);
            Exec(c, "INSERT INTO meta(key, value) VALUES ('stories_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", tx);
            if (upToDateThrough is { } seq)
            {
                // Articles another process added meanwhile keep the stories pending.
                Exec(c, "UPDATE meta SET value = '0' WHERE key = 'stories_pending' AND coalesce((SELECT max(seq) FROM articles), 0) <= $seq", tx, ("$seq", seq));
                Exec(c, "DELETE FROM meta WHERE key = 'reanalysing' AND (SELECT value FROM meta WHERE key = 'stories_pending') = '0'", tx);
            }
            tx.Commit();
        }
    });

    /// <summary>Writes stories (each replacing its older version) and removes others, within the caller's transaction.</summary>
    private void WriteStories(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<StoryRecord> stories, IEnumerable<string> removed)
    {
        foreach (var id in removed) DeleteStory(c, tx, id);
        using var story = Command(c, """
            INSERT OR REPLACE INTO stories(id, members_key, title, date, day, sources, outlets, topic, articles, conflicts, summary, alternates, score, updated)
            VALUES ($id, $key, $title, $date, $day, $sources, $outlets, $topic, $articles, $conflicts, $summary, $alternates, $score, $updated)
            """, tx);
        using var outlet = Command(c, "INSERT INTO story_outlets(story_id, position, outlet, articles, leaning) VALUES ($s, $p, $o, $n, $l)", tx);
        using var line = Command(c, "INSERT OR IGNORE INTO story_lines(line_key, story_id) VALUES ($k, $s)", tx);
        using var brief = Command(c, "INSERT OR REPLACE INTO briefs(story_id, json, html) VALUES ($id, $json, $html)", tx);
        using var member = Command(c, "INSERT OR REPLACE INTO story_articles(article_id, story_id, position, duplicate_of) VALUES ($a, $s, $p, $d)", tx);
        using var fact = Command(c, "INSERT INTO facts(story_id, rank, sources, text) VALUES ($s, $r, $n, $t)", tx);
        string now = Now();
        foreach (var s in stories)
        {
            DeleteStory(c, tx, s.Id);
            Bind(story, ("$id", s.Id), ("$key", s.MembersKey), ("$title", s.Title), ("$date", StoreRows.Iso(s.Date)), ("$day", StoreRows.Iso(s.Day)), ("$sources", s.Sources), ("$outlets", s.Coverage.Count == 0 ? null : string.Join('\n', s.Coverage.Select(o => o.Name))), ("$topic", s.Topic),
                ("$articles", s.Members.Count), ("$conflicts", s.Conflicts), ("$summary", s.Summary), ("$alternates", s.Alternates.Count == 0 ? null : string.Join('\n', s.Alternates)), ("$score", s.Score), ("$updated", now));
            story.ExecuteNonQuery();
            foreach (var text in s.Alternates.Prepend(s.Summary))
            {
                Bind(line, ("$k", StoreRows.LineKey(text)), ("$s", s.Id));
                line.ExecuteNonQuery();
            }
            for (int i = 0; i < s.Coverage.Count; i++)
            {
                Bind(outlet, ("$s", s.Id), ("$p", i), ("$o", s.Coverage[i].Name), ("$n", s.Coverage[i].Articles), ("$l", s.Coverage[i].Leaning));
                outlet.ExecuteNonQuery();
            }
            Bind(brief, ("$id", s.Id), ("$json", StoreRows.Gzip(s.BriefJson)), ("$html", StoreRows.Gzip(s.BriefHtml)));
            brief.ExecuteNonQuery();
            for (int i = 0; i < s.Members.Count; i++)
            {
                Bind(member, ("$a", s.Members[i].Article), ("$s", s.Id), ("$p", i), ("$d", s.Members[i].DuplicateOf));
                member.ExecuteNonQuery();
            }
            for (int i = 0; i < s.Facts.Count; i++)
            {
                if (s.Facts[i].Sources < 2) continue;
                Bind(fact, ("$s", s.Id), ("$r", i), ("$n", s.Facts[i].Sources), ("$t", s.Facts[i].Text));
                fact.ExecuteNonQuery();
            }
        }
    }

    private static void DeleteStory(SqliteConnection c, SqliteTransaction tx, string id)
    {
        Exec(c, "DELETE FROM stories WHERE id = $id", tx, ("$id", id));
        Exec(c, "DELETE FROM briefs WHERE story_id = $id", tx, ("$id", id));
        Exec(c, "DELETE FROM story_articles WHERE story_id = $id", tx, ("$id", id));
        Exec(c, "DELETE FROM facts WHERE story_id = $id", tx, ("$id", id));
        Exec(c, "DELETE FROM story_outlets WHERE story_id = $id", tx, ("$id", id));
        Exec(c, "DELETE FROM story_lines WHERE story_id = $id", tx, ("$id", id));
    }

    public IReadOnlyList<StoredArticle> Articles(IReadOnlyList<string> ids) => Guard(() =>
    {
        using var c = Open();
        var found = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(400))
        {
            var names = chunk.Select((_, i) => $"$p{i}").ToArray();
            var args = chunk.Select((id, i) => (names[i], (object?)id)).ToArray();
            foreach (var a in ReadArticles(c, $"SELECT {StoreRows.ArticleColumns} FROM articles a WHERE id IN ({string.Join(", ", names)})", args)) found[a.Article.Id] = a;
        }
        return (IReadOnlyList<StoredArticle>)[.. ids.Where(found.ContainsKey).Select(id => found[id])];
    });

    public StoredArticle? Article(string id) => Guard(() =>
    {
        using var c = Open();
        return ReadArticles(c, $"SELECT {StoreRows.ArticleColumns}, s.story_id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id WHERE a.id = $id", ("$id", id)).FirstOrDefault();
    });

    public StoredStory? Story(string id) => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, $"SELECT {StoreRows.StoryColumns} FROM stories WHERE id = $id");
        Bind(cmd, ("$id", id));
        StorySummary summary;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            summary = StoreRows.ReadStory(r);
        }
        using var members = Command(c, "SELECT article_id, duplicate_of FROM story_articles WHERE story_id = $id ORDER BY position");
        Bind(members, ("$id", id));
        using var m = members.ExecuteReader();
        return StoreRows.ReadStored(summary, m);
    });

    public string? BriefJson(string storyId) => StoreRows.ReadToEnd(OpenBrief(storyId, "json"));

    public string? BriefHtml(string storyId) => StoreRows.ReadToEnd(OpenBrief(storyId, "html"));

    /// <summary>A story's brief as an HTML fragment, as a stream of UTF-8 that decompresses as it is read (no page-sized string is built).</summary>
    public Stream? OpenBriefHtml(string storyId) => OpenBrief(storyId, "html");

    private Stream? OpenBrief(string storyId, string column) => Guard(() =>
    {
        using var c = Open();
        if (Scalar(c, $"SELECT {column} FROM briefs WHERE story_id = $id", null, ("$id", storyId)) is not byte[] gz) return null;
        return (Stream?)StoreRows.Gunzip(gz, storyId, Path);
    });

    public FeedState? Feed(string url) => Guard(() =>
    {
        using var c = Open();
        return Scalar(c, "SELECT state FROM feeds WHERE url = $u", null, ("$u", url)) is string json ? JsonSerializer.Deserialize<FeedState>(json) : null;
    });

    public void SaveFeed(FeedState state) => Guard(() =>
    {
        lock (_writeGate)
        {
            using var c = Open(write: true);
            Exec(c, "INSERT OR REPLACE INTO feeds(url, state) VALUES ($u, $s)", null, ("$u", state.Url), ("$s", JsonSerializer.Serialize(state)));
        }
    });

    public StoreReport Check(bool quick = false) => Guard(() =>
    {
        using var c = Open();
        int Count(string sql) => Convert.ToInt32(Scalar(c, sql), CultureInfo.InvariantCulture);
        var counts = new StoreReport(Count("SELECT count(*) FROM articles"), Count("SELECT count(*) FROM articles WHERE features IS NULL"),
            Count("SELECT count(*) FROM stories"), Count("SELECT count(*) FROM facts"), Pending(c), "not checked (--quick)", "")
        {
            Quarantined = Count("SELECT count(*) FROM quarantine"),
        };
        if (quick) return counts;
        var problems = StoreRows.ContentProblems(Count, counts.StoriesPending);
        using (var cmd = Command(c, "PRAGMA integrity_check"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) if (r.GetString(0) != "ok") problems.Add(r.GetString(0));
        }
        string? notChecked = null;
        foreach (var fts in FtsTables)
        {
            try
            {
                // A command to the index, not a write: no byte changes, but SQLite takes the write lock for it.
                Exec(c, $"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)");
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 8)
            {
                notChecked = "the search indexes were not compared with the articles and facts, since the store cannot be written (SQLite checks that under its write lock)";
            }
            catch (SqliteException e)
            {
                problems.Add($"{fts}: {e.Message}");
            }
        }
        return counts with { Integrity = problems.Count == 0 ? "ok" : string.Join("; ", problems), Digest = Digest(c), NotChecked = notChecked };
    });

    private static string Digest(SqliteConnection c) => StoreRows.Digest(sql => Command(c, sql).ExecuteReader());

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted once the store is done.
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    private static readonly string[] FtsTables = ["articles_fts", "facts_fts"];

    private static List<StoredArticle> ReadArticles(SqliteConnection c, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql);
        Bind(cmd, args);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredArticle>();
        while (r.Read()) list.Add(StoreRows.ReadArticle(r));
        return list;
    }

    private string Now() => StoreRows.Now(_clock());

    private SqliteConnection Open(bool write = false)
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // FULL sync: a transaction that returned is on disk, even if the machine loses power right after.
        if (write) Exec(c, "PRAGMA synchronous = FULL");
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params (string Name, object? Value)[] args)
    {
        foreach (var (name, value) in args)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static string? Lookup(SqliteCommand cmd, string value)
    {
        Bind(cmd, ("$v", value));
        return cmd.ExecuteScalar() switch
        {
            null or DBNull => null,
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        };
    }

    private static object? Scalar(SqliteConnection c, string sql, SqliteTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx);
        Bind(cmd, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx);
        Bind(cmd, args);
        cmd.ExecuteNonQuery();
    }

    private T Guard<T>(Func<T> action) => StoreGuard.Run<T, SqliteException>(action, Explain);

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private string Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => $"{Path} is not a Parallax store (not an SQLite database); give another --db file",
        11 => $"{Path} is damaged ({e.Message}); restore it from a backup or start a new store",
        5 or 6 => $"{Path} is busy: another process holds a write lock for too long ({e.Message}); try again",
        8 => $"{Path} cannot be written (read-only file or folder)",
        13 => $"the disk holding {Path} is full",
        14 => $"{Path} cannot be opened ({e.Message}); check the path and its permissions",
        _ => $"store {Path}: {e.Message}",
    };
}
