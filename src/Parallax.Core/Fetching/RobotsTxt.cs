namespace Parallax.Fetching;

/// <summary>
/// The rules of one host's robots.txt for one crawler (RFC 9309): the group naming the crawler's product token, else the "*" group;
/// the longest matching Allow or Disallow path wins, Allow on a tie; "*" matches any run of characters and "$" anchors the end.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsTxt(List<(string, bool)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed: what a missing robots.txt (4xx) means.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Nothing allowed: what an unreachable robots.txt (5xx, network failure) means until it can be read.</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Reads robots.txt text for the crawler whose product token is <paramref name="productToken"/> (case-insensitive).</summary>
    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        bool lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            string key = line[..colon].Trim().ToLowerInvariant();
            string value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive User-agent lines share one group of rules.
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }
                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null) continue;
            if (key is "allow" or "disallow")
            {
                // An empty Disallow allows everything; it adds no rule.
                if (value.Length > 0) current.Rules.Add((value, key == "allow"));
            }
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86400));
            }
        }
        string token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsTxt(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.Delay).FirstOrDefault(d => d is not null));
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool Allows(Uri url)
    {
        string path = url.PathAndQuery;
        int best = -1;
        bool allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (!Matches(pattern, path)) continue;
            if (pattern.Length > best || (pattern.Length == best && allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    /// <summary>Matches a robots.txt path pattern; iterative, so no pattern can make matching blow up.</summary>
    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var pieces = pattern.Split('*');
        if (!path.StartsWith(pieces[0], StringComparison.Ordinal)) return false;
        int at = pieces[0].Length;
        for (int i = 1; i < pieces.Length; i++)
        {
            if (i == pieces.Length - 1 && anchored)
            {
                return path.Length - pieces[i].Length >= at && path.EndsWith(pieces[i], StringComparison.Ordinal);
            }
            int found = path.IndexOf(pieces[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + pieces[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
