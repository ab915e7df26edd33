using System.Net;
using System.Net.Sockets;

namespace Parallax.Tests;

/// <summary>
/// A TCP relay to a server, on a loopback port of its own, that a test takes down and brings back as a server restart
/// looks to its clients: <see cref="Down"/> cuts every connection through it and refuses new ones, <see cref="Up"/>
/// accepts them again on the same port. The server itself (shared by tests running at the same time) is never touched.
/// </summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;

    public TcpRelay(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        Port = ((IPEndPoint)first.LocalEndpoint).Port;
        Accept(first);
    }

    /// <summary>The relay's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>How many times it was taken down.</summary>
    public int Outages { get; private set; }

    /// <summary>Cuts every connection and refuses new ones (the server is "stopped").</summary>
    public void Down()
    {
        lock (_gate)
        {
            if (_listener is null) return;
            _listener.Stop();
            _listener = null;
            foreach (var c in _open) c.Dispose();
            _open.Clear();
            Outages++;
        }
    }

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Up()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            Accept(listener);
        }
    }

    private void Accept(TcpListener listener)
    {
        _listener = listener;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return; // stopped
                }
                _ = Task.Run(() => Relay(client));
            }
        });
    }

    private async Task Relay(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target);
            lock (_gate)
            {
                if (_listener is null) throw new SocketException((int)SocketError.ConnectionRefused);
                _open.Add(client);
                _open.Add(server);
            }
            using var a = client.GetStream();
            using var b = server.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // Cut: the other side sees its connection end.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public void Dispose() => Down();
}
