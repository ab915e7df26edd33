using System.Text;
using Parallax.Cli;

namespace Parallax.Tests;

/// <summary>Feeds and pages for the fetch tests, served by <see cref="LocalWebServer"/>, and the CLI run against them.</summary>
internal static class TestFeeds
{
    /// <summary>A page with enough text to be taken as an article, which says it is not for the outside.</summary>
    public static string SecretPage { get; } = "<html><head><title>Ops notes</title></head><body><article><h1>Ops notes</h1>"
        + string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>INTERNAL-ONLY: database password is hunter{i}. This page is served on the intranet only and must never reach a public site or a search index.</p>"))
        + "</article></body></html>";

    /// <summary>An RSS 2.0 feed of the given &lt;item&gt; elements.</summary>
    public static string Rss(IEnumerable<string> items) =>
        $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title>{string.Concat(items)}</channel></rss>";

    /// <summary>An RSS 2.0 feed of <paramref name="count"/> entries that have a guid and nothing else ("item-0" first), each resolved against the feed's address.</summary>
    public static string GuidOnly(int count) => Rss(Enumerable.Range(0, count).Select(i => $"<item><guid>item-{i}</guid></item>"));

    /// <summary>Serves <paramref name="body"/> as a feed at <paramref name="path"/>.</summary>
    public static void MapFeed(this LocalWebServer server, string path, string body) =>
        server.Map(path, 200, Encoding.UTF8.GetBytes(body), "application/rss+xml");

    /// <summary>Requests the server received for paths starting with <paramref name="prefix"/>.</summary>
    public static List<string> Paths(this LocalWebServer server, string prefix) =>
        [.. server.Requests.Select(r => r.Path).Where(p => p.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Runs the CLI off the test's thread and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await Task.Run(() => ParallaxCli.Run(args, stdout, stderr, () => Stream.Null));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
