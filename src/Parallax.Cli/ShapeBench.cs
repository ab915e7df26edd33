using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary>
/// 'parallax bench --shapes': the input shapes an attacker or a broken feed sends (one huge line of real sentences, text
/// with no sentence breaks, many articles sharing one id, web pages nested deep or of flat paragraphs), built from a corpus at
/// growing sizes, so that time per MB shows whether the work is linear in the input.
/// </summary>
internal static partial class ShapeBench
{
    public static int Run(string[] paths, int[] sizesMb, TextWriter stdout, TextWriter stderr)
    {
        var sizes = sizesMb.Where(n => n is > 0 and <= 256).Distinct().Order().ToArray();
        if (sizes.Length == 0) return ParallaxCli.Fail(stderr, "--shapes takes sizes in MB from 1 to 256, e.g. --shapes 1 2 4 8 16 32");
        var errors = new List<ReadError>();
        long need = (long)sizes[^1] << 20;
        var texts = new List<string>();
        long have = 0;
        foreach (var a in ArticleSource.Stream(paths, errors, []))
        {
            texts.Add(a.Text);
            have += a.Text.Length;
            if (have >= need) break;
        }
        if (texts.Count == 0) return ParallaxCli.Fail(stderr, "no articles to build the shapes from; give a corpus such as ../shared/corpora/allsides.jsonl.gz");
        var ci = CultureInfo.InvariantCulture;
        stdout.WriteLine("shape\tMB\tseconds\tseconds_per_MB\tpeak_MB");
        string dir = Directory.CreateTempSubdirectory("parallax-shapes-").FullName;
        try
        {
            foreach (int mb in sizes)
            {
                string sentences = OneLine(texts, (long)mb << 20);
                Time(stdout, ci, "one line of sentences", mb, () => AnalyseAndBrief(sentences));
                string flat = NoBreaks(sentences);
                Time(stdout, ci, "no sentence breaks", mb, () => AnalyseAndBrief(flat));
                Time(stdout, ci, "articles sharing one id", mb, () => StoreSharingOneId(texts, (long)mb << 20, Path.Combine(dir, $"ids-{mb}")));
                TimePages(stdout, ci, sentences, mb);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
        return ParallaxCli.Ok;
    }

    private static void Time(TextWriter stdout, CultureInfo ci, string shape, int mb, Action run)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        run();
        double s = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        stdout.WriteLine(string.Join('\t', shape, mb, s.ToString("F2", ci), (s / mb).ToString("F2", ci), self.PeakWorkingSet64 >> 20));
    }

    /// <summary>Articles' texts joined on one line, paragraph breaks and all, to the size asked (repeating the corpus if it is short).</summary>
    private static string OneLine(List<string> texts, long chars)
    {
        var sb = new StringBuilder((int)Math.Min(int.MaxValue, chars + 4096));
        for (int i = 0; sb.Length < chars; i = (i + 1) % texts.Count) sb.Append(texts[i].ReplaceLineEndings(" ")).Append(' ');
        return sb.ToString(0, (int)chars);
    }

    private static string NoBreaks(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++) span[i] = t[i] is '.' or '!' or '?' or '"' or '“' or '”' ? ' ' : t[i];
        });

    private static void AnalyseAndBrief(string text)
    {
        var article = new Article { Id = "shape", Text = text, Published = new DateOnly(2025, 1, 1), Title = "shape" };
        var analysed = AnalysisPipeline.Default.Analyze(article);
        var brief = new BriefBuilder(AnalysisPipeline.Default).Build(new Stories.Story("s", [analysed], new Dictionary<string, string>()));
        _ = Rendering.BriefJson.WriteStory(brief);
        _ = Rendering.BriefHtml.Fragment(brief);
    }

    /// <summary>That many MB of JSON Lines whose every article has the id "x", read and stored in a new store.</summary>
    private static void StoreSharingOneId(List<string> texts, long bytes, string dir)
    {
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "x.jsonl");
        using (var w = new StreamWriter(file))
        {
            long written = 0;
            for (int i = 0; written < bytes; i++)
            {
                string line = System.Text.Json.JsonSerializer.Serialize(new { id = "x", text = $"{i}: {texts[i % texts.Count]}" });
                w.WriteLine(line);
                written += line.Length + 1;
            }
        }
        using var store = new SqliteStore(Path.Combine(dir, "x.db"));
        var batch = new List<Article>(500);
        foreach (var a in ArticleSource.Stream([file], [], []))
        {
            batch.Add(a);
            if (batch.Count == 500)
            {
                store.AddAll(batch);
                batch.Clear();
            }
        }
        store.AddAll(batch);
    }
}
