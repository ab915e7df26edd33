using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Evaluation;
using Parallax.Extraction;
using Xunit;

namespace Parallax.Tests;

/// <summary>Reading the article out of a web page: the body without furniture, the metadata in its order of trust, and any page's bytes.</summary>
public sealed class ExtractionTests
{
    static ExtractionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly PageExtractor Extractor = new(() => Now);

    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Web", name));

    [Fact]
    public void The_body_is_the_story_in_paragraphs_without_page_furniture()
    {
        var page = Extractor.Extract(Fixture("article-one.html"), "https://courier.example/news/bridge");
        var paragraphs = page.Text.Split("\n\n");
        Assert.Equal(
            [
                "The harbour bridge reopened to traffic on Monday morning, eight months after engineers closed it to replace corroded cables.",
                "City engineer Marta Silva said the repairs cost 41 million euros, about 6 million more than planned, because more of the cables had rusted than surveys had shown.",
                "\"We found damage nobody could see from the deck,\" Silva told reporters at the reopening, adding that the bridge should now last another forty years.",
                "Traffic returns",
                "Buses will use the bridge again from Wednesday, the transport authority said, and cyclists get a separated lane for the first time.",
                "Shopkeepers on the southern bank, who said trade fell by a third during the closure, welcomed the news.",
            ],
            paragraphs);
        foreach (var furniture in new[] { "cookies", "Home", "Share on", "Bridge closure extended", "Finally!", "All rights reserved", "Photo:", "script text", "Advertisement", "Storm warning", "By Ana" })
        {
            Assert.DoesNotContain(furniture, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Metadata_comes_from_structured_data_first()
    {
        var page = Extractor.Extract(Fixture("article-one.html"), "https://courier.example/news/bridge");
        Assert.Equal("Harbour bridge reopens after eight months of repairs", page.Title);
        // JSON-LD says 3 March; the OpenGraph tag's 2 March is less trusted and loses.
        Assert.Equal(new DateOnly(2026, 3, 3), page.Published);
        Assert.Equal(DateEvidence.JsonLd, page.PublishedFrom);
        Assert.Equal("Ana Ribeiro", page.Author);
        Assert.Equal("The Coastal Courier", page.Source);
        Assert.Equal("https://courier.example/news/2026/03/03/harbour-bridge-reopens", page.Url);
        Assert.Equal("en-GB", page.Language);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2026-05-04T10:00:00Z\">", "", null, "2026-05-04", DateEvidence.MetaTag)]
    [InlineData("", "<p>Filed <time datetime=\"2026-05-05\">yesterday</time>.</p>", null, "2026-05-05", DateEvidence.TimeElement)]
    [InlineData("", "", "https://x.example/2026/05/06/story.html", "2026-05-06", DateEvidence.Url)]
    [InlineData("", "<div class=\"post-date\">Updated May 7, 2026 at 9:00 am</div>", null, "2026-05-07", DateEvidence.Byline)]
    // A date after today is implausible and is passed over for the next source in the order of trust.
    [InlineData("<meta property=\"article:published_time\" content=\"2031-01-01\"><meta name=\"date\" content=\"2026-05-08\">", "", null, "2026-05-08", DateEvidence.MetaTag)]
    [InlineData("<meta name=\"date\" content=\"1970-01-01\">", "", null, null, DateEvidence.None)]
    public void Publication_dates_fall_back_in_order_of_trust_and_must_be_plausible(string head, string body, string? url, string? expected, DateEvidence from)
    {
        var page = Extractor.Extract($"<html><head>{head}</head><body>{body}<p>Some article text that is long enough to be a paragraph of the body.</p></body></html>", url);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), page.Published);
        Assert.Equal(from, page.PublishedFrom);
    }

