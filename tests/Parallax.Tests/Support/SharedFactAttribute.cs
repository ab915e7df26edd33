using Xunit;

namespace Parallax.Tests;

/// <summary>A fact that needs material from ../shared; skipped, with the reason, when this checkout has none.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (TestPaths.Shared is not { } shared || !Path.Exists(Path.Combine(shared, relativePath)))
        {
            Skip = $"../shared/{relativePath} is not present beside this checkout";
            // The runner's summary names a skipped test but not why, so the reason goes into the name it prints.
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>A theory that needs material from ../shared; skipped, with the reason, when this checkout has none.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relativePath, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (TestPaths.Shared is not { } shared || !Path.Exists(Path.Combine(shared, relativePath)))
        {
            Skip = $"../shared/{relativePath} is not present beside this checkout";
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
