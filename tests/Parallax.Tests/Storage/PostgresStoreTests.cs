using Npgsql;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Parallax.Storage.Postgres;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// What is particular to the PostgreSQL store: it holds exactly what the SQLite store holds for the same articles (the
/// same digest), its schema is versioned and migrated once, its refresh lock is one holder's at a time, and an address
/// that is wrong or a server that is down costs one line. The store's contract itself is tested on both kinds in
/// <see cref="StoreTests"/> and <see cref="LiveStoriesTests"/>.
/// </summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-pg-").FullName;
    private readonly TestStores _stores;

    public PostgresStoreTests() => _stores = new TestStores(_dir);

    public void Dispose()
    {
        _stores.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [PostgresFact]
    public void A_test_server_is_there_when_one_is_required() => Assert.True(TestPostgres.Server is not null, TestPostgres.WhyNot);

    [PostgresFact]
    public void The_same_articles_make_the_same_store_in_sqlite_and_in_postgresql()
    {
        var articles = ArticleSource.Read([TestPaths.Examples]).Articles.Concat(SampleStories.Rated()).Concat(SampleStories.Older()).ToList();
        string Digest(string kind)
        {
            using var store = _stores.Open(kind, "same.db");
            var ingestor = new Ingestor(store, AnalysisPipeline.Default);
            ingestor.Ingest(articles.Take(3));
            ingestor.Ingest(articles.Skip(3));
            var report = store.Check();
            Assert.Equal("ok", report.Integrity);
            return report.Digest;
        }
        Assert.Equal(Digest(TestStores.Sqlite), Digest(TestStores.Postgres));
    }

    [PostgresFact]
    public void Each_migration_is_applied_once_and_a_store_from_a_newer_build_is_refused()
    {
        string address = _stores.Address(TestStores.Postgres, "migrations");
        using (var first = new PostgresStore(address)) Assert.Equal(0, first.Count);
        using (var again = new PostgresStore(address)) Assert.Equal(0, again.Count);
        using var c = new NpgsqlConnection(address);
        c.Open();
        using (var count = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_migrations", c))
        using (var r = count.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(PostgresMigrations.Known.Count, r.GetInt64(0));
            Assert.Equal(PostgresMigrations.Latest, r.GetInt32(1));
        }
        using (var newer = new NpgsqlCommand("INSERT INTO schema_migrations(version, name) VALUES (9999, 'from the future')", c)) newer.ExecuteNonQuery();
        var e = Assert.Throws<StoreException>(() => new PostgresStore(address));
        Assert.Contains("newer than this build", e.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_current_store_is_opened_with_reads_alone_and_a_newer_one_is_refused_before_any_ddl()
    {
        string address = _stores.Address(TestStores.Postgres, "current");
        using (var first = new PostgresStore(address)) new Ingestor(first, AnalysisPipeline.Default).Ingest(ArticleSource.Read([TestPaths.Examples]).Articles);
        string database = new NpgsqlConnectionStringBuilder(address).Database!;
        using var admin = new NpgsqlConnection(TestPostgres.Server);
        admin.Open();
        void Admin(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, admin);
            cmd.ExecuteNonQuery();
        }
        // Every new session of the database may then only read: DDL, a migration's lock table or any write would fail.
        Admin($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();
        using (var reader = new PostgresStore(address))
        {
            Assert.Equal(4, reader.Count);
            Assert.Equal("ok", reader.Check().Integrity);
            Assert.Single(reader.Stories(new StoryQuery()).Stories);
        }
        using (var c = new NpgsqlConnection(address))
        {
            c.Open();
            using var newer = new NpgsqlCommand("BEGIN READ WRITE; INSERT INTO schema_migrations(version, name) VALUES (9999, 'from the future'); COMMIT", c);
            newer.ExecuteNonQuery();
        }
        NpgsqlConnection.ClearAllPools();
        var e = Assert.Throws<StoreException>(() => new PostgresStore(address));
        Assert.Contains("newer than this build", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Admin($"ALTER DATABASE \"{database}\" RESET default_transaction_read_only");
    }

    [Fact]
    public void Every_advisory_lock_key_is_distinct_and_defined_in_one_place()
    {
        var keys = typeof(AdvisoryLocks).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (long)f.GetRawConstantValue()!);
        Assert.Equal(4, keys.Count);
        Assert.Equal(keys.Count, keys.Values.Distinct().Count());
        // No key is written out anywhere else (the two that collided were each a private constant of their own class).
        var elsewhere = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "AdvisoryLocks.cs")
            .Where(f => File.ReadAllText(f).Contains("0x5041_5241_4C4C", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(elsewhere);
    }

    [PostgresFact]
    public void The_refresh_lock_has_one_holder_across_connections_and_is_released_on_dispose()
    {
        string address = _stores.Address(TestStores.Postgres, "locks");
        using var one = new PostgresStore(address);
        using var two = new PostgresStore(address);
        var held = one.TryLockRefresh();
        Assert.NotNull(held);
        Assert.Null(two.TryLockRefresh());
        held!.Dispose();
        using var now = two.TryLockRefresh();
        Assert.NotNull(now);
    }

    [Theory]
    [InlineData("postgresql://parallax:s%40cret@db.example:5433/news?sslmode=disable", "db.example", 5433, "parallax", "s@cret", "news")]
    [InlineData("postgres://localhost/news", "localhost", 5432, null, null, "news")]
    [InlineData("Host=db1;Port=6000;Username=u;Database=d", "db1", 6000, "u", null, "d")]
    [InlineData("postgresql://u:pa@ss@db.example/news", "db.example", 5432, "u", "pa@ss", "news")]
    [InlineData("postgresql://u:p:a/s@s@db.example:6000/news", "db.example", 6000, "u", "p:a/s@s", "news")]
    public void An_address_becomes_a_connection_string(string address, string host, int port, string? user, string? password, string database)
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresStore.ConnectionString(address));
        Assert.Equal((host, port, user, password, database), (b.Host, b.Port, b.Username, b.Password, b.Database));
    }

    [Fact]
    public void A_server_that_does_not_answer_costs_one_line_that_names_it_without_its_password()
    {
        var e = Assert.Throws<StoreException>(() => new PostgresStore("Host=127.0.0.1;Port=1;Username=u;Password=hunter22;Database=d;Timeout=3"));
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("hunter22", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the PostgreSQL server", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=u;PWD=hunter22;Database=d;Timeout=3")]
    [InlineData("Host=127.0.0.1;Port=1;Username=u; psw = 'hunter22;x' ;Database=d;Timeout=3")]
    [InlineData("postgresql://u:hun@ter22@127.0.0.1:1/d?connect_timeout=3")]
    [InlineData("postgresql://u@127.0.0.1:1/d?connect_timeout=3&password=hunter22")]
    public void No_password_form_reaches_an_error_line(string address)
    {
        var e = Assert.Throws<StoreException>(() => new PostgresStore(address));
        Assert.DoesNotContain("hunter22", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ter22", e.Message, StringComparison.Ordinal);
        Assert.Contains("***", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the PostgreSQL server", e.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_address_a_store_shows_in_messages_and_the_serve_banner_holds_no_password()
    {
        // The test server trusts every login, so any password opens the store.
        string address = _stores.Address(TestStores.Postgres, "shown");
        var b = new NpgsqlConnectionStringBuilder(address);
        foreach (var withPassword in new[] { address + ";PWD=hunter22", address + ";Psw=hunter22", address + "; PassWord = hunter22",
            $"postgresql://{b.Username}:hun@ter22@{b.Host}:{b.Port}/{b.Database}" })
        {
            using var store = new PostgresStore(withPassword);
            Assert.DoesNotContain("hunter22", store.Path, StringComparison.Ordinal);
            Assert.DoesNotContain("ter22", store.Path, StringComparison.Ordinal);
            Assert.Equal(StoreAddress.Shown(withPassword), store.Path);
            Assert.Equal(0, store.Count);
        }
    }
}
