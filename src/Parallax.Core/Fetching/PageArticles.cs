using System.Text.Json;
using Parallax.Extraction;
using Parallax.Feeds;
using Parallax.Model;

namespace Parallax.Fetching;

/// <summary>One web page read as an article: fetched politely, its main text extracted, its metadata kept.</summary>
public static class PageArticles
{
    /// <summary>Pages with less text than this are not taken as articles (a front page, a paywall, an error page).</summary>
    public const int MinTextChars = 200;

    /// <summary>The article at <paramref name="url"/>, an address given by input, or why there is none.</summary>
    public static Task<(Article? Article, string? Error)> FetchAsync(PoliteFetcher fetcher, PageExtractor extractor, Uri url, CancellationToken cancel = default) =>
        FetchAsync(fetcher, extractor, url, AddressOrigin.Input, cancel);

    /// <summary>The article at <paramref name="url"/>, or why there is none; <paramref name="origin"/> says whose word the address is on.</summary>
    public static async Task<(Article? Article, string? Error)> FetchAsync(PoliteFetcher fetcher, PageExtractor extractor, Uri url, AddressOrigin origin, CancellationToken cancel = default)
    {
        var result = await fetcher.FetchAsync(url, null, origin, cancel).ConfigureAwait(false);
        if (result.Status != FetchStatus.Ok) return (null, result.Error ?? "could not be fetched");
        ExtractedPage page;
        try
        {
            page = extractor.Extract(result.Body, result.FinalUrl?.AbsoluteUri, result.ContentType);
        }
        catch (PageRefusedException e)
        {
            return (null, e.Message);
        }
        if (page.Text.Length < MinTextChars) return (null, $"no article text found on the page ({page.Text.Length} characters)");
        return (From(page, page.Url ?? result.FinalUrl?.AbsoluteUri ?? url.AbsoluteUri, url.AbsoluteUri), null);
    }

    /// <summary>An article from an extracted page; its id is derived from its address, so the same page gets the same id.</summary>
    public static Article From(ExtractedPage page, string url, string origin)
    {
        var extra = new Dictionary<string, string>();
        if (page.Author is { } author) extra["author"] = JsonSerializer.Serialize(author);
        if (page.Language is { } language) extra["language"] = JsonSerializer.Serialize(language);
        return new Article
        {
            Id = FeedWatcher.ArticleId(url),
            Text = page.Text,
            Title = page.Title,
            Source = page.Source ?? (Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host.Replace("www.", "", StringComparison.OrdinalIgnoreCase) : null),
            Url = url,
            Published = page.Published,
            Origin = origin,
            Extra = extra,
        };
    }
}
