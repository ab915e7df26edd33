namespace Parallax.Model;

/// <summary>A half-open range [Start, End) of UTF-16 code units in an article's original text.</summary>
public readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(Span other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(Span other) => Start < other.End && other.Start < End;

    public string Of(string text) => text[Start..End];

    public override string ToString() => $"[{Start},{End})";
}
