using System.CommandLine;
using Parallax.Fetching;

namespace Parallax.Cli;

/// <summary>
/// The address rule of a command that fetches: what input names (a feed's links, an OPML list's feeds, every redirect) is
/// fetched from public addresses only, unless <c>--allow-private-addresses</c> names what else may be; the addresses the
/// operator types are fetched wherever they are (their redirects are input).
/// </summary>
internal sealed class AddressOptions
{
    public const string Name = "--allow-private-addresses";

    private readonly Option<string?> _allow = new(Name)
    {
        Description = "Let what input names (a feed's article links, the feeds an OPML list names, any redirect) be fetched from non-public addresses too: 'all', or a comma-separated list of addresses, CIDR ranges and host names, e.g. 10.0.0.0/8,intranet.example. Without it, such fetches reach public addresses only (no loopback, private network, link-local or cloud metadata address); the addresses you type here are fetched wherever they are.",
        HelpName = "all|LIST",
    };

    public void AddTo(Command cmd) => cmd.Add(_allow);

    /// <summary><paramref name="options"/> under the address rule asked for, or null after saying on stderr why the list cannot be read.</summary>
    public FetchOptions? Get(ParseResult parse, TextWriter stderr, FetchOptions? options = null)
    {
        options ??= new FetchOptions();
        if (parse.GetValue(_allow) is not { } text) return options with { PublicAddressesOnly = true, RefusalHint = Hint };
        if (!AddressAllowance.TryParse(text, out var allowance, out var problem))
        {
            ParallaxCli.Fail(stderr, $"{Name} {text}: {problem}; give 'all', or addresses, CIDR ranges and host names separated by commas, e.g. {Name} 10.0.0.0/8,intranet.example");
            return null;
        }
        return allowance.Everything ? options with { PublicAddressesOnly = false } : options with { PublicAddressesOnly = true, PrivateAllowed = allowance, RefusalHint = Hint };
    }

    private static string Hint(string address) => $"; to allow it, pass {Name} {address}";
}
