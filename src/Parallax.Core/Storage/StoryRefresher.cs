using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Rendering;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>How far a refresh has come: a phase and a count within it (the total is 0 when not known).</summary>
public sealed record RefreshProgress(string Phase, int Done, int Total);

/// <summary>What a refresh did.</summary>
/// <param name="Featured">Articles analysed for story features for the first time.</param>
/// <param name="Stories">Stories in the store afterwards.</param>
/// <param name="Rebuilt">Stories whose articles changed, so whose brief was built again.</param>
/// <param name="Removed">Stories that no longer exist (merged into another).</param>
/// <param name="Elapsed">Wall time of the refresh.</param>
public sealed record RefreshReport(int Featured, int Stories, int Rebuilt, int Removed, TimeSpan Elapsed)
{
    /// <summary>No refresh: nothing was done.</summary>
    public static RefreshReport None { get; } = new(0, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Time spent analysing new articles for story features.</summary>
    public TimeSpan FeatureTime { get; init; }

    /// <summary>Time spent reading every article's features and grouping them into stories.</summary>
    public TimeSpan ClusterTime { get; init; }

    /// <summary>Articles set aside in this refresh because they could not be analysed or briefed.</summary>
    public int Quarantined { get; init; }

    /// <summary>Time spent analysing, briefing, rendering and storing changed stories.</summary>
    public TimeSpan BriefTime { get; init; }
}

/// <summary>The stories a refresh computed, by id, and the last arrival number they reflect.</summary>
public sealed record RefreshPlan(IReadOnlyList<(string Id, StoryMembers Members)> Stories, long Through)
{
    /// <summary>
    /// A plan made while a re-analysis is under way and some articles still lack their new features: it must not be
    /// applied, for it would remove their stories, whose old briefs are served until the new ones are in.
    /// </summary>
    public bool Incomplete { get; init; }
}

/// <summary>
/// Analyses of articles kept between the steps that need them (features, then briefs), up to a number; thread-safe.
/// When full, the oldest half is forgotten, so a long run holds a bounded number.
/// </summary>
public sealed class AnalysisCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (AnalyzedArticle Analysis, DateTimeOffset Added)> _kept = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Keep(string id, AnalyzedArticle analysis, DateTimeOffset added)
    {
        if (capacity <= 0) return;
        lock (_gate)
        {
            if (_kept.ContainsKey(id)) return;
            if (_kept.Count >= capacity)
            {
                while (_kept.Count > capacity / 2 && _order.TryDequeue(out var old)) _kept.Remove(old);
            }
            _kept[id] = (analysis, added);
            _order.Enqueue(id);
        }
    }

    public bool TryGet(string id, out (AnalyzedArticle Analysis, DateTimeOffset Added) kept)
    {
        lock (_gate) return _kept.TryGetValue(id, out kept);
    }

    /// <summary>Forgets every analysis (after the analyzers or the articles change).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _kept.Clear();
            _order.Clear();
        }
    }
}

/// <summary>
/// Brings a store's stories up to date with its articles: new articles are analysed for story features, all articles are
/// clustered again (in arrival order, so the result depends only on what is stored), and only the stories whose articles
/// changed get a new brief. Each step commits in batches; a refresh killed part-way leaves the store consistent, and the
/// next refresh finishes the work, with the same result as one uninterrupted run.
/// </summary>
public sealed partial class StoryRefresher(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null)
{
    /// <summary>Articles analysed and committed together when computing features.</summary>
    public int FeatureBatch { get; init; } = 512;

    /// <summary>
    /// Most articles one call of <see cref="Featurize"/> analyses, the rest left to the next call: a worker goes back to
    /// placing and briefing between rounds, so stories of a large backlog appear as it goes, not after it.
    /// </summary>
    public int FeatureRound { get; init; } = int.MaxValue;

    /// <summary>Most articles whose analyses are kept between the two phases, so small ingests analyse each article once.</summary>
    public int AnalysisCacheSize { get; init; } = 2048;

    /// <summary>Articles briefed and committed together when rebuilding stories.</summary>
    public int BriefBatch { get; init; } = 1024;

