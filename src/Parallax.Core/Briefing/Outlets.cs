using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>
/// Which outlet an article comes from, so that sources are counted as outlets, not articles: three Fox News articles in one
/// story are one source. Told by the article's source name (by its <see cref="OutletIdentity.Key"/>: case, spacing,
/// invisible characters and look-alike letters aside), else by its address's host (without "www."), else it is an outlet of its own.
/// </summary>
public static class Outlets
{
    /// <summary>The outlet key of an article: equal keys are one source.</summary>
    public static string Key(Article a)
    {
        if (SourceName(a) is { } source) return "source:" + OutletIdentity.Key(source);
        return Name(a) is { } host ? "host:" + host : "article:" + a.Id;
    }

    /// <summary>The article's source name as shown (<see cref="OutletIdentity.Clean"/>), or null when it names none.</summary>
    private static string? SourceName(Article a) =>
        string.IsNullOrWhiteSpace(a.Source) ? null : OutletIdentity.Clean(a.Source) is { Length: > 0 } clean ? clean : null;

    /// <summary>An outlet's name to show: the source name, else the address's host without "www.", else none.</summary>
    public static string? Name(Article a)
    {
        if (SourceName(a) is { } source) return source;
        if (a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0)
        {
            string host = u.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }
        return null;
    }

    /// <summary>
    /// The name to show for articles of one outlet (one <see cref="Key"/>): the name most of them give, the first in
    /// ordinal order on a tie, so the outlet is shown alike whichever of its articles comes first; null when none names it.
    /// </summary>
    public static string? NameOf(IEnumerable<Article> articles) =>
        articles.Select(Name).OfType<string>().GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    /// <summary>The named outlets these articles come from, the one with most articles first (then by name), each once.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<Article> articles) => [.. Coverage(articles).Select(x => x.Name)];

    /// <summary>Each named outlet of these articles with its article count and its commonest leaning, in the order of <see cref="Names"/>.</summary>
    public static IReadOnlyList<OutletShare> Coverage(IEnumerable<Article> articles) =>
        [.. articles.GroupBy(Key, StringComparer.Ordinal)
            .Select(g => new OutletShare(NameOf(g) ?? "", g.Count(),
                g.Select(Leanings.Of).OfType<string>().GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(l => l.Count()).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key).FirstOrDefault()))
            .Where(x => x.Name.Length > 0)
            .OrderByDescending(x => x.Articles).ThenBy(x => x.Name, StringComparer.Ordinal)];

    /// <summary>How many outlets these articles come from.</summary>
    public static int Count(IEnumerable<Article> articles) => articles.Select(Key).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>One outlet's part in a story: its name, how many of the story's articles it wrote, and its leaning when the input rates it.</summary>
public sealed record OutletShare(string Name, int Articles, string? Leaning);

/// <summary>
/// Where an outlet sits politically, as the input rates it (an article's <c>bias</c> or <c>leaning</c> field, as
/// AllSides gives): left, lean left, center, lean right or right. Parallax does not rate outlets itself.
/// </summary>
public static class Leanings
{
    /// <summary>The five ratings, left to right.</summary>
    public static readonly IReadOnlyList<string> Scale = ["left", "lean left", "center", "lean right", "right"];

    /// <summary>The article's rating, or null when it has none or one outside the scale.</summary>
    public static string? Of(Article a)
    {
        string? raw = a.ExtraText("bias") ?? a.ExtraText("leaning");
        if (string.IsNullOrWhiteSpace(raw)) return null;
        string v = Text.Words.SingleSpaced(raw.Replace('_', ' ').Replace('-', ' ')).Trim().ToLowerInvariant();
        if (v == "centre") v = "center";
        return Scale.Contains(v) ? v : null;
    }
}

/// <summary>A story's topic, as its input labels articles (a <c>topic</c> field, as AllSides gives): the commonest label among them.</summary>
public static class Topics
{
    /// <summary>The commonest topic key of these articles (ties by name), or null when none carries one.</summary>
    public static string? Of(IEnumerable<Article> articles) =>
        articles.Select(a => a.ExtraText("topic")?.Trim().ToLowerInvariant()).Where(t => !string.IsNullOrEmpty(t) && t.Length <= 80)
            .GroupBy(t => t!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    /// <summary>A topic key as a reader sees it: "white_house" is "white house".</summary>
    public static string Label(string topic) => topic.Replace('_', ' ');
}
