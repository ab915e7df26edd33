using System.Text.Json;
using Parallax.Evaluation;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Stories;
using Xunit;
using Xunit.Abstractions;

namespace Parallax.Tests;

/// <summary>Measured quality on public gold data, held to the floors in quality/floors.json.</summary>
public sealed class QualityFloorTests(ITestOutputHelper output)
{
    private static readonly Lazy<(List<Model.AnalyzedArticle> Articles, Dictionary<string, string> Gold)> Basil = new(() =>
    {
        var read = ArticleSource.Read([Path.Combine(TestPaths.Shared!, "corpora", "basil-dev.jsonl")]);
        var gold = read.Articles.ToDictionary(a => a.Id, a => a.Extra["story"].Trim('"'), StringComparer.Ordinal);
        return ([.. Corpus.Analyze(read.Articles, AnalysisPipeline.Default)], gold);
    });

    internal static double Floor(string name, out bool higherIsBetter)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "quality", "floors.json")));
        var entry = doc.RootElement.GetProperty(name);
        higherIsBetter = entry.GetProperty("higher").GetBoolean();
        return entry.GetProperty("floor").GetDouble();
    }

    private void Hold(string name, double measured) => Hold(output, name, measured);

    internal static void Hold(ITestOutputHelper output, string name, double measured)
    {
        double floor = Floor(name, out bool higher);
        output.WriteLine($"{name}: measured {measured:F3}, floor {floor:F3}");
        Assert.True(higher ? measured >= floor : measured <= floor, $"{name} = {measured:F3} is past its floor {floor:F3} (quality/floors.json)");
    }

    [SharedFact("corpora/basil-dev.jsonl")]
    public void Story_clustering_on_basil_triplets()
    {
        var (articles, gold) = Basil.Value;
        var stories = new StoryClusterer().Cluster(articles);
        var predicted = stories.SelectMany(s => s.Articles.Select(a => (a.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var scores = ClusterScores.Of(gold, predicted);
        output.WriteLine($"BCubed P {scores.Precision:F3} R {scores.Recall:F3} F1 {scores.F1:F3}; pairwise F1 {scores.PairwiseF1:F3}; {scores.Split} gold stories split, {scores.Merged} predicted stories merged");
        Hold("clustering.basil.bcubedF1", scores.F1);
    }

    [SharedFact("corpora/ecbplus/stories.jsonl")]
    public void Story_clustering_keeps_two_events_of_one_kind_apart_on_ecbplus()
    {
        // Each ECB+ topic holds two real events of the same kind (two earthquakes, two shootings); headline-only items too.
        var read = ArticleSource.Read([Path.Combine(TestPaths.Shared!, "corpora", "ecbplus", "stories.jsonl")]);
        Assert.Empty(read.Errors);
        var gold = read.Articles.ToDictionary(a => a.Id, a => a.Extra["story"].Trim('"'), StringComparer.Ordinal);
        var analyzed = Corpus.Analyze(read.Articles, AnalysisPipeline.Default);
        // All 35 topics as one feed, then topics 1-24 and 25-35 each as a feed of its own (the size of a held-out set).
        int Topic(Model.AnalyzedArticle a) => int.Parse(gold[a.Id].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, keep) in new (string, Func<Model.AnalyzedArticle, bool>)[] { ("bcubedF1", _ => true), ("topics1to24BcubedF1", a => Topic(a) <= 24), ("topics25to35BcubedF1", a => Topic(a) >= 25) })
        {
            var set = analyzed.Where(keep).ToList();
            var stories = new StoryClusterer().Cluster(set);
            var predicted = stories.SelectMany(s => s.Articles.Select(a => (a.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
            var scores = ClusterScores.Of(set.ToDictionary(a => a.Id, a => gold[a.Id], StringComparer.Ordinal), predicted);
            output.WriteLine($"{name}: {set.Count} articles; BCubed P {scores.Precision:F3} R {scores.Recall:F3} F1 {scores.F1:F3}; pairwise F1 {scores.PairwiseF1:F3}");
            Hold($"clustering.ecbplus.{name}", scores.F1);
        }
    }

    [SharedFact("corpora/basil-dev.jsonl")]
    public void Story_clustering_on_basil_triplets_arriving_in_random_order()
    {
        // A feed does not deliver in publication order; the index must not depend on it.
        var (articles, gold) = Basil.Value;
        var index = new StoryIndex();
        var random = new Random(4);
        foreach (var a in articles.Select(a => (Article: a, Key: random.Next())).OrderBy(x => x.Key).Select(x => x.Article)) index.Add(StoryFeatures.Of(a));
        var predicted = articles.ToDictionary(a => a.Id, a => index.StoryOf(a.Id).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var scores = ClusterScores.Of(gold, predicted);
        output.WriteLine($"BCubed P {scores.Precision:F3} R {scores.Recall:F3} F1 {scores.F1:F3}; {scores.Split} split, {scores.Merged} merged");
        Hold("clustering.basil.shuffledBcubedF1", scores.F1);
    }

    [SharedFact("corpora/allsides.jsonl.gz")]
    public void Basil_triplets_hidden_among_allsides_find_their_own_siblings()
    {
        var (articles, gold) = Basil.Value;
        var features = new List<StoryFeatures>();
        var errors = new List<ReadError>();
        var warnings = new List<ReadError>();
        Corpus.AnalyzeStream(ArticleSource.Stream([Path.Combine(TestPaths.Shared!, "corpora", "allsides.jsonl.gz")], errors, warnings), AnalysisPipeline.Default, StoryFeatures.Of, features.Add);
        Assert.Empty(errors);
        features.AddRange(articles.Select(StoryFeatures.Of));
        var stories = new StoryClusterer().Cluster(features);
        var predicted = stories.SelectMany(s => s.Articles.Select(id => (id, s.Id))).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
        var scores = ClusterScores.Of(gold, predicted);
        var intrusions = ClusterErrors.Of(gold, predicted).Intrusions;
        output.WriteLine($"{features.Count} articles, {stories.Count} stories; BASIL BCubed P {scores.Precision:F3} R {scores.Recall:F3} F1 {scores.F1:F3}; {scores.Split} split, {scores.Merged} merged; {intrusions.Sum(i => i.Items.Count)} outside articles joined {intrusions.Count} BASIL stories");
        Hold("clustering.haystack.basilBcubedF1", scores.F1);
    }

    [SharedFact("corpora/timebank")]
    public void Time_expressions_on_timebank()
    {
        var s = TimexScores.Evaluate(Path.Combine(TestPaths.Shared!, "corpora", "timebank"), AnalysisPipeline.Default);
        output.WriteLine($"gold {s.Gold}, found {s.Predicted}; strict F1 {s.StrictF1:F3}, relaxed F1 {s.RelaxedF1:F3}, type accuracy {s.TypeAccuracy:F3}, value F1 {s.ValueF1:F3}");
        Hold("times.timebank.valueF1", s.ValueF1);
        Hold("times.timebank.relaxedF1", s.RelaxedF1);
    }

    [SharedFact("corpora/polnear/dev")]
    public void Quotes_and_speakers_on_polnear_dev()
    {
        var (direct, all, docs) = AttributionEvaluation.Evaluate(Path.Combine(TestPaths.Shared!, "corpora", "polnear", "dev"), AnalysisPipeline.Default);
        output.WriteLine($"{docs} documents; direct F1 {direct.F1:F3} (P {direct.Precision:F3}, R {direct.Recall:F3}), speaker accuracy {direct.SpeakerAccuracy:F3}; all attributions F1 {all.F1:F3}, speaker accuracy {all.SpeakerAccuracy:F3}");
        output.WriteLine($"shown speakers of direct quotes: precision {direct.SpeakerPrecision:F3}, coverage {direct.SpeakerCoverage:F3}; of all attributions: precision {all.SpeakerPrecision:F3}, coverage {all.SpeakerCoverage:F3}");
        Hold("quotes.polnear.dev.directF1", direct.F1);
        Hold("quotes.polnear.dev.directSpeakerAccuracy", direct.SpeakerAccuracy);
        Hold("quotes.polnear.dev.allF1", all.F1);
        Hold("quotes.polnear.dev.shownSpeakerPrecision", direct.SpeakerPrecision);
        Hold("quotes.polnear.dev.shownSpeakerCoverage", direct.SpeakerCoverage);
    }

    [SharedFact("corpora/polnear/train")]
    public void Speakers_on_the_polnear_documents_the_model_never_saw()
    {
        // The fifth of train kept aside by a hash of the file names: the speaker model is fitted on the rest.
        var (direct, all, docs) = AttributionEvaluation.Evaluate(Path.Combine(TestPaths.Shared!, "corpora", "polnear", "train"), AnalysisPipeline.Default, null, SpeakerTraining.Aside);
        output.WriteLine($"{docs} documents; direct: speaker accuracy {direct.SpeakerAccuracy:F3}, shown precision {direct.SpeakerPrecision:F3}, coverage {direct.SpeakerCoverage:F3}; all: shown precision {all.SpeakerPrecision:F3}, coverage {all.SpeakerCoverage:F3}");
        Assert.InRange(docs, 120, 220);
        Hold("quotes.polnear.aside.shownSpeakerPrecision", direct.SpeakerPrecision);
        Hold("quotes.polnear.aside.shownSpeakerCoverage", direct.SpeakerCoverage);
    }

    [SharedFact("corpora/polnear/train")]
    public void The_shipped_speaker_model_is_what_its_training_command_fits()
    {
        // `parallax eval quotes ../shared/corpora/polnear/train --fit FILE` must give back the shipped model's decisions.
        var examples = SpeakerTraining.Examples(Path.Combine(TestPaths.Shared!, "corpora", "polnear", "train"), AnalysisPipeline.Default);
        var fitting = examples.Where(e => !SpeakerTraining.Aside(e.Document)).ToList();
        var refitted = SpeakerTraining.Fit(fitting, SpeakerTraining.ShippedPrecision);
        var shipped = Stages.Quotes.SpeakerModel.Default;
        output.WriteLine($"threshold shipped {shipped.Threshold:F4}, refitted {refitted.Threshold:F4}");
        Assert.InRange(refitted.Threshold, shipped.Threshold - 0.01, shipped.Threshold + 0.01);
        int same = examples.Count(e => refitted.Best(e.Choice)?.Index == shipped.Best(e.Choice)?.Index && (refitted.Best(e.Choice)?.Probability >= refitted.Threshold) == (shipped.Best(e.Choice)?.Probability >= shipped.Threshold));
        output.WriteLine($"{same} of {examples.Count} decisions the same");
        Assert.True(same >= examples.Count * 0.995, $"only {same} of {examples.Count} decisions agree: fit the model again with `parallax eval quotes ../shared/corpora/polnear/train --fit src/Parallax.Core/Stages/Quotes/speaker.model` and ship it");
    }

    [SharedFact("corpora/basil-dev.jsonl")]
    public void Planted_conflicts_are_found_and_untouched_stories_raise_few_alarms()
    {
        var (articles, gold) = Basil.Value;
        var copy = PlantedConflicts.Evaluate(articles, gold, AnalysisPipeline.Default, PlantMode.Copy);
        var inPlace = PlantedConflicts.Evaluate(articles, gold, AnalysisPipeline.Default, PlantMode.InPlace);
        Assert.Empty(copy.Failures);
        Assert.Empty(inPlace.Failures);
        foreach (var r in new[] { copy, inPlace })
        {
            output.WriteLine($"{r.Mode}: {r.Outcomes.Count} planted, recall {r.Recall:F3} (" + string.Join(", ", Enum.GetValues<PlantKind>().Select(k => $"{k} {r.RecallOf(k):F3} of {r.Planted(k)}")) + $"); further conflicts per planted story {r.ExtraPerPlantedStory:F2}");
        }
        output.WriteLine($"{copy.Stories} untouched stories, {copy.Untouched.Count} conflicts: " + string.Join(", ", copy.Untouched.GroupBy(c => c.Kind).Select(g => $"{g.Key} {g.Count()}")));
        Hold("brief.basil.plantedConflictRecall", copy.Recall);
        Hold("brief.basil.plantedInPlaceRecall", inPlace.Recall);
        Hold("brief.basil.conflictsPerUntouchedStory", copy.UntouchedPerStory);
        Hold("brief.basil.plantedNameRecall", copy.NameRecall);
        Hold("brief.basil.plantedInPlaceNameRecall", inPlace.NameRecall);
        Hold("brief.basil.shortNameKeptAsOne", copy.RecallOf(PlantKind.ShortName));
        Hold("brief.basil.plantedInPlaceQuoteRecall", inPlace.RecallOf(PlantKind.Quote));
        Assert.True(copy.Planted(PlantKind.Date) >= 40 && copy.Planted(PlantKind.Name) >= 40 && copy.Planted(PlantKind.Quote) >= 40 && copy.Planted(PlantKind.Figure) >= 30, "most stories offer a value, a name and a quote to change");
    }

    [SharedFact("corpora/basil-dev.jsonl")]
    public void Planted_name_slips_in_a_wire_copy_are_found_without_false_conflicts()
    {
        var (articles, gold) = Basil.Value;
        var r = PlantedConflicts.Evaluate(articles, gold, AnalysisPipeline.Default, PlantMode.Wire);
        Assert.Empty(r.Failures);
        // The fifth of the stories set aside by a hash of their ids is never tuned on; both halves are held.
        foreach (var (split, outcomes) in new[] { ("dev", r.Outcomes.Where(o => !PlantedConflicts.Aside(o.Story)).ToList()), ("aside", r.Outcomes.Where(o => PlantedConflicts.Aside(o.Story)).ToList()) })
        {
            double recall = (double)outcomes.Count(o => o.Found) / outcomes.Count;
            double further = outcomes.Average(o => (double)o.ExtraConflicts);
            output.WriteLine($"{split}: {outcomes.Count} slips planted in wire copies, {outcomes.Count(o => o.Found)} found; further conflicts per plant {further:F2}");
            Hold($"brief.basil.{split}.wireNameSlipRecall", recall);
            Hold($"brief.basil.{split}.wireFurtherConflictsPerPlant", further);
        }
        Assert.True(r.Planted(PlantKind.Name) >= 40 && r.Planted(PlantKind.Body) >= 40, "most stories offer a person and a body or place to respell");
    }

    [SharedFact("corpora/basil-dev-conflicts.jsonl")]
    public void Conflicts_shown_match_the_real_ones_readers_listed()
    {
        var (articles, _) = Basil.Value;
        var gold = ConflictGold.Read(Path.Combine(TestPaths.Shared!, "corpora", "basil-dev-conflicts.jsonl"));
        var r = ConflictGold.Evaluate(gold, articles.ToDictionary(a => a.Id, StringComparer.Ordinal), AnalysisPipeline.Default);
        Assert.Empty(r.Failures);
        Assert.Equal(50, gold.Count);
        // The fifth of the stories set aside by a hash of their ids is never tuned on; both parts are held.
        foreach (var (part, include) in new (string, Func<string, bool>)[] { ("dev", s => !AsideSplit.IsAside(s)), ("aside", AsideSplit.IsAside) })
        {
            var s = r.Where(include);
            output.WriteLine($"{part}: precision {s.Precision:F3} ({s.Correct}/{s.Reported.Count}), recall {s.Recall:F3} ({s.Found}/{s.Gold.Count}); held back {s.HeldBack.Count}");
            Hold($"brief.basil.{part}.goldConflictPrecision", s.Precision);
            Hold($"brief.basil.{part}.goldConflictRecall", s.Recall);
        }
    }


    [SharedFact("corpora/msrp/train.tsv")]
    public void Paraphrases_are_told_from_near_misses_on_msrp()
    {
        // Four fifths of the file tune the decision; the fifth kept aside (by a hash of the ids) only scores it.
        var pairs = MsrpCorpus.Read(Path.Combine(TestPaths.Shared!, "corpora", "msrp", "train.tsv"));
        var (tune, _) = ParaphraseEvaluation.Measure(pairs.Where(p => !p.Aside).ToList(), AnalysisPipeline.Default);
        var (aside, _) = ParaphraseEvaluation.Measure(pairs.Where(p => p.Aside).ToList(), AnalysisPipeline.Default);
        var (runs, _) = ParaphraseEvaluation.Compare(tune, aside);
        foreach (var r in runs) output.WriteLine($"{r.Name}: unseen accuracy {r.Unseen.Accuracy:F3}, F1 {r.Unseen.F1:F3}");
        var combined = runs[^1].Unseen;
        var overlap = runs[0].Unseen;
        Hold("paraphrase.msrp.aside.accuracy", combined.Accuracy);
        Hold("paraphrase.msrp.aside.f1", combined.F1);
        Assert.True(combined.Accuracy > overlap.Accuracy + 0.02, $"the combination ({combined.Accuracy:F3}) must clearly beat word overlap alone ({overlap.Accuracy:F3})");
    }

    [SharedFact("corpora/ecbplus/mentions")]
    public void Named_participants_are_linked_across_documents_on_ecbplus()
    {
        string dir = Path.Combine(TestPaths.Shared!, "corpora", "ecbplus", "mentions");
        // Topics 1-24 are tuned on; 25-35 are kept aside and only ever scored.
        foreach (var (split, topics) in new[] { ("dev", (Func<int, bool>)(t => t <= 24)), ("held", t => t >= 25) })
        {
            var (docs, _) = EcbPlusCorpus.Read(dir, topics);
            var named = EntityEvaluation.Evaluate(docs, AnalysisPipeline.Default)[0];
            var exact = named.Runs.Single(r => r.Name.StartsWith("baseline: same gold", StringComparison.Ordinal)).Scores;
            var last = named.Runs.Single(r => r.Name == "baseline: same last word of gold mention").Scores;
            var across = named.Runs.Single(r => r.Name.Contains("across", StringComparison.Ordinal)).Scores;
            var brief = named.Runs.Single(r => r.Name.Contains("per story", StringComparison.Ordinal)).Scores;
            output.WriteLine($"{split}: {named.Gold} mentions, exact-string baseline B3 F1 {exact.BCubed.F1:F3}, last-word baseline {last.BCubed.F1:F3}, per story {brief.BCubed.F1:F3}, across the topic {across.BCubed.F1:F3} (CoNLL {across.Conll:F3})");
            Hold($"entities.ecbplus.{split}.bcubedF1", across.BCubed.F1);
            Hold($"entities.ecbplus.{split}.perStoryBcubedF1", brief.BCubed.F1);
            Assert.True(across.BCubed.F1 > exact.BCubed.F1, $"{split}: resolving names ({across.BCubed.F1:F3}) must beat matching the gold strings exactly ({exact.BCubed.F1:F3})");
        }
    }

    [SharedFact("corpora/basil-dev.jsonl")]
    public void Every_basil_story_is_briefed_and_rendered_with_offsets_inside_its_articles()
    {
        var (articles, gold) = Basil.Value;
        var builder = new Briefing.BriefBuilder(AnalysisPipeline.Default);
        int stories = 0;
        foreach (var g in articles.GroupBy(a => gold[a.Id]))
        {
            var brief = builder.Build(new Story(g.Key, [.. g], new Dictionary<string, string>()));
            Assert.NotEmpty(Rendering.BriefMarkdown.Write([brief]));
            Assert.NotEmpty(Rendering.BriefHtml.Write([brief]));
            Assert.NotEmpty(Rendering.BriefJson.Write([brief]));
            var text = brief.Articles.ToDictionary(a => a.Id, a => a.Analysis.Text, StringComparer.Ordinal);
            var supports = brief.Facts.SelectMany(f => f.Support).Concat(brief.Conflicts.SelectMany(c => c.Variants.SelectMany(v => v.Support)))
                .Concat(brief.Quotes.SelectMany(q => q.Variants.SelectMany(v => v.Support))).Concat(brief.Timeline.SelectMany(t => t.Support));
            foreach (var s in supports) Assert.True(s.Span.Start >= 0 && s.Span.End <= text[s.Article].Length && s.Span.Length > 0, $"{g.Key}: {s} outside {s.Article}");
            stories++;
        }
        Assert.Equal(50, stories);
    }
}

/// <summary>The scorer itself, on hand-checked cases.</summary>
public sealed class ClusterScoresTests
{
    [Fact]
    public void Perfect_split_and_merged_clusterings_score_as_expected()
    {
        var gold = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2", ["d"] = "2" };
        var perfect = ClusterScores.Of(gold, new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" });
        Assert.Equal(1.0, perfect.F1, 6);
        var allOne = ClusterScores.Of(gold, new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "x", ["d"] = "x" });
        Assert.Equal(0.5, allOne.Precision, 6);
        Assert.Equal(1.0, allOne.Recall, 6);
        Assert.Equal(1, allOne.Merged);
        var singletons = ClusterScores.Of(gold, new Dictionary<string, string>());
        Assert.Equal(1.0, singletons.Precision, 6);
        Assert.Equal(0.5, singletons.Recall, 6);
        Assert.Equal(2, singletons.Split);
        Assert.Equal(0.0, singletons.PairwiseF1, 6);
    }
}
