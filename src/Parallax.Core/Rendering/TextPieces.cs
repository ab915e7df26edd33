using Parallax.Model;

namespace Parallax.Rendering;

/// <summary>Cuts a text at every edge of a set of spans, so each span (however they overlap) is a run of whole pieces to mark.</summary>
internal static class TextPieces
{
    /// <summary>Consecutive, non-empty pieces covering the whole text of <paramref name="length"/> characters; span edges are clamped to it.</summary>
    public static IEnumerable<(int Start, int End)> Cut(int length, IEnumerable<Span> spans)
    {
        var cuts = new SortedSet<int> { 0, length };
        foreach (var s in spans)
        {
            cuts.Add(Math.Clamp(s.Start, 0, length));
            cuts.Add(Math.Clamp(s.End, 0, length));
        }
        int prev = -1;
        foreach (int c in cuts)
        {
            if (prev >= 0 && c > prev) yield return (prev, c);
            prev = c;
        }
    }
}
