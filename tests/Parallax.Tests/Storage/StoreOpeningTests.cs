using Microsoft.Data.Sqlite;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Opening an SQLite store: the schema has one version number; a current store is opened and read without a byte
/// written; a store opened read-only reads through SQLite's read-only mode; and a file that is not a Parallax store, or
/// that a newer Parallax wrote, is refused in one line and left exactly as it was.
/// </summary>
public sealed class StoreOpeningTests : StoreTestBase
{
    /// <summary>A store with the examples in it, closed (its write-ahead log folded into the file and removed).</summary>
    private string Filled(string name)
    {
        string path = Path.Combine(Folder, name);
        using (var store = new SqliteStore(path)) new Ingestor(store, AnalysisPipeline.Default).Ingest(ArticleSource.Read([TestPaths.Examples]).Articles);
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static (string Hash, DateTime Written) Snapshot(string path) => FileSnapshot.Of(path);

    private static void Raw(string path, string sql)
    {
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    private static long Number(string path, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_schema_has_one_version_number_and_a_new_store_carries_it()
    {
        Assert.DoesNotContain("user_version", SqliteStore.Schema.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        string path = Path.Combine(Folder, "new.db");
        using (new SqliteStore(path)) { }
        Assert.Equal(SqliteStore.SchemaVersion, Number(path, "PRAGMA user_version"));
    }

    [Fact]
    public void A_current_store_is_opened_and_read_without_a_write()
    {
        string path = Filled("current.db");
        var before = Snapshot(path);
        foreach (bool readOnly in new[] { false, true })
        {
            using (var store = new SqliteStore(path, readOnly: readOnly))
            {
                Assert.Equal(4, store.Count);
                Assert.Single(store.Stories(new StoryQuery(null, null, 10, 0)).Stories);
                Assert.NotEmpty(store.Search("Meridian", 5));
                Assert.Equal("ok", store.Check().Integrity);
                Assert.Null(store.QuickCheck());
            }
            Assert.Equal(before, Snapshot(path));
        }
    }

    [Fact]
    public void A_store_opened_read_only_reads_through_sqlites_read_only_mode_and_refuses_writes()
    {
        string path = Filled("read-only.db");
        var before = Snapshot(path);
        using (var store = new SqliteStore(path, readOnly: true))
        {
            Assert.True(store.ReadOnly);
            var story = store.Stories(new StoryQuery(null, null, 10, 0)).Stories.Single();
            Assert.NotNull(store.Story(story.Id));
            Assert.Contains("Meridian", store.BriefHtml(story.Id), StringComparison.Ordinal);
            var report = store.Check();
            Assert.Equal("ok", report.Integrity);
            Assert.Contains("cannot be written", report.NotChecked, StringComparison.Ordinal);
            var e = Assert.Throws<StoreException>(() => store.Add(Made("new", "A new article about something else entirely, said the officials on Monday.", new DateOnly(2025, 1, 2))));
            Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, Snapshot(path));
        Assert.Throws<StoreException>(() => new SqliteStore(Path.Combine(Folder, "missing.db"), readOnly: true));
        Assert.False(File.Exists(Path.Combine(Folder, "missing.db")));
    }

    [Fact]
    public void A_store_whose_shared_memory_index_cannot_be_made_is_read_as_its_file_stands()
    {
        string path = Filled("frozen.db");
        var before = Snapshot(path);
        // What a full disk or a folder this user may not write does to SQLite (even for root): the -shm cannot be made.
        File.CreateSymbolicLink(path + "-shm", Path.Combine(Folder, "no such folder", "shm"));
        using (var store = new SqliteStore(path))
        {
            Assert.True(store.Frozen);
            Assert.True(store.ReadOnly);
            Assert.Equal(4, store.Count);
            Assert.Single(store.Stories(new StoryQuery()).Stories);
            Assert.Equal("ok", store.Check().Integrity);
            var e = Assert.Throws<StoreException>(() => store.Add(Made("new", "A new article about something else entirely, said the officials on Monday.", new DateOnly(2025, 1, 2))));
            Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, Snapshot(path));
        File.Delete(path + "-shm");
        using (var store = new SqliteStore(path)) Assert.False(store.Frozen);
    }

    [Fact]
    public void An_older_store_is_upgraded_once_and_then_opened_without_a_write()
    {
        string path = Filled("older.db");
        Raw(path, "PRAGMA user_version = 5"); // as the build that stamped the schema file's drifted number left its stores
        using (var store = new SqliteStore(path, readOnly: true)) Assert.Equal(4, store.Count);
        Assert.Equal(SqliteStore.SchemaVersion, Number(path, "PRAGMA user_version"));
        var upgraded = Snapshot(path);
        using (var store = new SqliteStore(path)) Assert.Equal(4, store.Count);
        Assert.Equal(upgraded, Snapshot(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_store_from_a_newer_build_is_refused_in_one_line_and_left_untouched(bool readOnly)
    {
        string path = Filled("newer.db");
        Raw(path, $"PRAGMA user_version = {SqliteStore.SchemaVersion + 1}");
        var before = Snapshot(path);
        var e = Assert.Throws<StoreException>(() => new SqliteStore(path, readOnly: readOnly));
        Assert.Equal($"{path} was written by a newer Parallax (schema {SqliteStore.SchemaVersion + 1}; this one reads {SqliteStore.SchemaVersion}); upgrade Parallax", e.Message);
        Assert.Equal(before, Snapshot(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_foreign_sqlite_database_is_looked_at_read_only_and_refused_untouched(int userVersion)
    {
        string path = Path.Combine(Folder, "notes.sqlite");
        Raw(path, $"CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('keep me'); PRAGMA user_version = {userVersion}");
        var before = Snapshot(path);
        var e = Assert.Throws<StoreException>(() => new SqliteStore(path));
        Assert.Equal($"{path} is an SQLite database but not a Parallax store; give another --db file", e.Message);
        Assert.Equal(before, Snapshot(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
        Assert.Equal(1, Number(path, "SELECT count(*) FROM notes"));
        Assert.Equal(1, Number(path, "SELECT CASE WHEN (SELECT journal_mode FROM pragma_journal_mode) = 'delete' THEN 1 ELSE 0 END"));
    }

    [Fact]
    public void An_empty_sqlite_database_still_becomes_a_store()
    {
        string path = Path.Combine(Folder, "empty.sqlite");
        Raw(path, "CREATE TABLE t(x); DROP TABLE t");
        Assert.True(new FileInfo(path).Length > 0);
        using (var store = new SqliteStore(path)) Assert.Equal(0, store.Count);
        Assert.Equal(SqliteStore.SchemaVersion, Number(path, "PRAGMA user_version"));
    }
}
