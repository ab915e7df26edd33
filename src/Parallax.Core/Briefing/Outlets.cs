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
        if (a.Source is { } source && !string.IsNullOrWhiteSpace(source)) return "source:" + Text.Words.SingleSpaced(source).Trim().ToLowerInvariant();
        if (a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0)
        {
            string host = u.Host.ToLowerInvariant();
            return "host:" + (host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        }
        return "article:" + a.Id;
    }

    /// <summary>How many outlets these articles come from.</summary>
    public static int Count(IEnumerable<Article> articles) => articles.Select(Key).Distinct(StringComparer.Ordinal).Count();
}
