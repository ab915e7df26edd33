using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Parallax.Storage;
using Parallax.Web;

namespace Parallax.Cli;

/// <summary>The serve command: the web site and JSON API over a store.</summary>
public static partial class ParallaxCli
{
    private static Command ServeCommand(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption("The store to serve (see 'parallax ingest'); created empty if missing, and articles can be added from the site.");
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on. Anything but loopback (127.0.0.1, [::1], localhost) lets other machines in; then the server needs --token to start.",
            DefaultValueFactory = _ => ["http://127.0.0.1:5080"],
            AllowMultipleArgumentsPerToken = true,
            HelpName = "URL",
        };
        var token = new Option<string?>("--token") { Description = "The write token adding articles needs (as 'Authorization: Bearer TOKEN', or in the form). Default: $PARALLAX_TOKEN. Required when the server is reachable from other machines (--urls beyond loopback, --trust-proxy, or --allowed-hosts naming a public host); without one, adding articles is open to this machine only.", HelpName = "TOKEN" };
        var maxUpload = new Option<int>("--max-upload") { Description = "Largest upload or paste, in MB, counted after decompression (a small gzip that expands past it is refused).", DefaultValueFactory = _ => 8, HelpName = "MB" };
        var allowedHosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names requests may be addressed to, besides the --urls hosts and localhost (e.g. news.example.org behind a proxy). A request for any other host is refused (421), which stops DNS rebinding. Listening on 0.0.0.0 without this option answers any host.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "HOST",
        };
        var quiet = new Option<string>("--consolidate-after")
        {
            Description = "Added articles join their stories at once; once no article has been added for this long, the stories are grouped afresh in the background (at the latest every 10 minutes while articles keep coming), so they end as one ingest of the same articles would make them.",
            DefaultValueFactory = _ => "30s",
            HelpName = "DURATION",
        };
        var proxies = new Option<string[]>("--trust-proxy")
        {
            Description = "Addresses of reverse proxies in front of this server whose X-Forwarded-Host, -Proto and -For headers are believed (one hop), so the host and origin checks see the host visitors asked for. Without it those headers are ignored.",
            HelpName = "IP",
            AllowMultipleArgumentsPerToken = true,
        };
        var workers = new Option<bool>("--workers") { Description = "Leave placing articles in stories and briefing them to 'parallax worker' processes: this server only stores what is added, and reads (run several behind a proxy)." };
        var cmd = new Command("serve", "Serve a store as a web site and JSON API: stories ranked by coverage and recency, each story's brief with its sources side by side and every citation lighting up its supporting text, articles with what was found in them, search, and a form to add articles (paste, upload, or a page's address). OpenAPI document at /openapi/v1.json. Stop with Ctrl+C.")
        {
            db, urls, token, maxUpload, allowedHosts, quiet, workers, proxies,
        };
        cmd.SetAction(async (parse, cancel) =>
        {
            var addresses = parse.GetValue(urls)!.SelectMany(u => u.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var u in addresses)
            {
                if (!ServerOptions.TryParseListenUrl(u, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp)
                {
                    return Fail(stderr, $"--urls {u}: give an http address with a port, e.g. http://127.0.0.1:5080 (put a TLS proxy in front for https)");
                }
            }
            if (!TryDuration(parse.GetValue(quiet)!, out var quietFor) || quietFor < TimeSpan.Zero || quietFor > TimeSpan.FromDays(1)) return Fail(stderr, $"--consolidate-after {parse.GetValue(quiet)}: give a duration such as 30s or 5m");
            var trusted = new List<System.Net.IPAddress>();
            foreach (var p in (parse.GetValue(proxies) ?? []).SelectMany(p => p.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!System.Net.IPAddress.TryParse(p, out var ip)) return Fail(stderr, $"--trust-proxy {p}: give the proxy's IP address, e.g. 10.0.0.5 or ::1");
                trusted.Add(ip);
            }
            if (parse.GetValue(maxUpload) is < 1 or > 1024) return Fail(stderr, "--max-upload takes a size in MB between 1 and 1024");
            string? writeToken = parse.GetValue(token) ?? (Environment.GetEnvironmentVariable("PARALLAX_TOKEN") is { Length: > 0 } t ? t : null);
            if (writeToken is { Length: < 12 }) return Fail(stderr, "the write token is too short to be safe; use at least 12 characters (e.g. openssl rand -hex 16)");
            var options = new ServerOptions
            {
                DbPath = parse.GetValue(db)!,
                Urls = addresses,
                WriteToken = writeToken,
                MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024,
                ConsolidateWhenQuiet = quietFor,
                LeaveStoriesToWorkers = parse.GetValue(workers),
                TrustedProxies = trusted,
                AllowedHosts = [.. (parse.GetValue(allowedHosts) ?? []).SelectMany(h => h.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            };
            // Reachable from other machines (a bind beyond loopback, a trusted proxy, a public host name), writes need the token.
            if (options.StartRefusal is { } refusal) return Fail(stderr, refusal);
            string shown;
            using (var check = OpenStore(options.DbPath, stderr))
            {
                if (check is null) return Failed;
                shown = check.Path;
            }
            WebApplication app;
            try
            {
                app = ParallaxServer.Build(options, b =>
                {
                    b.Logging.ClearProviders();
                    b.Logging.AddSimpleConsole(o => o.SingleLine = true);
                    b.Logging.SetMinimumLevel(LogLevel.Warning);
                });
            }
            catch (StoreException e)
            {
                return Fail(stderr, e.Message);
            }
            await using (app)
            {
                try
                {
                    await app.StartAsync(cancel);
                }
                catch (IOException e)
                {
                    return Fail(stderr, $"cannot listen on {string.Join(", ", addresses)} ({e.Message}); is another server using the port? choose another with --urls");
                }
                stdout.WriteLine($"Parallax serving {shown} on {string.Join(", ", app.Urls)} ({options.WritePolicy}); stop with Ctrl+C");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop serving and close the store cleanly.
                }
                await app.StopAsync(CancellationToken.None);
            }
            return Ok;
        });
        return cmd;
    }
}
