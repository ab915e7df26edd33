using System.Collections.Concurrent;

namespace Parallax.Web;

/// <summary>The store has more work queued than this server takes: the request is answered 503 with Retry-After, at once.</summary>
public sealed class StoreBusyException(string message) : Exception(message);

/// <summary>
/// Store work off the request threads: a few dedicated threads take calls from a bounded queue, and a request awaits its
/// call's result. The stores are synchronous; a request thread blocked on the database is one the server's I/O cannot
/// use, and fifty writers waiting on a busy store starved the thread pool until answers already committed stalled for
/// seconds and connections were reset. When the queue is full a call is refused at once rather than queued without bound.
/// </summary>
internal sealed class StoreLane : IDisposable
{
    private readonly BlockingCollection<Action> _queue;
    private readonly Thread[] _threads;
    private readonly string _name;

    /// <summary>Starts <paramref name="threads"/> threads named after <paramref name="name"/>, taking at most <paramref name="capacity"/> waiting calls.</summary>
    public StoreLane(string name, int threads, int capacity)
    {
        _name = name;
        _queue = new BlockingCollection<Action>(new ConcurrentQueue<Action>(), capacity);
        _threads = [.. Enumerable.Range(1, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name} {i}" })];
        foreach (var t in _threads) t.Start();
    }

    /// <summary>Calls waiting for a thread.</summary>
    public int Waiting => _queue.Count;

    /// <summary>
    /// Runs <paramref name="work"/> on one of the lane's threads and completes with its result (or its exception); a call
    /// whose request was cancelled before its turn is dropped. Throws <see cref="StoreBusyException"/> when the queue is full.
    /// </summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        // Continuations run on the thread pool, never on the lane's thread, which goes straight to the next call.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Call()
        {
            if (cancel.IsCancellationRequested)
            {
                done.TrySetCanceled(cancel);
                return;
            }
            try
            {
                done.TrySetResult(work());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
        bool queued;
        try
        {
            queued = _queue.TryAdd(Call);
        }
        catch (InvalidOperationException)
        {
            queued = false; // the server is stopping
        }
        if (!queued) throw new StoreBusyException($"the server is busy ({_name}: {_queue.BoundedCapacity} requests waiting for the store); try again in a moment");
        return done.Task;
    }

    private void Work()
    {
        foreach (var call in _queue.GetConsumingEnumerable()) call();
    }

    /// <summary>Takes no more calls, lets the queued ones finish (for a while), and ends the threads.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        bool ended = true;
        foreach (var t in _threads) ended &= t.Join(TimeSpan.FromSeconds(30));
        // A thread still in a call keeps the queue; it is a background thread and ends with the process.
        if (ended) _queue.Dispose();
    }
}
