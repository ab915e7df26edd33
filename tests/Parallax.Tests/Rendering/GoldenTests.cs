using Parallax.Rendering;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// The rendered brief of examples/ is compared with reviewed golden files in Golden/. On a difference the output is
/// written beside the golden file as *.received.* for review; set PARALLAX_ACCEPT_GOLDEN=1 to accept it as the new golden file.
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public void Markdown_brief_of_the_examples() => Compare("examples.brief.md", BriefMarkdown.Write(Briefs.Of(TestPaths.Examples)));

    [Fact]
    public void Json_brief_of_the_examples() => Compare("examples.brief.json", BriefJson.Write(Briefs.Of(TestPaths.Examples)));

    [Fact]
    public void Html_brief_of_the_examples() => Compare("examples.brief.html", BriefHtml.Write(Briefs.Of(TestPaths.Examples)));

    private static void Compare(string name, string actual)
    {
        string golden = Path.Combine(TestPaths.SourceDir, "Golden", name);
        string received = Path.Combine(TestPaths.SourceDir, "Golden", Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
        if (Environment.GetEnvironmentVariable("PARALLAX_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Assert.True(File.Exists(golden), $"no golden file {golden}; run with PARALLAX_ACCEPT_GOLDEN=1 once and review it");
        string expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        if (expected == actual.ReplaceLineEndings("\n"))
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var e = expected.Split('\n');
        var a = actual.ReplaceLineEndings("\n").Split('\n');
        int line = 0;
        while (line < Math.Min(e.Length, a.Length) && e[line] == a[line]) line++;
        Assert.Fail($"{name} differs from its golden file at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\nReview {received}; if it is right, accept it with PARALLAX_ACCEPT_GOLDEN=1.");
    }
}
