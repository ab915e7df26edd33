using System.IO.Compression;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>Reads articles from files, folders (recursively) and standard input ("-"). One bad input is reported and the rest are read.</summary>
public static class ArticleSource
{
    private static readonly string[] TextExtensions = [".txt", ".text"];
    private static readonly string[] HtmlExtensions = [".html", ".htm"];
    private static readonly string[] JsonlExtensions = [".jsonl", ".ndjson"];

    /// <summary>Largest size a gzipped input may expand to, so a compression bomb cannot exhaust memory.</summary>
    public const long MaxExpandedBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest single input read, so a stray huge file cannot exhaust memory.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static ReadResult Read(IEnumerable<string> paths, Func<Stream>? stdin = null)
    {
        var articles = new List<Article>();
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (stdin is null) errors.Add(new ReadError("-", "standard input is not available"));
                else ReadStream(stdin(), "stdin", "-", kind: null, articles, errors, warnings);
            }
            else if (Directory.Exists(path))
            {
                var files = FilesIn(path);
                if (files.Count == 0) errors.Add(new ReadError(path, "folder holds no .txt, .html or .jsonl files"));
                foreach (var f in files) ReadFile(f, KindOf(f)!, articles, errors, warnings);
            }
            else if (File.Exists(path))
            {
                ReadFile(path, KindOf(path) ?? "txt", articles, errors, warnings);
            }
            else
            {
                errors.Add(new ReadError(path, "no such file or folder"));
            }
        }
        return new ReadResult(Deduplicate(articles, warnings), errors, warnings);
    }

    /// <summary>
    /// Articles one at a time, for inputs too large to hold in memory: JSON Lines files (gzipped or not) are read line by line,
    /// other files whole, one after another. Ids are made unique as <see cref="Read"/> does. Problems go to the lists given.
    /// </summary>
    public static IEnumerable<Article> Stream(IEnumerable<string> paths, List<ReadError> errors, List<ReadError> warnings, Func<Stream>? stdin = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            List<string> files;
            if (path == "-" && stdin is not null)
            {
                // Standard input is read whole, as Read does; piping a corpus through it is for small inputs.
                var piped = Read(["-"], stdin);
                errors.AddRange(piped.Errors);
                warnings.AddRange(piped.Warnings);
                foreach (var a in piped.Articles) yield return WithUniqueId(a, seen, warnings);
                continue;
            }
            if (Directory.Exists(path)) files = FilesIn(path);
            else if (File.Exists(path)) files = [path];
            else
            {
                errors.Add(new ReadError(path, "no such file or folder"));
                continue;
            }
            if (files.Count == 0) errors.Add(new ReadError(path, "folder holds no .txt, .html or .jsonl files"));
            foreach (var file in files)
            {
                IEnumerable<Article> items;
                if (KindOf(file) == "jsonl")
                {
                    items = StreamJsonl(file, errors, warnings);
                }
                else
                {
                    var list = new List<Article>();
                    ReadFile(file, KindOf(file) ?? "txt", list, errors, warnings);
                    items = list;
                }
                foreach (var a in items) yield return WithUniqueId(a, seen, warnings);
            }
        }
    }

    private static IEnumerable<Article> StreamJsonl(string path, List<ReadError> errors, List<ReadError> warnings)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ReadError(path, $"cannot be read ({e.Message})"));
            yield break;
        }
        using (file)
        {
            Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new BoundedStream(new GZipStream(file, CompressionMode.Decompress), MaxExpandedBytes) : file;
            using var reader = new StreamReader(input, new System.Text.UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            using var lines = JsonlArticleReader.Enumerate(reader, path, errors, warnings).GetEnumerator();
            while (true)
            {
                bool more;
                try
                {
                    more = lines.MoveNext();
                }
                catch (Exception e) when (e is InvalidDataException or IOException or System.Text.DecoderFallbackException)
                {
                    // What was read before the damage stays read; the rest of this file is reported and skipped.
                    errors.Add(new ReadError(path, e is System.Text.DecoderFallbackException ? "not valid UTF-8 from here on; convert it to UTF-8 and try again" : $"cannot be read to the end ({e.Message})"));
                    more = false;
                }
                if (!more) yield break;
                yield return lines.Current;
            }
        }
    }

    private static List<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => KindOf(f) is not null && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>"txt", "html" or "jsonl" from the file name (a trailing ".gz" is looked through), or null for other files.</summary>
    private static string? KindOf(string path)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".gz", StringComparison.Ordinal)) lower = lower[..^3];
        if (JsonlExtensions.Any(lower.EndsWith)) return "jsonl";
        if (HtmlExtensions.Any(lower.EndsWith)) return "html";
        if (TextExtensions.Any(lower.EndsWith)) return "txt";
        return null;
    }

    private static void ReadFile(string path, string kind, List<Article> articles, List<ReadError> errors, List<ReadError> warnings)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                errors.Add(new ReadError(path, $"file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it into smaller files"));
                return;
            }
            using var stream = File.OpenRead(path);
            string id = Path.GetFileName(path);
            bool gzipped = id.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            if (gzipped) id = id[..^3];
            foreach (var ext in new[] { ".jsonl", ".ndjson", ".html", ".htm", ".txt", ".text" })
            {
                if (id.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { id = id[..^ext.Length]; break; }
            }
            if (gzipped)
            {
                using var gz = new BoundedStream(new GZipStream(stream, CompressionMode.Decompress), MaxExpandedBytes);
                ReadStream(gz, id, path, kind, articles, errors, warnings);
            }
            else
            {
                ReadStream(stream, id, path, kind, articles, errors, warnings);
            }
        }
        catch (InvalidDataException e)
        {
            errors.Add(new ReadError(path, $"is not valid gzip or expands too far ({e.Message}); check the file"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ReadError(path, $"cannot be read ({e.Message})"));
        }
    }

    private static void ReadStream(Stream stream, string id, string origin, string? kind, List<Article> articles, List<ReadError> errors, List<ReadError> warnings)
    {
        if (kind == "jsonl")
        {
            using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            try
            {
                int before = articles.Count + errors.Count;
                JsonlArticleReader.Read(reader, origin, articles, errors, warnings);
                if (articles.Count + errors.Count == before) errors.Add(new ReadError(origin, "file is empty"));
            }
            catch (System.Text.DecoderFallbackException)
            {
                errors.Add(new ReadError(origin, "not valid UTF-8; convert it to UTF-8 and try again"));
            }
            return;
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (!TextDecoding.TryDecode(buffer.ToArray(), out string content, out string? error))
        {
            errors.Add(new ReadError(origin, error!));
            return;
        }
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(new ReadError(origin, "file is empty"));
            return;
        }
        kind ??= SniffKind(content);
        if (kind == "jsonl")
        {
            JsonlArticleReader.Read(new StringReader(content), origin, articles, errors, warnings);
            return;
        }
        var article = kind == "html" ? HtmlArticleReader.Parse(id, content, origin) : TextArticleReader.Parse(id, content, origin);
        if (string.IsNullOrWhiteSpace(article.Text))
        {
            errors.Add(new ReadError(origin, kind == "html" ? "no article text found in the page" : "no article text after the metadata"));
            return;
        }
        articles.Add(article);
    }

    private static string SniffKind(string content)
    {
        var t = content.TrimStart();
        if (t.StartsWith('{')) return "jsonl";
        if (t.StartsWith('<')) return "html";
        return "txt";
    }

    /// <summary>Two inputs with the same id would be confused downstream; later ones get a numeric suffix.</summary>
    private static List<Article> Deduplicate(List<Article> articles, List<ReadError> warnings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++) articles[i] = WithUniqueId(articles[i], seen, warnings);
        return articles;
    }

    /// <summary>The article as it is, or renamed "id-2", "id-3" … (with a warning) when an earlier one took its id.</summary>
    private static Article WithUniqueId(Article a, HashSet<string> seen, List<ReadError> warnings)
    {
        if (seen.Add(a.Id)) return a;
        int n = 2;
        while (!seen.Add($"{a.Id}-{n}")) n++;
        warnings.Add(new ReadError(a.Origin ?? a.Id, $"id \"{a.Id}\" was already used; renamed to \"{a.Id}-{n}\""));
        return a with { Id = $"{a.Id}-{n}" };
    }
}
