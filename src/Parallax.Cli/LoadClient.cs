using System.Diagnostics;
using System.Globalization;

namespace Parallax.Cli;

/// <summary>What a load run measured: requests sent and answered, the rate reached, and latency percentiles in milliseconds.</summary>
internal sealed record LoadReport(int Sent, int Ok, int Failed, double Seconds, double P50, double P90, double P99, double Max)
{
    public double Rate => Sent / Seconds;
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
        var latencies = new double[total];
        var ok = new bool[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        double interval = 1000.0 / rate;
        for (int i = 0; i < total; i++)
        {
            double due = i * interval;
            double wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 2) await Task.Delay(TimeSpan.FromMilliseconds(wait - 1), cancel);
            while (clock.Elapsed.TotalMilliseconds < due) Thread.SpinWait(20);
            int n = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.GetAsync(urls[n % urls.Count], HttpCompletionOption.ResponseContentRead, cancel);
                    ok[n] = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok[n] = false;
                }
                latencies[n] = clock.Elapsed.TotalMilliseconds - due;
            }, cancel));
        }
        double sending = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(inFlight);
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(total - 1, (int)Math.Ceiling(q * total) - 1)];
        int good = ok.Count(x => x);
        return new LoadReport(total, good, total - good, sending, P(0.50), P(0.90), P(0.99), latencies[^1]);
    }

    public static string Line(string label, LoadReport r) => string.Join('\t', label, r.Sent, r.Ok, r.Failed,
        r.Rate.ToString("F0", CultureInfo.InvariantCulture), r.P50.ToString("F1", CultureInfo.InvariantCulture), r.P90.ToString("F1", CultureInfo.InvariantCulture),
        r.P99.ToString("F1", CultureInfo.InvariantCulture), r.Max.ToString("F1", CultureInfo.InvariantCulture));
}
