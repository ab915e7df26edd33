using System.Text;
using System.Text.Json;
using Parallax.Cli;
using Xunit;

namespace Parallax.Tests;

/// <summary>The command line as a newcomer meets it: help, outputs, and one clear error line instead of a stack trace.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    private static (int Code, string Out, string Err) RunWithInput(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ParallaxCli.Run(args, stdout, stderr, () => new MemoryStream(Encoding.UTF8.GetBytes(input)));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void AssertOneErrorLine(string err, string mustContain)
    {
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("parallax: error:", StringComparison.Ordinal) && l.Contains(mustContain, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_against_no_server_says_so_in_one_line()
    {
        // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
        var (code, _, err) = Run("bench", "--http", "http://127.0.0.1:9/", "--rate", "10", "--duration", "1s");
        Assert.Equal(ParallaxCli.Failed, code);
        Assert.StartsWith("parallax: error: cannot reach http://127.0.0.1:9 (", err, StringComparison.Ordinal);
        Assert.Contains("is 'parallax serve' running there?", err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_every_command_and_explains_the_tool()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var word in new[] { "brief", "analyze", "cluster", "what actually happened", "parallax brief examples/" }) Assert.Contains(word, output, StringComparison.Ordinal);
        var brief = Run("brief", "--help");
        Assert.Contains("--format", brief.Out, StringComparison.Ordinal);
        Assert.Contains("--output", brief.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_refuses_a_page_past_the_limits_in_one_line()
    {
        string path = Path.Combine(_dir, "deep.html");
        File.WriteAllText(path, "<html><body>" + string.Concat(Enumerable.Repeat("<div>Nested text", 50_000)));
        var (code, output, err) = Run("extract", path);
        Assert.Equal(ParallaxCli.Failed, code);
        Assert.Empty(output);
        AssertOneErrorLine(err, $"deep.html: the page nests elements more than {Extraction.PageExtractor.MaxDepth} deep");
    }

    [Fact]
    public void Analyze_prints_the_v1_contract_with_offsets_into_the_text()
    {
        string path = Path.Combine(_dir, "a.txt");
        const string text = "Chinese President Xi Jinping spoke with Trump on Monday. “We agree,” Xi said. Tariffs fell by 10%.";
        File.WriteAllText(path, text);
        var (code, output, err) = Run("analyze", path, "--published", "2025-11-24");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("a", root.GetProperty("id").GetString());
        Assert.Equal("2025-11-24", root.GetProperty("published").GetString());
        Assert.Equal(text, root.GetProperty("text").GetString());
        foreach (var list in new[] { "entities", "quotes", "quantities", "times" })
        {
            foreach (var item in root.GetProperty(list).EnumerateArray())
            {
                int start = item.GetProperty("start").GetInt32(), end = item.GetProperty("end").GetInt32();
                Assert.Equal(text[start..end], item.GetProperty("text").GetString());
            }
        }
        Assert.Contains(root.GetProperty("times").EnumerateArray(), t => t.GetProperty("value").GetString() == "2025-11-24");
        Assert.Contains(root.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == "Xi Jinping");
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("text").GetString() == "Xi" && e.GetProperty("name").GetString() == "Xi Jinping");
        Assert.Single(root.GetProperty("sentences").EnumerateArray(), s => s.GetProperty("start").GetInt32() == 0);
    }

    [Fact]
    public void Cluster_writes_one_json_line_per_article()
    {
        var (code, output, err) = Run("cluster", TestPaths.Examples);
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("story-1", doc.RootElement.GetProperty("story").GetString());
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("duplicateOf").ValueKind);
        }
    }

    [Fact]
    public void Brief_writes_to_a_file_in_each_format()
    {
        foreach (var format in new[] { "md", "json", "html" })
        {
            string file = Path.Combine(_dir, "brief." + format);
            var (code, output, err) = Run("brief", TestPaths.Examples, "--format", format, "-o", file);
            Assert.True(code == 0, err);
            Assert.Equal("", output);
            Assert.True(new FileInfo(file).Length > 1000);
        }
    }

    [Fact]
    public void Bench_reports_throughput_as_a_table()
    {
        var (code, output, err) = Run("bench", TestPaths.Examples, "--sizes", "2", "4", "100", "--briefs");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("articles\twords\tanalyse_s\tcluster_s\tbrief_s\t", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length); // a size beyond the input is measured once, as all of it
        Assert.Equal("2", lines[1].Split('\t')[0]);
        var row = lines[2].Split('\t');
        Assert.Equal("4", row[0]);
        Assert.True(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) > 300, "words are counted");
        Assert.Equal("1", row[8]); // the four examples are one story
    }

    [Fact]
    public void Bench_times_single_briefs_by_story_size()
    {
        var (code, output, err) = Run("bench", TestPaths.Examples, "--story-sizes", "4", "2", "9");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("articles_per_story\tstories\tmedian_ms\tslowest_ms\tfacts\tconflicts", lines[0]);
        Assert.Equal(["2", "1"], lines[1].Split('\t')[..2]);
        var four = lines[2].Split('\t');
        Assert.Equal(["4", "1"], four[..2]);
        Assert.True(double.Parse(four[2], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("9\t0\t-\t-\t-\t-", lines[3]); // no story is that large
    }

    [Fact]
    public void Eval_conflicts_plants_changes_and_reports_recall_by_kind()
    {
        string gold = Path.Combine(_dir, "bridge.jsonl");
        File.WriteAllLines(gold, Reading.ArticleSource.Read([TestPaths.Examples]).Articles.Select(a =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = a.Id,
                ["story"] = "bridge",
                ["published"] = "2026-03-02",
                ["text"] = a.Text,
            })));
        var (code, output, err) = Run("eval", "conflicts", gold, "--errors", "3");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal("stories 1", lines[0]);
        Assert.StartsWith("conflicts per untouched story ", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("planted in a copy of one article (against its original): 4, reported 4, recall 1.000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("planted in place (against another outlet's wording): ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("  name", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("kept as one person without a conflict", StringComparison.Ordinal));
    }

    [Fact]
    public void Eval_timex_scores_a_timeml_folder_and_refuses_dtds()
    {
        string folder = Path.Combine(_dir, "tml");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.tml"),
            "<?xml version=\"1.0\" ?><TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-11-24\" functionInDocument=\"CREATION_TIME\">11/24/25</TIMEX3></DCT>" +
            "<TEXT>They met on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-11-24\">Monday</TIMEX3> and will meet in <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2026-04\">April</TIMEX3>.</TEXT></TimeML>");
        var (code, output, err) = Run("eval", "timex", folder);
        Assert.True(code == 0, err);
        Assert.Contains("value F1           1.000", output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "b.tml"), "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><TimeML><TEXT>&lol;</TEXT></TimeML>");
        (code, _, err) = Run("eval", "timex", folder);
        Assert.Equal(1, code);
        AssertOneErrorLine(err, "not well-formed XML");
    }

    [Fact]
    public void Eval_names_lists_each_person_spelled_more_than_one_way_in_a_story()
    {
        string file = Path.Combine(_dir, "stories.jsonl");
        File.WriteAllLines(file,
        [
            """{"id":"a","story":"s1","text":"White House press secretary Karoline Leavitt said the call went well."}""",
            """{"id":"b","story":"s1","text":"Press secretary Karoline Leavitt told reporters the call was productive."}""",
            """{"id":"c","story":"s1","text":"Caroline Leavitt, the White House press secretary, described the call."}""",
            """{"id":"d","story":"s2","text":"Senator Mark Kelly voted against the bill on Thursday."}""",
        ]);
        var (code, output, err) = Run("eval", "names", file);
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("stories 2, people 2, named by several reports 1, spelled more than one way 1", lines[0], StringComparison.Ordinal);
        Assert.Equal("s1\tKaroline Leavitt\tKaroline Leavitt [a, b]; Caroline Leavitt? [c]", lines[1].TrimEnd());
    }

    [Fact]
    public void Eval_clusters_scores_gold_stories_alone_and_hidden_in_a_haystack()
    {
        const string Flood = "Heavy rain flooded the river town of Millbrook on Tuesday, forcing 400 residents from their homes. Mayor Dana Ortiz said the river crested at nine feet above flood stage.";
        const string Flood2 = "Rescue crews in boats reached families stranded in Millbrook after the river crested nine feet above flood stage, Mayor Dana Ortiz said. About 400 residents left their homes.";
        const string Chip = "Semiconductor maker Voltrix reported record quarterly profit as demand for its AI chips surged. Chief executive Priya Raman said Voltrix would build a plant in Arizona.";
        const string Chip2 = "Voltrix shares jumped after the chipmaker posted record profit on booming AI chip demand. Priya Raman, the chief executive, announced a new Arizona plant.";
        string gold = Path.Combine(_dir, "gold.jsonl");
        File.WriteAllLines(gold,
        [
            $$"""{"id":"f1","story":"flood","published":"2024-05-01","title":"Millbrook floods","text":"{{Flood}}"}""",
            $$"""{"id":"f2","story":"flood","published":"2024-05-01","text":"{{Flood2}}"}""",
            $$"""{"id":"c1","story":"chips","published":"2024-05-02","text":"{{Chip}}"}""",
            $$"""{"id":"c2","story":"chips","published":"2024-05-02","text":"{{Chip2}}"}""",
        ]);
        var (code, output, err) = Run("eval", "clusters", gold);
        Assert.True(code == 0, err);
        Assert.Contains("BCubed P 1.000  R 1.000  F1 1.000", output, StringComparison.Ordinal);

        string hay = Path.Combine(_dir, "hay.jsonl");
        File.WriteAllLines(hay,
        [
            $$"""{"id":"h1","published":"2024-05-02","title":"Millbrook mops up","text":"Millbrook began to mop up on Wednesday after the flood that forced 400 residents from their homes, Mayor Dana Ortiz said; the river had crested nine feet above flood stage."}""",
            """{"id":"h2","published":"2024-05-01","text":"The city council approved a new budget for parks and libraries on Monday after a long debate about property taxes."}""",
            """{"id":"f1","published":"2024-05-01","text":"An article whose id clashes with a gold one is skipped, with a warning."}""",
        ]);
        (code, output, err) = Run("eval", "clusters", gold, "--haystack", hay, "--errors", "5");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal("haystack 2 articles, 3 stories found in all", lines[0]);
        Assert.Contains("BCubed P 1.000  R 1.000  F1 1.000", output, StringComparison.Ordinal);
        Assert.Contains("outside articles in gold stories 1, in 1 of 2 gold stories", lines);
        Assert.Contains("outside articles joined\tflood", lines);
        Assert.Contains(lines, l => l.StartsWith("  outside\t2024-05-02", StringComparison.Ordinal) && l.EndsWith("Millbrook mops up", StringComparison.Ordinal));
        Assert.Contains("1 haystack articles reuse an id", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_one_error_line_and_exit_1()
    {
        var (code, _, err) = Run("analyze", Path.Combine(_dir, "missing.txt"));
        Assert.Equal(1, code);
        AssertOneErrorLine(err, "no such file");
    }

    [Fact]
    public void A_bad_date_is_one_error_line_and_exit_1()
    {
        string path = Path.Combine(_dir, "a.txt");
        File.WriteAllText(path, "Some text.");
        var (code, _, err) = Run("analyze", path, "--published", "24/11/2025");
        Assert.Equal(1, code);
        AssertOneErrorLine(err, "YYYY-MM-DD");
    }

    [Fact]
    public void Empty_input_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var (code, _, err) = Run("brief", Path.Combine(_dir, "empty"));
        Assert.Equal(1, code);
        AssertOneErrorLine(err, "no .txt, .html or .jsonl files");
        (code, _, err) = RunWithInput("   ", "brief", "-");
        Assert.Equal(1, code);
        AssertOneErrorLine(err, "empty");
    }

    [Fact]
    public void One_unreadable_file_is_reported_and_the_rest_are_briefed()
    {
        string folder = Path.Combine(_dir, "mixed");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(TestPaths.Examples)) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        File.WriteAllBytes(Path.Combine(folder, "latin1.txt"), Encoding.Latin1.GetBytes("Caf\u00e9 owners cheered the reopening."));
        var (code, output, err) = Run("brief", folder, "--format", "json");
        Assert.Equal(2, code);
        AssertOneErrorLine(err, "latin1.txt: not valid UTF-8");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(4, doc.RootElement.GetProperty("stories")[0].GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void Unknown_options_and_formats_are_refused_with_a_hint()
    {
        var (code, _, err) = Run("brief", TestPaths.Examples, "--format", "pdf");
        Assert.NotEqual(0, code);
        Assert.Contains("pdf", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallax_alone_gives_a_short_overview_of_the_commands_and_where_to_start()
    {
        var (code, output, err) = Run();
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var root = ParallaxCli.BuildCommand(TextWriter.Null, TextWriter.Null, () => Stream.Null, stderrRedirected: true);
        foreach (var command in root.Subcommands) Assert.Contains($"  {command.Name} ", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("parallax brief examples/", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
        Assert.True(output.Split('\n').Length < 30, "the overview fits on one screen");
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "frobnicate", "parallax --help")]
    [InlineData(new[] { "brief", "--format", "pdf", "examples" }, "--format", "parallax brief --help")]
    [InlineData(new[] { "ingest" }, "PATH|URL", "parallax ingest --help")]
    [InlineData(new[] { "stories", "--limit", "many" }, "many", "parallax stories --help")]
    [InlineData(new[] { "eval", "clusters", "a.jsonl", "--nope" }, "--nope", "parallax eval clusters --help")]
    public void A_command_line_that_does_not_parse_gets_one_error_line_and_one_hint(string[] args, string named, string hint)
    {
        var (code, output, err) = Run(args);
        Assert.Equal(ParallaxCli.Failed, code);
        Assert.Equal("", output);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("parallax: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(named, lines[0], StringComparison.Ordinal);
        Assert.StartsWith("parallax: hint: ", lines[1], StringComparison.Ordinal);
        Assert.Contains($"'{hint}'", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_commands_help_ends_with_examples_that_parse()
    {
        var root = ParallaxCli.BuildCommand(TextWriter.Null, TextWriter.Null, () => Stream.Null, stderrRedirected: true);
        var commands = new List<(string Path, System.CommandLine.Command Command)> { ("parallax", root) };
        for (int i = 0; i < commands.Count; i++)
        {
            foreach (var sub in commands[i].Command.Subcommands) commands.Add(($"{commands[i].Path} {sub.Name}", sub));
        }
        foreach (var (path, _) in commands)
        {
            var args = path.Split(' ').Skip(1).Append("--help").ToArray();
            var (code, output, _) = Run(args);
            Assert.Equal(0, code);
            var examples = CliFace.ExamplesOf(path);
            Assert.True(examples.Count > 0, $"'{path} --help' gives no example");
            var tail = output.TrimEnd().Split('\n').TakeLast(examples.Count + 1).Select(l => l.Trim()).ToList();
            Assert.Equal(examples.Count == 1 ? "Example:" : "Examples:", tail[0]);
            Assert.Equal(examples, tail.Skip(1));
            foreach (var example in examples)
            {
                Assert.StartsWith(path + " ", example + " ", StringComparison.Ordinal);
                // An example must be a command line that parses: its options exist and its values fit.
                foreach (var part in example.Split(" && "))
                {
                    var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(w => w.Trim('"')).ToArray();
                    var parse = root.Parse(words);
                    Assert.True(parse.Errors.Count == 0, $"{part}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
                }
            }
        }
    }

    [Fact]
    public void Help_placeholders_are_written_one_way()
    {
        var root = ParallaxCli.BuildCommand(TextWriter.Null, TextWriter.Null, () => Stream.Null, stderrRedirected: true);
        var paths = new List<string[]> { Array.Empty<string>() };
        paths.AddRange(root.Subcommands.Select(c => new[] { c.Name }));
        paths.AddRange(root.Subcommands.Single(c => c.Name == "eval").Subcommands.Select(c => new[] { "eval", c.Name }));
        foreach (var path in paths)
        {
            var (_, output, _) = Run([.. path, "--help"]);
            // Values are named in capitals (<FILE>, <N>, <DATE>); a lower-case name is an option's own name leaking through.
            var lower = System.Text.RegularExpressions.Regex.Matches(output, "<[a-z][a-z-]*>").Select(m => m.Value).ToList();
            Assert.True(lower.Count == 0, $"parallax {string.Join(' ', path)} --help: {string.Join(", ", lower)}");
        }
    }

    [Fact]
    public void One_version_everywhere()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith(Parallax.Fetching.FetchOptions.Version, output.Trim(), StringComparison.Ordinal);
        Assert.StartsWith($"Parallax/{Parallax.Fetching.FetchOptions.Version} ", Parallax.Fetching.FetchOptions.DefaultUserAgent, StringComparison.Ordinal);
        Assert.NotEqual("0.0.0", Parallax.Fetching.FetchOptions.Version);
    }
}
