using System.Text;
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

    /// <summary>
    /// The value as every message shows it: a file as its full path; an address with every password in it replaced by
    /// <c>***</c> — in a URL's user info (up to its last <c>@</c>, so a raw <c>@</c> in the password is hidden too) and
    /// query (<c>?password=…</c>), and in a connection string under any key Npgsql takes for one (Password, PWD, Psw,
    /// SSL Password), in any case or spacing, quoted or not.
    /// </summary>
    public static string Shown(string db)
    {
        string trimmed = db.Trim();
        if (Of(trimmed) == Kind.Sqlite)
        {
            try
            {
                return Path.GetFullPath(trimmed);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return trimmed;
            }
        }
        string s = Scheme().IsMatch(trimmed) ? WithoutUrlPassword(trimmed) : WithoutKeyPasswords(trimmed, ';');
        return s.Length > 120 ? s[..120] + "…" : s;
    }

    /// <summary>
    /// Where a URL's user info ends: its last <c>@</c> (or -1 when it has none). A password may hold a raw <c>@</c>,
    /// <c>/</c> or <c>:</c>; anything after the last <c>@</c> is the host, so a password is never taken for it — but an
    /// <c>@</c> later in the address (in its query) must then be written <c>%40</c>.
    /// </summary>
    public static int UserInfoEnd(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal);
        int at = url.LastIndexOf('@');
        return start >= 0 && at > start ? at : -1;
    }

    private static string WithoutUrlPassword(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int at = UserInfoEnd(url);
        string head = url[..start], user = "", rest = url[start..];
        if (at >= 0)
        {
            string info = url[start..at];
            int colon = info.IndexOf(':', StringComparison.Ordinal);
            user = (colon >= 0 ? info[..colon] + ":***" : info) + "@";
            rest = url[(at + 1)..];
        }
        int query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) rest = rest[..(query + 1)] + WithoutKeyPasswords(rest[(query + 1)..], '&');
        return head + user + rest;
    }

    /// <summary>
    /// A list of <c>key=value</c> pairs split by <paramref name="separator"/>, each password-like key's value replaced
    /// by <c>***</c>. A value in quotes (<c>'…'</c> or <c>"…"</c>, a doubled quote inside standing for one) may hold the
    /// separator; an unclosed quote hides everything after it.
    /// </summary>
    private static string WithoutKeyPasswords(string list, char separator)
    {
        var shown = new StringBuilder(list.Length);
        int i = 0;
        while (i < list.Length)
        {
            int eq = list.IndexOf('=', i), next = list.IndexOf(separator, i);
            if (eq < 0 || (next >= 0 && next < eq))
            {
                // A part without a value: kept as it is, up to the next separator.
                int stop = next < 0 ? list.Length : next + 1;
                shown.Append(list, i, stop - i);
                i = stop;
                continue;
            }
            string key = list[i..eq];
            int end = ValueEnd(list, eq + 1, separator);
            shown.Append(key).Append('=');
            if (PasswordKey(key))
            {
                int lead = eq + 1;
                while (lead < end && char.IsWhiteSpace(list[lead])) lead++;
                shown.Append(list, eq + 1, lead - eq - 1).Append("***");
            }
            else shown.Append(list, eq + 1, end - eq - 1);
            if (end < list.Length) shown.Append(separator);
            i = end + 1;
        }
        return shown.ToString();
    }

    /// <summary>Where a value that starts at <paramref name="from"/> ends: the next separator outside quotes, or the end.</summary>
    private static int ValueEnd(string list, int from, char separator)
    {
        int i = from;
        while (i < list.Length && char.IsWhiteSpace(list[i])) i++;
        if (i < list.Length && list[i] is '\'' or '"')
        {
            char quote = list[i++];
            while (i < list.Length)
            {
                if (list[i] == quote && i + 1 < list.Length && list[i + 1] == quote) i += 2;
                else if (list[i] == quote) break;
                else i++;
            }
            if (i >= list.Length) return list.Length;
        }
        int stop = list.IndexOf(separator, i);
        return stop < 0 ? list.Length : stop;
    }

    /// <summary>Whether a key names a password: Password, PWD, Psw or SSL Password, in any case or spacing (URL keys may be %-encoded or use _).</summary>
    private static bool PasswordKey(string key)
    {
        string k = new([.. Uri.UnescapeDataString(key).Where(ch => char.IsLetter(ch)).Select(char.ToLowerInvariant)]);
        return k is "pwd" or "psw" || k.EndsWith("password", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*)://", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    /// <summary>
    /// A key=value list that starts with a key a PostgreSQL connection string has (a file path never does); a password
    /// first counts too, so such a value is never taken for a file named after it.
    /// </summary>
    [GeneratedRegex(@"^(?:host|server|database|username|user id|port|password|pwd|psw)\s*=", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionString();
}
