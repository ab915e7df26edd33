using System.Collections.Concurrent;
using Parallax.Extraction;
using Parallax.Fetching;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>What the server's pages and API share: the store, the one ingestor that writes to it, and the page fetcher.</summary>
public sealed class Site : IDisposable
{
    private readonly ConcurrentDictionary<string, AnalyzedArticle> _analyses = new(StringComparer.Ordinal);
    private const int AnalysesKept = 256;

    public Site(ServerOptions options)
    {
        Options = options;
        Store = new SqliteStore(options.DbPath);
        Ingestor = new Ingestor(Store, AnalysisPipeline.Default);
        Fetcher = new PoliteFetcher(options.Fetch);
    }

    public ServerOptions Options { get; }

    public SqliteStore Store { get; }

    public Ingestor Ingestor { get; }

    public PoliteFetcher Fetcher { get; }

    public PageExtractor Extractor { get; } = new();

    /// <summary>The analysis of a stored article, computed on first view and kept for a while.</summary>
    public AnalyzedArticle? Analysis(StoredArticle stored)
    {
        if (_analyses.TryGetValue(stored.Article.Id, out var hit)) return hit;
        var analyzed = AnalysisPipeline.Default.Analyze(stored.Article);
        if (_analyses.Count >= AnalysesKept) _analyses.Clear();
        _analyses[stored.Article.Id] = analyzed;
        return analyzed;
    }

    /// <summary>Adds articles and reports, for each, its stored id, what happened, and its story.</summary>
    public IReadOnlyList<AddedArticle> Add(IReadOnlyList<Article> articles, CancellationToken cancel)
    {
        if (articles.Count == 0) return [];
        var report = Ingestor.Ingest(articles, cancel: cancel);
        _analyses.Clear();
        return [.. report.Outcomes.Select((o, i) => new AddedArticle(o.Id, Status(o.Status), Store.Article(o.Id)?.Story, articles[i].Title ?? o.Id))];
    }

    private static string Status(AddStatus s) => s switch
    {
        AddStatus.Added => "added",
        AddStatus.SameText => "sameText",
        _ => "sameUrl",
    };

    /// <summary>The article at an address someone typed, or why there is none (not a web address, not public, no article text).</summary>
    public async Task<(Article? Article, string? Error)> FetchAsync(string address, CancellationToken cancel)
    {
        if (!WebAddress.TryParse(address.Trim(), out var uri)) return (null, $"{address}: give the page's full http(s) address, e.g. https://example.com/news/story");
        var (article, error) = await PageArticles.FetchAsync(Fetcher, Extractor, uri, cancel);
        return article is null ? (null, $"{address}: {error}") : (article, null);
    }

    /// <summary>A pasted article with its form or JSON fields, or why it cannot be taken (a date that is not YYYY-MM-DD).</summary>
    public static (Article? Article, string? Error) Paste(string text, string? title, string? source, string? published, string? url)
    {
        DateOnly? date = null;
        if (published is not null)
        {
            if (!DateParsing.TryParseIso(published, out var d)) return (null, $"published \"{published}\" is not a date; write it as YYYY-MM-DD");
            date = d;
        }
        return (Pasted(text, title, source, date, url), null);
    }

    /// <summary>An article typed or pasted in: its id is derived from its text, so pasting it twice is recognised.</summary>
    private static Article Pasted(string text, string? title, string? source, DateOnly? published, string? url) => new()
    {
        Id = "pasted-" + ArticleKeys.ContentHash(text)[..12],
        Text = text.ReplaceLineEndings("\n").Trim(),
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
        Published = published,
        Url = Html.SafeHref(url),
        Origin = "web",
    };

    /// <summary>Reads uploaded files as Parallax reads files on disk (.txt, .html, .jsonl, gzipped or not); one bad file does not stop the others.</summary>
    public static (IReadOnlyList<Article> Articles, IReadOnlyList<string> Problems) ReadUploads(IEnumerable<(string Name, Stream Content)> files)
    {
        string dir = Path.Combine(Path.GetTempPath(), "parallax-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var problems = new List<string>();
        try
        {
            int n = 0;
            foreach (var (name, content) in files)
            {
                // Only the file's own name, stripped of anything that could climb out of the folder or confuse the reader.
                string safe = new([.. Path.GetFileName(name.Replace('\\', '/')).Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_')]);
                string ext = Path.GetExtension(safe.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? safe[..^3] : safe).ToLowerInvariant();
                if (ext is not (".txt" or ".html" or ".htm" or ".jsonl"))
                {
                    problems.Add($"{name}: not a .txt, .html or .jsonl file (gzipped or not); skipped");
                    continue;
                }
                // One folder per file, so each keeps its own name (which becomes its article id) even when two share it.
                string folder = Path.Combine(dir, $"{++n:D4}");
                Directory.CreateDirectory(folder);
                using var file = File.Create(Path.Combine(folder, safe.TrimStart('.') is { Length: > 0 } kept ? kept : "upload" + ext));
                content.CopyTo(file);
            }
            var read = ArticleSource.Read([dir]);
            problems.AddRange(read.Errors.Select(e => e.ToString().Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
            return (read.Articles, problems);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless; the upload's outcome is what matters.
            }
        }
    }

    public void Dispose()
    {
        Fetcher.Dispose();
        Store.Dispose();
    }
}

/// <summary>What became of one added article.</summary>
/// <param name="Id">The id it is stored under, or the stored article it repeats.</param>
/// <param name="Status">added, sameText (the text was already stored) or sameUrl (the address was).</param>
/// <param name="Story">The story it belongs to.</param>
/// <param name="Title">Its title, or its id.</param>
public sealed record AddedArticle(string Id, string Status, string? Story, string Title);
