using System.Net;
using System.Net.Sockets;

namespace Parallax.Fetching;

/// <summary>A fetch refused because the address it would connect to is not on the public internet.</summary>
public sealed class AddressRefusedException(string message, string address) : Exception(message)
{
    /// <summary>The address or host name refused, as an operator would write it to allow it ("127.0.0.1", "localhost").</summary>
    public string Address { get; } = address;
}

/// <summary>
/// Keeps a fetcher that strangers can point at addresses (the web server's "add by URL") off the machine it runs on and off
/// its network: loopback, private, link-local, carrier-grade NAT, multicast, documentation and reserved ranges are refused,
/// IPv4 addresses hidden inside IPv6 ones (mapped, NAT64, 6to4) included. The check runs on the addresses a name resolves
/// to at the moment of connecting, and the connection is made to the address checked, so neither a redirect nor a DNS
/// answer that changes between check and use (rebinding) gets through.
/// </summary>
public static class AddressGuard
{
    /// <summary>True when <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
            byte[] b = address.GetAddressBytes();
            if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any)) return false;
            if (b[0] == 0xff) return false; // multicast
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false; // link-local fe80::/10
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false; // site-local fec0::/10 (deprecated, still routed privately)
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation 2001:db8::/32
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return false; // Teredo 2001::/32 tunnels to anywhere
            if (b[0] == 0x00 && b.Take(10).All(x => x == 0) && b[10] == 0 && b[11] == 0) return false; // ::/96, IPv4-compatible
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return IsPublic(new IPAddress(b[12..16])); // NAT64 64:ff9b::/96
            if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b[2..6])); // 6to4 2002::/16
            if (b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0)) return false; // discard 100::/64
            return (b[0] & 0xe0) == 0x20; // global unicast is 2000::/3
        }
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        byte[] v = address.GetAddressBytes();
        return !(v[0] == 0 // "this network"
            || v[0] == 10 // private
            || v[0] == 127 // loopback
            || (v[0] == 100 && (v[1] & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
            || (v[0] == 169 && v[1] == 254) // link-local, cloud metadata services
            || (v[0] == 172 && (v[1] & 0xf0) == 16) // private
            || (v[0] == 192 && v[1] == 0 && v[2] == 0) // IETF protocol assignments
            || (v[0] == 192 && v[1] == 0 && v[2] == 2) // documentation
            || (v[0] == 192 && v[1] == 88 && v[2] == 99) // 6to4 relay anycast
            || (v[0] == 192 && v[1] == 168) // private
            || (v[0] == 198 && (v[1] & 0xfe) == 18) // benchmarking 198.18.0.0/15
            || (v[0] == 198 && v[1] == 51 && v[2] == 100) // documentation
            || (v[0] == 203 && v[1] == 0 && v[2] == 113) // documentation
            || v[0] >= 224); // multicast, reserved, broadcast
    }

    /// <summary>The refusal of <paramref name="host"/>, or null when every address it resolves to is allowed.</summary>
    public static async Task<AddressRefusedException?> RefusalOfAsync(string host, CancellationToken cancel, Func<IPAddress, bool>? allow = null, Func<string, bool>? allowHost = null)
    {
        try
        {
            await PublicAddressesAsync(host, cancel, allow, allowHost).ConfigureAwait(false);
            return null;
        }
        catch (AddressRefusedException e)
        {
            return e;
        }
    }

    /// <summary>The reason <paramref name="host"/> may not be fetched, or null when every address it resolves to is public.</summary>
    public static async Task<string?> RefusalAsync(string host, CancellationToken cancel, Func<IPAddress, bool>? allow = null) =>
        (await RefusalOfAsync(host, cancel, allow).ConfigureAwait(false))?.Message;

    /// <summary>
    /// The addresses of <paramref name="host"/>; refuses the host if any address it resolves to is not allowed (by default:
    /// not public). A host <paramref name="allowHost"/> names is taken at its word, whatever it resolves to.
    /// </summary>
    public static async Task<IPAddress[]> PublicAddressesAsync(string host, CancellationToken cancel, Func<IPAddress, bool>? allow = null, Func<string, bool>? allowHost = null)
    {
        allow ??= IsPublic;
        string bare = host.Trim('[', ']');
        bool named = allowHost?.Invoke(bare) == true;
        IPAddress[] addresses;
        if (IPAddress.TryParse(bare, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            if (!named && (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
            {
                throw new AddressRefusedException($"{host} is this machine; only public addresses can be fetched", bare);
            }
            try
            {
                addresses = await Dns.GetHostAddressesAsync(bare, cancel).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new AddressRefusedException($"{host} cannot be resolved ({e.SocketErrorCode})", bare);
            }
        }
        // One private answer among public ones refuses the host: a rebinding server could steer the connection to it.
        if (!named && addresses.FirstOrDefault(a => !allow(a)) is { } bad)
        {
            string what = literal is null ? $"{host} resolves to {bad}, a" : $"{host} is a";
            throw new AddressRefusedException($"{what} loopback, private or otherwise non-public address; only public addresses can be fetched", literal is null ? bare : bad.ToString());
        }
        if (addresses.Length == 0) throw new AddressRefusedException($"{host} has no address", bare);
        return addresses;
    }

    /// <summary>A connect callback for <see cref="SocketsHttpHandler"/> that connects only to addresses <paramref name="allow"/> accepts (default: public ones), or to hosts <paramref name="allowHost"/> names.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(Func<IPAddress, bool>? allow = null, Func<string, bool>? allowHost = null) =>
        (context, cancel) => ConnectAsync(context, allow, allowHost, cancel);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, Func<IPAddress, bool>? allow, Func<string, bool>? allowHost, CancellationToken cancel)
    {
        var addresses = await PublicAddressesAsync(context.DnsEndPoint.Host, cancel, allow, allowHost).ConfigureAwait(false);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancel).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
