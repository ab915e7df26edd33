using System.Text;
using System.Text.Json;
using Parallax.Model;

namespace Parallax.Storage;

/// <summary>
/// A store in two plain files: articles appended one JSON line each to FILE (readable by every Parallax command, e.g.
/// <c>parallax brief FILE</c>), and feed state in FILE.feeds.json, replaced atomically. Each article line is flushed to disk
/// before <see cref="Add"/> returns; a line cut short by a crash is dropped on the next open, so earlier articles survive.
/// </summary>
public sealed class JsonlArticleStore : IArticleStore
{
    private readonly string _path;
    private readonly string _feedsPath;
    private readonly FileStream _file;
    private readonly HashSet<string> _urls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FeedState> _feeds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private static readonly JsonSerializerOptions FeedJson = new() { WriteIndented = true };

    public JsonlArticleStore(string path)
    {
        _path = Path.GetFullPath(path);
        _feedsPath = _path + ".feeds.json";
        if (Path.GetDirectoryName(_path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        _file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        LoadArticles();
        LoadFeeds();
    }

    public int Count
    {
        get
        {
            lock (_gate) return _ids.Count;
        }
    }

    public bool HasUrl(string url)
    {
        lock (_gate) return _urls.Contains(ArticleKeys.NormalUrl(url));
    }

    public bool Add(Article article)
    {
        string hash = ArticleKeys.ContentHash(article.Text);
        lock (_gate)
        {
            if (_hashes.Contains(hash) || (article.Url is { } u && _urls.Contains(ArticleKeys.NormalUrl(u)))) return false;
            string id = article.Id;
            for (int n = 2; _ids.Contains(id); n++) id = $"{article.Id}-{n}";
            var line = new Dictionary<string, object?>
            {
                ["id"] = id,
                ["source"] = article.Source,
                ["title"] = article.Title,
                ["published"] = article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["url"] = article.Url,
                ["text"] = article.Text,
                ["hash"] = hash,
            };
            foreach (var (key, raw) in article.Extra)
            {
                if (!line.ContainsKey(key)) line[key] = JsonDocument.Parse(raw).RootElement.Clone();
            }
            byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line) + "\n");
            _file.Seek(0, SeekOrigin.End);
            _file.Write(bytes);
            _file.Flush(flushToDisk: true);
            _ids.Add(id);
            _hashes.Add(hash);
            if (article.Url is { } url) _urls.Add(ArticleKeys.NormalUrl(url));
            return true;
        }
    }

    public FeedState? Feed(string url)
    {
        lock (_gate) return _feeds.GetValueOrDefault(url);
    }

    public void SaveFeed(FeedState state)
    {
        lock (_gate)
        {
            _feeds[state.Url] = state;
            string temp = _feedsPath + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(_feeds.Values.OrderBy(f => f.Url, StringComparer.Ordinal).ToList(), FeedJson));
            File.Move(temp, _feedsPath, overwrite: true);
        }
    }

    /// <summary>Reads what is stored, dropping a last line left incomplete by a crash.</summary>
    private void LoadArticles()
    {
        long complete = 0;
        using (var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            string all = reader.ReadToEnd();
            int lineStart = 0;
            while (lineStart < all.Length)
            {
                int nl = all.IndexOf('\n', lineStart);
                if (nl < 0) break;
                Remember(all[lineStart..nl]);
                lineStart = nl + 1;
            }
            complete = Encoding.UTF8.GetByteCount(all.AsSpan(0, lineStart));
        }
        if (_file.Length != complete) _file.SetLength(complete);
    }

    private void Remember(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("id", out var id) && id.GetString() is { } i) _ids.Add(i);
            if (root.TryGetProperty("url", out var url) && url.GetString() is { } u) _urls.Add(ArticleKeys.NormalUrl(u));
            string? hash = root.TryGetProperty("hash", out var h) ? h.GetString() : null;
            hash ??= root.TryGetProperty("text", out var t) ? ArticleKeys.ContentHash(t.GetString() ?? "") : null;
            if (hash is not null) _hashes.Add(hash);
        }
        catch (JsonException)
        {
            // A line that is not JSON was not written by this store; it is left in place and ignored.
        }
    }

    private void LoadFeeds()
    {
        if (!File.Exists(_feedsPath)) return;
        try
        {
            foreach (var f in JsonSerializer.Deserialize<List<FeedState>>(File.ReadAllText(_feedsPath)) ?? []) _feeds[f.Url] = f;
        }
        catch (JsonException)
        {
            // Losing feed state costs one unconditional poll; the articles themselves are safe in the main file.
        }
    }

    public void Dispose() => _file.Dispose();
}
