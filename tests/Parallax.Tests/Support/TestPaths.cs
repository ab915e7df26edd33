namespace Parallax.Tests;

/// <summary>Where the repository and the shared corpora are, found from the test binary's location.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The shared material beside the repository (../shared), or null when this checkout has none.</summary>
    public static string? Shared => Directory.Exists(Path.Combine(RepoRoot, "..", "shared")) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")) : null;

    public static string Examples => Path.Combine(RepoRoot, "examples");

    public static string Seeds => Shared is { } s ? Path.Combine(s, "samples", "seeds") : "";

    public static string SourceDir => Path.Combine(RepoRoot, "tests", "Parallax.Tests");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Parallax.sln above the test binaries.");
    }
}
