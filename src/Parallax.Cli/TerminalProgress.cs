namespace Parallax.Cli;

/// <summary>A one-line progress counter on a terminal's stderr; silent when stderr is piped or redirected. A total of 0 means "not known" (a stream).</summary>
internal sealed class TerminalProgress(TextWriter stderr, bool enabled, string label, int total) : IProgress<int>, IDisposable
{
    private long _lastTick;
    private bool _shown;

    public void Report(int value)
    {
        if (!enabled || (total > 0 && total < 20)) return;
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastTick) < 200 && (total == 0 || value < total)) return;
        Interlocked.Exchange(ref _lastTick, now);
        lock (this)
        {
            stderr.Write(total > 0 ? $"\r{label} {value}/{total} articles ({100 * value / total}%)   " : $"\r{label} {value} articles   ");
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
