using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parallax.Storage;

/// <summary>The store's story lists: ranked and filtered, with who carries each story, and templates passed over for each list line.</summary>
public sealed partial class SqliteStore
{
    public StoryPage Stories(StoryQuery query) => Guard(() =>
    {
        using var c = Open();
        var args = new List<(string, object?)>();
        var conditions = StoreFilters.Stories(query, SqlDialect.Sqlite, args);
        string where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        int total = Convert.ToInt32(Scalar(c, $"SELECT count(*) FROM stories {where}", null, [.. args]), CultureInfo.InvariantCulture);
        using var cmd = Command(c, $"SELECT {StoreRows.StoryColumns} FROM stories {where} ORDER BY score DESC, id LIMIT $limit OFFSET $offset");
        Bind(cmd, [.. args, ("$limit", Math.Clamp(query.Limit, 0, MaxStoryLimit)), ("$offset", Math.Max(0, query.Offset))]);
        var list = new List<StorySummary>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) list.Add(StoreRows.ReadStory(r));
        }
        return new StoryPage(WithCoverage(c, WithoutTemplates(c, list)), total);
    });

    /// <summary>
    /// A list line carried by this many stories is a template, not news: an outlet's newsletter pitch, a byline blurb, a
    /// poll widget. Counted over the whole store, so it holds for outlets no lexicon has met.
    /// </summary>
    public const int RecurringLine = 3;

    /// <summary>
    /// The stories, each showing the first of its lines (summary, then alternates) that fewer than <see cref="RecurringLine"/>
    /// stories carry among theirs; a story whose every line recurs shows none (no line is better than a template).
    /// </summary>
    private static List<StorySummary> WithoutTemplates(SqliteConnection c, List<StorySummary> stories)
    {
        if (stories.Count == 0) return stories;
        var keyOf = StoreRows.LineKeys(stories);
        var keys = keyOf.Values.Distinct().ToList();
        var recurring = new HashSet<long>();
        foreach (var chunk in keys.Chunk(400))
        {
            var names = chunk.Select((_, i) => $"$p{i}").ToArray();
            using var cmd = Command(c, $"SELECT line_key FROM story_lines WHERE line_key IN ({string.Join(", ", names)}) GROUP BY line_key HAVING count(*) >= $n");
            Bind(cmd, [.. chunk.Select((key, i) => (names[i], (object?)key)), ("$n", RecurringLine)]);
            using var r = cmd.ExecuteReader();
            while (r.Read()) recurring.Add(r.GetInt64(0));
        }
        return StoreRows.PassOverTemplates(stories, keyOf, recurring);
    }

    /// <summary>The most stories one <see cref="Stories"/> call lists; ask again with an offset for more.</summary>
    public const int MaxStoryLimit = 1000;

    /// <summary>The stories with who carries each (one read for the page).</summary>
    private static List<StorySummary> WithCoverage(SqliteConnection c, List<StorySummary> stories)
    {
        if (stories.Count == 0) return stories;
        var coverage = new Dictionary<string, List<Briefing.OutletShare>>(StringComparer.Ordinal);
        foreach (var chunk in stories.Chunk(400))
        {
            var names = chunk.Select((_, i) => $"$p{i}").ToArray();
            using var cmd = Command(c, $"SELECT story_id, outlet, articles, leaning FROM story_outlets WHERE story_id IN ({string.Join(", ", names)}) ORDER BY story_id, position");
            Bind(cmd, [.. chunk.Select((s, i) => (names[i], (object?)s.Id))]);
            using var r = cmd.ExecuteReader();
            StoreRows.ReadCoverage(r, coverage);
        }
        return StoreRows.WithCoverage(stories, coverage);
    }

    /// <summary>The topics stories carry, with how many stories each, commonest first.</summary>
    public IReadOnlyList<(string Topic, int Stories)> StoryTopics(int limit = 200) =>
        Tally("SELECT topic, count(*) FROM stories WHERE topic IS NOT NULL GROUP BY topic ORDER BY 2 DESC, 1 LIMIT $limit", limit);

    /// <summary>The outlets that carry stories, with how many stories each, most first.</summary>
    public IReadOnlyList<(string Outlet, int Stories)> StoryOutlets(int limit = 500) =>
        Tally("SELECT outlet, count(*) FROM story_outlets GROUP BY outlet COLLATE NOCASE ORDER BY 2 DESC, 1 LIMIT $limit", limit);

    /// <summary>The (name, count) rows of a counting query that takes $limit.</summary>
    private IReadOnlyList<(string, int)> Tally(string sql, int limit) => Guard(() =>
    {
        using var c = Open();
        using var cmd = Command(c, sql);
        Bind(cmd, ("$limit", limit));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, int)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetInt32(1)));
        return (IReadOnlyList<(string, int)>)list;
    });
}
