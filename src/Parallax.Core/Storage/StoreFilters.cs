namespace Parallax.Storage;

/// <summary>
/// How one database writes what the filters need: a parameter's name and its reference in SQL (SQLite's <c>$x</c>,
/// PostgreSQL's <c>@x</c> named <c>x</c>), and a comparison of names that ignores case.
/// </summary>
internal sealed record SqlDialect(Func<string, string> Name, Func<string, string> Ref, Func<string, string, string> SameName)
{
    public static SqlDialect Sqlite { get; } = new(n => "$" + n, n => "$" + n, (column, param) => $"{column} = {param} COLLATE NOCASE");

    public static SqlDialect Postgres { get; } = new(n => n, n => "@" + n, (column, param) => $"lower({column}) = lower({param})");
}

/// <summary>
/// The story and search filters as SQL conditions, written once for every store: a story list's (dates, sources, topic,
/// conflicts, outlet) and search's (for articles by their own date and outlet, for facts by their story's).
/// </summary>
internal static class StoreFilters
{
    /// <summary>The conditions on the stories table of a story list; their parameters are added to <paramref name="args"/>.</summary>
    public static List<string> Stories(StoryQuery query, SqlDialect sql, List<(string, object?)> args)
    {
        // Only the conditions asked for, so an unfiltered list walks the ranking index instead of the table.
        var conditions = new List<string>();
        if (query.Since is { } since)
        {
            // By the story's own date: an undated story has none, so a date filter leaves it out.
            conditions.Add($"date >= {sql.Ref("since")}");
            args.Add((sql.Name("since"), StoreRows.Iso(since)));
        }
        if (query.Until is { } until)
        {
            conditions.Add($"date <= {sql.Ref("until")}");
            args.Add((sql.Name("until"), StoreRows.Iso(until)));
        }
        conditions.AddRange(Coverage(query.MinSources, query.Topic, query.HasConflicts, sql, args)("stories"));
        if (!string.IsNullOrWhiteSpace(query.Outlet))
        {
            conditions.Add($"id IN (SELECT story_id FROM story_outlets WHERE {sql.SameName("outlet", sql.Ref("outlet"))})");
            args.Add((sql.Name("outlet"), StoreRows.OutletName(query.Outlet)));
        }
        return conditions;
    }

    /// <summary>
    /// What story lists and search both filter stories by — at least N sources, a topic, a conflict — as conditions on the
    /// stories row named by the alias given (search asks them of two); their parameters are added to <paramref name="args"/> once.
    /// </summary>
    public static Func<string, List<string>> Coverage(int minSources, string? topic, bool hasConflicts, SqlDialect sql, List<(string, object?)> args)
    {
        if (minSources > 1) args.Add((sql.Name("min"), minSources));
        if (!string.IsNullOrWhiteSpace(topic)) args.Add((sql.Name("topic"), topic.Trim().ToLowerInvariant()));
        return story =>
        {
            var conditions = new List<string>();
            if (minSources > 1) conditions.Add($"{story}.sources >= {sql.Ref("min")}");
            if (!string.IsNullOrWhiteSpace(topic)) conditions.Add($"{story}.topic = {sql.Ref("topic")}");
            if (hasConflicts) conditions.Add($"{story}.conflicts > 0");
            return conditions;
        };
    }

    /// <summary>
    /// Search's conditions: on articles (alias <c>a</c>) by their own date and outlet, on facts (<c>f</c>, with their story
    /// <c>s</c>) by their story's, and on both by the result's story as story lists filter stories.
    /// </summary>
    public static (List<string> OnArticles, List<string> OnFacts) Search(SearchQuery query, SqlDialect sql, List<(string, object?)> args)
    {
        var onArticles = new List<string>();
        var onFacts = new List<string>();
        if (query.Since is { } since)
        {
            onArticles.Add($"a.published >= {sql.Ref("since")}");
            onFacts.Add($"s.date >= {sql.Ref("since")}");
            args.Add((sql.Name("since"), StoreRows.Iso(since)));
        }
        if (query.Until is { } until)
        {
            onArticles.Add($"a.published <= {sql.Ref("until")}");
            onFacts.Add($"s.date <= {sql.Ref("until")}");
            args.Add((sql.Name("until"), StoreRows.Iso(until)));
        }
        if (!string.IsNullOrWhiteSpace(query.Outlet))
        {
            onArticles.Add(sql.SameName("a.source", sql.Ref("outlet")));
            onFacts.Add($"f.story_id IN (SELECT story_id FROM story_outlets WHERE {sql.SameName("outlet", sql.Ref("outlet"))})");
            args.Add((sql.Name("outlet"), StoreRows.OutletName(query.Outlet)));
        }
        var ofStory = Coverage(query.MinSources, query.Topic, query.HasConflicts, sql, args);
        if (ofStory("x") is { Count: > 0 } inStory)
        {
            onArticles.Add($"a.id IN (SELECT m.article_id FROM story_articles m JOIN stories x ON x.id = m.story_id WHERE {string.Join(" AND ", inStory)})");
            onFacts.AddRange(ofStory("s"));
        }
        return (onArticles, onFacts);
    }

    /// <summary>The conditions appended to a WHERE clause that has one already.</summary>
    public static string And(List<string> conditions) => string.Concat(conditions.Select(x => " AND " + x));

    /// <summary>Articles and facts ranked together, best first (or newest first), then by kind and id, and the page cut.</summary>
    public static IReadOnlyList<SearchHit> Page(List<SearchHit> hits, SearchQuery query, int offset, int limit)
    {
        var ordered = query.Newest
            ? hits.OrderByDescending(h => h.Date ?? DateOnly.MinValue).ThenBy(h => h.Rank)
            : hits.OrderBy(h => h.Rank);
        return [.. ordered.ThenBy(h => h.Kind).ThenBy(h => h.Article ?? h.Story, StringComparer.Ordinal).Skip(offset).Take(limit)];
    }
}

/// <summary>Every store's one rule for database errors: the store's own exception becomes a <see cref="StoreException"/> of one line that says what to do.</summary>
internal static class StoreGuard
{
    public static T Run<T, TError>(Func<T> action, Func<TError, string> explain)
        where TError : Exception
    {
        try
        {
            return action();
        }
        catch (TError e)
        {
            throw new StoreException(explain(e), e);
        }
    }
}
