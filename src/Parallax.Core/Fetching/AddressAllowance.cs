using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Parallax.Fetching;

/// <summary>
/// The non-public addresses an operator lets fetches reach although only public ones are allowed by default: "all", or a
/// list of addresses, CIDR ranges and host names, such as "127.0.0.1,10.0.0.0/8,fd00::/8,intranet.example". A host name is
/// matched exactly (any case) and then trusted whatever it resolves to.
/// </summary>
public sealed class AddressAllowance
{
    private readonly IPNetwork[] _ranges;
    private readonly HashSet<string> _hosts;

    private AddressAllowance(bool everything, IPNetwork[] ranges, HashSet<string> hosts)
    {
        Everything = everything;
        _ranges = ranges;
        _hosts = hosts;
    }

    /// <summary>No exception: public addresses only.</summary>
    public static AddressAllowance None { get; } = new(false, [], []);

    /// <summary>Every address, private ones included.</summary>
    public static AddressAllowance All { get; } = new(true, [], []);

    /// <summary>True when every address is allowed ("all").</summary>
    public bool Everything { get; }

    /// <summary>True when <paramref name="address"/> is in one of the ranges (an IPv4 address mapped into IPv6 counts as itself).</summary>
    public bool Allows(IPAddress address)
    {
        if (Everything) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var range in _ranges)
        {
            if (range.BaseAddress.AddressFamily == address.AddressFamily && range.Contains(address)) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="host"/> (a name, or an address in brackets or not) is named in the list.</summary>
    public bool AllowsHost(string host) => Everything || _hosts.Contains(host.Trim('[', ']'));

    /// <summary>
    /// Reads "all" or a comma-separated list of addresses, CIDR ranges and host names; on failure, <paramref name="problem"/>
    /// names the entry that is none of these.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressAllowance? allowance, [NotNullWhen(false)] out string? problem)
    {
        allowance = null;
        problem = null;
        var entries = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            problem = "an empty list";
            return false;
        }
        if (entries.Any(e => e.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            allowance = All;
            return true;
        }
        var ranges = new List<IPNetwork>();
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            string bare = entry.Trim('[', ']');
            int slash = bare.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && IPAddress.TryParse(bare[..slash], out var network))
            {
                if (Range(network, bare[(slash + 1)..]) is not { } range)
                {
                    problem = $"\"{entry}\" is not a CIDR range such as 10.0.0.0/8 (a prefix length the address family allows, and no address bits set past it)";
                    return false;
                }
                ranges.Add(range);
            }
            else if (IPAddress.TryParse(bare, out var address))
            {
                if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
                ranges.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (Uri.CheckHostName(bare) == UriHostNameType.Dns)
            {
                hosts.Add(bare.TrimEnd('.'));
            }
            else
            {
                problem = $"\"{entry}\" is neither an address, a CIDR range nor a host name";
                return false;
            }
        }
        allowance = new AddressAllowance(false, [.. ranges], hosts);
        return true;
    }

    /// <summary>The range of <paramref name="network"/> and a prefix length, or null when the length does not fit or the address has bits set past it.</summary>
    private static IPNetwork? Range(IPAddress network, string prefix)
    {
        if (network.IsIPv4MappedToIPv6) network = network.MapToIPv4();
        byte[] bytes = network.GetAddressBytes();
        if (!int.TryParse(prefix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int length) || length > bytes.Length * 8) return null;
        for (int bit = length; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) return null;
        }
        return new IPNetwork(network, length);
    }
}
