using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Parallax.Web;
using Xunit;

namespace Parallax.Tests;

/// <summary>What the web server's tests share: servers in process over stores in a temporary folder, and the checks every page passes.</summary>
public abstract class WebServerTestBase : IAsyncLifetime
{
    /// <summary>The folder of this test's stores.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("parallax-web-").FullName;

    /// <summary>The servers started, the latest last.</summary>
    protected List<WebApplication> Apps { get; } = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in Apps) await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }

    /// <summary>A server over a store holding the example story (and anything in <paramref name="extra"/>), and a client for it.</summary>
    protected async Task<(HttpClient Client, ServerOptions Options)> Server(Func<ServerOptions, ServerOptions>? adjust = null, bool withExamples = true, IEnumerable<Model.Article>? extra = null)
    {
        string db = Path.Combine(Dir, $"site{Apps.Count}.db");
        using (var store = new SqliteStore(db))
        {
            var articles = withExamples ? ArticleSource.Read([TestPaths.Examples]).Articles : [];
            if (articles.Count > 0 || extra is not null) new Ingestor(store, AnalysisPipeline.Default).Ingest([.. articles, .. extra ?? []]);
        }
        var options = new ServerOptions { DbPath = db, MaxUploadBytes = 256 * 1024 };
        options = adjust?.Invoke(options) ?? options;
        var app = ParallaxServer.Build(options, b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
        });
        Apps.Add(app);
        await app.StartAsync();
        return (app.GetTestClient(), options);
    }

    protected static async Task<string> Page(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
        return await response.Content.ReadAsStringAsync();
    }

    protected static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
