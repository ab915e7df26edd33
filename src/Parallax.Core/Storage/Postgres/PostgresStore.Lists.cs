using System.Globalization;
using Npgsql;

namespace Parallax.Storage.Postgres;

/// <summary>The PostgreSQL store's story lists and search: the same filters, template check and paging as the SQLite store's, in PostgreSQL's SQL.</summary>
public sealed partial class PostgresStore
{
    public StoryPage Stories(StoryQuery query) => Guard(() =>
    {
        var args = new List<(string, object?)>();
        var conditions = StoreFilters.Stories(query, SqlDialect.Postgres, args);
        string where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        using var c = _source.OpenConnection();
        int total = Convert.ToInt32(Scalar(c, null, $"SELECT count(*) FROM stories {where}", [.. args]), CultureInfo.InvariantCulture);
        var list = new List<StorySummary>();
        using (var cmd = Command(c, null, $"SELECT {StoreRows.StoryColumns} FROM stories {where} ORDER BY score DESC, id LIMIT @limit OFFSET @offset",
            [.. args, ("limit", Math.Clamp(query.Limit, 0, SqliteStore.MaxStoryLimit)), ("offset", Math.Max(0, query.Offset))]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) list.Add(StoreRows.ReadStory(r));
        }
        return new StoryPage(WithCoverage(c, WithoutTemplates(c, list)), total);
    });

    /// <summary>Each story shows its first line that fewer than <see cref="SqliteStore.RecurringLine"/> stories carry (none when all recur).</summary>
    private static List<StorySummary> WithoutTemplates(NpgsqlConnection c, List<StorySummary> stories)
    {
        if (stories.Count == 0) return stories;
        var keyOf = StoreRows.LineKeys(stories);
        var recurring = new HashSet<long>();
        using (var cmd = Command(c, null, "SELECT line_key FROM story_lines WHERE line_key = ANY(@keys) GROUP BY line_key HAVING count(*) >= @n",
            ("keys", keyOf.Values.Distinct().ToArray()), ("n", SqliteStore.RecurringLine)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) recurring.Add(r.GetInt64(0));
        }
        return StoreRows.PassOverTemplates(stories, keyOf, recurring);
    }

    private static List<StorySummary> WithCoverage(NpgsqlConnection c, List<StorySummary> stories)
    {
        if (stories.Count == 0) return stories;
        var coverage = new Dictionary<string, List<Briefing.OutletShare>>(StringComparer.Ordinal);
        using (var cmd = Command(c, null, "SELECT story_id, outlet, articles, leaning FROM story_outlets WHERE story_id = ANY(@ids) ORDER BY story_id, position",
            ("ids", stories.Select(s => s.Id).ToArray())))
        using (var r = cmd.ExecuteReader())
        {
            StoreRows.ReadCoverage(r, coverage);
        }
        return StoreRows.WithCoverage(stories, coverage);
    }

    public IReadOnlyList<(string Topic, int Stories)> StoryTopics(int limit = 200) =>
        Tally("SELECT topic, count(*)::int FROM stories WHERE topic IS NOT NULL GROUP BY topic ORDER BY 2 DESC, 1 LIMIT @limit", limit);

    public IReadOnlyList<(string Outlet, int Stories)> StoryOutlets(int limit = 500) =>
        Tally("SELECT min(outlet), count(*)::int FROM story_outlets GROUP BY lower(outlet) ORDER BY 2 DESC, 1 LIMIT @limit", limit);

    private IReadOnlyList<(string, int)> Tally(string sql, int limit) => Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var cmd = Command(c, null, sql, ("limit", limit));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, int)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetInt32(1)));
        return (IReadOnlyList<(string, int)>)list;
    });

    public IReadOnlyList<SearchHit> Search(string query, int limit = 50) => SearchPage(new SearchQuery(query, limit)).Hits;

    /// <summary>
    /// Search by tsvector: every term must match ('english' stemming, a quoted phrase as a phrase), ranked by ts_rank_cd
    /// (title words weigh more), the snippet cut by ts_headline for the page's results only.
    /// </summary>
    public SearchPage SearchPage(SearchQuery query) => Guard(() =>
    {
        var terms = FtsQuery.Terms(query.Text);
        if (terms.Count == 0) return new SearchPage([], 0);
        int limit = Math.Clamp(query.Limit, 1, 500), offset = Math.Clamp(query.Offset, 0, SqliteStore.MaxSearchOffset);
        var args = new List<(string, object?)>();
        for (int i = 0; i < terms.Count; i++) args.Add(($"t{i}", terms[i]));
        string tsquery = string.Join(" && ", terms.Select((_, i) => $"phraseto_tsquery('english', @t{i})"));
        var (onArticles, onFacts) = StoreFilters.Search(query, SqlDialect.Postgres, args);
        string And(List<string> conditions) => StoreFilters.And(conditions);
        int take = offset + limit;
        const string Marks = "'StartSel=' || @ms || ', StopSel=' || @me || ', MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=\" … \"'";
        var marks = SnippetMarks.New();
        using var c = _source.OpenConnection();
        var hits = new List<SearchHit>();
        using (var cmd = Command(c, null, $"""
            WITH q AS (SELECT {tsquery} AS q),
            top AS (
              SELECT a.seq, ts_rank_cd(a.search, q.q) AS r, coalesce(a.published, '') AS p
              FROM articles a, q WHERE a.search @@ q.q{And(onArticles)}
              ORDER BY {(query.Newest ? "p DESC, r DESC" : "r DESC")}, a.seq LIMIT @take)
            SELECT a.id, st.story_id, coalesce(a.title, a.id), ts_headline('english', a.text, q.q, {Marks}), -top.r, a.source, a.published
            FROM top JOIN articles a ON a.seq = top.seq CROSS JOIN q LEFT JOIN story_articles st ON st.article_id = a.id
            ORDER BY {(query.Newest ? "top.p DESC, top.r DESC" : "top.r DESC")}, a.seq
            """, [.. args, ("take", take), ("ms", marks.Start), ("me", marks.End)]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) hits.Add(StoreRows.ArticleHit(r, marks));
        }
        using (var cmd = Command(c, null, $"""
            WITH q AS (SELECT {tsquery} AS q)
            SELECT f.story_id, s.title, ts_headline('english', f.text, q.q, {Marks}), -ts_rank_cd(f.search, q.q) AS r, s.outlets, s.date
            FROM facts f JOIN stories s ON s.id = f.story_id CROSS JOIN q
            WHERE f.search @@ q.q{And(onFacts)}
            ORDER BY {(query.Newest ? "coalesce(s.date, '') DESC, r" : "r")}, f.rowid LIMIT @take
            """, [.. args, ("take", take), ("ms", marks.Start), ("me", marks.End)]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) hits.Add(StoreRows.FactHit(r, marks));
        }
        int articleHits = hits.Count(h => h.Kind == SearchHitKind.Article);
        int total = articleHits < take && hits.Count - articleHits < take
            ? hits.Count
            : Convert.ToInt32(Scalar(c, null, $"""
                WITH q AS (SELECT {tsquery} AS q)
                SELECT (SELECT count(*) FROM articles a, q WHERE a.search @@ q.q{And(onArticles)})
                     + (SELECT count(*) FROM facts f JOIN stories s ON s.id = f.story_id CROSS JOIN q WHERE f.search @@ q.q{And(onFacts)})
                """, [.. args]), CultureInfo.InvariantCulture);
        return new SearchPage(StoreFilters.Page(hits, query, offset, limit), total);
    });
}
