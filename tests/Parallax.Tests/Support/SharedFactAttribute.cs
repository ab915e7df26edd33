using Xunit;

namespace Parallax.Tests;

/// <summary>A fact that needs material from ../shared; skipped, with the reason, when this checkout has none.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (SharedMaterial.Missing(relativePath) is { } why) (Skip, DisplayName) = (why, SharedMaterial.Named(test, why));
    }
}

/// <summary>A theory that needs material from ../shared; skipped, with the reason, when this checkout has none.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relativePath, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (SharedMaterial.Missing(relativePath) is { } why) (Skip, DisplayName) = (why, SharedMaterial.Named(test, why));
    }
}

internal static class SharedMaterial
{
    /// <summary>Why a test cannot run for want of ../shared/<paramref name="relativePath"/>, or null when it is there.</summary>
    public static string? Missing(string relativePath) =>
        TestPaths.Shared is { } shared && Path.Exists(Path.Combine(shared, relativePath)) ? null : $"../shared/{relativePath} is not present beside this checkout";

    /// <summary>The runner's summary names a skipped test but not why, so the reason goes into the name it prints.</summary>
    public static string Named(string test, string why) => $"{test} (skipped: {why})";
}
