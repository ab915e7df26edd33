namespace Parallax.Tests;

/// <summary>Reports progress on the reporting thread, so what was reported is all there when the call returns (Progress&lt;T&gt; posts it later).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
