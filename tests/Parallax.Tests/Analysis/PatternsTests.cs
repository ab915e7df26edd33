using System.Text.RegularExpressions;
using Parallax.Text;
using Xunit;

namespace Parallax.Tests;

/// <summary>Regex timeouts: a first timeout is tried again, so a slow first use on a busy machine does not change what is read.</summary>
public sealed class PatternsTests
{
    [Fact]
    public void A_match_that_times_out_once_is_tried_again_and_one_that_keeps_timing_out_gives_nothing()
    {
        var regex = Patterns.Create("bridge");
        int calls = 0;
        var once = Patterns.Retried(() => ++calls == 1 ? throw new RegexMatchTimeoutException("bridge", "bridge", Patterns.Timeout) : regex.Match("the bridge"));
        Assert.True(once is { Success: true });
        Assert.Equal(2, calls);
        calls = 0;
        Assert.Null(Patterns.Retried(() => ++calls > 0 ? throw new RegexMatchTimeoutException("x", "x", Patterns.Timeout) : regex.Match("")));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Matches_on_pathological_input_still_end()
    {
        var evil = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        string text = new string('a', 40) + "!";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(Patterns.Matches(evil, text));
        HangGuard.Within(clock, "a catastrophic pattern under a timeout");
    }
}
