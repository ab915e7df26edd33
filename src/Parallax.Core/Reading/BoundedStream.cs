namespace Parallax.Reading;

/// <summary>Bytes that several inputs may read between them (one upload's files, say); shared by their <see cref="BoundedStream"/>s.</summary>
public sealed class ByteBudget(long bytes)
{
    private long _left = bytes;

    public long Limit { get; } = bytes;

    /// <summary>Takes <paramref name="n"/> bytes; false once the budget is spent.</summary>
    public bool Take(long n) => Interlocked.Add(ref _left, -n) >= 0;
}

/// <summary>A forward-only, read-only stream over another: what every wrapper here shares, so each says only how it reads.</summary>
internal abstract class ReadOnlyStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A read-only stream that fails once more than a set number of bytes have been read from it (after decompression, when it wraps one).</summary>
internal sealed class BoundedStream(Stream inner, long limit, ByteBudget? shared = null) : ReadOnlyStream
{
    private long _read;


    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = inner.Read(buffer, offset, count);
        _read += n;
        if (_read > limit) throw new InputTooLargeException($"more than {ReadLimits.Size(limit)} (counted after decompression)");
        if (shared is not null && !shared.Take(n)) throw new InputTooLargeException($"the inputs together are more than {ReadLimits.Size(shared.Limit)} (counted after decompression)");
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>An input that passed a size limit while it was being read.</summary>
public sealed class InputTooLargeException(string message) : IOException(message);

/// <summary>A few bytes already read, then the rest of the stream: lets a reader look at an input's start and still read it whole.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : ReadOnlyStream
{
    private int _pos;


    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pos < prefixLength)
        {
            int n = Math.Min(count, prefixLength - _pos);
            Array.Copy(prefix, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        return rest.Read(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
