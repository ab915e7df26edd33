using System.Text;
using Parallax.Reading;
using Xunit;

namespace Parallax.Tests;

public sealed class ReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-readers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content, bool bom = false)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    [Fact]
    public void Plain_text_without_metadata_is_kept_exactly_and_named_after_the_file()
    {
        const string body = "  First line.\n\nSecond paragraph. \n";
        var read = ArticleSource.Read([Write("report-1.txt", body)]);
        var a = Assert.Single(read.Articles);
        Assert.Equal("report-1", a.Id);
        Assert.Equal(body, a.Text);
        Assert.Null(a.Published);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var read = ArticleSource.Read([Write("bom.txt", "Hello world.", bom: true)]);
        Assert.Equal("Hello world.", Assert.Single(read.Articles).Text);
    }

    [Fact]
    public void A_leading_date_prefix_becomes_the_publication_date()
    {
        var read = ArticleSource.Read([Write("dated.txt", " date 2025-11-24 President Donald Trump said he has accepted.")]);
        var a = Assert.Single(read.Articles);
        Assert.Equal(new DateOnly(2025, 11, 24), a.Published);
        Assert.Equal("President Donald Trump said he has accepted.", a.Text);
    }

    [Fact]
    public void Front_matter_supplies_title_source_date_and_url()
    {
        var read = ArticleSource.Read([Write("fm.txt", "---\ntitle: \"A headline\"\nsource: The Courier\ndate: 2026-03-02\nurl: https://example.test/a\nauthor: J. Doe\n---\nBody text here.\n")]);
        var a = Assert.Single(read.Articles);
        Assert.Equal("A headline", a.Title);
        Assert.Equal("The Courier", a.Source);
        Assert.Equal(new DateOnly(2026, 3, 2), a.Published);
        Assert.Equal("https://example.test/a", a.Url);
        Assert.Equal("Body text here.\n", a.Text);
        Assert.Equal("\"J. Doe\"", a.Extra["author"]);
    }

    [Fact]
    public void Header_lines_and_a_dateline_are_taken_out_of_the_body()
    {
        var read = ArticleSource.Read([Write("hdr.txt", "Title: Talks resume\nDate: 2025-11-24\n\nBEIJING (Reuters) — Talks resumed on Monday.")]);
        var a = Assert.Single(read.Articles);
        Assert.Equal("Talks resume", a.Title);
        Assert.Equal("Reuters", a.Source);
        Assert.Equal("Talks resumed on Monday.", a.Text);
        Assert.Equal("\"BEIJING\"", a.Extra["dateline"]);
    }

    [Fact]
    public void Streaming_reads_gzipped_jsonl_line_by_line_renames_repeated_ids_and_analyses_in_order()
    {
        string path = Path.Combine(_dir, "feed.jsonl.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            for (int i = 0; i < 7; i++) w.WriteLine($$"""{"id":"{{(i == 3 ? "a1" : "a" + i)}}","text":"Officials said on Monday that {{i}} bridges reopened."}""");
            w.WriteLine("{not json");
        }
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        var ids = new List<string>();
        Pipeline.Corpus.AnalyzeStream(ArticleSource.Stream([path], errors, warnings), Pipeline.AnalysisPipeline.Default, a => ids.Add(a.Article.Id), batchSize: 3);
        Assert.Equal(["a0", "a1", "a2", "a1-2", "a4", "a5", "a6"], ids);
        Assert.Single(errors);
        Assert.Contains(warnings, w => w.Message.Contains("renamed", StringComparison.Ordinal));
    }

    [Fact]
    public void Jsonl_reads_known_fields_keeps_the_rest_and_survives_bad_lines_and_dates()
    {
        string path = Write("feed.jsonl",
            "{\"id\":\"a1\",\"source\":\"Fox\",\"title\":\"T\",\"published\":\"2014-03-01\",\"url\":\"u\",\"text\":\"Body one.\",\"story\":7}\n" +
            "not json\n" +
            "{\"id\":\"a2\",\"published\":\"0001-01-01T00:00:00\",\"text\":\"Body two.\"}\n" +
            "{\"id\":\"a3\",\"published\":\"9/28/2016\",\"text\":\"Body three.\"}\n");
        var read = ArticleSource.Read([path]);
        Assert.Equal(["a1", "a2", "a3"], read.Articles.Select(a => a.Id));
        Assert.Equal("7", read.Articles[0].Extra["story"]);
        Assert.Equal(new DateOnly(2014, 3, 1), read.Articles[0].Published);
        Assert.Null(read.Articles[1].Published);
        Assert.Equal(new DateOnly(2016, 9, 28), read.Articles[2].Published);
        var error = Assert.Single(read.Errors);
        Assert.EndsWith(":2", error.Origin);
        Assert.Contains(read.Warnings, w => w.Message.Contains("0001-01-01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-02-03", "2025-02-03")]
    [InlineData(" 2025-02-03T10:15:00Z ", "2025-02-03")]
    [InlineData("2025-02-03T23:30:00-05:00", "2025-02-03")]
    [InlineData("2025-02-03 10:15:00 +0000 UTC", "2025-02-03")]
    [InlineData("2025-02-03T10:15:00.123456789+01:00[Europe/Paris]", "2025-02-03")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31")]
    [InlineData("2025-02-03T10", "2025-02-03")]
    [InlineData("9/28/2016", "2016-09-28")]
    [InlineData("Mon, 03 Feb 2025 10:15:00 GMT", "2025-02-03")]
    [InlineData("0001-01-01T00:00:00", "0001-01-01")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_published_value_is_a_date_or_undated(string? given, string? read)
    {
        Assert.True(DateParsing.TryParsePublished(given, out var date, out var error), error);
        Assert.Equal(read, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2025-02-03T25:61:00Z", "hour 25")]
    [InlineData("2025-02-03T10:61:00Z", "minute 61")]
    [InlineData("2025-02-03T10:15:61Z", "second 61")]
    [InlineData("2025-02-03T24:00:00Z", "hour 24")]
    [InlineData("2025-02-30", "no such day")]
    [InlineData("2025-13-01", "no such day")]
    [InlineData("2023-02-29T10:00:00Z", "no such day")]
    [InlineData("2025-02-03T10:15:00+25:00", "zone offset")]
    [InlineData("2025-02-03 (updated)", "not a time")]
    [InlineData("2025-02-03T10:15:00 then more", "not a zone")]
    [InlineData("Feb 30, 2025", "not a date")]
    [InlineData("yesterday", "not a date")]
    public void A_published_value_that_is_no_real_date_or_time_is_an_error_saying_why(string given, string why)
    {
        Assert.False(DateParsing.TryParsePublished(given, out var date, out var error));
        Assert.Null(date);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.False(DateParsing.TryParse(given, out _));
    }

    [Fact]
    public void A_text_file_whose_date_header_is_no_date_is_refused_naming_the_file()
    {
        string bad = Write("bad-date.txt", "Title: Talks resume\nDate: 2025-02-03T25:61:00Z\n\nTalks resumed on Monday.");
        string empty = Write("no-date.txt", "Title: Talks resume\nDate:\n\nTalks resumed on Monday.");
        var read = ArticleSource.Read([bad, empty]);
        var error = Assert.Single(read.Errors);
        Assert.Equal(bad, error.Origin);
        Assert.Contains("hour 25", error.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(read.Articles).Published);
    }

    [Fact]
    public void A_headline_only_item_is_taken_with_its_title_as_text_and_a_warning()
    {
        string path = Write("flashes.jsonl",
            "{\"id\":\"h1\",\"title\":\"Quake of magnitude 6.1 strikes off northern Chile\",\"published\":\"2014-04-03\"}\n" +
            "{\"id\":\"h2\",\"title\":\"   \",\"text\":\"\"}\n" +
            "{\"id\":\"h3\",\"title\":\"Rescuers reach the village\",\"text\":\"Rescuers reached the village on Friday.\"}\n");
        var read = ArticleSource.Read([path]);
        Assert.Equal(["h1", "h3"], read.Articles.Select(a => a.Id));
        Assert.Equal("Quake of magnitude 6.1 strikes off northern Chile", read.Articles[0].Text);
        Assert.Contains(read.Warnings, w => w.Origin.EndsWith(":1", StringComparison.Ordinal) && w.Message.Contains("title stands for it", StringComparison.Ordinal));
        // Nothing to stand for it: one clear error naming the line, and the lines after it are read.
        var error = Assert.Single(read.Errors);
        Assert.EndsWith(":2", error.Origin);
        Assert.Contains("no \"text\" and no \"title\"", error.Message, StringComparison.Ordinal);
        // The same at every other door (the site, the API, feeds): the admission check takes the title, with a note.
        var admitted = ArticleAdmission.Check(new Parallax.Model.Article { Id = "x", Text = " ", Title = "Wire flash: polls close" });
        Assert.Equal("Wire flash: polls close", admitted.Article!.Text);
        Assert.Contains(admitted.Notes, n => n.Contains("title stands for it", StringComparison.Ordinal));
        Assert.NotNull(ArticleAdmission.Check(new Parallax.Model.Article { Id = "y", Text = "" }).Refusal);
    }

    [Fact]
    public void A_publication_date_in_the_future_is_a_slip_and_the_article_is_undated()
    {
        var limits = ReadLimits.Default with { LatestPublished = new DateOnly(2020, 7, 23) };
        var future = ArticleAdmission.Check(new Parallax.Model.Article { Id = "v", Text = "Climate change will displace millions by 2050.", Published = new DateOnly(2050, 9, 30) }, limits);
        Assert.Null(future.Article!.Published);
        Assert.Contains(future.Notes, n => n.Contains("2050-09-30 is in the future", StringComparison.Ordinal));
        var today = ArticleAdmission.Check(new Parallax.Model.Article { Id = "w", Text = "Polls closed.", Published = new DateOnly(2020, 7, 22) }, limits);
        Assert.Equal(new DateOnly(2020, 7, 22), today.Article!.Published);
        Assert.Empty(today.Notes);
    }

    [Fact]
    public void Html_keeps_the_article_and_drops_navigation_and_asides()
    {
        string html = "<html><head><title>Bridge reopens | City Paper</title><meta property=\"og:site_name\" content=\"City Paper\">" +
            "<meta property=\"article:published_time\" content=\"2026-03-02T09:00:00-05:00\"></head><body><nav>Home News</nav>" +
            "<article><h1>Bridge reopens</h1><p>The bridge reopened &amp; traffic flowed.</p><p>Officials cheered.</p></article>" +
            "<aside><p>Related: other news</p></aside><script>alert(1)</script></body></html>";
        var a = Assert.Single(ArticleSource.Read([Write("page.html", html)]).Articles);
        Assert.Equal("Bridge reopens", a.Title);
        Assert.Equal("City Paper", a.Source);
        Assert.Equal(new DateOnly(2026, 3, 2), a.Published);
        Assert.Equal("The bridge reopened & traffic flowed.\n\nOfficials cheered.", a.Text);
    }

    [Fact]
    public void A_folder_is_read_recursively_and_one_bad_file_does_not_stop_the_others()
    {
        Write("one.txt", "Good article one.");
        Write("sub/two.txt", "Good article two.");
        Write("notes.md", "Not an article format.");
        File.WriteAllBytes(Path.Combine(_dir, "bad.txt"), [0x48, 0x69, 0xFF, 0xFE, 0x21]);
        Write("empty.txt", "   \n");
        var read = ArticleSource.Read([_dir]);
        Assert.Equal(["one", "two"], read.Articles.Select(a => a.Id).Order());
        Assert.Contains(read.Errors, e => e.Origin.EndsWith("bad.txt", StringComparison.Ordinal) && e.Message.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Origin.EndsWith("empty.txt", StringComparison.Ordinal) && e.Message.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Gzipped_files_are_read_through_and_broken_ones_reported()
    {
        string path = Path.Combine(_dir, "story.txt.gz");
        using (var file = File.Create(path))
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("Compressed report text."));
        }
        File.WriteAllBytes(Path.Combine(_dir, "broken.html.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        var read = ArticleSource.Read([_dir]);
        var a = Assert.Single(read.Articles);
        Assert.Equal("story", a.Id);
        Assert.Equal("Compressed report text.", a.Text);
        Assert.Contains(read.Errors, e => e.Origin.EndsWith("broken.html.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_paths_are_reported()
    {
        var read = ArticleSource.Read([Path.Combine(_dir, "nope.txt")]);
        Assert.Empty(read.Articles);
        Assert.Contains("no such file", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_sniffed()
    {
        var read = ArticleSource.Read(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"x\",\"text\":\"From a pipe.\"}\n")));
        Assert.Equal("x", Assert.Single(read.Articles).Id);
        read = ArticleSource.Read(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes("Plain words on stdin.")));
        Assert.Equal("stdin", Assert.Single(read.Articles).Id);
    }

    [Fact]
    public void Repeated_ids_are_made_unique()
    {
        Write("a/same.txt", "First text.");
        Write("b/same.txt", "Second text.");
        var read = ArticleSource.Read([_dir]);
        Assert.Equal(["same", "same-2"], read.Articles.Select(a => a.Id));
        Assert.Single(read.Warnings);
    }
}
