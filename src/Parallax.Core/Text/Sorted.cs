namespace Parallax.Text;

/// <summary>Binary search over lists kept in text order (tokens, entities, intervals).</summary>
public static class Sorted
{
    /// <summary>The first index whose <paramref name="key"/> is at least <paramref name="offset"/>, or the count if none is.</summary>
    public static int FirstAtOrAfter<T>(IReadOnlyList<T> items, int offset, Func<T, int> key)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (key(items[mid]) < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The items lying inside <paramref name="outer"/>, in list order, from a list sorted by start: found by binary search,
    /// so asking for every sentence of an article costs its length once, not its length squared.
    /// </summary>
    public static IEnumerable<T> Inside<T>(IReadOnlyList<T> byStart, Model.Span outer, Func<T, Model.Span> span)
    {
        for (int i = FirstAtOrAfter(byStart, outer.Start, x => span(x).Start); i < byStart.Count; i++)
        {
            var s = span(byStart[i]);
            if (s.Start >= outer.End) yield break;
            if (s.End <= outer.End) yield return byStart[i];
        }
    }

    /// <summary>True when a span of <paramref name="byStart"/> (sorted by start, each at most <see cref="MaxItemChars"/> long) contains <paramref name="inner"/>.</summary>
    public static bool AnyContaining(IReadOnlyList<Model.Span> byStart, Model.Span inner) => FirstIndexContaining(byStart, inner, static s => s, static _ => true) >= 0;

    /// <summary>Longest span <see cref="FirstContaining"/> looks back over: a name or a value, never a paragraph.</summary>
    public const int MaxItemChars = 256;

    /// <summary>
    /// The first item, in list order, of a list sorted by start that contains <paramref name="inner"/> and passes
    /// <paramref name="accept"/>; items longer than <see cref="MaxItemChars"/> are not looked for.
    /// </summary>
    public static T? FirstContaining<T>(IReadOnlyList<T> byStart, Model.Span inner, Func<T, Model.Span> span, Func<T, bool> accept) where T : class =>
        FirstIndexContaining(byStart, inner, span, accept) is var i and >= 0 ? byStart[i] : null;

    /// <summary>The index of the first such item, or -1.</summary>
    private static int FirstIndexContaining<T>(IReadOnlyList<T> byStart, Model.Span inner, Func<T, Model.Span> span, Func<T, bool> accept)
    {
        int found = -1;
        for (int i = FirstAtOrAfter(byStart, inner.Start + 1, x => span(x).Start) - 1; i >= 0; i--)
        {
            var s = span(byStart[i]);
            if (s.Start < inner.Start - MaxItemChars) break;
            if (s.Contains(inner) && accept(byStart[i])) found = i;
        }
        return found;
    }
}
