using System.Text.RegularExpressions;

namespace Parallax.Text;

/// <summary>Creates regexes the way every stage must: culture-invariant and with a match timeout, so hostile input cannot hang a stage.</summary>
public static class Patterns
{
    /// <summary>The match timeout of every pattern, for [GeneratedRegex] attributes.</summary>
    public const int TimeoutMilliseconds = 250;

    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    public static Regex Create(string pattern, RegexOptions options = RegexOptions.IgnoreCase) =>
        new(pattern, options | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, Timeout);

    /// <summary>
    /// All matches that lie inside <paramref name="windows"/> (disjoint, in text order), each window searched on its own.
    /// A timeout is tried once more before it counts: the first can be the cost of compiling the regex on its first use on
    /// a busy machine rather than the input, and giving up then would make the same text read differently run to run.
    /// </summary>
    public static IEnumerable<Match> Matches(Regex regex, string text, IReadOnlyList<Model.Span> windows)
    {
        var found = new List<Match>();
        for (int attempt = 0; attempt < 2; attempt++)
        {
            found.Clear();
            try
            {
                foreach (var w in windows)
                {
                    for (var m = regex.Match(text, w.Start, w.Length); m.Success; m = m.NextMatch())
                    {
                        found.Add(m);
                    }
                }
                return found;
            }
            catch (RegexMatchTimeoutException)
            {
                // Tried again once; after a second timeout, keep what matched before it: the rest of the text yields nothing from this rule.
            }
        }
        return found;
    }

    /// <summary>One match, with a timeout tried once more (see <see cref="Matches(Regex, string, IReadOnlyList{Model.Span})"/>); null after a second timeout.</summary>
    public static Match? Retried(Func<Match> match)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                return match();
            }
            catch (RegexMatchTimeoutException)
            {
                // A second chance, warm; see above.
            }
        }
        return null;
    }

    /// <summary>All matches, or none if the regex times out on pathological input.</summary>
    public static IEnumerable<Match> Matches(Regex regex, string text) => Matches(regex, text, [new Model.Span(0, text.Length)]);
}
