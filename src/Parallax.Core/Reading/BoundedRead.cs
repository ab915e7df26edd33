namespace Parallax.Reading;

/// <summary>Reads a whole stream into memory, but never more than a bound: a response or request body a stranger controls.</summary>
public static class BoundedRead
{
    /// <summary>All of <paramref name="stream"/>, or null as soon as it proves longer than <paramref name="max"/> bytes (nothing past the bound is read).</summary>
    public static async Task<byte[]?> ReadAllAsync(Stream stream, long max, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            int n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false);
            if (n == 0) break;
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>The same, for a stream read synchronously (a file, or a decompressing stream over one).</summary>
    public static byte[]? ReadAll(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            int n = stream.Read(chunk, 0, chunk.Length);
            if (n == 0) break;
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
