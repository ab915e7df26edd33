using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Parallax.Cli;
using Parallax.Web;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Who may add articles: a server other machines can reach (a bind beyond loopback, a trusted proxy, a public host name)
/// does not start without a write token; without one, writes are open to this machine only, and a visitor a proxy forwarded
/// is never of this machine.
/// </summary>
public sealed class WebWritePolicyTests : WebServerTestBase
{
    private const string Token = "correct-horse-battery";
    private const string Text = "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said.";

    public static TheoryData<string, string[], string[], string[]> Reachable => new()
    {
        { "a bind on all interfaces", ["http://0.0.0.0:5080"], [], [] },
        { "a bind on a public address", ["http://192.0.2.10:5080"], [], [] },
        { "behind a trusted proxy (the README's deployment)", ["http://127.0.0.1:5080"], ["127.0.0.1"], ["news.example.org"] },
        { "a trusted proxy alone", ["http://127.0.0.1:5080"], ["::1"], [] },
        { "a public host name", ["http://127.0.0.1:5080"], [], ["news.example.org"] },
    };

    [Theory]
    [MemberData(nameof(Reachable))]
    public async Task A_server_other_machines_can_reach_does_not_start_without_a_token(string why, string[] urls, string[] proxies, string[] hosts)
    {
        ServerOptions Reach(ServerOptions o) => o with { Urls = urls, TrustedProxies = [.. proxies.Select(IPAddress.Parse)], AllowedHosts = hosts };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Server(Reach, withExamples: false));
        Assert.Contains("PARALLAX_TOKEN", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--token", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Apps);

        // With a token it starts, and adding needs that token.
        var (client, options) = await Server(o => Reach(o) with { WriteToken = Token }, withExamples: false);
        Assert.True(options.WritesNeedToken, why);
        Assert.Equal("adding articles needs the token", options.WritePolicy);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/articles", new { text = Text })).StatusCode);
    }

    [Fact]
    public void Serve_refuses_to_start_behind_a_proxy_without_a_token_in_one_line_saying_how_to_set_it()
    {
        // The token can come from the environment; this check is only meaningful where none is set.
        if (Environment.GetEnvironmentVariable("PARALLAX_TOKEN") is { Length: > 0 }) return;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ParallaxCli.Run(
            ["serve", "--db", Path.Combine(Dir, "proxy.db"), "--urls", "http://127.0.0.1:0", "--trust-proxy", "127.0.0.1", "--allowed-hosts", "news.example.org"],
            stdout, stderr, () => Stream.Null);
        Assert.Equal(ParallaxCli.Failed, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("parallax: error: this server is reachable from other machines (it trusts the proxy 127.0.0.1)", line, StringComparison.Ordinal);
        Assert.Contains("set PARALLAX_TOKEN or pass --token", line, StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
        Assert.False(File.Exists(Path.Combine(Dir, "proxy.db")), "nothing is created for a server that does not start");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_a_forwarded_write_needs_the_token()
    {
        // The issue's request: from the proxy on this machine, for the public name, with a matching Origin — and no token.
        await Server(o => o with { TrustedProxies = [IPAddress.Loopback], AllowedHosts = ["news.example.org"], WriteToken = Token }, withExamples: false);
        var server = Apps[^1].GetTestServer();
        async Task<int> Post(string? token)
        {
            var context = await server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Loopback;
                c.Request.Method = "POST";
                c.Request.Path = "/api/articles";
                c.Request.Host = new Microsoft.AspNetCore.Http.HostString("127.0.0.1:5080");
                c.Request.Headers["X-Forwarded-Host"] = "news.example.org";
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
                c.Request.Headers["X-Forwarded-Proto"] = "https";
                c.Request.Headers.Origin = "https://news.example.org";
                if (token is not null) c.Request.Headers.Authorization = "Bearer " + token;
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"{{\"text\":\"{Text}\"}}"));
            });
            return context.Response.StatusCode;
        }

        Assert.Equal(401, await Post(null));
        Assert.Equal(401, await Post("guess-the-token"));
        Assert.Equal(201, await Post(Token));
    }

    [Fact]
    public async Task Without_a_token_writes_are_open_to_this_machine_only_and_never_to_a_forwarded_visitor()
    {
        var (client, options) = await Server(withExamples: false);
        Assert.False(options.WritesNeedToken);
        Assert.Equal("adding articles open to this machine only", options.WritePolicy);
        string add = await Page(client, "/add");
        Assert.Contains("adding articles is open to this machine only", add, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", add, StringComparison.Ordinal);

        // A proxy on this machine that the server was not told of connects from loopback for anyone: its headers give it away.
        foreach (var header in new[] { "X-Forwarded-For", "Forwarded", "X-Real-IP" })
        {
            var forwarded = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { text = Text }) };
            forwarded.Headers.TryAddWithoutValidation(header, header == "Forwarded" ? "for=203.0.113.9" : "203.0.113.9");
            var refused = await client.SendAsync(forwarded);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("open to this machine only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var form = new HttpRequestMessage(HttpMethod.Post, "/add") { Content = new MultipartFormDataContent { { new StringContent(Text), "text" } } };
        form.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(form)).StatusCode);

        // Another machine's address, however it got here, is not this machine.
        var server = Apps[^1].GetTestServer();
        var remote = await server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
            c.Request.Method = "POST";
            c.Request.Path = "/api/articles";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"{{\"text\":\"{Text}\"}}"));
        });
        Assert.Equal(403, remote.Response.StatusCode);

        // This machine itself may add.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/articles", new { text = Text })).StatusCode);
    }

    [Fact]
    public async Task With_a_token_the_add_page_says_adding_needs_it()
    {
        var (client, _) = await Server(o => o with { WriteToken = Token }, withExamples: false);
        string add = await Page(client, "/add");
        Assert.Contains("adding articles needs the token", add, StringComparison.Ordinal);
        Assert.Contains("name=\"token\"", add, StringComparison.Ordinal);
        var right = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { text = Text }) };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(right)).StatusCode);
    }
}
