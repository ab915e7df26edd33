using System.IO.Compression;

namespace Parallax.Extraction;

/// <summary>Reads a web page saved to disk, plain or gzipped, refusing one too large to be a page.</summary>
public static class SavedPage
{
    /// <summary>The most bytes a saved page may hold (after decompression for a .gz file).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The page's bytes; throws <see cref="IOException"/> or <see cref="InvalidDataException"/> with a readable reason.</summary>
    public static byte[] Read(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            if (new FileInfo(path).Length > MaxBytes) throw new IOException($"larger than {MaxBytes / (1024 * 1024)} MB; a web page is rarely over a few");
            return File.ReadAllBytes(path);
        }
        using var file = File.OpenRead(path);
        using var bounded = new Reading.BoundedStream(new GZipStream(file, CompressionMode.Decompress), MaxBytes);
        using var buffer = new MemoryStream();
        bounded.CopyTo(buffer);
        return buffer.ToArray();
    }
}
