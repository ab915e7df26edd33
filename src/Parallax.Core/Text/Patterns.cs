using System.Text.RegularExpressions;

namespace Parallax.Text;

/// <summary>Creates regexes the way every stage must: culture-invariant and with a match timeout, so hostile input cannot hang a stage.</summary>
public static class Patterns
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    public static Regex Create(string pattern, RegexOptions options = RegexOptions.IgnoreCase) =>
        new(pattern, options | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, Timeout);

    /// <summary>All matches that lie inside <paramref name="windows"/> (disjoint, in text order), each window searched on its own.</summary>
    public static IEnumerable<Match> Matches(Regex regex, string text, IReadOnlyList<Model.Span> windows)
    {
        var found = new List<Match>();
        try
        {
            foreach (var w in windows)
            {
                for (var m = regex.Match(text, w.Start, w.Length); m.Success; m = m.NextMatch())
                {
                    found.Add(m);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Keep what matched before the timeout; the rest of the text simply yields nothing from this rule.
        }
        return found;
    }

    /// <summary>All matches, or none if the regex times out on pathological input.</summary>
    public static IEnumerable<Match> Matches(Regex regex, string text) => Matches(regex, text, [new Model.Span(0, text.Length)]);
}
