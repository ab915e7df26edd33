using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Extraction;
using Parallax.Fetching;

namespace Parallax.Cli;

/// <summary><c>parallax extract</c>: the article in a web page, as Parallax reads it.</summary>
public static partial class ParallaxCli
{
    private static Command ExtractCommand(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("FILE|URL") { Description = "A saved web page (.html, or .html.gz) or an http(s) address to fetch (robots.txt is respected)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: json (title, text, published, author, source, url, language, and where the date was read) or txt (title, then the text).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "txt");
        var pageUrl = new Option<string?>("--url") { Description = "For a saved page: the address it was saved from, used for relative links and dates written in the address.", HelpName = "URL" };
        var addresses = new AddressOptions();
        var cmd = new Command("extract", "Read the article out of a web page: its main text without menus, ads, related links, comments or captions, with paragraphs kept, and its title, publication date, author, outlet, canonical address and language.")
        {
            input, format, pageUrl,
        };
        addresses.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            string what = parse.GetValue(input)!;
            if (addresses.Get(parse, stderr) is not { } fetchOptions) return Failed;
            var extractor = new PageExtractor();
            ExtractedPage page;
            try
            {
                if (WebAddress.TryParse(what, out var url))
                {
                    using var fetcher = new PoliteFetcher(fetchOptions);
                    var result = fetcher.FetchAsync(url, null, AddressOrigin.Operator).GetAwaiter().GetResult();
                    if (result.Status != FetchStatus.Ok) return Fail(stderr, $"{what}: {result.Error ?? "could not be fetched"}");
                    page = extractor.Extract(result.Body, result.FinalUrl?.AbsoluteUri, result.ContentType);
                }
                else if (File.Exists(what))
                {
                    byte[] bytes;
                    try
                    {
                        bytes = SavedPage.Read(what);
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                    {
                        return Fail(stderr, $"{what}: {e.Message}");
                    }
                    page = extractor.Extract(bytes, parse.GetValue(pageUrl));
                }
                else
                {
                    return Fail(stderr, $"{what}: no such file, and not an http(s) address");
                }
            }
            catch (PageRefusedException e)
            {
                return Fail(stderr, $"{what}: {e.Message}");
            }
            if (parse.GetValue(format) == "txt")
            {
                if (page.Title is not null) stdout.WriteLine(page.Title + "\n");
                stdout.WriteLine(page.Text);
            }
            else
            {
                stdout.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["title"] = page.Title,
                    ["text"] = page.Text,
                    ["published"] = page.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["publishedFrom"] = page.PublishedFrom == DateEvidence.None ? null : page.PublishedFrom.ToString(),
                    ["author"] = page.Author,
                    ["source"] = page.Source,
                    ["url"] = page.Url,
                    ["language"] = page.Language,
                }, IndentedJson));
            }
            if (page.Text.Length == 0)
            {
                stderr.WriteLine($"parallax: warning: {what}: no article text found on the page");
                return Partial;
            }
            return Ok;
        });
        return cmd;
    }
}
