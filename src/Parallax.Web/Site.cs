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
        Store = StoreAddress.Open(options.DbPath);
        // A damaged store is refused at start with one line, rather than serving pages cut short later.
        if (Store.QuickCheck() is { } damage)
        {
            Store.Dispose();
            throw new StoreException($"{Store.Path} is damaged ({damage}); run 'parallax check --db {Store.Path}' and restore it from a backup");
        }
        Ingestor = new Ingestor(Store, AnalysisPipeline.Default);
        Live = new LiveStories(Store, AnalysisPipeline.Default) { Quiet = options.ConsolidateWhenQuiet, MaxLag = options.ConsolidateAtLeastEvery, BriefWait = TimeSpan.Zero };
        Fetcher = new PoliteFetcher(options.Fetch);
        Reads = new StoreLane("store reads", Math.Clamp(Environment.ProcessorCount * 2, 4, 16), capacity: 1024);
        Writes = new StoreLane("store writes", 2, capacity: 128);
    }

    /// <summary>The threads that read the store for requests (<see cref="ReadAsync"/>); a request thread never waits on the database.</summary>
    private StoreLane Reads { get; }

    /// <summary>The threads that add articles: few, since a store takes one write at a time (SQLite) or a few (PostgreSQL).</summary>
    private StoreLane Writes { get; }

    /// <summary>Reads the store on a store thread and completes with the result; 503 (<see cref="StoreBusyException"/>) when too many reads wait.</summary>
    public Task<T> ReadAsync<T>(Func<IStoryStore, T> read, CancellationToken cancel = default) => Reads.Run(() => read(Store), cancel);

    public ServerOptions Options { get; }

    public IStoryStore Store { get; }

    /// <summary>Checks and stores what is added.</summary>
    public Ingestor Ingestor { get; }

    /// <summary>Places added articles in their stories at once, and consolidates the stories when the stream goes quiet.</summary>
    public LiveStories Live { get; }

    public PoliteFetcher Fetcher { get; }

    public PageExtractor Extractor { get; } = new();

    /// <summary>The filter choices and when they were read; one reference, so a reader never sees half of an update.</summary>
    private sealed record KeptChoices(Pages.Choices Choices, long At)
    {
        /// <summary>True once this server has written to the store since the choices were read.</summary>
        public bool Stale { get; init; }
    }

    private volatile KeptChoices? _choices;

    private readonly ConcurrentDictionary<SearchQuery, (SearchPage Page, long At)> _searches = new();

    /// <summary>How long a search's results are reused (and so how stale they can be after another process writes).</summary>
    public const int SearchReuseMs = 10_000;

    private const int SearchesKept = 512;

    /// <summary>
    /// A page of search results, reused for <see cref="SearchReuseMs"/>: a search costs tens of milliseconds on a store of
    /// tens of thousands of articles (ranking every match), and a newsroom's readers search the same few things at once.
    /// An add through this server forgets every kept result.
    /// </summary>
    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancel = default)
    {
        long now = Environment.TickCount64;
        if (_searches.TryGetValue(query, out var kept) && now - kept.At < SearchReuseMs) return kept.Page;
        var page = await ReadAsync(store => store.SearchPage(query), cancel);
        if (_searches.Count >= SearchesKept) _searches.Clear();
        _searches[query] = (page, now);
        return page;
    }

    private int _readingChoices;

    /// <summary>
    /// The topics and outlets the front page offers as filters, read at most every half minute. Once read, an old list is
    /// served while a fresh one is read in the background (after an add, or when it is half a minute old): tallying every
    /// story's outlets takes tens of milliseconds on a large store, which no visitor should wait for.
    /// </summary>
    internal async Task<Pages.Choices> FilterChoicesAsync(CancellationToken cancel = default)
    {
        long now = Environment.TickCount64;
        var known = _choices;
        if (known is null)
        {
            var first = await ReadAsync(store => new Pages.Choices(store.StoryTopics(), store.StoryOutlets()), cancel);
            _choices = new KeptChoices(first, now);
            return first;
        }
        if ((known.Stale || now - known.At >= 30_000) && Interlocked.Exchange(ref _readingChoices, 1) == 0)
        {
            _ = RefreshChoicesAsync();
        }
        return known.Choices;
    }

    private async Task RefreshChoicesAsync()
    {
        try
        {
            _choices = new KeptChoices(await ReadAsync(store => new Pages.Choices(store.StoryTopics(), store.StoryOutlets())), Environment.TickCount64);
        }
        catch (Exception e) when (e is StoreException or StoreBusyException)
        {
            // Busy or damaged store: the old list stays, and the next request tries again.
        }
        finally
        {
            Volatile.Write(ref _readingChoices, 0);
        }
    }

    /// <summary>The analysis of a stored article, computed on first view and kept for a while.</summary>
    public AnalyzedArticle? Analysis(StoredArticle stored)
    {
        if (_analyses.TryGetValue(stored.Article.Id, out var hit)) return hit;
        var analyzed = AnalysisPipeline.Default.Analyze(stored.Article);
        if (_analyses.Count >= AnalysesKept) _analyses.Clear();
        _analyses[stored.Article.Id] = analyzed;
        return analyzed;
    }

    /// <summary>
    /// Adds articles and reports, for each, its stored id, what happened, its story, and its title as stored: the articles
    /// are stored, then placed in their stories at once (<see cref="LiveStories"/>), on a store thread. When another
    /// process (a bulk ingest) holds the stories, the articles stay stored and their stories follow when it is done: the
    /// result says so (<see cref="AddResult.Deferred"/>) instead of making the visitor wait. The rebuilt briefs are waited
    /// for up to <paramref name="briefWait"/> without holding any thread.
    /// </summary>
    public async Task<AddResult> AddAsync(IReadOnlyList<Article> articles, CancellationToken cancel, TimeSpan? briefWait = null)
    {
        if (articles.Count == 0) return new AddResult([], false);
        var (result, ticket) = await Writes.Run(() => Add(articles, cancel), cancel);
        // The story is known once placed; its brief follows in the background, waited for here up to a point.
        bool briefed = ticket == 0 || await BriefsStoredAsync(ticket, briefWait ?? Options.AddWaitsForBriefs, cancel);
        Forget();
        return result with { Briefing = !briefed };
    }

    /// <summary>Uploaded files read (<see cref="ReadUploads"/>) and added, the reading too on a store thread: it writes and reads temporary files.</summary>
    public async Task<(AddResult Added, IReadOnlyList<string> Problems)> AddUploadsAsync(IReadOnlyList<(string Name, Stream Content)> files, CancellationToken cancel, TimeSpan? briefWait = null)
    {
        var (articles, problems) = await Writes.Run(() => ReadUploads(files, Options.MaxUploadBytes), cancel);
        return (await AddAsync(articles, cancel, briefWait), problems);
    }

    private (AddResult Result, long Ticket) Add(IReadOnlyList<Article> articles, CancellationToken cancel)
    {
        var outcomes = Ingestor.StoreAll(articles, cancel: cancel);
        var placed = !outcomes.Any(o => o.Status == AddStatus.Added) ? PlaceReport.Nothing
            : Options.LeaveStoriesToWorkers ? PlaceReport.Nothing with { Deferred = true }
            : Live.Place(cancel);
        Forget();
        return (new AddResult([.. outcomes.Select((o, i) => new AddedArticle(o.Id, Status(o.Status), o.Status == AddStatus.Refused ? null : Live.StoryOf(o.Id) ?? Store.Article(o.Id)?.Story,
            StoredTitle(articles[i]) ?? o.Id) { Reason = o.Reason })], placed.Deferred), placed.Ticket);
    }

    /// <summary>The title as it is stored: what the admission check keeps (a title over <see cref="ArticleAdmission.MaxTitleChars"/> is cut).</summary>
    private string? StoredTitle(Article article) => ArticleAdmission.Check(article, Ingestor.Limits).Article?.Title ?? article.Title;

    /// <summary>Whether the briefs up to <paramref name="ticket"/> are stored within <paramref name="wait"/>, looked at every few milliseconds rather than waited for on a thread.</summary>
    private async Task<bool> BriefsStoredAsync(long ticket, TimeSpan wait, CancellationToken cancel)
    {
        long until = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (!Live.WaitForBriefs(ticket, TimeSpan.Zero))
        {
            if (Environment.TickCount64 >= until || cancel.IsCancellationRequested) return false;
            await Task.Delay(20, CancellationToken.None);
        }
        return true;
    }

    /// <summary>Forgets what was kept from the store (analyses, filter choices, search results) once this server has written to it.</summary>
    private void Forget()
    {
        _analyses.Clear();
        if (_choices is { } kept) _choices = kept with { Stale = true };
        _searches.Clear();
    }

    private int _ticking;

    /// <summary>
    /// Runs <see cref="Tick"/> at once and then every <paramref name="every"/> on a thread of its own until
    /// <paramref name="stop"/>: a consolidation takes a core for seconds, which no thread of the pool that answers requests should.
    /// </summary>
    public void TickEvery(TimeSpan every, CancellationToken stop)
    {
        var both = CancellationTokenSource.CreateLinkedTokenSource(stop, _disposing.Token);
        _ticker = new Thread(() =>
        {
            using (both)
            {
                do Tick();
                while (!both.Token.WaitHandle.WaitOne(every));
            }
        })
        { IsBackground = true, Name = "stories" };
        _ticker.Start();
    }

    private readonly CancellationTokenSource _disposing = new();
    private Thread? _ticker;

    /// <summary>
    /// The server's background work, every few seconds: places articles other processes stored (feed watching), and
    /// consolidates the stories when they are due (<see cref="LiveStories.ConsolidationDue"/>). A tick that finds the
    /// previous one still running does nothing.
    /// </summary>
    public void Tick()
    {
        if (Options.LeaveStoriesToWorkers || Interlocked.Exchange(ref _ticking, 1) == 1) return;
        try
        {
            if (Live.Place() is { Placed: > 0 } or { Rebuilt: > 0 }) Forget();
            if (Live.ConsolidationDue() && Live.Consolidate() is { } done && (done.Rebuilt > 0 || done.Removed > 0)) Forget();
        }
        catch (StoreException)
        {
            // The store is busy or damaged; requests report that, and the next tick tries again.
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private static string Status(AddStatus s) => s switch
    {
        AddStatus.Added => "added",
        AddStatus.SameText => "sameText",
        AddStatus.SameUrl => "sameUrl",
        _ => "refused",
    };

    /// <summary>The article at an address someone typed, or why there is none (not a web address, not public, no article text).</summary>
    public async Task<(Article? Article, string? Error)> FetchAsync(string address, CancellationToken cancel)
    {
        if (!WebAddress.TryParse(address.Trim(), out var uri)) return (null, $"{address}: give the page's full http(s) address, e.g. https://example.com/news/story");
        var (article, error) = await PageArticles.FetchAsync(Fetcher, Extractor, uri, cancel);
        return article is null ? (null, $"{address}: {error}") : (article, null);
    }

    /// <summary>A pasted article with its form fields, or why it cannot be taken (a publication date that is not a date: <see cref="DateParsing.TryParsePublished(string?, out DateOnly?, out string?, bool, string)"/>).</summary>
    public static (Article? Article, string? Error) Paste(string text, string? title, string? source, string? published, string? url) =>
        DateParsing.TryParsePublished(published, out var date, out var problem, isoOnly: true) ? (Pasted(text, title, source, date, url), null) : (null, problem);

    /// <summary>An article typed or pasted in: its id is derived from its text, so pasting it twice is recognised.</summary>
    public static Article Pasted(string text, string? title, string? source, DateOnly? published, string? url) => new()
    {
        Id = "pasted-" + ArticleKeys.ContentHash(text)[..12],
        Text = text.ReplaceLineEndings("\n").Trim(),
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
        Published = published,
        Url = Html.SafeHref(url),
        Origin = "web",
    };

    /// <summary>Longest name an uploaded file is saved under (file systems take 255 bytes; a name may be any length).</summary>
    private const int MaxSavedName = 120;

    /// <summary>Reads uploaded files as Parallax reads files on disk (.txt, .html, .jsonl, gzipped or not); one bad file does not stop the others.</summary>
    /// <remarks>
    /// <paramref name="maxBytes"/> bounds the files together, counted after decompression, so a small gzip that expands
    /// to gigabytes stops at the bound; messages name each file as it was uploaded, never the temporary copy.
    /// </remarks>
    public static (IReadOnlyList<Article> Articles, IReadOnlyList<string> Problems) ReadUploads(IEnumerable<(string Name, Stream Content)> files, long maxBytes, ReadLimits? limits = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "parallax-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var problems = new List<string>();
        try
        {
            int n = 0;
            var names = new List<(string Path, string Name)>();
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
                // A name longer than the file system takes is cut (its kind kept): the article id it becomes is cut alike.
                if (safe.Length > MaxSavedName)
                {
                    string kind = safe.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ext + ".gz" : ext;
                    safe = safe[..(MaxSavedName - kind.Length)] + kind;
                }
                // One folder per file, so each keeps its own name (which becomes its article id) even when two share it.
                string folder = Path.Combine(dir, $"{++n:D4}");
                Directory.CreateDirectory(folder);
                string saved = Path.Combine(folder, safe.TrimStart('.') is { Length: > 0 } kept ? kept : "upload" + ext);
                names.Add((saved, Path.GetFileName(name.Replace('\\', '/'))));
                using var file = File.Create(saved);
                content.CopyTo(file);
            }
            var bounded = (limits ?? ReadLimits.Default) with { MaxInputBytes = maxBytes, InputLimitOption = "the server's --max-upload" };
            var read = ArticleSource.Read([dir], limits: bounded, budget: new ByteBudget(maxBytes));
            string Named(string message)
            {
                foreach (var (saved, original) in names) message = message.Replace(saved, original, StringComparison.Ordinal);
                return message.Replace(dir, "upload", StringComparison.Ordinal);
            }
            problems.AddRange(read.Errors.Select(e => Named(e.ToString())));
            // Where an article came from is the file as sent, never the server's temporary folder.
            return ([.. read.Articles.Select(a => a.Origin is null ? a : a with { Origin = Named(a.Origin) })], problems);
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
        // The ticker finishes the tick it is in before the store closes under it.
        _disposing.Cancel();
        _ticker?.Join(TimeSpan.FromMinutes(1));
        _disposing.Dispose();
        Reads.Dispose();
        Writes.Dispose();
        Fetcher.Dispose();
        Store.Dispose();
    }
}

/// <summary>What became of one added article.</summary>
/// <param name="Id">The id it is stored under, or the stored article it repeats.</param>
/// <param name="Status">added, sameText (the text was already stored), sameUrl (the address was) or refused (see Reason).</param>
/// <param name="Story">The story it belongs to; null while its story is still being worked out.</param>
/// <param name="Title">Its title, or its id.</param>
public sealed record AddedArticle(string Id, string Status, string? Story, string Title)
{
    /// <summary>Why it was refused, when it was.</summary>
    public string? Reason { get; init; }
}

/// <summary>What became of the articles of one add, and whether their stories are still to come (another ingest was running).</summary>
public sealed record AddResult(IReadOnlyList<AddedArticle> Articles, bool Deferred)
{
    /// <summary>True when the articles are in their stories but a brief is still being rebuilt (it is stored within a second or so).</summary>
    public bool Briefing { get; init; }

    /// <summary>Said to the person who added them when <see cref="Deferred"/> is set.</summary>
    public const string DeferredNote = "stored; another process (an ingest, or the workers) is bringing this store's stories up to date, and these articles join their stories when it gets to them";
}
