namespace Parallax.Storage;

/// <summary>
/// How a long run outlives a store that fails for a while (its server restarting, the network cut): the operation is
/// tried again after 1, 2, 4 … 30 s, each failure told to <see cref="Failed"/> with the pause before the next try, and
/// after <see cref="FailuresTolerated"/> failures in a row the last one is thrown. Workers and ingests share this rule;
/// what they retry must be safe to repeat.
/// </summary>
public sealed record StoreRetry
{
    /// <summary>Told of each failure outlived, with the pause before the next try.</summary>
    public Action<StoreException, TimeSpan>? Failed { get; init; }

    /// <summary>Failures in a row after which the last one is thrown.</summary>
    public int FailuresTolerated { get; init; } = 10;

    /// <summary>The pause after the <paramref name="failures"/>th failure in a row: 1 s, doubling, at most 30 s.</summary>
    public static TimeSpan Pause(int failures) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures - 1)));

    /// <summary>The operation's result, tried until it succeeds or has failed <see cref="FailuresTolerated"/> times in a row; a cancellation ends the wait.</summary>
    public T Run<T>(Func<T> operation, CancellationToken cancel = default)
    {
        for (int failures = 1; ; failures++)
        {
            try
            {
                return operation();
            }
            catch (StoreException e) when (failures < FailuresTolerated && !cancel.IsCancellationRequested)
            {
                var pause = Pause(failures);
                Failed?.Invoke(e, pause);
                cancel.WaitHandle.WaitOne(pause);
                cancel.ThrowIfCancellationRequested();
            }
        }
    }
}
