using System.Diagnostics;
using System.Globalization;

namespace Parallax.Cli;

/// <summary>What a load run measured: requests sent and answered, the rate reached, and latency percentiles in milliseconds.</summary>
internal sealed record LoadReport(int Sent, int Ok, int Failed, double Seconds, double P50, double P90, double P99, double Max)
{
    public double Rate => Sent / Seconds;

    public double P95 { get; init; }
}

/// <summary>What a burst of adds met: answers by kind (2xx, other statuses, connections reset or closed unanswered, other failures) and latency in milliseconds.</summary>
internal sealed record BurstReport(int Sent, int Ok, int NotOk, int Reset, int Other, double Seconds, double P50, double P99, double Max)
{
    /// <summary>The statuses other than 2xx, as "503x4 413x1".</summary>
    public string Statuses { get; init; } = "";
}

/// <summary>
/// An open-loop HTTP load client: requests start on a fixed schedule (so many per second) whether or not earlier ones have
/// answered, and each latency counts from the moment its request was due — a slow server cannot slow the client down and
/// hide its own delays (coordinated omission). The addresses are requested in turn.
/// </summary>
internal static class LoadClient
{
    public static async Task<LoadReport> RunAsync(IReadOnlyList<Uri> urls, double rate, TimeSpan duration, CancellationToken cancel)
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        // Warm-up: every address once, so the first timed requests do not pay for connections and the server's first compile.
        foreach (var u in urls.Take(50)) (await http.GetAsync(u, cancel)).Dispose();

        int total = (int)Math.Max(1, rate * duration.TotalSeconds);
        return await Schedule(total, rate, async n =>
        {
            using var response = await http.GetAsync(urls[n % urls.Count], HttpCompletionOption.ResponseContentRead, cancel);
            return response.IsSuccessStatusCode;
        }, cancel);
    }

    /// <summary>
    /// Adds articles to a server one request each (a one-line JSON Lines upload to <c>/api/articles/files</c>, so each keeps
    /// its id and fields), on the open-loop schedule of <paramref name="rate"/> a second — or, with a rate of 0, one after
    /// another, each sent when the last was answered, so they are stored in the file's order. Also counts the adds the
    /// server stored but could not place at once (its answer says "pending"), and those answered before their story's brief
    /// was rebuilt ("briefing": placed, the brief stored in the background).
    /// </summary>
    public static async Task<(LoadReport Report, int Deferred, int Briefing)> AddAsync(Uri server, IReadOnlyList<string> lines, double rate, string? token, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await http.GetAsync(new Uri(server, "/healthz"), cancel)).Dispose();
        var target = new Uri(server, "/api/articles/files");
        int deferred = 0, briefing = 0;
        var report = await Schedule(lines.Count, rate, async n =>
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(lines[n] + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"), "files", $"add-{n + 1}.jsonl");
            using var response = await http.PostAsync(target, form, cancel);
            string body = await response.Content.ReadAsStringAsync(cancel);
            if (body.Contains("\"pending\":true", StringComparison.Ordinal)) Interlocked.Increment(ref deferred);
            if (body.Contains("\"briefing\":true", StringComparison.Ordinal)) Interlocked.Increment(ref briefing);
            return response.IsSuccessStatusCode;
        }, cancel);
        return (report, deferred, briefing);
    }

    /// <summary>
    /// A burst of adds: <paramref name="clients"/> threads at once, each sending <paramref name="each"/> articles one after
    /// another as JSON to <c>/api/articles</c> (each its own text, so every one is stored), synchronously on its own thread
    /// so the client's own thread pool never delays reading an answer. Counts the answers by kind: 2xx, any other status,
    /// and connections the server reset or closed without an answer — the last must never happen.
    /// </summary>
    public static BurstReport Burst(Uri server, int clients, int each, string? token, string tag)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var target = new Uri(server, "/api/articles");
        int ok = 0, refused = 0, reset = 0, other = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        void Client(int c)
        {
            for (int i = 0; i < each; i++)
            {
                string text = $"Burst {tag} client {c} add {i}: the harbour authority of Port Avalen said on Monday that repairs to the north quay, "
                    + $"begun after the spring storms, would finish by the end of the month at a cost of {c * 1000 + i} thousand.";
                var started = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, target)
                    {
                        Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text, title = $"Quay repairs {tag} {c}-{i}" }), System.Text.Encoding.UTF8, "application/json"),
                    };
                    using var response = http.Send(request, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok);
                    else
                    {
                        Interlocked.Increment(ref refused);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
                    || e.InnerException is IOException or System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref reset);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref other);
                }
                latencies.Add(clock.Elapsed.TotalMilliseconds - started);
            }
        }
        var threads = Enumerable.Range(0, clients).Select(c => new Thread(() => Client(c)) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new BurstReport(clients * each, ok, refused, reset, other, clock.Elapsed.TotalSeconds, P(0.5), P(0.99), sorted.Length == 0 ? 0 : sorted[^1])
        {
            Statuses = string.Join(' ', statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}")),
        };
    }

    /// <summary>
    /// Sends <paramref name="total"/> requests, the n-th due at n / <paramref name="rate"/> seconds (open loop; each latency
    /// counts from when it was due), or one after another when the rate is 0; a request that throws counts as failed.
    /// </summary>
    private static async Task<LoadReport> Schedule(int total, double rate, Func<int, Task<bool>> send, CancellationToken cancel)
    {
        var latencies = new double[total];
        var ok = new bool[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        double interval = rate > 0 ? 1000.0 / rate : 0;
        for (int i = 0; i < total; i++)
        {
            double due = rate > 0 ? i * interval : clock.Elapsed.TotalMilliseconds;
            double wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 2) await Task.Delay(TimeSpan.FromMilliseconds(wait - 1), cancel);
            while (clock.Elapsed.TotalMilliseconds < due) Thread.SpinWait(20);
            int n = i;
            var request = Task.Run(async () =>
            {
                try
                {
                    ok[n] = await send(n);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok[n] = false;
                }
                latencies[n] = clock.Elapsed.TotalMilliseconds - due;
            }, cancel);
            if (rate > 0) inFlight.Add(request);
            else await request;
        }
        double sending = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        await Task.WhenAll(inFlight);
        if (rate <= 0) sending = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(total - 1, (int)Math.Ceiling(q * total) - 1)];
        int good = ok.Count(x => x);
        return new LoadReport(total, good, total - good, sending, P(0.50), P(0.90), P(0.99), latencies[^1]) { P95 = P(0.95) };
    }

    public static string Line(string label, LoadReport r) => string.Join('\t', label, r.Sent, r.Ok, r.Failed,
        r.Rate.ToString("F0", CultureInfo.InvariantCulture), r.P50.ToString("F1", CultureInfo.InvariantCulture), r.P90.ToString("F1", CultureInfo.InvariantCulture),
        r.P99.ToString("F1", CultureInfo.InvariantCulture), r.Max.ToString("F1", CultureInfo.InvariantCulture));
}
