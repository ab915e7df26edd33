using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Why one input could not be read; the others are still read.</summary>
public sealed record ReadError(string Origin, string Message)
{
    public override string ToString() => $"{Origin}: {Message}";
}

/// <summary>The articles read from a set of inputs, and the inputs that failed or were only partly usable.</summary>
public sealed record ReadResult(IReadOnlyList<Article> Articles, IReadOnlyList<ReadError> Errors, IReadOnlyList<ReadError> Warnings);
