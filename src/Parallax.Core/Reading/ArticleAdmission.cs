using Parallax.Fetching;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>The verdict on one article at a boundary: the article as admitted (fields it may not keep dropped), or why it is refused.</summary>
public sealed record Admission(Article? Article, string? Refusal, IReadOnlyList<string> Notes);

/// <summary>
/// The one check every article passes before Parallax keeps or analyses it, whether it came from a file, a feed, a page,
/// the site or the API: its text within the size limit, a plausible publication date, an http(s) address only, an
/// outlet name as it is shown (<see cref="Briefing.OutletIdentity.Clean"/>), and metadata of sane length. What cannot be
/// kept is dropped with a note; an article that cannot be processed at all is refused.
/// </summary>
public static class ArticleAdmission
{
    /// <summary>Longest id kept; longer ones are refused (an id names a file or a line, never a document).</summary>
    public const int MaxIdChars = 512;

    /// <summary>Longest title or outlet name kept; longer ones are cut.</summary>
    public const int MaxTitleChars = 1_000;

    public static Admission Check(Article article, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var notes = new List<string>();
        if (string.IsNullOrWhiteSpace(article.Text))
        {
            // A headline-only item (an RSS entry, a wire flash) is news too: its title stands for its text.
            if (string.IsNullOrWhiteSpace(article.Title)) return new Admission(null, "article has no \"text\" and no \"title\"", []);
            article = article with { Text = Cut(article.Title.Trim(), MaxTitleChars) };
            notes.Add("article has no \"text\"; its title stands for it");
        }
        if (article.Text.Length > limits.MaxArticleChars)
        {
            return new Admission(null, $"article text is {article.Text.Length:N0} characters, over the limit of {limits.MaxArticleChars:N0} for one article (--max-article-chars); split it or raise the limit", []);
        }
        if (string.IsNullOrWhiteSpace(article.Id)) return new Admission(null, "article has no id", []);
        if (article.Id.Length > MaxIdChars) return new Admission(null, $"article id is {article.Id.Length:N0} characters, over {MaxIdChars}", []);
        var admitted = article;
        if (article.Published is { } p && !DateParsing.Plausible(p))
        {
            notes.Add($"publication date {p:yyyy-MM-dd} is outside {DateParsing.Earliest:yyyy}-{DateParsing.Latest:yyyy}; treated as undated");
            admitted = admitted with { Published = null };
        }
        else if (article.Published is { } future && future > limits.LatestPublished)
        {
            notes.Add($"publication date {future:yyyy-MM-dd} is in the future; treated as undated");
            admitted = admitted with { Published = null };
        }
        if (article.Url is { } url && !string.IsNullOrWhiteSpace(url))
        {
            if (!WebAddress.TryParse(url.Trim(), out var u))
            {
                notes.Add($"address \"{Clip(url)}\" is not an http(s) address; dropped");
                admitted = admitted with { Url = null };
            }
            else if (u.AbsoluteUri.Length > 4096)
            {
                notes.Add("address is longer than 4,096 characters; dropped");
                admitted = admitted with { Url = null };
            }
        }
        if (article.Title is { Length: > MaxTitleChars } title)
        {
            notes.Add($"title is {title.Length:N0} characters; cut to {MaxTitleChars:N0}");
            admitted = admitted with { Title = Cut(title, MaxTitleChars) };
        }
        if (article.Source is { } given && Briefing.OutletIdentity.Clean(given) is var clean && clean != given)
        {
            // An outlet is known by its name: one written with invisible or look-alike characters would count as another outlet.
            if (clean != Text.Words.SingleSpaced(given)) notes.Add(clean.Length == 0 ? "source has no visible name; dropped" : $"source is written with invisible, control, fullwidth or look-alike characters; kept as \"{Clip(clean)}\"");
            admitted = admitted with { Source = clean.Length == 0 ? null : clean };
        }
        if (admitted.Source is { Length: > MaxTitleChars } source)
        {
            notes.Add($"source is {source.Length:N0} characters; cut to {MaxTitleChars:N0}");
            admitted = admitted with { Source = Cut(source, MaxTitleChars) };
        }
        return new Admission(admitted, null, notes);
    }

    /// <summary>The first <paramref name="max"/> characters (all of a shorter string), one fewer when the cut would split a surrogate pair.</summary>
    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];

    /// <summary>A value quoted back in a message: its first 60 characters.</summary>
    internal static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
