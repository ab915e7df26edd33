using Parallax.Model;

namespace Parallax.Text;

/// <summary>Which characters of a text some spans already cover; answers overlap questions in time proportional to the span, not to the number of spans.</summary>
public sealed class Coverage(int length)
{
    private readonly bool[] _covered = new bool[length];

    public static Coverage Of(int length, IEnumerable<Span> spans)
    {
        var c = new Coverage(length);
        foreach (var s in spans) c.Add(s);
        return c;
    }

    public void Add(Span s)
    {
        for (int i = Math.Max(0, s.Start); i < s.End && i < _covered.Length; i++) _covered[i] = true;
    }

    public bool Overlaps(Span s)
    {
        for (int i = Math.Max(0, s.Start); i < s.End && i < _covered.Length; i++)
        {
            if (_covered[i]) return true;
        }
        return false;
    }
}
