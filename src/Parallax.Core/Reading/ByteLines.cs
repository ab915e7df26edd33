namespace Parallax.Reading;

/// <summary>One line of an input: its number, its bytes without the line break, or only its length when it was too long to keep.</summary>
internal readonly record struct ByteLine(int Number, ReadOnlyMemory<byte> Bytes, long Length, bool TooLong);

/// <summary>
/// Splits a stream into lines of bytes with a bound on each: a line longer than the bound is counted and skipped as it
/// streams past, never buffered, so a gigabyte without a line break costs one buffer of memory. Bytes are not decoded
/// here, so one bad byte costs only the line it is on.
/// </summary>
internal sealed class ByteLines(Stream stream, int maxLine)
{
    private readonly byte[] _chunk = new byte[64 * 1024];
    private int _pos, _len;
    private bool _eof;
    private byte[] _line = new byte[4096];
    private int _number;

    public bool Next(out ByteLine line)
    {
        int kept = 0;
        long length = 0;
        bool any = false;
        while (true)
        {
            if (_pos == _len)
            {
                if (_eof || !Fill())
                {
                    if (!any)
                    {
                        line = default;
                        return false;
                    }
                    line = Done(kept, length);
                    return true;
                }
            }
            any = true;
            var span = _chunk.AsSpan(_pos, _len - _pos);
            int nl = span.IndexOf((byte)'\n');
            var piece = nl >= 0 ? span[..nl] : span;
            if (length + piece.Length <= maxLine)
            {
                if (kept + piece.Length > _line.Length) Array.Resize(ref _line, Math.Min(Math.Max(_line.Length * 2, kept + piece.Length), maxLine));
                piece.CopyTo(_line.AsSpan(kept));
                kept += piece.Length;
            }
            length += piece.Length;
            _pos += piece.Length;
            if (nl >= 0)
            {
                _pos++;
                line = Done(kept, length);
                return true;
            }
        }
    }

    private ByteLine Done(int kept, long length)
    {
        _number++;
        if (length > maxLine) return new ByteLine(_number, ReadOnlyMemory<byte>.Empty, length, TooLong: true);
        if (kept > 0 && _line[kept - 1] == '\r') kept--;
        return new ByteLine(_number, _line.AsMemory(0, kept), length, TooLong: false);
    }

    private bool Fill()
    {
        int n = stream.Read(_chunk, 0, _chunk.Length);
        _pos = 0;
        _len = n;
        if (n == 0) _eof = true;
        return n > 0;
    }
}
