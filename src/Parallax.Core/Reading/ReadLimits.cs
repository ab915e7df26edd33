namespace Parallax.Reading;

/// <summary>
/// Sizes an input may not pass, decided by whoever runs Parallax, never by the input: each is enforced while the bytes
/// stream in, so nothing larger than a limit is ever held in memory.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static ReadLimits Default { get; } = new();

    /// <summary>Largest text of one article, in characters (the longest of 37,554 AllSides articles has 76,553).</summary>
    public int MaxArticleChars { get; init; } = 1_000_000;

    /// <summary>Largest line of a JSON Lines input, in bytes; a longer line is skipped (and named) without being buffered.</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest file that holds one article (.txt, .html), counted after decompression.</summary>
    public int MaxPageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest input file (or upload) as a whole, counted after decompression: a compression bomb stops here.</summary>
    public long MaxInputBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// The latest publication date taken: two days after today (UTC) on the reading machine, for time zones and embargoes.
    /// A later one ("2050-09-30" on a 2019 column) is a slip, and would rank its story above all news.
    /// </summary>
    public DateOnly LatestPublished { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

    /// <summary>The option that raises <see cref="MaxInputBytes"/>, named in the message when an input passes it.</summary>
    public string InputLimitOption { get; init; } = "--max-input-mb";

    /// <summary>A size for messages: "1 MB", "512 KB", "12 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
