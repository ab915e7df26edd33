using System.Diagnostics;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// A bound on wall time that only a hang or a blow-up (exponential backtracking, quadratic work, an expanding bomb) can
/// reach: minutes, where a healthy run on a busy two-core machine takes seconds. It proves "never hangs", not speed;
/// speed is measured by 'parallax bench' and 'parallax eval … --passes'.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static void Within(Stopwatch clock, string what) =>
        Assert.True(clock.Elapsed < Limit, $"{what} ran {clock.Elapsed.TotalSeconds:F0} s, past the {Limit.TotalMinutes:F0}-minute hang guard");
}
