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
}
