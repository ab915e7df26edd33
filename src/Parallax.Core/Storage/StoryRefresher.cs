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
    /// <summary>Time spent analysing new articles for story features.</summary>
    public TimeSpan FeatureTime { get; init; }

    /// <summary>Time spent reading every article's features and grouping them into stories.</summary>
    public TimeSpan ClusterTime { get; init; }

    /// <summary>Time spent analysing, briefing, rendering and storing changed stories.</summary>
    public TimeSpan BriefTime { get; init; }
}

/// <summary>
/// Brings a store's stories up to date with its articles: new articles are analysed for story features, all articles are
/// clustered again (in arrival order, so the result depends only on what is stored), and only the stories whose articles
/// changed get a new brief. Each step commits in batches; a refresh killed part-way leaves the store consistent, and the
/// next refresh finishes the work, with the same result as one uninterrupted run.
/// </summary>
public sealed class StoryRefresher(IStoryStore store, AnalysisPipeline pipeline, ClusteringOptions? options = null)
{
    /// <summary>Articles analysed and committed together when computing features.</summary>
    public int FeatureBatch { get; init; } = 512;

    /// <summary>Most articles whose analyses are kept between the two phases, so small ingests analyse each article once.</summary>
    public int AnalysisCache { get; init; } = 2048;

    /// <summary>Articles briefed and committed together when rebuilding stories.</summary>
    public int BriefBatch { get; init; } = 1024;

    /// <summary>How a story's source headings link to its articles.</summary>
    public Func<string, string> ArticleHref { get; init; } = id => "../articles/" + Uri.EscapeDataString(id);

    public RefreshReport Refresh(IProgress<RefreshProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var cache = new Dictionary<string, (AnalyzedArticle Analysis, DateTimeOffset Added)>(StringComparer.Ordinal);
        int featured = 0;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = store.Unfeatured(FeatureBatch);
            if (batch.Count == 0) break;
            var analyses = Corpus.Analyze([.. batch.Select(a => a.Article)], pipeline);
            store.SaveFeatures([.. analyses.Select(StoryFeatures.Of)]);
            for (int i = 0; i < batch.Count && cache.Count < AnalysisCache; i++) cache[batch[i].Article.Id] = (analyses[i], batch[i].Added);
            featured += batch.Count;
            progress?.Report(new RefreshProgress("analysing new articles", featured, 0));
        }

        var featureTime = clock.Elapsed;
        var all = store.Features();
        long through = all.Count == 0 ? 0 : all[^1].Seq;
        var seqOf = all.ToDictionary(f => f.Features.Id, f => f.Seq, StringComparer.Ordinal);
        progress?.Report(new RefreshProgress("grouping into stories", 0, all.Count));
        var computed = new StoryClusterer(options).Cluster([.. all.Select(f => f.Features)])
            .Select(s => (Id: $"story-{s.Articles.Min(a => seqOf[a])}", Members: s))
            .ToList();
        var stored = store.StoryKeys();
        var keyOf = computed.ToDictionary(c => c.Id, c => MembersKey(c.Members), StringComparer.Ordinal);
        var changed = computed.Where(c => !stored.TryGetValue(c.Id, out var k) || k != keyOf[c.Id]).ToList();
        var removed = stored.Keys.Where(id => !keyOf.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();

        var clusterTime = clock.Elapsed - featureTime;
        var builder = new BriefBuilder(pipeline);
        int rebuilt = 0;
        var chunks = Chunk(changed, c => c.Members.Articles.Count, BriefBatch).ToList();
        if (chunks.Count == 0) store.SaveStories([], removed, through);
        for (int k = 0; k < chunks.Count; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var chunk = chunks[k];
            var needed = chunk.SelectMany(c => c.Members.Articles).Where(id => !cache.ContainsKey(id)).ToList();
            var loaded = store.Articles(needed);
            var fresh = Corpus.Analyze([.. loaded.Select(a => a.Article)], pipeline)
                .Select((analysis, i) => (Analysis: analysis, loaded[i].Added)).ToDictionary(a => a.Analysis.Id, StringComparer.Ordinal);
            (AnalyzedArticle Analysis, DateTimeOffset Added) Get(string id) => cache.TryGetValue(id, out var hit) ? hit : fresh[id];
            var records = new StoryRecord[chunk.Count];
            Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancel }, i =>
            {
                var (id, members) = chunk[i];
                var articles = members.Articles.Select(Get).ToList();
                var story = new Story(id, [.. articles.Select(a => a.Analysis)], members.DuplicateOf);
                records[i] = Record(story, keyOf[id], builder.Build(story), articles.Max(a => a.Added));
            });
            bool last = k == chunks.Count - 1;
            store.SaveStories(records, last ? removed : [], last ? through : null);
            rebuilt += chunk.Count;
            progress?.Report(new RefreshProgress("briefing stories", rebuilt, changed.Count));
        }
        return new RefreshReport(featured, computed.Count, rebuilt, removed.Count, clock.Elapsed)
        {
            FeatureTime = featureTime,
            ClusterTime = clusterTime,
            BriefTime = clock.Elapsed - featureTime - clusterTime,
        };
    }

    private StoryRecord Record(Story story, string key, Brief brief, DateTimeOffset newestAdded)
    {
        int sources = brief.Articles.Count(a => a.DuplicateOf is null);
        var day = brief.Date ?? DateOnly.FromDateTime(newestAdded.UtcDateTime);
        string summary = brief.Summary.FirstOrDefault()?.Text ?? brief.Facts.FirstOrDefault()?.Text ?? brief.Title;
        return new StoryRecord
        {
            Id = story.Id,
            MembersKey = key,
            Members = [.. brief.Articles.Select(a => (a.Id, a.DuplicateOf))],
            Title = brief.Title,
            Date = brief.Date,
            Day = day,
            Sources = sources,
            Conflicts = brief.Conflicts.Count,
            Summary = BriefBuilder.Shorten(Text.Words.SingleSpaced(summary).Trim(), 220),
            Score = Score(sources, day),
            BriefJson = BriefJson.WriteStory(brief),
            BriefHtml = BriefHtml.Fragment(brief, ArticleHref),
            Facts = [.. brief.Facts.Select(f => (f.Text, f.Sources))],
        };
    }

    /// <summary>
    /// Coverage and recency in one number: a day newer is worth one point, and sources count on a log scale, so a story
    /// carried by eight outlets outranks a single report of three days later, but not one of a week later.
    /// </summary>
    public static double Score(int sources, DateOnly day) => day.DayNumber + 2.0 * Math.Log(1 + sources);

    /// <summary>A hash of a story's articles and copies: equal keys mean the same brief.</summary>
    public static string MembersKey(StoryMembers members)
    {
        var sb = new StringBuilder();
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
