using System.Net;
using Parallax.Cli;
using Parallax.Fetching;
using Parallax.Reading;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// One address rule for everything fetched on input's say-so: a feed's links, an OPML list's feeds and every redirect reach
/// public addresses only unless --allow-private-addresses names what else may be; what the operator types is theirs. The
/// local server is on 127.0.0.1, which stands for an intranet page a hostile feed points at.
/// </summary>
public sealed class InputAddressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-address-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A site on 127.0.0.1 with an intranet page, a feed pointing at it directly, by redirect and by enclosure, a feed address that redirects, and an OPML list.</summary>
    private static LocalWebServer HostileSite()
    {
        var server = new LocalWebServer();
        server.Map("/robots.txt", 404, "");
        server.Map("/secret.html", 200, TestFeeds.SecretPage);
        server.Map("/to-secret", 302, "", "text/plain", ("Location", server.Base + "/secret.html"));
        server.Map("/secret.bin", 200, "binary");
        server.MapFeed("/feed.xml", TestFeeds.Rss([
            $"<item><title>Direct</title><link>{server.Base}/secret.html</link></item>",
            $"<item><title>Redirected</title><link>{server.Base}/to-secret</link></item>",
            $"<item><title>Enclosed</title><guid isPermaLink=\"false\">e1</guid><enclosure url=\"{server.Base}/secret.bin\" type=\"application/octet-stream\" length=\"6\"/></item>",
            .. OtherSpellings.Select(s => $"<item><title>{s.Path}</title><link>http://{s.Host}:{server.Url("/").Port}{s.Path}</link></item>"),
        ]));
        server.Map("/moved-feed.xml", 301, "", "text/plain", ("Location", "/feed.xml"));
        server.MapFeed("/listed.xml", TestFeeds.Rss([$"<item><title>Listed</title><link>{server.Base}/secret.html</link></item>"]));
        server.Map("/feeds.opml", 200, $"<opml version=\"2.0\"><body><outline xmlUrl=\"{server.Base}/listed.xml\"/></body></opml>", "text/x-opml");
        return server;
    }

    /// <summary>127.0.0.1 as a hostile feed may write it: as one number, in hex, shortened, and inside IPv6.</summary>
    private static readonly (string Host, string Path)[] OtherSpellings =
        [("2130706433", "/secret-decimal"), ("0x7f.1", "/secret-hex"), ("127.1", "/secret-short"), ("[::ffff:127.0.0.1]", "/secret-mapped")];

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.0/8,127.0.0.0/8")]
    [InlineData("all")]
    public async Task Watch_refuses_what_a_feed_names_on_a_private_address_with_a_line_naming_the_option_and_fetches_it_with_the_option(string allowed)
    {
        await using var server = HostileSite();
        string[] sources = [$"{server.Base}/feed.xml", $"{server.Base}/moved-feed.xml", $"{server.Base}/feeds.opml"];
        string refusedDb = Path.Combine(_dir, "refused.jsonl");
        var (code, _, err) = await TestFeeds.Cli(["watch", .. sources, "--db", refusedDb, "--once", "--delay", "10ms"]);

        Assert.Equal(ParallaxCli.Partial, code);
        // The typed feed and OPML list were read; nothing they name on 127.0.0.1, and no redirect to it, was asked for.
        Assert.Single(server.Paths("/feed.xml"));
        Assert.Single(server.Paths("/feeds.opml"));
        Assert.Empty(server.Paths("/secret"));
        Assert.Empty(server.Paths("/to-secret"));
        Assert.Empty(server.Paths("/listed.xml"));
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var what in new[] { "/secret.html", "/to-secret", "/moved-feed.xml", "/listed.xml" })
        {
            var line = Assert.Single(lines, l => l.Contains(server.Base + what + ":", StringComparison.Ordinal));
            Assert.Contains("127.0.0.1 is a loopback, private or otherwise non-public address", line, StringComparison.Ordinal);
            Assert.Contains("--allow-private-addresses 127.0.0.1", line, StringComparison.Ordinal);
        }
        foreach (var (_, path) in OtherSpellings)
        {
            var line = Assert.Single(lines, l => l.Contains(path + ":", StringComparison.Ordinal));
            Assert.Contains("a loopback, private or otherwise non-public address", line, StringComparison.Ordinal);
            Assert.Contains("--allow-private-addresses ", line, StringComparison.Ordinal);
        }
        Assert.Empty(ArticleSource.Read([refusedDb]).Articles);

        string allowedDb = Path.Combine(_dir, "allowed.jsonl");
        (code, _, err) = await TestFeeds.Cli(["watch", .. sources, "--db", allowedDb, "--once", "--delay", "10ms", "--allow-private-addresses", allowed]);
        Assert.NotEmpty(server.Paths("/secret.html"));
        Assert.NotEmpty(server.Paths("/listed.xml"));
        Assert.DoesNotContain("--allow-private-addresses", err, StringComparison.Ordinal);
        Assert.Contains(ArticleSource.Read([allowedDb]).Articles, a => a.Text.Contains("INTERNAL-ONLY", StringComparison.Ordinal));
        // An enclosure is never fetched: Parallax reads articles, not attachments.
        Assert.Empty(server.Paths("/secret.bin"));
    }

    [Fact]
    public async Task Ingest_fetches_a_typed_private_address_but_not_its_redirect_nor_addresses_inside_files()
    {
        await using var server = HostileSite();
        string urls = Path.Combine(_dir, "urls.txt");
        File.WriteAllText(urls, $"{server.Base}/secret.html\n{server.Base}/to-secret\n");
        string jsonl = Path.Combine(_dir, "listed.jsonl");
        File.WriteAllText(jsonl, System.Text.Json.JsonSerializer.Serialize(new { id = "x", text = "An article whose address is on the intranet.", url = $"{server.Base}/secret.html" }) + "\n");

        var (code, _, err) = await TestFeeds.Cli("ingest", $"{server.Base}/to-secret", urls, jsonl, "--db", Path.Combine(_dir, "a.db"));
        Assert.Equal(ParallaxCli.Partial, code);
        Assert.Single(server.Paths("/to-secret"));
        Assert.Empty(server.Paths("/secret.html"));
        var line = Assert.Single(err.Split('\n'), l => l.Contains("parallax: error:", StringComparison.Ordinal));
        Assert.Contains($"{server.Base}/to-secret: 127.0.0.1 is a loopback", line, StringComparison.Ordinal);
        Assert.Contains("--allow-private-addresses 127.0.0.1", line, StringComparison.Ordinal);

        // Typed by the operator, the intranet page is theirs to read.
        (code, _, err) = await TestFeeds.Cli("ingest", $"{server.Base}/secret.html", "--db", Path.Combine(_dir, "b.db"));
        Assert.True(code == ParallaxCli.Ok, err);
        Assert.Single(server.Paths("/secret.html"));

        (code, _, err) = await TestFeeds.Cli("ingest", $"{server.Base}/to-secret", "--db", Path.Combine(_dir, "c.db"), "--allow-private-addresses", "127.0.0.1");
        Assert.True(code == ParallaxCli.Ok, err);
        Assert.Equal(2, server.Paths("/secret.html").Count);
    }

    [Fact]
    public async Task A_list_the_option_cannot_read_is_refused_with_one_line()
    {
        var (code, _, err) = await TestFeeds.Cli("watch", "http://127.0.0.1:9/feed.xml", "--db", Path.Combine(_dir, "x.jsonl"), "--once", "--allow-private-addresses", "http://127.0.0.1/");
        Assert.Equal(ParallaxCli.Failed, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--allow-private-addresses http://127.0.0.1/", line, StringComparison.Ordinal);
        Assert.Contains("neither an address, a CIDR range nor a host name", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_the_operator_typed_is_fetched_wherever_it_is_and_its_redirects_are_input()
    {
        await using var server = HostileSite();
        using var fetcher = new PoliteFetcher(new FetchOptions { PublicAddressesOnly = true, PerHostDelay = TimeSpan.Zero, Retries = 0, RefusalHint = a => $" [allow {a}]" });
        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(server.Url("/secret.html"), null, AddressOrigin.Operator)).Status);
        var asInput = await fetcher.FetchAsync(server.Url("/secret.html"));
        Assert.True(asInput.Refused);
        Assert.EndsWith("[allow 127.0.0.1]", asInput.Error, StringComparison.Ordinal);
        var redirected = await fetcher.FetchAsync(server.Url("/to-secret"), null, AddressOrigin.Operator);
        Assert.True(redirected.Refused);
        Assert.Equal(server.Url("/secret.html"), redirected.FinalUrl);
        Assert.Single(server.Paths("/secret.html"));

        Assert.True(AddressAllowance.TryParse("127.0.0.1", out var loopback, out _));
        using var allowing = new PoliteFetcher(new FetchOptions { PublicAddressesOnly = true, PrivateAllowed = loopback, PerHostDelay = TimeSpan.Zero, Retries = 0 });
        Assert.Equal(FetchStatus.Ok, (await allowing.FetchAsync(server.Url("/to-secret"))).Status);
    }

    [Fact]
    public void An_allowance_names_addresses_ranges_and_hosts()
    {
        Assert.True(AddressAllowance.TryParse("127.0.0.1, 10.0.0.0/8,fd00::/8,Intranet.Example", out var allowed, out _));
        Assert.False(allowed.Everything);
        Assert.True(allowed.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.True(allowed.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(allowed.Allows(IPAddress.Parse("127.0.0.2")));
        Assert.True(allowed.Allows(IPAddress.Parse("10.200.3.4")));
        Assert.True(allowed.Allows(IPAddress.Parse("fd12::1")));
        Assert.False(allowed.Allows(IPAddress.Parse("192.168.1.1")));
        Assert.False(allowed.Allows(IPAddress.Parse("::1")));
        Assert.True(allowed.AllowsHost("intranet.example"));
        Assert.False(allowed.AllowsHost("localhost"));
        Assert.True(AddressAllowance.TryParse("all", out var all, out _) && all.Everything);
        Assert.False(AddressAllowance.TryParse("10.0.0.1/8", out _, out var problem));
        Assert.Contains("CIDR", problem, StringComparison.Ordinal);
        Assert.False(AddressAllowance.TryParse("", out _, out _));
    }

    [Fact]
    public async Task A_named_host_is_allowed_whatever_it_resolves_to()
    {
        await using var server = HostileSite();
        Assert.True(AddressAllowance.TryParse("localhost", out var local, out _));
        using var fetcher = new PoliteFetcher(new FetchOptions { PublicAddressesOnly = true, PrivateAllowed = local, PerHostDelay = TimeSpan.Zero, Retries = 0 });
        int port = server.Url("/").Port;
        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(new Uri($"http://localhost:{port}/secret.html"))).Status);
        Assert.True((await fetcher.FetchAsync(server.Url("/secret.html"))).Refused);
    }
}
