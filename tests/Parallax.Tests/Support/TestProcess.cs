using System.Runtime.CompilerServices;

namespace Parallax.Tests;

/// <summary>Settings for the whole test process, applied once before any test runs.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Test collections run in parallel, and many of them block a pool thread while they work; on two cores the pool then
    /// adds threads about once a second, and a test server (Kestrel) or Playwright's client waiting for one can stall for
    /// tens of seconds. A floor of threads keeps them answering.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
