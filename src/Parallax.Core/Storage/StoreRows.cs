using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parallax.Model;

namespace Parallax.Storage;

/// <summary>
/// What every store writes and reads alike, whatever the database: rows of articles and stories, the encodings of extra
/// fields, dates and briefs, and the digest — the same content gives the same digest in SQLite and PostgreSQL.
/// </summary>
internal static class StoreRows
{
    /// <summary>The article columns <see cref="ReadArticle"/> reads, in order (an eleventh, its story, may follow).</summary>
    public const string ArticleColumns = "a.seq, a.id, a.text, a.source, a.title, a.url, a.published, a.origin, a.extra, a.added";

    /// <summary>The story columns <see cref="ReadStory"/> reads, in order.</summary>
    public const string StoryColumns = "id, title, date, day, sources, articles, conflicts, summary, score, outlets, topic, alternates";

    public static StorySummary ReadStory(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : ParseDate(r.GetString(2)), ParseDate(r.GetString(3)) ?? default,
        r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetString(7), r.GetDouble(8))
    {
        Outlets = r.IsDBNull(9) ? [] : r.GetString(9).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Topic = r.IsDBNull(10) ? null : r.GetString(10),
        Alternates = r.IsDBNull(11) ? [] : r.GetString(11).Split('\n', StringSplitOptions.RemoveEmptyEntries),
    };

    public static StoredArticle ReadArticle(DbDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var article = new Article
        {
            Id = r.GetString(1),
            Text = r.GetString(2),
            Source = S(3),
            Title = S(4),
            Url = S(5),
            Published = S(6) is { } p ? ParseDate(p) : null,
            Origin = S(7),
            Extra = S(8) is { } extra ? ReadExtra(extra) : new Dictionary<string, string>(),
        };
        var added = DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new StoredArticle(r.GetInt64(0), article, added, r.FieldCount > 10 && !r.IsDBNull(10) ? r.GetString(10) : null);
    }

    /// <summary>Rows of (seq, id, features): the articles whose features decode (an article set aside has none).</summary>
    public static IReadOnlyList<(long Seq, Stories.StoryFeatures Features)> ReadFeatured(DbDataReader r)
    {
        var list = new List<(long, Stories.StoryFeatures)>();
        while (r.Read())
        {
            if (FeatureCodec.Decode(r.GetString(1), (byte[])r.GetValue(2)) is { } f) list.Add((r.GetInt64(0), f));
        }
        return list;
    }

    /// <summary>Rows of (story, article, duplicate_of).</summary>
    public static IReadOnlyList<(string Story, string Article, string? DuplicateOf)> ReadMemberships(DbDataReader r)
    {
        var list = new List<(string, string, string?)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return list;
    }

