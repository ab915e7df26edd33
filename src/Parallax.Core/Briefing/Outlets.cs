using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>
/// Which outlet an article comes from, so that sources are counted as outlets, not articles: three Fox News articles in one
/// story are one source. Told by the article's source name (case and spacing aside), else by its address's host (without
/// "www."), else it is an outlet of its own.
/// </summary>
public static class Outlets
{
    /// <summary>The outlet key of an article: equal keys are one source.</summary>
    public static string Key(Article a)
    {
        if (Name(a) is not { } name) return "article:" + a.Id;
        return HasSourceName(a) ? "source:" + name.ToLowerInvariant() : "host:" + name;
    }

    private static bool HasSourceName(Article a) => !string.IsNullOrWhiteSpace(a.Source);

    /// <summary>An outlet's name to show: the source name, else the address's host without "www.", else none.</summary>
    public static string? Name(Article a)
    {
        if (HasSourceName(a)) return Text.Words.SingleSpaced(a.Source!).Trim();
        if (a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0)
        {
            string host = u.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }
        return null;
    }

    /// <summary>The named outlets these articles come from, the one with most articles first (then by name), each once.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<Article> articles) =>
        [.. articles.GroupBy(Key, StringComparer.Ordinal).Select(g => (Name: Name(g.First()), Count: g.Count())).Where(x => x.Name is not null)
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name!)];

    /// <summary>How many outlets these articles come from.</summary>
    public static int Count(IEnumerable<Article> articles) => articles.Select(Key).Distinct(StringComparer.Ordinal).Count();
}
