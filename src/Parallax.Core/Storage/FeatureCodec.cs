using System.Runtime.InteropServices;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>
/// Packs an article's <see cref="StoryFeatures"/> into bytes for the store, so stories can be re-clustered from what is
/// stored without analysing every article again. Little-endian; the first byte is the format version.
/// </summary>
public static class FeatureCodec
{
    private const byte Version = 1;

    public static byte[] Encode(StoryFeatures f)
    {
        using var buffer = new MemoryStream(16 + f.Terms.Length * 12 + f.Shingles.Length * 8);
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Version);
            w.Write(f.Published?.DayNumber ?? -1);
            w.Write(f.AllShingles);
            w.Write(f.Terms.Length);
            w.Write(MemoryMarshal.AsBytes(f.Terms.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(f.Counts.AsSpan()));
            w.Write(f.Shingles.Length);
            w.Write(MemoryMarshal.AsBytes(f.Shingles.AsSpan()));
        }
        return buffer.ToArray();
    }

    /// <summary>The features of article <paramref name="id"/>; null when the bytes are not in this format (they are then recomputed).</summary>
    public static StoryFeatures? Decode(string id, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 14 || bytes[0] != Version) return null;
        int day = BitConverter.ToInt32(bytes[1..]);
        bool all = bytes[5] != 0;
        int terms = BitConverter.ToInt32(bytes[6..]);
        int at = 10;
        if (terms < 0 || bytes.Length < at + terms * 12L + 4) return null;
        var termHashes = MemoryMarshal.Cast<byte, ulong>(bytes.Slice(at, terms * 8)).ToArray();
        at += terms * 8;
        var counts = MemoryMarshal.Cast<byte, float>(bytes.Slice(at, terms * 4)).ToArray();
        at += terms * 4;
        int shingles = BitConverter.ToInt32(bytes[at..]);
        at += 4;
        if (shingles < 0 || bytes.Length != at + shingles * 8L) return null;
        return new StoryFeatures
        {
            Id = id,
            Published = day >= 0 && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : null,
            AllShingles = all,
            Terms = termHashes,
            Counts = counts,
            Shingles = MemoryMarshal.Cast<byte, ulong>(bytes.Slice(at, shingles * 8)).ToArray(),
        };
    }
}