    /// <summary>Most cores analysis and briefing use at once (-1: all); a server working in the background leaves one to its pages.</summary>
    public int Cores { get; init; } = -1;

    /// <summary>How a story's source headings link to its articles.</summary>
    public Func<string, string> ArticleHref { get; init; } = id => "../articles/" + Uri.EscapeDataString(id);

    public RefreshReport Refresh(IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var cache = new AnalysisCache(AnalysisCacheSize);
        var (featured, quarantinedFeatures) = Featurize(cache, progress, cancel);
        var featureTime = clock.Elapsed;
        var plan = Plan(progress);
        var clusterTime = clock.Elapsed - featureTime;
        var (rebuilt, removed, quarantinedBriefs) = Apply(plan, cache, progress, cancel);
        return new RefreshReport(featured, plan.Stories.Count, rebuilt, removed, clock.Elapsed)
        {
            Quarantined = quarantinedFeatures + quarantinedBriefs,
            FeatureTime = featureTime,
            ClusterTime = clusterTime,
            BriefTime = clock.Elapsed - featureTime - clusterTime,
        };
    }

    /// <summary>
    /// Computes story features for every article that has none and no other process is analysing (up to <see cref="FeatureRound"/>), in committed batches; an
    /// article that cannot be analysed is set aside with its reason and the rest of its batch goes on. The analyses are kept in <paramref name="cache"/>.
    /// </summary>
    public (int Featured, int Quarantined) Featurize(AnalysisCache cache, IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        int featured = 0, quarantined = 0;
        while (featured < FeatureRound)
        {
            cancel.ThrowIfCancellationRequested();
            // A claim: other processes (workers) analyse other articles meanwhile, and one killed mid-batch leaves its batch to the next.
            using var claim = store.ClaimUnfeatured(FeatureBatch);
            var batch = claim.Articles;
            if (batch.Count == 0) break;
            var outcomes = Corpus.TryAnalyze([.. batch.Select(a => a.Article)], pipeline, StoryFeatures.Of, Cores, cancel);
            var failed = new List<QuarantinedArticle>();
            var features = new List<StoryFeatures>(batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Error is { } error) failed.Add(new QuarantinedArticle(batch[i].Article.Id, "features", error));
                else
                {
                    features.Add(outcomes[i].Kept!);
                    cache.Keep(batch[i].Article.Id, outcomes[i].Analysis!, batch[i].Added);
                }
            }
            claim.Complete(features, failed);
            quarantined += failed.Count;
            featured += batch.Count;
            progress?.Report(new RefreshProgress("analysing new articles", featured, 0));
        }
        return (featured, quarantined);
    }

    /// <summary>
    /// The stories every featured article makes when clustered from scratch (in arrival order, so the result depends only on
    /// what is stored), each named by its first article's arrival number: <c>story-N</c>.
    /// </summary>
    public RefreshPlan Plan(IProgress<RefreshProgress>? progress = null)
    {
        // Through: the last article every one up to which is featured or set aside (one another process stored since the
        // features were computed keeps the stories pending), and an article set aside last does not keep them pending forever.
        long last = store.LastSeq;
        var all = store.Features();
        var firstUnfeatured = store.Unfeatured(1);
        long through = firstUnfeatured is [var unfeatured, ..] ? Math.Min(last, unfeatured.Seq - 1) : last;
        bool incomplete = firstUnfeatured.Count > 0 && store.Reanalysing;
        var seqOf = all.ToDictionary(f => f.Features.Id, f => f.Seq, StringComparer.Ordinal);
        progress?.Report(new RefreshProgress("grouping into stories", 0, all.Count));
        var computed = new StoryClusterer(options).Cluster([.. all.Select(f => f.Features)])
            .Select(s => (Id: StoryId(s.Articles.Min(a => seqOf[a])), Members: s))
            .ToList();
        return new RefreshPlan(computed, through) { Incomplete = incomplete };
    }

    /// <summary>Each story's key (<see cref="MembersKey"/>) under the store's current analysis generation, by id.</summary>
    public Dictionary<string, string> KeysOf(IEnumerable<(string Id, StoryMembers Members)> stories)
    {
        long generation = store.AnalysisGeneration;
        return stories.ToDictionary(s => s.Id, s => MembersKey(s.Members, generation), StringComparer.Ordinal);
    }

    /// <summary>A story's id: the arrival number of its first article. Both the live path and a refresh name stories this way, so an id outlives both.</summary>
    public static string StoryId(long firstSeq) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"story-{firstSeq}");

    /// <summary>
    /// Stores the planned stories: briefs those whose articles changed since they were stored, removes those that no longer
    /// exist, in committed batches; the last batch marks the stories up to date through the plan's last article.
    /// </summary>
    public (int Rebuilt, int Removed, int Quarantined) Apply(RefreshPlan plan, AnalysisCache cache, IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        if (plan.Incomplete) return (0, 0, 0);
        // Briefs queued for workers were placed among the stories this plan replaces, and one stored between the read of
        // the stored stories below and the plan's writes would outlive the plan (a story left without members, or an
        // older brief over a story the plan thought unchanged). A new stories version drops them first: a worker storing
        // one now is waited for, and every later one sees the version and drops its job.
        if (store.QueuedBriefs > 0) store.SaveStories([], [], null);
        var stored = store.StoryKeys();
        var keyOf = KeysOf(plan.Stories);
        var changed = plan.Stories.Where(c => !stored.TryGetValue(c.Id, out var k) || k != keyOf[c.Id]).ToList();
        var removed = stored.Keys.Where(id => !keyOf.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        int rebuilt = 0, quarantined = 0;
        var chunks = Chunk(changed, c => c.Members.Articles.Count, BriefBatch).ToList();
        if (chunks.Count == 0) store.SaveStories([], removed, plan.Through);
        for (int k = 0; k < chunks.Count; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var chunk = chunks[k];
            var (records, failed) = Brief(chunk, keyOf, cache, cancel);
            store.Quarantine(failed);
            quarantined += failed.Count;
            // A story left with no article that can be briefed is not stored; an older version of it goes, in the same transaction.
            var vanished = chunk.Where(c => !records.ContainsKey(c.Id) && stored.ContainsKey(c.Id)).Select(c => c.Id);
            bool last = k == chunks.Count - 1;
            store.SaveStories([.. chunk.Where(c => records.ContainsKey(c.Id)).Select(c => records[c.Id])], [.. vanished, .. last ? removed : []], last ? plan.Through : null);
            rebuilt += chunk.Count;
            progress?.Report(new RefreshProgress("briefing stories", rebuilt, changed.Count));
        }
        return (rebuilt, removed.Count, quarantined);
    }

    /// <summary>
    /// Briefs stories (in parallel), analysing the articles <paramref name="cache"/> lacks; the articles that cannot be
    /// analysed or briefed come back to be quarantined, and a story none of whose articles can be briefed has no record.
    /// </summary>
    internal (Dictionary<string, StoryRecord> Records, List<QuarantinedArticle> Failed) Brief(IReadOnlyList<(string Id, StoryMembers Members)> stories,
        IReadOnlyDictionary<string, string> keyOf, AnalysisCache cache, CancellationToken cancel)
    {
        // The analyses at hand are taken first: keeping the fresh ones may push them out of the cache.
        var known = new Dictionary<string, (AnalyzedArticle Analysis, DateTimeOffset Added)>(StringComparer.Ordinal);
        var needed = new List<string>();
        foreach (var id in stories.SelectMany(c => c.Members.Articles))
        {
            if (known.ContainsKey(id)) continue;
            if (cache.TryGet(id, out var hit)) known[id] = hit;
            else needed.Add(id);
        }
        var loaded = store.Articles(needed.Distinct(StringComparer.Ordinal).ToList());
        var outcomes = Corpus.TryAnalyze([.. loaded.Select(a => a.Article)], pipeline, a => a, Cores, cancel);
        var failed = new System.Collections.Concurrent.ConcurrentBag<QuarantinedArticle>();
        for (int i = 0; i < loaded.Count; i++)
        {
            if (outcomes[i].Analysis is { } analysis)
            {
                known[analysis.Id] = (analysis, loaded[i].Added);
                cache.Keep(analysis.Id, analysis, loaded[i].Added);
            }
            else failed.Add(new QuarantinedArticle(loaded[i].Article.Id, "brief", outcomes[i].Error!));
        }
        var builder = new BriefBuilder(pipeline);
        var records = new StoryRecord?[stories.Count];
        Parallel.For(0, stories.Count, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Cores }, i =>
        {
            var (id, members) = stories[i];
            var articles = members.Articles.Where(known.ContainsKey).Select(id => known[id]).ToList();
            records[i] = Briefed(id, members, keyOf[id], articles, builder, failed);
        });
        var byId = new Dictionary<string, StoryRecord>(StringComparer.Ordinal);
        foreach (var r in records) if (r is not null) byId[r.Id] = r;
        return (byId, [.. failed.OrderBy(q => q.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The story's record, its brief built from the articles given. Should the brief fail, each article is briefed alone
    /// to find the ones that break it; those are quarantined and the story is briefed without them, so one bad article
    /// never costs its neighbours their story. Null when no article of the story can be briefed.
    /// </summary>
    private StoryRecord? Briefed(string id, StoryMembers members, string key, List<(AnalyzedArticle Analysis, DateTimeOffset Added)> articles,
        BriefBuilder builder, System.Collections.Concurrent.ConcurrentBag<QuarantinedArticle> failed)
    {
        if (articles.Count == 0) return null;
        if (TryBrief(id, members, key, articles, builder, out var record, out var error)) return record;
        var good = new List<(AnalyzedArticle Analysis, DateTimeOffset Added)>();
        foreach (var a in articles)
        {
            if (TryBrief(id, members, key, [a], builder, out _, out var alone)) good.Add(a);
            else failed.Add(new QuarantinedArticle(a.Analysis.Id, "brief", alone!));
        }
        if (good.Count > 0 && TryBrief(id, members, key, good, builder, out record, out error)) return record;
        foreach (var a in good) failed.Add(new QuarantinedArticle(a.Analysis.Id, "brief", "its story's brief failed together but not alone: " + error));
        return null;
    }

    /// <summary>Briefs and renders the story (rendering can fail too, say on a value too large to write), or says why it could not.</summary>
    private bool TryBrief(string id, StoryMembers members, string key, List<(AnalyzedArticle Analysis, DateTimeOffset Added)> articles, BriefBuilder builder,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoryRecord? result, out string? error)
    {
        try
        {
            var kept = articles.Select(a => a.Analysis.Id).ToHashSet(StringComparer.Ordinal);
            var copies = members.DuplicateOf.Where(kv => kept.Contains(kv.Key) && kept.Contains(kv.Value)).ToDictionary(StringComparer.Ordinal);
            var story = new Story(id, [.. articles.Select(a => a.Analysis)], copies);
            result = Record(story, key, builder.Build(story), articles.Max(a => a.Added));
            error = null;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = null;
            error = Corpus.Failure(e);
            return false;
        }
    }

    private StoryRecord Record(Story story, string key, Brief brief, DateTimeOffset newestAdded)
    {
        // Outlets, not articles: three articles of one outlet are one source.
        int sources = brief.IndependentSources;
        var day = brief.Date ?? DateOnly.FromDateTime(newestAdded.UtcDateTime);
        var lines = Lines(brief);
        return new StoryRecord
        {
            Id = story.Id,
            MembersKey = key,
            Members = [.. brief.Articles.Select(a => (a.Id, a.DuplicateOf))],
            Title = brief.Title,
            Date = brief.Date,
            Day = day,
            Sources = sources,
            Coverage = Outlets.Coverage(brief.Articles.Where(a => a.DuplicateOf is null).Select(a => a.Article)),
            Topic = Topics.Of(brief.Articles.Select(a => a.Article)),
            Conflicts = brief.Conflicts.Count,
            Summary = lines[0],
            Alternates = [.. lines.Skip(1)],
            Score = brief.Date is null ? Score(sources, day) - UndatedBehind : Score(sources, day),
            BriefJson = BriefJson.WriteStory(brief),
            BriefHtml = BriefHtml.Fragment(brief, ArticleHref),
            Facts = [.. brief.Facts.Select(f => (f.Text, f.Sources))],
        };
    }

    /// <summary>Most lines a story keeps for lists: its line, and the next ones should its line turn out to be a template.</summary>
    public const int ListLines = 4;

    /// <summary>
    /// The lines a story list may show under the title, best first: the summary's sentences (facts two sources state),
    /// then sentences of reporting (<see cref="Lead"/>), each once, single-spaced and cut to 220 characters. A list shows the
    /// first that does not recur across stories (see <see cref="SqliteStore.RecurringLine"/>).
    /// </summary>
    internal static IReadOnlyList<string> Lines(Brief brief)
    {
        static string Clean(string text) => BriefBuilder.Shorten(Text.Words.SingleSpaced(text).Trim(), 220);
        var lines = new List<string>();
        foreach (var text in brief.Summary.Select(s => s.Text).Concat(Leads(brief)).Append(LastResort(brief)))
        {
            string line = Clean(text);
            if (line.Length > 0 && !lines.Contains(line, StringComparer.Ordinal)) lines.Add(line);
            if (lines.Count == ListLines) break;
        }
        return lines.Count > 0 ? lines : [Clean(brief.Title)];
    }

    /// <summary>
    /// The line a story list shows under the title when no fact has two sources: the first fact that reads as a sentence of
    /// reporting — not a fragment cut from a quote ("… he discussed sanctions"), not a lower-case tail, not a few words
    /// (a caption's "It doesn't happen often") — else the first fact, else the title.
    /// </summary>
    internal static string Lead(Brief brief) => Leads(brief).FirstOrDefault() ?? LastResort(brief);

    /// <summary>A list line when no fact reads as reporting: the first fact, else the title.</summary>
    private static string LastResort(Brief brief) => brief.Facts.Count > 0 ? brief.Facts[0].Text : brief.Title;

    /// <summary>Every fact that reads as a sentence of reporting, in the brief's order (see <see cref="Lead"/>).</summary>
    private static IEnumerable<string> Leads(Brief brief)
    {
        foreach (var fact in brief.Facts)
        {
            // A wire dateline ("(Reuters) -", "(CNN)") says who wrote it, which the list already shows.
            string text = WireDateline().Replace(fact.Text.Trim(), "");
            if (text.Length == 0 || text[0] == '…' || text.StartsWith("...", StringComparison.Ordinal) || char.IsLower(text[0])) continue;
            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 6) continue;
            yield return text;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}\)\s*(?:[-–—]\s*)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WireDateline();

    /// <summary>
    /// What an undated story's score gives up (in days): it ranks after every dated story, and among undated ones by when
    /// its newest article arrived and its sources. Its arrival day is not its date, so it never outranks dated news.
    /// </summary>
    public const double UndatedBehind = 1_000_000;

    /// <summary>
    /// Coverage and recency in one number: a day newer is worth one point, and sources count on a log scale, so a story
    /// carried by eight outlets outranks a single report of three days later, but not one of a week later.
    /// </summary>
    public static double Score(int sources, DateOnly day) => day.DayNumber + 2.0 * Math.Log(1 + sources);

    /// <summary>
    /// A hash of a story's articles and copies, and of the store's analysis generation (<see cref="IStoryStore.AnalysisGeneration"/>;
    /// none while it is 0): equal keys mean the same brief.
    /// </summary>
    public static string MembersKey(StoryMembers members, long generation = 0)
    {
        var sb = new StringBuilder();
        if (generation > 0) sb.Append(generation.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\u001d');
        foreach (var id in members.Articles) sb.Append(id).Append('\u001f').Append(members.DuplicateOf.GetValueOrDefault(id)).Append('\u001e');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    private static IEnumerable<List<T>> Chunk<T>(IEnumerable<T> items, Func<T, int> weight, int limit)
    {
        var chunk = new List<T>();
        int total = 0;
        foreach (var item in items)
        {
            if (chunk.Count > 0 && total + weight(item) > limit)
            {
                yield return chunk;
                chunk = [];
                total = 0;
            }
            chunk.Add(item);
            total += weight(item);
        }
        if (chunk.Count > 0) yield return chunk;
    }
}