    /// <summary>Rows of (id, members_key).</summary>
    public static IReadOnlyDictionary<string, string> ReadKeys(DbDataReader r)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read()) keys[r.GetString(0)] = r.GetString(1);
        return keys;
    }

    /// <summary>A stored story from its line and the rows of (article_id, duplicate_of) of its members, in citation order.</summary>
    public static StoredStory ReadStored(StorySummary summary, DbDataReader members)
    {
        var ids = new List<string>();
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        while (members.Read())
        {
            ids.Add(members.GetString(0));
            if (!members.IsDBNull(1)) copies[members.GetString(0)] = members.GetString(1);
        }
        return new StoredStory(summary, ids, copies);
    }

    /// <summary>An article's search hit from a row of (id, story, title, snippet cut with <paramref name="marks"/>, rank, source, published).</summary>
    public static SearchHit ArticleHit(DbDataReader r, SnippetMarks marks) =>
        new(SearchHitKind.Article, r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), marks.Read(r.GetString(3)), Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture))
        {
            Source = r.IsDBNull(5) ? null : r.GetString(5),
            Date = r.IsDBNull(6) ? null : ParseDate(r.GetString(6)),
        };

    /// <summary>A fact's search hit from a row of (story, title, snippet cut with <paramref name="marks"/>, rank, outlets, date): its outlet is the story's first.</summary>
    public static SearchHit FactHit(DbDataReader r, SnippetMarks marks) =>
        new(SearchHitKind.Fact, null, r.GetString(0), r.GetString(1), marks.Read(r.GetString(2)), Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture))
        {
            Source = r.IsDBNull(4) ? null : r.GetString(4).Split('\n')[0],
            Date = r.IsDBNull(5) ? null : ParseDate(r.GetString(5)),
        };

    /// <summary>The key of every line the stories keep for lists (summaries and alternates), to ask which recur.</summary>
    public static Dictionary<string, long> LineKeys(IEnumerable<StorySummary> stories) =>
        stories.SelectMany(s => s.Alternates.Prepend(s.Summary)).Distinct(StringComparer.Ordinal).ToDictionary(line => line, LineKey, StringComparer.Ordinal);

    /// <summary>
    /// The stories, each showing the first of its lines (summary, then alternates) whose key is not among the
    /// <paramref name="recurring"/> ones (templates); a story whose every line recurs shows none (no line is better than a template).
    /// </summary>
    public static List<StorySummary> PassOverTemplates(List<StorySummary> stories, Dictionary<string, long> keyOf, HashSet<long> recurring)
    {
        if (recurring.Count == 0) return stories;
        return [.. stories.Select(s => !recurring.Contains(keyOf[s.Summary]) ? s
            : s with { Summary = s.Alternates.FirstOrDefault(line => !recurring.Contains(keyOf[line])) ?? "" })];
    }

    /// <summary>Adds rows of (story_id, outlet, articles, leaning), in position order, to each story's coverage.</summary>
    public static void ReadCoverage(DbDataReader r, Dictionary<string, List<Briefing.OutletShare>> coverage)
    {
        while (r.Read())
        {
            string id = r.GetString(0);
            if (!coverage.TryGetValue(id, out var list)) coverage[id] = list = [];
            list.Add(new Briefing.OutletShare(r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }
    }

    /// <summary>The stories with the coverage read for them.</summary>
    public static List<StorySummary> WithCoverage(List<StorySummary> stories, Dictionary<string, List<Briefing.OutletShare>> coverage) =>
        [.. stories.Select(s => coverage.TryGetValue(s.Id, out var list) ? s with { Coverage = list } : s)];

    public static string ExtraJson(IReadOnlyDictionary<string, string> extra)
    {
        var sb = new StringBuilder("{");
        foreach (var (key, raw) in extra.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 1) sb.Append(',');
            sb.Append(JsonSerializer.Serialize(key)).Append(':').Append(raw);
        }
        return sb.Append('}').ToString();
    }

    public static Dictionary<string, string> ReadExtra(string json)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject()) extra[p.Name] = p.Value.GetRawText();
        }
        catch (JsonException)
        {
            // Extra fields are kept for other tools, never needed by Parallax; a damaged value is dropped rather than fatal.
        }
        return extra;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// A stored brief, decompressed whole before anything is sent: a damaged brief must fail here, as a store error, not
    /// half-way through a response that has already said 200. A brief is tens of kilobytes; gzip's own check covers the rest.
    /// </summary>
    public static Stream Gunzip(byte[] gz, string storyId, string store)
    {
        try
        {
            using var inflate = new System.IO.Compression.GZipStream(new MemoryStream(gz), System.IO.Compression.CompressionMode.Decompress);
            var plain = new MemoryStream(gz.Length * 4);
            inflate.CopyTo(plain);
            plain.Position = 0;
            return plain;
        }
        catch (InvalidDataException e)
        {
            throw new StoreException($"{store} is damaged: the brief of {storyId} cannot be read ({e.Message}); run 'parallax check' and restore the store from a backup", e);
        }
    }

    public static string? ReadToEnd(Stream? utf8)
    {
        if (utf8 is null) return null;
        using var r = new StreamReader(utf8, Encoding.UTF8);
        return r.ReadToEnd();
    }

    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Now(DateTimeOffset clock) => clock.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>A list line's key: the first 8 bytes of its text's SHA-256 (a collision among a store's lines is one in billions).</summary>
    public static long LineKey(string line) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(line)), 0);

    /// <summary>
    /// An outlet's name as the filters compare it (case aside, in SQL): as stored names are written, by
    /// <see cref="Briefing.OutletIdentity.Clean"/> (no invisible characters, plain letters for fullwidth or look-alike ones).
    /// </summary>
    public static string OutletName(string outlet) => Briefing.OutletIdentity.Clean(outlet);

    /// <summary>The queries whose rows the digest hashes: everything stored except times of day and what derives from them (when an article was stored, the ranking of undated stories).</summary>
    /// <summary>
    /// What is wrong with a store's content, whichever the database (its own structure is checked apart): a member of no
    /// story, a story without a brief, and — once no refresh is pending, when every story must hold its articles — a
    /// story without members. <paramref name="count"/> runs a count query.
    /// </summary>
    public static List<string> ContentProblems(Func<string, int> count, bool pending)
    {
        var problems = new List<string>();
        if (count("SELECT count(*) FROM story_articles m LEFT JOIN stories s ON s.id = m.story_id WHERE s.id IS NULL") is > 0 and var orphans) problems.Add($"{orphans} story members of no story");
        if (count("SELECT count(*) FROM stories s LEFT JOIN briefs b ON b.story_id = s.id WHERE b.story_id IS NULL") is > 0 and var unbriefed) problems.Add($"{unbriefed} stories without a brief");
        // Mid-refresh a story may have lost its articles to one written before it (it goes with the last batch).
        if (!pending && count("SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.story_id = s.id)") is > 0 and var empty) problems.Add($"{empty} stories without articles");
        return problems;
    }

    private static readonly string[] DigestQueries =
    [
        "SELECT seq, id, hash, url, url_key, source, title, published, origin, extra, text, features FROM articles ORDER BY seq",
        "SELECT id, members_key, title, date, CASE WHEN date IS NULL THEN NULL ELSE score END, sources, articles, conflicts, summary FROM stories ORDER BY id",
        "SELECT story_id, json, html FROM briefs ORDER BY story_id",
        "SELECT article_id, story_id, position, duplicate_of FROM story_articles ORDER BY article_id",
        "SELECT story_id, rank, sources, text FROM facts ORDER BY story_id, rank",
        "SELECT url, state FROM feeds ORDER BY url",
        "SELECT article_id, stage, reason FROM quarantine ORDER BY article_id",
    ];

    /// <summary>The digest of a store's content, read through <paramref name="rows"/> (a reader for each query); equal content, equal digest, in any store.</summary>
    public static string Digest(Func<string, DbDataReader> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sql in DigestQueries)
        {
            using var r = rows(sql);
            while (r.Read())
            {
                for (int i = 0; i < r.FieldCount; i++)
                {
                    object v = r.GetValue(i);
                    byte[] bytes = v switch
                    {
                        DBNull => [0xFF],
                        byte[] b => b,
                        IFormattable f => Encoding.UTF8.GetBytes(f.ToString(null, CultureInfo.InvariantCulture)),
                        _ => Encoding.UTF8.GetBytes(v.ToString() ?? ""),
                    };
                    hash.AppendData(BitConverter.GetBytes(bytes.Length));
                    hash.AppendData(bytes);
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
