using System.IO.Compression;
using Parallax.Extraction;
using Parallax.Model;

namespace Parallax.Reading;

/// <summary>
/// Reads articles from files, folders (recursively) and standard input ("-"). One bad input, or one bad line of a JSON
/// Lines input, is reported with where it is, and everything else is read. Every article passes
/// <see cref="ArticleAdmission"/>, and every size is bounded by <see cref="ReadLimits"/> while it streams.
/// </summary>
public static class ArticleSource
{
    private static readonly string[] TextExtensions = [".txt", ".text"];
    private static readonly string[] HtmlExtensions = [".html", ".htm"];
    private static readonly string[] JsonlExtensions = [".jsonl", ".ndjson"];

    /// <summary>All the articles of the inputs, in memory: for inputs of a size one brief covers.</summary>
    public static ReadResult Read(IEnumerable<string> paths, Func<Stream>? stdin = null, ReadLimits? limits = null, ByteBudget? budget = null)
    {
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        var articles = Stream(paths, errors, warnings, stdin, limits, budget).ToList();
        return new ReadResult(articles, errors, warnings);
    }

    /// <summary>
    /// Articles one at a time, for inputs too large to hold in memory: JSON Lines (files or standard input, gzipped or not)
    /// are read line by line, other files one after another. Ids are made unique: a later article whose id was taken is
    /// renamed "id-2", "id-3" … with a warning. Problems go to the lists given as they are found.
    /// </summary>
    public static IEnumerable<Article> Stream(IEnumerable<string> paths, List<ReadError> errors, List<ReadError> warnings, Func<Stream>? stdin = null,
        ReadLimits? limits = null, ByteBudget? budget = null)
    {
        limits ??= ReadLimits.Default;
        var ids = new UniqueIds();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (stdin is null)
                {
                    errors.Add(new ReadError("-", "standard input is not available"));
                    continue;
                }
                var piped = new BoundedStream(stdin(), limits.MaxInputBytes, budget);
                foreach (var a in ReadInput(piped, "stdin", "-", kind: null, limits, errors))
                {
                    if (Admit(a, ids, limits, errors, warnings) is { } admitted) yield return admitted;
                }
                continue;
            }
            List<string> files;
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
                foreach (var a in ReadFile(file, KindOf(file) ?? "txt", limits, budget, errors))
                {
                    if (Admit(a, ids, limits, errors, warnings) is { } admitted) yield return admitted;
                }
            }
        }
    }

    /// <summary>The article as admitted and with a unique id, or null (with the reason in <paramref name="errors"/>) when it is refused.</summary>
    private static Article? Admit(Article a, UniqueIds ids, ReadLimits limits, List<ReadError> errors, List<ReadError> warnings)
    {
        string where = a.Origin ?? a.Id;
        var verdict = ArticleAdmission.Check(a, limits);
        if (verdict.Article is not { } admitted)
        {
            errors.Add(new ReadError(where, verdict.Refusal + "; article skipped"));
            return null;
        }
        foreach (var note in verdict.Notes) warnings.Add(new ReadError(where, note));
        string id = ids.Claim(admitted.Id);
        if (id == admitted.Id) return admitted;
        warnings.Add(new ReadError(where, $"id \"{admitted.Id}\" was already used; renamed to \"{id}\""));
        return admitted with { Id = id };
    }

    private static IEnumerable<Article> ReadFile(string path, string kind, ReadLimits limits, ByteBudget? budget, List<ReadError> errors)
    {
        Stream input;
        try
        {
            input = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ReadError(path, $"cannot be read ({e.Message})"));
            yield break;
        }
        string id = Path.GetFileName(path);
        bool gzipped = id.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzipped) id = id[..^3];
        foreach (var ext in JsonlExtensions.Concat(HtmlExtensions).Concat(TextExtensions))
        {
            if (id.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                id = id[..^ext.Length];
                break;
            }
        }
        if (gzipped) input = new GZipStream(input, CompressionMode.Decompress);
        using var bounded = new BoundedStream(input, limits.MaxInputBytes, budget);
        foreach (var a in ReadInput(bounded, id, path, kind, limits, errors)) yield return a;
    }

    /// <summary>One input's articles: a JSON Lines stream line by line, or one article from a text or HTML file; <paramref name="kind"/> null sniffs it.</summary>
    private static IEnumerable<Article> ReadInput(Stream stream, string id, string origin, string? kind, ReadLimits limits, List<ReadError> errors)
    {
        if (kind is null)
        {
            var head = new byte[4096];
            int got;
            try
            {
                got = ReadAtLeast(stream, head);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                errors.Add(new ReadError(origin, Unreadable(e, limits)));
                yield break;
            }
            kind = Sniff(head.AsSpan(0, got));
            stream = new PrefixedStream(head, got, stream);
        }
        if (kind == "jsonl")
        {
            int before = errors.Count, found = 0;
            using var lines = JsonlArticleReader.Enumerate(stream, origin, errors, limits).GetEnumerator();
            while (true)
            {
                bool more;
                try
                {
                    more = lines.MoveNext();
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // What was read before the damage stays read; the rest of this input is reported and skipped.
                    errors.Add(new ReadError(origin, Unreadable(e, limits) + (found > 0 ? $"; the {found} articles before it were read" : "")));
                    more = false;
                }
                if (!more) break;
                found++;
                yield return lines.Current;
            }
            if (found == 0 && errors.Count == before) errors.Add(new ReadError(origin, "file is empty"));
            yield break;
        }
        byte[]? bytes;
        try
        {
            bytes = BoundedRead.ReadAll(stream, limits.MaxPageBytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            errors.Add(new ReadError(origin, Unreadable(e, limits)));
            yield break;
        }
        if (bytes is null)
        {
            errors.Add(new ReadError(origin, $"file is larger than {ReadLimits.Size(limits.MaxPageBytes)}, the limit for a file holding one article (--max-page-mb); split it"));
            yield break;
        }
        if (!TextDecoding.TryDecode(bytes, out string content, out string? error))
        {
            errors.Add(new ReadError(origin, error!));
            yield break;
        }
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(new ReadError(origin, "file is empty"));
            yield break;
        }
        Article article;
        string? dateError = null;
        try
        {
            article = kind == "html" ? HtmlArticleReader.Parse(id, content, origin) : TextArticleReader.Parse(id, content, origin, out dateError);
        }
        catch (PageRefusedException e)
        {
            errors.Add(new ReadError(origin, e.Message));
            yield break;
        }
        if (dateError is not null)
        {
            errors.Add(new ReadError(origin, $"publication date {dateError}; {DateParsing.PublishedHint}; file skipped"));
            yield break;
        }
        if (string.IsNullOrWhiteSpace(article.Text))
        {
            errors.Add(new ReadError(origin, kind == "html" ? "no article text found in the page" : "no article text after the metadata"));
            yield break;
        }
        yield return article;
    }

    private static string Unreadable(Exception e, ReadLimits limits) => e switch
    {
        InputTooLargeException => $"is {e.Message}, the limit for one input ({limits.InputLimitOption}); the rest of it is skipped",
        InvalidDataException => $"is not valid gzip or is damaged ({e.Message}); the rest of it is skipped",
        _ => $"cannot be read to the end ({e.Message})",
    };

    private static int ReadAtLeast(Stream stream, byte[] buffer)
    {
        int got = 0;
        while (got < buffer.Length)
        {
            int n = stream.Read(buffer, got, buffer.Length - got);
            if (n == 0) break;
            got += n;
        }
        return got;
    }

    /// <summary>JSON Lines when the first thing in it is "{", HTML when "&lt;", plain text otherwise.</summary>
    private static string Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        int at = head.IndexOfAnyExcept(" \t\r\n"u8);
        return at < 0 ? "txt" : head[at] switch
        {
            (byte)'{' => "jsonl",
            (byte)'<' => "html",
            _ => "txt",
        };
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
}

/// <summary>
/// Makes ids unique in one read: a later article whose id was taken becomes "id-2", "id-3" …. The next suffix to try is
/// remembered per id, so ten thousand articles all called "x" take linear time, not quadratic.
/// </summary>
public sealed class UniqueIds
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <summary>The id itself when it is free, else the first free "id-N".</summary>
    public string Claim(string id)
    {
        if (_seen.Add(id)) return id;
        int n = _next.GetValueOrDefault(id, 2);
        while (!_seen.Add($"{id}-{n}")) n++;
        _next[id] = n + 1;
        return $"{id}-{n}";
    }
}
