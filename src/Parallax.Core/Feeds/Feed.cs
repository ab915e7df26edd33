namespace Parallax.Feeds;

/// <summary>One entry of a feed: an article's address and whatever the feed says about it.</summary>
public sealed record FeedItem
{
    /// <summary>The entry's own identifier (RSS guid, Atom id), else its link.</summary>
    public required string Id { get; init; }

    public string? Link { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Author { get; init; }

    /// <summary>The summary or description, as HTML or text.</summary>
    public string? Summary { get; init; }

    /// <summary>The full content when the feed carries it (content:encoded, Atom content), as HTML or text.</summary>
    public string? Content { get; init; }
}

/// <summary>Which syndication format a feed was written in.</summary>
public enum FeedFormat
{
    Rss2,
    Atom,
    Rdf,
}

/// <summary>A parsed feed: the outlet's channel and its entries in the order the feed lists them.</summary>
public sealed record Feed(FeedFormat Format, string? Title, string? Link, string? Language, IReadOnlyList<FeedItem> Items);
