using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parallax.Tests;

/// <summary>A request the local server received.</summary>
internal sealed record SeenRequest(string Path, IReadOnlyDictionary<string, string> Headers, DateTime ArrivedUtc);

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 for fetcher and watch tests. Handlers write raw bytes, so they can misbehave the way
/// hostile servers do (endless bodies, lying headers, compression bombs). Every connection is closed after one response.
/// </summary>
internal sealed class LocalWebServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Func<SeenRequest, Stream, CancellationToken, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public LocalWebServer()
    {
        _listener.Start();
        Base = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>"http://127.0.0.1:PORT", without a trailing slash.</summary>
    public string Base { get; }

    public Uri Url(string path) => new(Base + path);

    public void Map(string path, Func<SeenRequest, Stream, CancellationToken, Task> handler) => _routes[path] = handler;

    public void Map(string path, int status, string body, string contentType = "text/html; charset=utf-8", params (string Name, string Value)[] headers) =>
        Map(path, status, Encoding.UTF8.GetBytes(body), contentType, headers);

    public void Map(string path, int status, byte[] body, string contentType, params (string Name, string Value)[] headers) =>
        Map(path, (_, stream, ct) => Respond(stream, status, body, contentType, ct, headers));

    public IEnumerable<SeenRequest> RequestsFor(string path) => Requests.Where(r => r.Path == path);

    public static async Task Respond(Stream stream, int status, byte[] body, string? contentType, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        if (contentType is not null) head.Append($"Content-Type: {contentType}\r\n");
        head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
        await stream.WriteAsync(body, ct);
    }

    /// <summary>Writes a status line and headers only; the handler writes the body however it likes.</summary>
    public static Task Head(Stream stream, int status, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");
        return stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct).AsTask();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                if (_routes.TryGetValue(request.Path, out var handler)) await handler(request, stream, _stop.Token);
                else await Respond(stream, 404, Encoding.UTF8.GetBytes("not here"), "text/plain", _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up, as a careful client does on an endless or oversized response.
            }
        }
    }

    private static async Task<SeenRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        int filled = 0;
        while (filled < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(filled));
            if (n == 0) return null;
            filled += n;
            string text = Encoding.ASCII.GetString(buffer, 0, filled);
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var lines = text[..end].Split("\r\n");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            return new SeenRequest(lines[0].Split(' ')[1], headers, DateTime.UtcNow);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
