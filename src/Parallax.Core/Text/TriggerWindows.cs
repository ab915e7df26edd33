using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Text;

/// <summary>
/// The stretches of a text around trigger words, digits or symbols: where a rule-based extractor can match at all.
/// Each trigger belongs to one or more kinds (bits of a mask), and a rule runs only in the windows of the kinds it needs
/// ("March 3" near month names, "last week" near unit words). Running a stage's regexes in these windows instead of over the
/// whole article is what keeps analysis fast; a window reaches far enough either side of its trigger to hold any match.
/// </summary>
public sealed class TriggerWindows
{
    /// <summary>How far a window may be widened to reach whitespace, so that no word is cut in two.</summary>
    private const int MaxSnap = 64;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly int digitKinds;
    private readonly FrozenDictionary<char, int> symbols;
    private readonly int reach;

    /// <param name="triggers">Words (compared case-insensitively) with the kinds they trigger.</param>
    /// <param name="digitKinds">The kinds a digit triggers (0 for none).</param>
    /// <param name="symbols">Single characters with the kinds they trigger.</param>
    /// <param name="reach">Characters kept on each side of a trigger.</param>
    public TriggerWindows(IReadOnlyDictionary<string, int> triggers, int digitKinds, IReadOnlyDictionary<char, int> symbols, int reach)
    {
        words = triggers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        this.digitKinds = digitKinds;
        this.symbols = symbols.ToFrozenDictionary();
        this.reach = reach;
    }

    /// <summary>The triggers of a text, found in one pass; ask it for the windows of any kinds.</summary>
    public Hits Scan(string text)
    {
        var hits = new List<(int Start, int End, int Kinds)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                int start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                if (words.TryGetValue(text.AsSpan(start, i - start), out int kinds)) hits.Add((start, i, kinds));
                continue;
            }
            if (digitKinds != 0 && char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                hits.Add((start, i, digitKinds));
                continue;
            }
            if (symbols.TryGetValue(c, out int symbolKinds)) hits.Add((i, i + 1, symbolKinds));
            i++;
        }
        return new Hits(text, hits, reach);
    }

    /// <summary>Triggers found in one text.</summary>
    public sealed class Hits
    {
        private readonly string text;
        private readonly List<(int Start, int End, int Kinds)> hits;
        private readonly int reach;
        private readonly Dictionary<int, IReadOnlyList<Span>> cache = [];

        internal Hits(string text, List<(int Start, int End, int Kinds)> hits, int reach) => (this.text, this.hits, this.reach) = (text, hits, reach);

        /// <summary>Disjoint windows, in text order, around every trigger of any of <paramref name="kinds"/>.</summary>
        public IReadOnlyList<Span> Windows(int kinds)
        {
            if (cache.TryGetValue(kinds, out var known)) return known;
            var windows = new List<Span>();
            foreach (var (start, end, k) in hits)
            {
                if ((k & kinds) == 0) continue;
                int from = Math.Max(0, start - reach), to = Math.Min(text.Length, end + reach);
                for (int n = 0; n < MaxSnap && from > 0 && !char.IsWhiteSpace(text[from - 1]); n++) from--;
                for (int n = 0; n < MaxSnap && to < text.Length && !char.IsWhiteSpace(text[to]); n++) to++;
                if (windows.Count > 0 && from <= windows[^1].End) windows[^1] = new Span(windows[^1].Start, Math.Max(windows[^1].End, to));
                else windows.Add(new Span(from, to));
            }
            cache[kinds] = windows;
            return windows;
        }
    }
}