    [Fact]
    public void Broken_markup_and_line_breaks_still_give_paragraphs()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Fixture("article-two.html"));
        var page = Extractor.Extract(bytes);
        Assert.Equal("Council approves new school budget", page.Title);
        Assert.Equal("Sam Okafor", page.Author);
        Assert.Equal("Valley Times", page.Source);
        var paragraphs = page.Text.Split("\n\n");
        Assert.Equal(4, paragraphs.Length);
        Assert.StartsWith("The town council voted 7-2", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Council member Rosa Díaz", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal("Broken markup follows and is read anyway.", paragraphs[3]);
        Assert.DoesNotContain("Posted:", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Weather", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("windows-1252", null, 1252)]
    // The server says UTF-8 but the bytes are Windows-1252: the bytes win.
    [InlineData("utf-8", "text/html; charset=utf-8", 1252)]
    // Labelled Latin-1, written in UTF-8.
    [InlineData("iso-8859-1", null, 65001)]
    [InlineData("utf-8", "text/html; charset=ISO-8859-1", 65001)]
    public void Charsets_are_read_from_the_header_the_page_and_the_bytes(string metaCharset, string? contentType, int actualCodePage)
    {
        string html = $"<html><head><meta charset=\"{metaCharset}\"></head><body><p>Rosa Díaz said the café will reopen in Señora Muñoz's building next week.</p></body></html>";
        var bytes = Encoding.GetEncoding(actualCodePage).GetBytes(html);
        Assert.Contains("Rosa Díaz said the café will reopen in Señora Muñoz's building", Extractor.Extract(bytes, null, contentType).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inert_markup_is_cut_before_parsing_but_metadata_scripts_are_kept()
    {
        string html = "<p>a</p><script>var s = '</p><p>not text';</script><!-- <p>hidden</p> --><STYLE>p{}</STYLE><svg><text>icon</text></svg>"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>b</p><script src=x>";
        string stripped = InertMarkup.Strip(html);
        Assert.Equal("<p>a</p>    <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>b</p> ", stripped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("just some words, no markup at all")]
    [InlineData("<script>")]
    [InlineData("<!--")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\": [1, {\"x\": </script>")]
    public void Degenerate_pages_give_an_answer_not_an_exception(string html)
    {
        var page = Extractor.Extract(html);
        Assert.NotNull(page.Text);
    }

    [Fact]
    public void Arbitrary_markup_never_breaks_extraction()
    {
        string[] pieces = ["<p>", "</p>", "<div class=\"comment\">", "<div>", "</div>", "<br>", "<article>", "<a href=x>", "</a>", "<script>", "</script>",
            "<!--", "-->", "<h1>", "text, with commas, ", "Words ", "<li>", "<ul>", "\"", "<meta name=date content=", "2026-01-01>", "&amp;", "&", "<"];
        var gen = Gen.ListOf(Gen.Elements(pieces)).Select(parts => string.Concat(parts)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(300), Prop.ForAll(gen, html => { _ = Extractor.Extract(html); }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => { _ = Extractor.Extract(bytes ?? []); }));
    }

    [Fact]
    public void A_social_post_quoted_in_the_article_is_kept_though_its_wrapper_says_social()
    {
        string html = "<html><body><article>"
            + "<p>The minister announced the plan on Monday, saying the budget would rise by a tenth, and the opposition objected at once.</p>"
            + "<div class=\"social-embed\"><div><blockquote class=\"twitter-tweet\"><p>We will fund every school in the country, starting this year, the minister wrote.</p></blockquote></div></div>"
            + "<p>Critics said the figures did not add up, and asked for the costings to be published before the vote next week.</p>"
            + "<p>The finance committee will hear from the minister on Thursday, when members expect questions on borrowing, on staff and on timing.</p>"
            + "<p>Teachers' unions welcomed the promise but said they would wait for the detail, having heard similar pledges in earlier years.</p>"
            + "<div class=\"social-share\"><p>Pass this story on to your favourite networks, with friends and family alike.</p></div>"
            + "</article></body></html>";
        string text = Extractor.Extract(html).Text;
        Assert.Contains("We will fund every school", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pass this story on", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_pages_under_the_limits_are_read_in_linear_time()
    {
        // AngleSharp finds a node's next sibling by searching its parent's children, so walking 150,000 paragraphs that way
        // took minutes; walked through the child list they take seconds.
        string wide = "<body>" + string.Concat(Enumerable.Repeat("<p>A paragraph of the article, with a comma.</p>", 150_000)) + "</body>";
        // Nested to just under the depth limit, block after block: the parser's scope checks walk every open element.
        string block = string.Concat(Enumerable.Repeat("<div>Text at one level of a deep page, with a comma.\n", PageExtractor.MaxDepth - 3)) + string.Concat(Enumerable.Repeat("</div>", PageExtractor.MaxDepth - 3));
        string deep = "<body>" + string.Concat(Enumerable.Repeat(block, 40)) + "</body>";
        var clock = Stopwatch.StartNew();
        Assert.Equal(150_000, Extractor.Extract(wide).Text.Split("\n\n").Length);
        Assert.Contains("Text at one level of a deep page", Extractor.Extract(deep).Text, StringComparison.Ordinal);
        HangGuard.Within(clock, "extracting a page of 150,000 paragraphs and one of 40 blocks 509 deep");
    }

    [Theory]
    [InlineData("<div>", "Deep text of a page, with enough words to be a paragraph.")]
    [InlineData("<b>", "x")]
    [InlineData("<table><tr><td>", "cell")]
    public void Pages_nested_past_the_depth_limit_are_refused_in_one_clear_line(string open, string text)
    {
        string page = "<html><body>" + string.Concat(Enumerable.Repeat(open + text, 20_000));
        var refused = Assert.Throws<PageRefusedException>(() => Extractor.Extract(page));
        Assert.Equal($"the page nests elements more than {PageExtractor.MaxDepth} deep, past the limit for a page (article pages nest fewer than 60), so it is not read; give the article's own page, or its text", refused.Message);
    }

    [Fact]
    public void A_page_nested_just_under_the_depth_limit_is_read_and_one_level_more_is_refused()
    {
        // <html> and <body> are the first two levels, the paragraph the last.
        static string Nested(int divs) => "<html><body>" + string.Concat(Enumerable.Repeat("<div>", divs)) + "<p>The innermost paragraph holds the article, with a comma.</p>";
        Assert.Equal("The innermost paragraph holds the article, with a comma.", Extractor.Extract(Nested(PageExtractor.MaxDepth - 3)).Text);
        Assert.Throws<PageRefusedException>(() => Extractor.Extract(Nested(PageExtractor.MaxDepth - 2)));
    }

    [Fact]
    public void Pages_with_more_elements_than_the_limit_are_refused_and_a_page_at_the_limit_is_read()
    {
        // <html>, <head> and <body> are elements too.
        static string Flat(int paragraphs) => "<html><body>" + string.Concat(Enumerable.Repeat("<p>A short paragraph, bare.", paragraphs));
        var refused = Assert.Throws<PageRefusedException>(() => Extractor.Extract(Flat(PageExtractor.MaxElements - 2)));
        Assert.Contains($"more than {PageExtractor.MaxElements:N0} elements", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PageExtractor.MaxElements - 3, Extractor.Extract(Flat(PageExtractor.MaxElements - 3)).Text.Split("\n\n").Length);
    }

    [Fact]
    public void Formatting_tags_left_open_cannot_multiply_into_millions_of_elements()
    {
        // Each paragraph reopens the 100 unclosed <b> of the first: 3,000 paragraphs of markup would make 300,000 elements.
        string page = "<html><body><p>" + string.Concat(Enumerable.Range(0, 100).Select(i => $"<b id={i}>")) + "</p>" + string.Concat(Enumerable.Repeat("<p>x</p>", 3_000));
        Assert.True(page.Length < 40_000);
        Assert.Contains("elements", Assert.Throws<PageRefusedException>(() => Extractor.Extract(page)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parser_counts_every_element_it_makes_and_checks_the_depth_of_each()
    {
        // Small limits show the exact boundaries: an element made by the parser (clones of formatting tags included) counts.
        // <html>, <head>, <body>, <p>, <b>, <p>, and the <b> reopened around "y": seven, the last made by cloning.
        using (var doc = PageParser.Parse("<p><b>x</p><p>y", maxDepth: 4, maxElements: 7)) Assert.Equal(7, doc.All.Length);
        Assert.Throws<PageRefusedException>(() => PageParser.Parse("<p><b>x</p><p>y", maxDepth: 4, maxElements: 6));
        // <html>, <body> and two <div> are four levels.
        using (var doc = PageParser.Parse("<div><div>", maxDepth: 4, maxElements: 100)) Assert.Equal(5, doc.All.Length);
        Assert.Throws<PageRefusedException>(() => PageParser.Parse("<div><div><div>", maxDepth: 4, maxElements: 100));
    }

    [Fact]
    public void Shingle_scores_follow_the_benchmark()
    {
        var same = ExtractionScores.Score("k", null, "one two three four five", "one two three four five");
        Assert.Equal((1.0, 1.0, 1.0), (same.Precision, same.Recall, same.F1));
        var none = ExtractionScores.Score("k", null, "one two three four five", "");
        Assert.Equal((0.0, 0.0), (none.Precision, none.Recall));
        // Gold shingles: [1 2 3 4], [2 3 4 5]; extracted: [1 2 3 4], [2 3 4 x]: one of two right each way.
        var half = ExtractionScores.Score("k", null, "one two three four five", "one two three four x");
        Assert.Equal(0.5, half.Precision, 6);
        Assert.Equal(0.5, half.Recall, 6);
        // Punctuation and spacing do not count; case does.
        Assert.Equal(1.0, ExtractionScores.Score("k", null, "One, two -- three.\n\nFour", "One two three Four").F1, 6);
        Assert.Equal(["Señora", "1_000", "s"], ExtractionScores.Tokens("Señora 1_000's"));
    }
}
