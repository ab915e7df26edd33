using System.Globalization;
using Npgsql;

namespace Parallax.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema's versions: the numbered SQL files beside this class (<c>001_schema.sql</c>, …), embedded in the
/// library. Opening a store applies each one not yet applied, in order, each in its own transaction, under a lock, so two
/// processes starting at once never apply one twice; <c>schema_migrations</c> says which are in.
/// </summary>
public static class PostgresMigrations
{
    private const string Prefix = "Parallax.Storage.Postgres.";

    /// <summary>The migrations this build knows, by number, with their SQL.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Known { get; } = Load();

    /// <summary>The newest schema version this build writes.</summary>
    public static int Latest => Known[^1].Version;

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            string file = name[Prefix.Length..];
            int version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var s = assembly.GetManifestResourceStream(name)!;
            using var r = new StreamReader(s);
            list.Add((version, file, r.ReadToEnd()));
        }
        return [.. list.OrderBy(m => m.Item1)];
    }

    /// <summary>
    /// Applies what is missing; refuses a database that a newer Parallax has migrated past this build. It looks first,
    /// without the lock and without DDL, so a current store is opened with reads alone (by a role that may only read, or
    /// on a read-only standby too) and a newer one is refused untouched.
    /// </summary>
    public static void Apply(NpgsqlConnection c)
    {
        if (Missing(c).Count == 0) return;
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(@k)", c))
        {
            lockCmd.Parameters.AddWithValue("k", AdvisoryLocks.Migration);
            lockCmd.ExecuteNonQuery();
        }
        try
        {
            using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())", c))
            {
                create.ExecuteNonQuery();
            }
            // Looked at again under the lock: another process may have applied them meanwhile.
            foreach (var (version, name, sql) in Missing(c))
            {
                using var tx = c.BeginTransaction();
                using (var run = new NpgsqlCommand(sql, c, tx)) run.ExecuteNonQuery();
                using (var mark = new NpgsqlCommand("INSERT INTO schema_migrations(version, name) VALUES (@v, @n)", c, tx))
                {
                    mark.Parameters.AddWithValue("v", version);
                    mark.Parameters.AddWithValue("n", name);
                    mark.ExecuteNonQuery();
                }
                tx.Commit();
            }
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", c);
            unlock.Parameters.AddWithValue("k", AdvisoryLocks.Migration);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>The known migrations this database has not had, in order (reads only); throws for one a newer build migrated.</summary>
    private static List<(int Version, string Name, string Sql)> Missing(NpgsqlConnection c)
    {
        var applied = new HashSet<int>();
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", c))
        {
            if (exists.ExecuteScalar() is not true) return [.. Known];
        }
        using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", c))
        using (var r = read.ExecuteReader())
        {
            while (r.Read()) applied.Add(r.GetInt32(0));
        }
        if (applied.Count > 0 && applied.Max() > Latest)
        {
            throw new StoreException($"this database holds a Parallax store of schema {applied.Max()}, newer than this build's {Latest}; use a newer parallax");
        }
        return [.. Known.Where(m => !applied.Contains(m.Version))];
    }
}
