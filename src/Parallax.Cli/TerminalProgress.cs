namespace Parallax.Cli;

/// <summary>A one-line progress counter on a terminal's stderr; silent when stderr is piped or redirected.</summary>
internal sealed class TerminalProgress(TextWriter stderr, bool enabled, string label, int total) : IProgress<int>, IDisposable
{
    private long _lastTick;
    private bool _shown;

    public void Report(int value)
    {
        if (!enabled || total < 20) return;
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastTick) < 200 && value < total) return;
        Interlocked.Exchange(ref _lastTick, now);
        lock (this)
        {
            stderr.Write($"\r{label} {value}/{total} articles ({100 * value / total}%)   ");
            _shown = true;
        }
    }

    public void Done()
    {
        lock (this)
        {
            if (_shown) stderr.Write("\r" + new string(' ', 60) + "\r");
            _shown = false;
        }
    }

    public void Dispose() => Done();
}
