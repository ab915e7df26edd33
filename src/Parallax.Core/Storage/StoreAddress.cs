using System.Text.RegularExpressions;

namespace Parallax.Storage;

/// <summary>
/// What a <c>--db</c> value names: an SQLite file (any path), a PostgreSQL server (<c>postgresql://…</c>, <c>postgres://…</c>
/// or an Npgsql connection string such as <c>Host=…;Database=…</c>), or a scheme Parallax cannot use, which is refused —
/// never taken for a file path (<c>mysql://h/db</c> would otherwise create the folders <c>mysql:/h</c>).
/// </summary>
public static partial class StoreAddress
{
    public enum Kind
    {
        Sqlite,
        PostgreSql,
        Unsupported,
    }

    public static Kind Of(string db)
    {
        var trimmed = db.Trim();
        if (Scheme().Match(trimmed) is { Success: true } m)
        {
            return m.Groups[1].Value.ToLowerInvariant() is "postgresql" or "postgres" ? Kind.PostgreSql : Kind.Unsupported;
        }
        return ConnectionString().IsMatch(trimmed) ? Kind.PostgreSql : Kind.Sqlite;
    }

    /// <summary>Why the value cannot be opened by this build, in one line, or null when it can.</summary>
    public static string? Refusal(string db) => Of(db) switch
    {
        Kind.Unsupported => $"--db {Shown(db)}: {Scheme().Match(db.Trim()).Groups[1].Value}:// is not a store Parallax can use; give an SQLite file path (e.g. parallax.db) or a PostgreSQL address (postgresql://user@host:5432/db or Host=...;Database=...)",
        _ => null,
    };

    /// <summary>
    /// Opens the store the value names (see <see cref="Refusal"/> first for one that cannot be opened). <paramref name="readOnly"/>:
    /// for commands that only read (an SQLite store is then read through SQLite's read-only connections).
    /// </summary>
    public static IStoryStore Open(string db, bool readOnly = false) => Of(db) switch
    {
        Kind.PostgreSql => new Postgres.PostgresStore(db),
        Kind.Sqlite => new SqliteStore(db, readOnly: readOnly),
        _ => throw new StoreException(Refusal(db)!),
    };

    /// <summary>The value as shown in messages: a password in it is never repeated.</summary>
    public static string Shown(string db)
    {
        string s = UriPassword().Replace(db.Trim(), "$1:***@");
        s = KeyPassword().Replace(s, "$1***");
        return s.Length > 120 ? s[..120] + "…" : s;
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*)://", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    /// <summary>A key=value list that starts with a key a PostgreSQL connection string has (a file path never does).</summary>
    [GeneratedRegex(@"^(?:host|server|database|username|user id|port)\s*=", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionString();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*://[^:/@]*):[^@/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();

    [GeneratedRegex(@"((?:^|;)\s*password\s*=\s*)[^;]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyPassword();
}
