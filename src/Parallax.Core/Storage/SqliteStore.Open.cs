using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parallax.Storage;

/// <summary>
/// Opening an SQLite store: a new one is built whole under a temporary name; an existing file is first looked at through
/// a read-only connection, so a current store is opened without any write, and a file that is not a Parallax store or
/// was written by a newer Parallax is refused untouched. Only an older store is written at open, once, to upgrade it.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>
    /// The schema this code reads and writes. It is the one number: <c>schema.sql</c> holds none, and the store stamps
    /// this as <c>PRAGMA user_version</c> whenever it writes the schema.
    /// </summary>
    public const int SchemaVersion = 6;

    /// <summary>Whether this store was opened to read only: its connections are SQLite read-only ones, and a write is refused.</summary>
    public bool ReadOnly { get; }

    /// <param name="path">The store's file, created (with its folder) when missing unless <paramref name="readOnly"/>.</param>
    /// <param name="clock">The time stored with articles and stories.</param>
    /// <param name="readOnly">
    /// Read only (the reading commands): nothing is written, not even by SQLite, and a missing file is refused. An older
    /// store is still upgraded once when its file can be written, since this code cannot read it otherwise.
    /// </param>
    public SqliteStore(string path, Func<DateTimeOffset>? clock = null, bool readOnly = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        if (Directory.Exists(Path)) throw new StoreException($"{Path} is a folder; give a file name for the store, e.g. parallax.db");
        if (File.Exists(Path) && new FileInfo(Path).Length == 0)
        {
            // SQLite would quietly make an empty file a new database; an empty file given as a store is more likely a mistake.
            throw new StoreException($"{Path} is an empty file, not a Parallax store; delete it to start a new store there, or give another --db file");
        }
        if (!File.Exists(Path))
        {
            if (readOnly) throw new StoreException($"no store at {Path}; create one with: parallax ingest --db {Path} FOLDER_OR_FILES");
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            Guard(CreateAtomically);
        }
        (int Version, bool Empty) found;
        try
        {
            found = Guard(() => Look(immutable: false));
        }
        catch (StoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 8 or 10 or 14 } && !WalHoldsAnything())
        {
            // SQLite reads a WAL store through a shared-memory index beside it (the -shm file), which it must create or
            // extend first: on a full disk, or in a folder this user may not write, it cannot, and so cannot read. With no
            // write-ahead log to index, the file alone is the whole store: it is read as it stands, read-only.
            found = Guard(() => Look(immutable: true));
            Frozen = true;
        }
        ReadOnly = readOnly || Frozen;
        if (found.Version < SchemaVersion) Guard(() => Upgrade(found.Version));
        _connectionString = Frozen ? ConnectionString(SqliteOpenMode.ReadOnly, pooling: true, immutable: true)
            : ConnectionString(ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite, pooling: true);
    }

    /// <summary>
    /// Whether the store is read as its file stands, without SQLite's shared-memory index (which could not be made: a full
    /// disk, or a folder this user may not write); then it is <see cref="ReadOnly"/>, and sees no later write by another process.
    /// </summary>
    public bool Frozen { get; }

    private (int Version, bool Empty) Look(bool immutable)
    {
        using var c = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadOnly, pooling: false, immutable));
        c.Open();
        return Inspect(c, null);
    }

    private bool WalHoldsAnything() => new FileInfo(Path + "-wal") is { Exists: true, Length: > 0 };

    /// <param name="mode">How SQLite opens the file.</param>
    /// <param name="pooling">Whether connections are kept for reuse.</param>
    /// <param name="immutable">Read the file as it stands, without locks or the write-ahead log (SQLite's <c>immutable</c> URI parameter).</param>
    private string ConnectionString(SqliteOpenMode mode, bool pooling, bool immutable = false)
    {
        string source = Path;
        if (immutable)
        {
            // A URI file name: only '%', '?' and '#' mean something in its path.
            string path = Path.Replace('\\', '/').Replace("%", "%25", StringComparison.Ordinal).Replace("?", "%3f", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
            source = $"file:{(path.StartsWith('/') ? "" : "/")}{path}?immutable=1";
        }
        return new SqliteConnectionStringBuilder { DataSource = source, Mode = mode, Pooling = pooling, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The file's schema version, after refusing a file that is not a Parallax store or that a newer Parallax wrote. Reads only.</summary>
    private (int Version, bool Empty) Inspect(SqliteConnection c, SqliteTransaction? tx)
    {
        int version = UserVersion(c, tx);
        long objects = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM sqlite_master", tx), CultureInfo.InvariantCulture);
        // Every schema has had these two tables; another program's database (whatever its user_version) has not both.
        bool ours = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'articles')", tx), CultureInfo.InvariantCulture) == 2;
        bool empty = objects == 0 && version == 0;
        if (!ours && !empty) throw new StoreException($"{Path} is an SQLite database but not a Parallax store; give another --db file");
        if (version > SchemaVersion) throw new StoreException($"{Path} was written by a newer Parallax (schema {version}; this one reads {SchemaVersion}); upgrade Parallax");
        return (version, empty);
    }

    /// <summary>
    /// Brings an older store (or an empty SQLite database) to <see cref="SchemaVersion"/>, in one write transaction. Two
    /// processes may upgrade the same store at once: the write lock is taken first and the file looked at again under it,
    /// so the second sees the first one's work instead of repeating it.
    /// </summary>
    private void Upgrade(int from)
    {
        using var c = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadWrite, pooling: false));
        c.Open();
        Exec(c, "PRAGMA synchronous = FULL");
        try
        {
            // The journal mode cannot change inside a transaction; an empty database (only one) gets it first.
            if (Inspect(c, null).Empty) Exec(c, "PRAGMA journal_mode = WAL");
            using var tx = c.BeginTransaction(deferred: false);
            var (version, _) = Inspect(c, tx);
            if (version == SchemaVersion) return;
            // Columns first, since the schema indexes them; then every statement of the schema, each "IF NOT EXISTS", adds
            // what else is new to an older store.
            // Schema 4 names a story's outlets; stories stored before show none until they are briefed again.
            if (version is > 0 and < 4 && !HasColumn(c, tx, "stories", "outlets")) Exec(c, "ALTER TABLE stories ADD COLUMN outlets TEXT", tx);
            if (version is > 0 and < 5 && !HasColumn(c, tx, "stories", "topic")) Exec(c, "ALTER TABLE stories ADD COLUMN topic TEXT", tx);
            if (version is > 0 and < 5 && !HasColumn(c, tx, "stories", "alternates")) Exec(c, "ALTER TABLE stories ADD COLUMN alternates TEXT", tx);
            WriteSchema(c, tx);
            // Schema 3: an undated story ranks after every dated one (it was ranked by the day its articles arrived).
            if (version is > 0 and < 3) Exec(c, "UPDATE stories SET score = score - $behind WHERE date IS NULL AND score > -$behind / 2", tx, ("$behind", StoryRefresher.UndatedBehind));
            // Schema 5 stores each story's coverage and topic and lays its page out anew: every story is briefed again at
            // the next refresh (a server starts it in the background), and its old brief is served until then.
            if (version is > 0 and < 5)
            {
                Exec(c, "UPDATE stories SET members_key = ''", tx);
                Exec(c, "UPDATE meta SET value = '1' WHERE key = 'stories_pending' AND EXISTS (SELECT 1 FROM stories)", tx);
            }
            tx.Commit();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 8)
        {
            throw new StoreException($"{Path} was written by an older Parallax (schema {from}; this one reads {SchemaVersion}) and is upgraded once by the first command that opens it, but it cannot be written (read-only file or folder); run 'parallax check --db {Path}' once as a user who can write it", e);
        }
    }

    /// <summary>
    /// A new store is built under a temporary name and moved into place whole, so a file at the store's path is always a
    /// complete store: another process opening it at the same moment never sees it half-made, and an empty file there is
    /// never one of ours (so it is refused rather than taken over).
    /// </summary>
    private void CreateAtomically()
    {
        string temp = $"{Path}.new-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            string cs = new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
            using (var c = new SqliteConnection(cs))
            {
                c.Open();
                Exec(c, "PRAGMA journal_mode = WAL");
                using var tx = c.BeginTransaction();
                WriteSchema(c, tx);
                tx.Commit();
            }
            try
            {
                File.Move(temp, Path, overwrite: false);
            }
            catch (IOException) when (File.Exists(Path))
            {
                // Another process put its new store in place first; that one is used.
            }
        }
        finally
        {
            foreach (var leftover in new[] { temp, temp + "-wal", temp + "-shm" })
            {
                try
                {
                    File.Delete(leftover);
                }
                catch (IOException)
                {
                    // A stray temporary file is harmless; the store itself is complete or untouched.
                }
            }
        }
    }

    /// <summary>The schema, its version and the first meta rows, for a new store or over an older one (rows already there are kept).</summary>
    private void WriteSchema(SqliteConnection c, SqliteTransaction tx)
    {
        Exec(c, Schema, tx);
        Exec(c, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion}"), tx);
        Exec(c, "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', $now), ('stories_pending', '0')", tx, ("$now", Now()));
    }

    private static bool HasColumn(SqliteConnection c, SqliteTransaction tx, string table, string column) =>
        Convert.ToInt64(Scalar(c, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = $column", tx, ("$column", column)), CultureInfo.InvariantCulture) > 0;

    private static int UserVersion(SqliteConnection c, SqliteTransaction? tx = null) => Convert.ToInt32(Scalar(c, "PRAGMA user_version", tx), CultureInfo.InvariantCulture);

    /// <summary>The schema's statements (<c>schema.sql</c>, embedded), without a version of their own.</summary>
    internal static string Schema { get; } = ReadSchema();

    private static string ReadSchema()
    {
        using var s = typeof(SqliteStore).Assembly.GetManifestResourceStream("Parallax.Storage.schema.sql")
            ?? throw new InvalidOperationException("the store schema is missing from the assembly");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
