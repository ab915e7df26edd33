using System.Diagnostics;
using System.Text;
using Parallax.Feeds;
using Parallax.Fetching;
using Xunit;

namespace Parallax.Tests;

/// <summary>Feeds and OPML lists, from friendly and hostile XML; robots.txt rules.</summary>
public sealed class FeedTests
{
    static FeedTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Fixture(string name, string @base = "https://courier.example") =>
        Encoding.UTF8.GetBytes(ExtractionTests.Fixture(name).Replace("{base}", @base, StringComparison.Ordinal));

    [Fact]
    public void Rss2_items_carry_links_ids_dates_authors_and_content()
    {
        var feed = FeedParser.Parse(Fixture("feed-rss.xml"));
        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("The Coastal Courier", feed.Title);
        Assert.Equal("en-gb", feed.Language);
        Assert.Equal(4, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("courier-1001", first.Id);
        Assert.Equal("https://courier.example/news/bridge.html", first.Link);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 15, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("Ana Ribeiro", first.Author);
        // "EST" is a named zone RSS dates still use.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 16, 10, 0, TimeSpan.FromHours(-5)), feed.Items[1].Published);
        // Without a guid, the link identifies the entry.
        Assert.Equal("https://courier.example/private/briefing.html", feed.Items[2].Id);
        Assert.Contains("ferry workers' union", feed.Items[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_entries_link_to_their_html_page_and_prefer_the_published_date()
    {
        var feed = FeedParser.Parse(Fixture("feed-atom.xml"), new Uri("https://valley.example/atom.xml"));
        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("en", feed.Language);
        Assert.Equal("https://valley.example/local/budget", feed.Items[0].Link);
        Assert.Equal("tag:valley.example,2026:77", feed.Items[0].Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 16, 10, 0, TimeSpan.FromHours(-5)), feed.Items[0].Published);
        Assert.Equal("Sam Okafor", feed.Items[0].Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 6, 30, 0, TimeSpan.Zero), feed.Items[1].Published);
        Assert.Contains("Two schools", feed.Items[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss1_rdf_items_are_read_with_dublin_core_dates()
    {
        var feed = FeedParser.Parse(Fixture("feed-rdf.xml"));
        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("Science Desk", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://science.example/2026/comet", item.Link);
        Assert.Equal("Li Wei", item.Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.FromHours(1)), item.Published);
    }

    [Fact]
    public void Opml_lists_each_feed_once_at_any_depth()
    {
        var feeds = FeedParser.ParseOpml(Fixture("feeds.opml", "http://127.0.0.1:1"));
        Assert.Equal(["http://127.0.0.1:1/feeds/courier.xml", "http://127.0.0.1:1/feeds/valley-atom.xml"], feeds.Select(f => f.AbsoluteUri));
        Assert.True(FeedParser.IsOpml(Fixture("feeds.opml")));
        Assert.False(FeedParser.IsOpml(Fixture("feed-rss.xml")));
    }

    [Fact]
    public void Billion_laughs_is_refused_without_expanding()
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FormatException>(() => FeedParser.Parse(Fixture("billion-laughs.xml")));
        Assert.Contains("entities", e.Message, StringComparison.Ordinal);
        HangGuard.Within(clock, "refusing the billion laughs");
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var e = Assert.Throws<FormatException>(() => FeedParser.Parse(Fixture("xxe.xml")));
        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_whose_bytes_contradict_its_declared_encoding_is_read_by_its_bytes()
    {
        string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Café Señor</title>"
            + "<item><title>Crème brûlée</title><link>https://x.example/a</link></item></channel></rss>";
        var feed = FeedParser.Parse(Encoding.GetEncoding(1252).GetBytes(xml));
        Assert.Equal("Café Señor", feed.Title);
        Assert.Equal("Crème brûlée", feed.Items[0].Title);
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>", "not a feed")]
    [InlineData("<rss version=\"2.0\"><channel><title>x</title>", "not well-formed")]
    [InlineData("", "not well-formed")]
    public void Things_that_are_not_feeds_say_so(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tue, 03 Mar 2026 07:15:00 +0000", "2026-03-03T07:15:00+00:00")]
    [InlineData("3 Mar 2026 07:15:00 GMT", "2026-03-03T07:15:00+00:00")]
    [InlineData("Tue, 03 Mar 2026 02:15:00 EST", "2026-03-03T02:15:00-05:00")]
    [InlineData("2026-03-03T07:15:00Z", "2026-03-03T07:15:00+00:00")]
    [InlineData("2026-03-03T09:15:00+02:00", "2026-03-03T09:15:00+02:00")]
    public void Feed_dates_in_rfc822_and_iso8601(string text, string expected)
    {
        Assert.True(FeedDates.TryParse(text, out var when));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), when);
        Assert.Equal(TimeSpan.Parse(expected[^6..].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), when.Offset);
    }

    [Fact]
    public void Robots_txt_picks_the_crawlers_group_and_the_longest_rule()
    {
        const string text = """
            User-agent: *
            Disallow: /

            User-agent: parallax
            User-agent: otherbot
            Disallow: /private/
            Allow: /private/open
            Disallow: /*.pdf$
            Disallow:
            Crawl-delay: 2.5
            """;
        var robots = RobotsTxt.Parse(text, "Parallax");
        Assert.True(robots.Allows(new Uri("https://x.example/news/a.html")));
        Assert.False(robots.Allows(new Uri("https://x.example/private/a.html")));
        Assert.True(robots.Allows(new Uri("https://x.example/private/open/a.html")));
        Assert.False(robots.Allows(new Uri("https://x.example/files/report.pdf")));
        Assert.True(robots.Allows(new Uri("https://x.example/files/report.pdf?download=1")));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
        // Another crawler gets the "*" group.
        Assert.False(RobotsTxt.Parse(text, "Somebot").Allows(new Uri("https://x.example/news/a.html")));
        Assert.True(RobotsTxt.Parse("", "Parallax").Allows(new Uri("https://x.example/")));
    }
}
