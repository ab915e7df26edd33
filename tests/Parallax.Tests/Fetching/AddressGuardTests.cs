using System.Net;
using Parallax.Fetching;
using Xunit;

namespace Parallax.Tests;

/// <summary>The fetch guard for addresses strangers can ask for: only the public internet, checked after redirects and DNS.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.255.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("192.0.2.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_public_unicast_addresses_are_allowed(string address, bool allowed) =>
        Assert.Equal(allowed, AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("api.localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("no-such-host.invalid")]
    public async Task Hosts_that_are_this_machine_or_do_not_resolve_are_refused(string host) =>
        Assert.NotNull(await AddressGuard.RefusalAsync(host, CancellationToken.None));

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_without_a_request()
    {
        await using var server = new LocalWebServer();
        server.Map("/", 200, "secret");
        // This machine's own name resolves through /etc/hosts to a loopback or private address, never a public one.
        string name = Dns.GetHostName();
        using var fetcher = new PoliteFetcher(new FetchOptions { PublicAddressesOnly = true, Retries = 0 });
        var result = await fetcher.FetchAsync(new Uri($"http://{name}:{server.Url("/").Port}/"));
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.True(result.Error!.Contains("resolves to", StringComparison.Ordinal) || result.Error.Contains("cannot be resolved", StringComparison.Ordinal), result.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_before_it_is_followed()
    {
        await using var server = new LocalWebServer();
        // Here only 127.0.0.1 counts as allowed, standing in for a public server that redirects inward.
        var allowed = IPAddress.Loopback;
        int port = server.Url("/").Port;
        server.Map("/robots.txt", 404, "");
        server.Map("/to-private", 302, "", "text/plain", ("Location", $"http://127.0.0.2:{port}/admin"));
        server.Map("/to-v6", 302, "", "text/plain", ("Location", $"http://[::1]:{port}/admin"));
        server.Map("/to-metadata", 301, "", "text/plain", ("Location", "http://169.254.169.254/latest/meta-data/"));
        server.Map("/fine", 200, "<p>fine</p>");
        using var fetcher = new PoliteFetcher(new FetchOptions { PublicAddressesOnly = true, AllowAddress = a => a.Equals(allowed), PerHostDelay = TimeSpan.Zero, Retries = 0 });
        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(server.Url("/fine"))).Status);
        foreach (var (path, target) in new[] { ("/to-private", "127.0.0.2"), ("/to-v6", "::1"), ("/to-metadata", "169.254.169.254") })
        {
            var r = await fetcher.FetchAsync(server.Url(path));
            Assert.Equal(FetchStatus.Failed, r.Status);
            Assert.Contains(target, r.Error, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(server.Requests, r => r.Path == "/admin");
    }

    [Fact]
    public async Task The_connection_itself_is_checked_so_a_changed_dns_answer_cannot_slip_through()
    {
        // The connect callback resolves and checks again at connection time: refusing here is what defeats DNS rebinding.
        var connect = AddressGuard.Connector();
        var context = (SocketsHttpConnectionContext)Activator.CreateInstance(typeof(SocketsHttpConnectionContext),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [new DnsEndPoint("127.0.0.1", 80), new HttpRequestMessage()], null)!;
        await Assert.ThrowsAsync<AddressRefusedException>(async () => await connect(context, CancellationToken.None));
    }
}
