using System.Globalization;

namespace Parallax.Storage;

/// <summary>The store's full-text search over articles and the facts of briefs, ranked, sorted, filtered and paged.</summary>
public sealed partial class SqliteStore
{
    public IReadOnlyList<SearchHit> Search(string query, int limit = 50) => SearchPage(query, limit, 0).Hits;

    /// <summary>Deepest a search pages: a result further down than this is not worth reading, and each page reads all before it.</summary>
    public const int MaxSearchOffset = 10_000;

    public SearchPage SearchPage(string query, int limit, int offset) => SearchPage(new SearchQuery(query, limit, offset));

    public SearchPage SearchPage(SearchQuery query) => Guard(() =>
    {
        string? match = FtsQuery.From(query.Text);
        if (match is null) return new SearchPage([], 0);
        int limit = Math.Clamp(query.Limit, 1, 500), offset = Math.Clamp(query.Offset, 0, MaxSearchOffset);
        using var c = Open();
        // The filters, for articles by their own date and outlet, for facts by their story's.
        var marks = SnippetMarks.New();
        var args = new List<(string, object?)> { ("$q", match) };
        var (onArticles, onFacts) = StoreFilters.Search(query, SqlDialect.Sqlite, args);
        string And(List<string> conditions) => StoreFilters.And(conditions);
        // Newest first puts undated results last; among one day, the better match first.
        string articleOrder = query.Newest ? "coalesce(a.published, '') DESC, r" : "r";
        string factOrder = query.Newest ? "coalesce(s.date, '') DESC, r" : "r";
        // Both kinds are ranked together: the best offset + limit of each are enough to cut the page from.
        int take = offset + limit;
        var hits = new List<SearchHit>();
        // The page is chosen from the index (and, to sort or filter, each match's date and outlet) before any snippet is
        // cut: a snippet reads and tokenises its article's whole text, so only the results shown pay for one.
        bool needsRow = onArticles.Count > 0 || query.Newest;
        using (var cmd = Command(c, $"""
            WITH top AS (
              SELECT articles_fts.rowid AS seq, bm25(articles_fts, 3.0, 1.0) AS r{(needsRow ? ", coalesce(a.published, '') AS p" : "")}
              FROM articles_fts{(needsRow ? " JOIN articles a ON a.seq = articles_fts.rowid" : "")}
              WHERE articles_fts MATCH $q{And(onArticles)} ORDER BY {articleOrder} LIMIT $limit)
            SELECT a.id, st.story_id, coalesce(a.title, a.id), snippet(articles_fts, 1, $ms, $me, '…', 24), top.r, a.source, a.published
            FROM top JOIN articles_fts ON articles_fts.rowid = top.seq JOIN articles a ON a.seq = top.seq LEFT JOIN story_articles st ON st.article_id = a.id
            WHERE articles_fts MATCH $q ORDER BY {(query.Newest ? "top.p DESC, top.r" : "top.r")}
            """))
        {
            Bind(cmd, [.. args, ("$limit", take), ("$ms", marks.Start), ("$me", marks.End)]);
            using var r = cmd.ExecuteReader();
            while (r.Read()) hits.Add(StoreRows.ArticleHit(r, marks));
        }
        using (var cmd = Command(c, $"""
            SELECT f.story_id, s.title, snippet(facts_fts, 0, $ms, $me, '…', 32), bm25(facts_fts) AS r, s.outlets, s.date
            FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid JOIN stories s ON s.id = f.story_id
            WHERE facts_fts MATCH $q{And(onFacts)} ORDER BY {factOrder} LIMIT $limit
            """))
        {
            Bind(cmd, [.. args, ("$limit", take), ("$ms", marks.Start), ("$me", marks.End)]);
            using var r = cmd.ExecuteReader();
            while (r.Read()) hits.Add(StoreRows.FactHit(r, marks));
        }
        // When neither kind filled its share, the results read are all there are; only otherwise are they counted.
        int articleHits = hits.Count(h => h.Kind == SearchHitKind.Article);
        int total = articleHits < take && hits.Count - articleHits < take
            ? hits.Count
            : Convert.ToInt32(Scalar(c, $"""
                SELECT (SELECT count(*) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH $q{And(onArticles)})
                     + (SELECT count(*) FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid JOIN stories s ON s.id = f.story_id WHERE facts_fts MATCH $q{And(onFacts)})
                """, null, [.. args]), CultureInfo.InvariantCulture);
        return new SearchPage(StoreFilters.Page(hits, query, offset, limit), total);
    });
}
