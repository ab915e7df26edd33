using Npgsql;
using Parallax.Storage;
using Parallax.Storage.Postgres;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// The PostgreSQL server the store tests run against: the connection string in <c>$PARALLAX_TEST_POSTGRES</c> (CI starts
/// a throwaway cluster and sets it, see <c>.ci/postgres</c>), or none — then the PostgreSQL cases are left out and one test
/// says why (and fails instead when <c>$PARALLAX_REQUIRE_POSTGRES</c> is set, as in CI).
/// </summary>
internal static class TestPostgres
{
    private static readonly Lazy<(string? Server, string? Why)> Probe = new(() =>
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            return (null, "no PostgreSQL server for tests: set PARALLAX_TEST_POSTGRES to a connection string (.ci/postgres start prints one)");
        }
        try
        {
            using var c = new NpgsqlConnection(server);
            c.Open();
            return (server, null);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            return (null, $"the PostgreSQL server in PARALLAX_TEST_POSTGRES does not answer ({e.Message.Split('\n')[0]})");
        }
    });

    public static string? Server => Probe.Value.Server;

    public static string? WhyNot => Probe.Value.Why;

    public static bool Required => Environment.GetEnvironmentVariable("PARALLAX_REQUIRE_POSTGRES") == "1";
}

/// <summary>A fact about the PostgreSQL store; skipped, with the reason, when no server is there to test against (unless one is required).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (TestPostgres.Server is null && !TestPostgres.Required) (Skip, DisplayName) = (TestPostgres.WhyNot, SharedMaterial.Named(test, TestPostgres.WhyNot!));
    }
}

/// <summary>
/// Stores for the store tests, of either kind, by name: the same name opens the same store again. SQLite stores are files
/// in a temporary folder; PostgreSQL stores are databases made for the test on the test server and dropped after it.
/// </summary>
internal sealed class TestStores : IDisposable
{
    public const string Sqlite = "sqlite", Postgres = "postgresql";

    private readonly string _dir;
    private readonly string _prefix = $"parallax_test_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}_";
    private readonly List<string> _databases = [];

    public TestStores(string dir) => _dir = dir;

    /// <summary>The kinds to run each store test on: SQLite always, PostgreSQL when a test server answers.</summary>
    public static TheoryData<string> Kinds
    {
        get
        {
            var kinds = new TheoryData<string> { Sqlite };
            if (TestPostgres.Server is not null) kinds.Add(Postgres);
            return kinds;
        }
    }

    /// <summary>The address of a store of this kind and name (created on first open).</summary>
    public string Address(string kind, string name)
    {
        if (kind == Sqlite) return Path.Combine(_dir, name);
        string database = _prefix + new string([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_')]);
        if (!_databases.Contains(database))
        {
            using var c = new NpgsqlConnection(TestPostgres.Server ?? throw new InvalidOperationException(TestPostgres.WhyNot));
            c.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", c);
            create.ExecuteNonQuery();
            _databases.Add(database);
        }
        return new NpgsqlConnectionStringBuilder(TestPostgres.Server) { Database = database }.ConnectionString;
    }

    public IStoryStore Open(string kind, string name) => kind == Sqlite ? new SqliteStore(Address(kind, name)) : new PostgresStore(Address(kind, name));

    public void Dispose()
    {
        if (_databases.Count == 0 || TestPostgres.Server is null) return;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(TestPostgres.Server);
        c.Open();
        foreach (var database in _databases)
        {
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
            drop.ExecuteNonQuery();
        }
    }
}
