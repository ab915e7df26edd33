namespace Parallax.Cli;

/// <summary>A one-line progress counter on a terminal's stderr; silent when stderr is piped or redirected. A total of 0 means "not known" (a stream).</summary>
internal sealed class TerminalProgress(TextWriter stderr, bool enabled, string label, int total) : IProgress<int>, IDisposable
{
    private readonly Lock _gate = new();
    private long _lastTick;
    private bool _shown;

    public void Report(int value)
    {
        if (total > 0 && total < 20) return;
        if (Due(complete: total > 0 && value >= total)) Write(total > 0 ? $"{label} {value}/{total} articles ({100 * value / total}%)" : $"{label} {value} articles");
    }

    /// <summary>True when a line may be written now: at most every 200 ms, except the last one of a run.</summary>
    public bool Due(bool complete)
    {
        if (!enabled) return false;
        long now = Environment.TickCount64;
        lock (_gate)
        {
            if (now - _lastTick < 200 && !complete) return false;
            _lastTick = now;
            return true;
        }
    }

    /// <summary>Writes <paramref name="line"/> over the previous one.</summary>
    public void Write(string line)
    {
        lock (_gate)
        {
            stderr.Write("\r" + line.PadRight(60));
            _shown = true;
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            if (_shown) stderr.Write("\r" + new string(' ', 60) + "\r");
            _shown = false;
        }
    }

    public void Dispose() => Done();
}
