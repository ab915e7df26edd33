using Parallax.Pipeline;
using Parallax.Storage;
using Parallax.Stories;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Re-analysis after an upgrade (<c>parallax refresh --reanalyse</c>): every article is analysed afresh and every story
/// briefed again; the old briefs are served until the new ones are in; interrupted, it resumes where it stopped and ends
/// as an uninterrupted one does.
/// </summary>
public sealed class ReanalysisTests : StoreTestBase
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_reanalysis_analyses_every_article_and_briefs_every_story_again(string kind)
    {
        var articles = Mixed();
        using var store = Stores.Open(kind, "store.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(articles);
        var features = store.Features();
        int stories = store.Check().Stories;
        store.Quarantine([new QuarantinedArticle(articles[0].Id, "features", "an analyzer that has since been fixed")]);

        var (report, resumed) = new Ingestor(store, AnalysisPipeline.Default).Reanalyse();

        Assert.False(resumed);
        Assert.Equal(articles.Count, report.Featured);
        Assert.Equal(stories, report.Rebuilt);
        Assert.Equal(1, store.AnalysisGeneration);
        Assert.False(store.Reanalysing);
        Assert.False(store.StoriesPending);
        Assert.Empty(store.Quarantined()); // the article set aside was tried again, and now passes
        // The same analyzers give the same features, and the same stories.
        Assert.Equal(features.Select(f => FeatureCodec.Encode(f.Features)), store.Features().Select(f => FeatureCodec.Encode(f.Features)));
        Assert.Equal(stories, store.Check().Stories);
        Assert.Equal(0, new Ingestor(store, AnalysisPipeline.Default).Ingest([]).Refresh.Rebuilt); // and nothing left to do
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void An_interrupted_reanalysis_serves_the_old_briefs_then_resumes_to_the_uninterrupted_result(string kind)
    {
        var articles = Mixed();
        using var whole = Stores.Open(kind, "whole.db");
        new Ingestor(whole, AnalysisPipeline.Default).Ingest(articles);
        new Ingestor(whole, AnalysisPipeline.Default).Reanalyse();

        using var store = Stores.Open(kind, "cut.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(articles);
        var briefs = store.Stories(new StoryQuery(Limit: 1000)).Stories.ToDictionary(s => s.Id, s => store.BriefJson(s.Id));
        // Begun, and killed after one batch of features.
        store.BeginReanalysis();
        using (var claim = store.ClaimUnfeatured(3))
        {
            claim.Complete([.. claim.Articles.Select(a => StoryFeatures.Of(AnalysisPipeline.Default.Analyze(a.Article)))], []);
        }

        // Meanwhile every story is there with its old brief, and a consolidation by a server changes none of them.
        var live = new LiveStories(store, AnalysisPipeline.Default);
        var plan = live.Refresher.Plan();
        Assert.True(plan.Incomplete);
        Assert.Equal((0, 0, 0), live.Refresher.Apply(plan, live.Analyses));
        Assert.All(briefs, b => Assert.Equal(b.Value, store.BriefJson(b.Key)));
        Assert.True(store.Reanalysing);

        var (report, resumed) = new Ingestor(store, AnalysisPipeline.Default).Reanalyse();
        Assert.True(resumed);
        Assert.Equal(articles.Count - 3, report.Featured); // the batch done before the kill is not done again
        Assert.False(store.Reanalysing);
        Assert.Equal(whole.Check().Digest, store.Check().Digest);
    }
}
