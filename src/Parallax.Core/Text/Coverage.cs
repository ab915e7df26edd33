using Parallax.Model;

namespace Parallax.Text;

/// <summary>
/// Which stretches of a text some spans already cover. Kept as sorted, merged intervals, so memory follows the number of
/// spans rather than the length of the text, and an overlap question is a binary search.
/// </summary>
public sealed class Coverage(int length)
{
    private readonly List<Span> _intervals = [];

    public static Coverage Of(int length, IEnumerable<Span> spans)
    {
        var c = new Coverage(length);
        foreach (var s in spans) c.Add(s);
        return c;
    }

    public void Add(Span s)
    {
        int start = Math.Max(0, s.Start), end = Math.Min(length, s.End);
        if (end <= start) return;
        // The first interval that ends at or after this one's start: it and any after it that begin by this one's end merge with it.
        int i = FirstEndingAtOrAfter(start);
        int j = i;
        while (j < _intervals.Count && _intervals[j].Start <= end)
        {
            start = Math.Min(start, _intervals[j].Start);
            end = Math.Max(end, _intervals[j].End);
            j++;
        }
        if (j > i) _intervals.RemoveRange(i, j - i);
        _intervals.Insert(i, new Span(start, end));
    }

    public bool Overlaps(Span s)
    {
        int start = Math.Max(0, s.Start), end = Math.Min(length, s.End);
        if (end <= start) return false;
        int i = FirstEndingAtOrAfter(start + 1);
        return i < _intervals.Count && _intervals[i].Start < end;
    }

    private int FirstEndingAtOrAfter(int offset) => Sorted.FirstAtOrAfter(_intervals, offset, static s => s.End);
}
