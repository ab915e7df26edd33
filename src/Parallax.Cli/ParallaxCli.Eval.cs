using System.CommandLine;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Rendering;

namespace Parallax.Cli;

/// <summary><c>parallax eval</c>: each stage scored against public gold data.</summary>
public static partial class ParallaxCli
{
    private static Command EvalCommand(TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var eval = new Command("eval", "Score Parallax against annotated public data (gold standards), as CI does with the floors in quality/floors.json.");

        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder of TimeML .tml files with a creation time and gold TIMEX3 annotations (e.g. ../shared/corpora/timebank)." };
        var errors = new Option<int>("--errors") { Description = "Also list up to N errors (missed, spurious, wrong value) for analysis.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var timex = new Command("timex", "Time expressions: extent F1 (strict and relaxed), type accuracy and value F1, TempEval-3 style.") { dir, errors };
        timex.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            if (!folder.Exists || !folder.EnumerateFiles("*.tml").Any()) return Fail(stderr, $"{folder.FullName} holds no .tml files; point it at a TimeML folder such as ../shared/corpora/timebank");
            try
            {
                var s = Evaluation.TimexScores.Evaluate(folder.FullName, AnalysisPipeline.Default);
                var ci = System.Globalization.CultureInfo.InvariantCulture;
                stdout.WriteLine(string.Create(ci, $"gold {s.Gold}, found {s.Predicted}"));
                stdout.WriteLine(string.Create(ci, $"extent strict F1   {s.StrictF1:F3}"));
                stdout.WriteLine(string.Create(ci, $"extent relaxed F1  {s.RelaxedF1:F3}  (P {s.RelaxedPrecision:F3}, R {s.RelaxedRecall:F3})"));
                stdout.WriteLine(string.Create(ci, $"type accuracy      {s.TypeAccuracy:F3}"));
                stdout.WriteLine(string.Create(ci, $"value F1           {s.ValueF1:F3}"));
                foreach (var e in s.Errors.Take(parse.GetValue(errors)))
                {
                    stdout.WriteLine($"{e.Kind}\t{e.Document}\t{e.Text.ReplaceLineEndings(" ")}\tgold={e.GoldValue}\tours={e.Value}");
                }
                return Ok;
            }
            catch (System.Xml.XmlException e)
            {
                return Fail(stderr, $"a .tml file is not well-formed XML ({e.Message})");
            }
        });
        eval.Add(timex);

        var split = new Argument<DirectoryInfo>("DIR") { Description = "A PolNeAR split: a folder with text/*.txt and attributions/*.ann (e.g. ../shared/corpora/polnear/dev)." };
        var speakerErrors = new Option<int>("--errors") { Description = "Also list up to N direct quotes whose speaker is wrong: the gold source, the speaker found, and the quote.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var part = new Option<string>("--part") { Description = "Which documents of DIR to score: all, aside (the fifth kept aside by a hash of the file names, never fitted on) or rest (the four fifths --fit learns from).", DefaultValueFactory = _ => "all", HelpName = "all|aside|rest" };
        part.AcceptOnlyFromAmong("all", "aside", "rest");
        var speakerFit = new Option<FileInfo?>("--fit") { Description = "Fit the speaker model on the four fifths of DIR not kept aside, with the threshold that keeps shown speakers of direct quotes at --precision, write it to FILE (the shipped one is src/Parallax.Core/Stages/Quotes/speaker.model), and print how it decides on both parts.", HelpName = "FILE" };
        var wantedPrecision = new Option<double>("--precision") { Description = "With --fit: the precision of shown speakers the threshold is chosen for, on the fitting documents.", DefaultValueFactory = _ => Evaluation.SpeakerTraining.ShippedPrecision, HelpName = "P" };
        var speakerModel = new Option<FileInfo?>("--model") { Description = "Score with this speaker model file (one written by --fit) instead of the shipped one.", HelpName = "FILE" };
        var quotes = new Command("quotes", "Quotations and attributions: content-span overlap P/R/F1, speaker accuracy (an unattributed quote counts as wrong), and the precision and coverage of the speakers a brief shows, for direct quotes and for all attributions.") { split, speakerErrors, part, speakerFit, wantedPrecision, speakerModel };
        quotes.SetAction(parse =>
        {
            var folder = parse.GetValue(split)!;
            if (!Directory.Exists(Path.Combine(folder.FullName, "attributions")) || !Directory.Exists(Path.Combine(folder.FullName, "text"))) return Fail(stderr, $"{folder.FullName} has no text/ and attributions/ folders; point it at a PolNeAR split such as ../shared/corpora/polnear/dev");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            if (parse.GetValue(speakerFit) is { } fitFile)
            {
                double target = parse.GetValue(wantedPrecision);
                if (target is <= 0 or > 1) return Fail(stderr, "--precision takes a number above 0 and at most 1, e.g. 0.975");
                var examples = Evaluation.SpeakerTraining.Examples(folder.FullName, AnalysisPipeline.Default);
                var fitting = examples.Where(e => !Evaluation.SpeakerTraining.Aside(e.Document)).ToList();
                var model = Evaluation.SpeakerTraining.Fit(fitting, target);
                File.WriteAllText(fitFile.FullName, model.Write($"parallax eval quotes {folder.Name} --fit FILE --precision {target.ToString(ci)}"));
                stdout.WriteLine(string.Create(ci, $"fitted on {fitting.Count} quotes of {fitting.Select(e => e.Document).Distinct().Count()} documents; threshold {model.Threshold:F3}; written to {fitFile.FullName}"));
                foreach (var (name, set) in new[] { ("rest", fitting), ("aside", examples.Where(e => Evaluation.SpeakerTraining.Aside(e.Document)).ToList()) })
                {
                    var d = Evaluation.SpeakerTraining.Score(model, set.Where(e => e.Direct));
                    var a = Evaluation.SpeakerTraining.Score(model, set);
                    stdout.WriteLine(string.Create(ci, $"{name,-5}  direct: shown P {d.Precision:F3} coverage {d.Coverage:F3} ({d.Quotes} quotes)   all: shown P {a.Precision:F3} coverage {a.Coverage:F3} ({a.Quotes} quotes)"));
                    var (rules, reachable) = Evaluation.SpeakerTraining.Baselines(set.Where(e => e.Direct).ToList());
                    stdout.WriteLine(string.Create(ci, $"{name,-5}  direct, the rules' choice alone: shown P {rules.Precision:F3} coverage {rules.Coverage:F3}; a right named candidate exists for {reachable:F3}"));
                    if (name == "rest")
                    {
                        foreach (var line in Evaluation.SpeakerTraining.Errors(model, set.Where(e => e.Direct)).Take(parse.GetValue(speakerErrors))) stdout.WriteLine("wrong speaker\t" + line);
                    }
                }
                return Ok;
            }
            int listed = parse.GetValue(speakerErrors);
            var wrong = listed > 0 ? new List<string>() : null;
            Func<string, bool>? include = parse.GetValue(part) switch
            {
                "aside" => Evaluation.SpeakerTraining.Aside,
                "rest" => d => !Evaluation.SpeakerTraining.Aside(d),
                _ => null,
            };
            var pipeline = AnalysisPipeline.Default;
            if (parse.GetValue(speakerModel) is { } modelFile)
            {
                try
                {
                    pipeline = AnalysisPipeline.WithSpeakerModel(Stages.Quotes.SpeakerModel.Read(File.ReadLines(modelFile.FullName)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    return Fail(stderr, $"--model {modelFile.FullName}: {e.Message}");
                }
            }
            var (direct, all, docs) = Evaluation.AttributionEvaluation.Evaluate(folder.FullName, pipeline, wrong, include);
            stdout.WriteLine(string.Create(ci, $"documents {docs}"));
            stdout.WriteLine(string.Create(ci, $"direct quotes    gold {direct.Gold,5}  found {direct.Predicted,5}  P {direct.Precision:F3}  R {direct.Recall:F3}  F1 {direct.F1:F3}  speaker accuracy {direct.SpeakerAccuracy:F3}  shown P {direct.SpeakerPrecision:F3} coverage {direct.SpeakerCoverage:F3}"));
            stdout.WriteLine(string.Create(ci, $"all attributions gold {all.Gold,5}  found {all.Predicted,5}  P {all.Precision:F3}  R {all.Recall:F3}  F1 {all.F1:F3}  speaker accuracy {all.SpeakerAccuracy:F3}  shown P {all.SpeakerPrecision:F3} coverage {all.SpeakerCoverage:F3}"));
            foreach (var line in (wrong ?? []).Order(StringComparer.Ordinal).Take(listed)) stdout.WriteLine("wrong speaker\t" + line);
            return Ok;
        });
        eval.Add(quotes);

        var ecb = new Argument<DirectoryInfo>("DIR") { Description = "The ECB+ folder (../shared/corpora/ecbplus) or its mentions/ folder: one folder per sub-topic with the documents' JSON, tokens.conll and entity_mentions.json." };
        var topicRange = new Option<string?>("--topics") { Description = "Only these topics, as a range or list: 1-35, 36-45, 1,3,5. Default: every topic present.", HelpName = "RANGE" };
        var entityErrors = new Option<int>("--errors") { Description = "Also list up to N gold entities split apart and N found entities merging gold ones (named participants, resolved across each topic).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var entities = new Command("entities", "Cross-document entity coreference on ECB+ (named people, organisations and governments linked across the documents of a topic): MUC, B³, CEAF-e and their CoNLL average, beside three string baselines (the gold mention exactly, its last word, Parallax's name).") { ecb, topicRange, entityErrors };
        entities.SetAction(parse =>
        {
            var folder = parse.GetValue(ecb)!;
            string mentionsDir = Directory.Exists(Path.Combine(folder.FullName, "mentions")) ? Path.Combine(folder.FullName, "mentions") : folder.FullName;
            if (!Directory.EnumerateFiles(mentionsDir, "entity_mentions.json", SearchOption.AllDirectories).Any()) return Fail(stderr, $"{folder.FullName} holds no */entity_mentions.json; point it at ../shared/corpora/ecbplus");
            Func<int, bool>? topics = null;
            if (parse.GetValue(topicRange) is { } range)
            {
                if (!Evaluation.TopicRange.TryParse(range, out var set)) return Fail(stderr, $"--topics {range}: give a range or a list of topic numbers, e.g. 1-35 or 1,3,5");
                topics = set.Contains;
            }
            var (docs, dropped) = Evaluation.EcbPlusCorpus.Read(mentionsDir, topics);
            if (docs.Count == 0) return Fail(stderr, "no ECB+ documents in those topics");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(ci, $"documents {docs.Count} in {docs.Select(d => d.Topic).Distinct().Count()} topics; gold mentions not placed on the text: {dropped}"));
            var reports = Evaluation.EntityEvaluation.Evaluate(docs, AnalysisPipeline.Default, parse.GetValue(entityErrors), out var errorLines);
            foreach (var r in reports)
            {
                stdout.WriteLine(string.Create(ci, $"{r.Mentions}: {r.Gold} gold mentions, {r.Found} found by Parallax ({(double)r.Found / Math.Max(1, r.Gold):P1})"));
                stdout.WriteLine("  grouping                                   MUC F1  B3 P   B3 R   B3 F1  CEAF-e  CoNLL");
                foreach (var run in r.Runs)
                {
                    var s = run.Scores;
                    stdout.WriteLine(string.Create(ci, $"  {run.Name,-42} {s.Muc.F1:F3}  {s.BCubed.Precision:F3}  {s.BCubed.Recall:F3}  {s.BCubed.F1:F3}  {s.CeafE.F1:F3}   {s.Conll:F3}"));
                }
            }
            foreach (var line in errorLines) stdout.WriteLine(line);
            return Ok;
        });
        eval.Add(entities);

        var msrp = new Argument<FileInfo>("FILE") { Description = "An MSRP-format .tsv: a header, then label (1 = paraphrase), two ids and two sentences per line (e.g. ../shared/corpora/msrp/train.tsv)." };
        var msrpTrain = new Option<FileInfo?>("--train") { Description = "Tune every threshold and fit the combination on this file, and score FILE as unseen. Default: tune on four fifths of FILE and score the fifth kept aside (chosen by a hash of the ids).", HelpName = "FILE" };
        var predictions = new Option<bool>("--predictions") { Description = "Print one JSON line per unseen pair instead: {\"id1\",\"id2\",\"same\",\"score\",\"kind\"} from the fitted combination; kind is same, conflict (the same proposition with another figure) or different." };
        var fitOut = new Option<FileInfo?>("--fit") { Description = "Write the fitted combination (feature means, scales and weights, bias, threshold) to this file.", HelpName = "FILE" };
        var vectorsFrom = new Option<string[]>("--vectors")
        {
            HelpName = "PATH",
            Description = "Also learn word vectors from these articles (files or folders, e.g. ../shared/corpora/allsides.jsonl.gz; PPMI and a randomized SVD, 30,000 words × 100 dimensions) and score their sentence cosine alone and as a further feature.",
            AllowMultipleArgumentsPerToken = true,
        };
        var vectorArticles = new Option<int?>("--vector-articles") { Description = "With --vectors: learn from the first N articles only.", HelpName = "N" };
        var paraphrase = new Command("paraphrase", "Paraphrase identification on MSRP-format pairs: accuracy and P/R/F1 of \"same\" for word overlap, the fact aligner's cosine and a logistic regression over all features, each tuned on one set of pairs and scored on another.") { msrp, msrpTrain, predictions, fitOut, vectorsFrom, vectorArticles };
        paraphrase.SetAction(parse =>
        {
            var file = parse.GetValue(msrp)!;
            List<Evaluation.ParaphrasePair> pairs, tunePairs;
            try
            {
                if (!file.Exists) return Fail(stderr, $"{file.FullName} does not exist; point it at an MSRP-format .tsv such as ../shared/corpora/msrp/train.tsv");
                pairs = Evaluation.MsrpCorpus.Read(file.FullName);
                var train = parse.GetValue(msrpTrain);
                if (train is not null && !train.Exists) return Fail(stderr, $"--train {train.FullName} does not exist");
                tunePairs = train is null ? pairs.Where(p => !p.Aside).ToList() : Evaluation.MsrpCorpus.Read(train.FullName);
                if (train is null) pairs = pairs.Where(p => p.Aside).ToList();
            }
            catch (FormatException e)
            {
                return Fail(stderr, e.Message);
            }
            if (pairs.Count == 0 || tunePairs.Count == 0) return Fail(stderr, "no pairs to tune on or to score");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var (tune, analysedTune) = Evaluation.ParaphraseEvaluation.Measure(tunePairs, AnalysisPipeline.Default);
            var (unseen, analysed) = Evaluation.ParaphraseEvaluation.Measure(pairs, AnalysisPipeline.Default);
            string? vectorLine = null;
            if (parse.GetValue(vectorsFrom) is { Length: > 0 } corpus)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var readErrors = new List<ReadError>();
                var readWarnings = new List<ReadError>();
                var texts = ArticleSource.Stream(corpus, readErrors, readWarnings).Select(a => a.Text);
                if (parse.GetValue(vectorArticles) is { } limit) texts = texts.Take(Math.Max(0, limit));
                int read = 0;
                var vectors = Similarity.WordVectors.Train(texts.Select(t => { read++; return t; }));
                foreach (var e in readErrors) stderr.WriteLine($"parallax: {e}");
                (tune, unseen) = Evaluation.ParaphraseEvaluation.WithVectors(tune, unseen, vectors);
                vectorLine = string.Create(ci, $"word vectors: {vectors.Words.Count} words × {vectors.Dimensions} learnt from {read} articles in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var (runs, combined) = Evaluation.ParaphraseEvaluation.Compare(tune, unseen);
            if (parse.GetValue(fitOut) is { } outFile) File.WriteAllText(outFile.FullName, combined.Write());
            int numbers = Array.IndexOf(Similarity.ParaphraseFeatures.Names, "numbersDiffer");
            if (parse.GetValue(predictions))
            {
                foreach (var p in unseen)
                {
                    double score = Evaluation.ParaphraseEvaluation.Probability(combined, p.Features);
                    bool same = score >= combined.Threshold;
                    string kind = same ? (p.Features[numbers] > 0 ? "conflict" : "same") : "different";
                    stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id1 = p.Pair.Id1, id2 = p.Pair.Id2, same, score = Math.Round(score, 4), kind }));
                }
                return Ok;
            }
            double sentences = 2.0 * (tunePairs.Count + pairs.Count);
            stdout.WriteLine(string.Create(ci, $"pairs: tuned on {tune.Count} ({tune.Count(p => p.Pair.Same)} same), scored on {unseen.Count} unseen ({unseen.Count(p => p.Pair.Same)} same)"));
            stdout.WriteLine(string.Create(ci, $"analysis and features: {sentences / Math.Max(1e-9, analysedTune + analysed):F0} sentences/s"));
            if (vectorLine is not null) stdout.WriteLine(vectorLine);
            stdout.WriteLine("  decision                                                             tuned: acc    F1  | unseen: acc    P      R      F1");
            foreach (var r in runs)
            {
                stdout.WriteLine(string.Create(ci, $"  {r.Name,-68} {r.Tuned.Accuracy:F3}  {r.Tuned.F1:F3} |  {r.Unseen.Accuracy:F3}  {r.Unseen.Precision:F3}  {r.Unseen.Recall:F3}  {r.Unseen.F1:F3}"));
            }
            var conflicts = unseen.Where(p => Evaluation.ParaphraseEvaluation.Decide(combined, p.Features) && p.Features[numbers] > 0).ToList();
            stdout.WriteLine(string.Create(ci, $"unseen pairs the combination calls the same proposition with another figure (a conflict, not a paraphrase): {conflicts.Count}, of which MSRP labels {conflicts.Count(p => !p.Pair.Same)} not paraphrases"));
            return Ok;
        });
        eval.Add(paraphrase);

        var file = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var haystack = new Option<string[]>("--haystack")
        {
            HelpName = "PATH",
            Description = "Hide the gold articles among these other articles (files or folders, e.g. ../shared/corpora/allsides.jsonl.gz) and cluster everything together; scores cover the gold articles, and outside articles that join gold stories are counted.",
            AllowMultipleArgumentsPerToken = true,
        };
        var examples = new Option<int>("--errors") { Description = "Also list up to N of each kind of error, costliest first: gold stories split, found stories merging gold ones, outside articles joining gold stories.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var clusters = new Command("clusters", "Story clustering: BCubed precision/recall/F1, pairwise F1, and how many gold stories were split or merged.") { file, haystack, examples };
        clusters.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(file)!, stderr);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to score against");
            var about = new Dictionary<string, Model.Article>(StringComparer.Ordinal);
            var features = new List<Stories.StoryFeatures>();
            var errors = new List<ReadError>();
            var warnings = new List<ReadError>();
            if (parse.GetValue(haystack) is { Length: > 0 } hay)
            {
                int seen = 0, clashes = 0;
                using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, "analysing the haystack", 0);
                var outside = ArticleSource.Stream(hay, errors, warnings).Where(a =>
                {
                    bool clash = gold.ContainsKey(a.Id) || about.ContainsKey(a.Id);
                    if (clash) clashes++;
                    return !clash;
                }).Select(a =>
                {
                    about[a.Id] = a with { Text = "" };
                    return a;
                });
                Corpus.AnalyzeStream(outside, AnalysisPipeline.Default, Stories.StoryFeatures.Of, f =>
                {
                    features.Add(f);
                    progress.Report(++seen);
                });
                progress.Done();
                ReportProblems(stderr, errors, []); // a haystack's undated articles are not the gold file's problem
                if (clashes > 0) stderr.WriteLine($"parallax: warning: {clashes} haystack articles reuse an id already read; skipped");
                if (features.Count == 0) return Fail(stderr, "the haystack holds no readable articles");
            }
            foreach (var a in read.Articles) about.TryAdd(a.Id, a);
            features.AddRange(Corpus.Analyze(read.Articles, AnalysisPipeline.Default).Select(Stories.StoryFeatures.Of));
            var stories = new Stories.StoryClusterer().Cluster(features);
            var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var st in stories)
            {
                foreach (var id in st.Articles) predicted[id] = st.Id;
            }
            var s = Evaluation.ClusterScores.Of(gold, predicted);
            var found = Evaluation.ClusterErrors.Of(gold, predicted);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            if (features.Count > read.Articles.Count) stdout.WriteLine(string.Create(ci, $"haystack {features.Count - read.Articles.Count} articles, {stories.Count} stories found in all"));
            stdout.WriteLine(string.Create(ci, $"articles {gold.Count}, gold stories {s.GoldClusters}, found {s.PredictedClusters}"));
            stdout.WriteLine(string.Create(ci, $"BCubed P {s.Precision:F3}  R {s.Recall:F3}  F1 {s.F1:F3}"));
            stdout.WriteLine(string.Create(ci, $"pairwise F1 {s.PairwiseF1:F3}; gold stories split {s.Split}, found stories merging gold ones {s.Merged}"));
            if (features.Count > read.Articles.Count)
            {
                stdout.WriteLine(string.Create(ci, $"outside articles in gold stories {found.Intrusions.Sum(i => i.Items.Count)}, in {found.Intrusions.Select(i => i.Gold).Distinct().Count()} of {s.GoldClusters} gold stories"));
            }
            int n = parse.GetValue(examples);
            string Line(string id) => about.TryGetValue(id, out var a)
                ? $"{a.Published?.ToString("yyyy-MM-dd", ci) ?? "undated"}  {a.Source ?? "?"}  {(a.Title ?? id).ReplaceLineEndings(" ")}"
                : id;
            foreach (var e in found.Splits.Take(n))
            {
                stdout.WriteLine(string.Create(ci, $"split\t{e.Gold}\t{e.PairsApart} pairs apart"));
                for (int i = 0; i < e.Pieces.Count; i++) foreach (var id in e.Pieces[i]) stdout.WriteLine($"  piece {i + 1}\t{Line(id)}");
            }
            foreach (var e in found.Merges.Take(n))
            {
                stdout.WriteLine(string.Create(ci, $"merged\t{e.Predicted}\t{e.PairsTogether} pairs together"));
                foreach (var part in e.Parts) foreach (var id in part) stdout.WriteLine($"  {gold[id]}\t{Line(id)}");
            }
            foreach (var e in found.Intrusions.Take(n))
            {
                stdout.WriteLine($"outside articles joined\t{e.Gold}");
                foreach (var id in gold.Keys.Where(id => gold[id] == e.Gold)) stdout.WriteLine($"  gold\t{Line(id)}");
                foreach (var id in e.Items) stdout.WriteLine($"  outside\t{Line(id)}");
            }
            return read.Errors.Count > 0 || errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(clusters);

        var namesFile = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var names = new Command("names", "Names across the reports of each gold story: people named, people named by several reports, and every person spelled more than one way (suspect spellings marked ?), for review.") { namesFile };
        names.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(namesFile)!, stderr);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to group by");
            var r = Evaluation.NameConsistency.Of(Corpus.Analyze(read.Articles, AnalysisPipeline.Default), gold);
            stdout.WriteLine($"stories {r.Stories}, people {r.People}, named by several reports {r.PeopleInSeveralArticles}, spelled more than one way {r.VariantGroups.Count}");
            foreach (var g in r.VariantGroups)
            {
                stdout.WriteLine($"{g.Story}\t{g.Canonical}\t{string.Join("; ", g.Variants.Select(v => v.Name + (v.Suspect ? "?" : "") + " [" + string.Join(", ", v.Articles) + "]"))}");
            }
            return read.Errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(names);

        var conflictsFile = new Argument<string>("FILE") { Description = "A .jsonl file whose lines carry a gold \"story\" field (e.g. ../shared/corpora/basil-dev.jsonl)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choice of which article, value, name or quote to change; other seeds give other plants.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var missed = new Option<int>("--errors") { Description = "Also list up to N planted changes the brief missed, and N conflicts reported on untouched stories.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var conflictGold = new Option<string?>("--gold") { Description = "Score against a gold file of real conflicts instead (one story a line, as ../shared/corpora/basil-dev-conflicts.jsonl): precision, recall and F1 by kind, for the stories tuned on and the fifth kept aside. A reported conflict is right when two of its sides, cited on different articles, overlap the words of two different sides of a gold conflict.", HelpName = "GOLD" };
        var conflicts = new Command("conflicts", "Conflict detection on real text. With --gold: the conflicts each story's brief shows, scored against real ones listed by careful readers. Without: brief each gold story as it is (conflicts there count as false alarms), then with a copy of one article in which a date, a figure, a name's spelling or a quote's wording was changed, and with a wire-style copy (the other outlets' first sentences around one sentence with a name respelled by one letter), and count how many planted changes the brief reports (wire copies: dev stories and the fifth set aside from tuning apart).") { conflictsFile, seed, missed, conflictGold };
        conflicts.SetAction(parse =>
        {
            var (read, gold) = ReadWithStories(parse.GetValue(conflictsFile)!, stderr);
            if (parse.GetValue(conflictGold) is { } goldFile) return ScoreConflictGold(read, goldFile, parse.GetValue(missed), stdout, stderr, stderrRedirected);
            if (gold.Count == 0) return Fail(stderr, "no article carries a gold \"story\" field to group by");
            var analyzed = Corpus.Analyze(read.Articles, AnalysisPipeline.Default);
            var stories = gold.Values.Distinct().Count();
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            int n = parse.GetValue(missed);
            var failures = new List<string>();
            foreach (var mode in Enum.GetValues<Evaluation.PlantMode>())
            {
                using var progress = new TerminalProgress(stderr, enabled: !stderrRedirected, mode switch { Evaluation.PlantMode.Copy => "briefing stories with planted copies", Evaluation.PlantMode.InPlace => "briefing stories with changes in place", _ => "briefing stories with wire copies" }, stories);
                var r = Evaluation.PlantedConflicts.Evaluate(analyzed, gold, AnalysisPipeline.Default, mode, parse.GetValue(seed), progress);
                progress.Done();
                if (mode == Evaluation.PlantMode.Copy)
                {
                    stdout.WriteLine(string.Create(ci, $"stories {r.Stories}"));
                    stdout.WriteLine(string.Create(ci, $"conflicts per untouched story {r.UntouchedPerStory:F2}  ({r.Untouched.Count}: {string.Join(", ", r.Untouched.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()).Select(g => $"{BriefMarkdown.KindLabel(g.Key).ToLowerInvariant()} {g.Count()}"))})"));
                    foreach (var c in r.Untouched.Take(n))
                    {
                        stdout.WriteLine($"untouched\t{BriefMarkdown.KindLabel(c.Kind).ToLowerInvariant()}\t{Flat(c.About)}\t{string.Join(" | ", c.Variants.Select(v => Flat(v.Value)))}");
                    }
                }
                if (mode == Evaluation.PlantMode.Wire)
                {
                    // The stories set aside from tuning are reported apart, so the figure tuned on and the one not are both seen.
                    foreach (var (part, outcomes) in new[] { ("dev", r.Outcomes.Where(o => !Evaluation.PlantedConflicts.Aside(o.Story)).ToList()), ("aside", r.Outcomes.Where(o => Evaluation.PlantedConflicts.Aside(o.Story)).ToList()) })
                    {
                        int found = outcomes.Count(o => o.Found);
                        double further = outcomes.Count == 0 ? 0 : outcomes.Average(o => (double)o.ExtraConflicts);
                        stdout.WriteLine(string.Create(ci, $"planted one-letter slips in a wire copy, {part} stories ({outcomes.Select(o => o.Story).Distinct().Count()}): {found} of {outcomes.Count} found, recall {(outcomes.Count == 0 ? 0 : (double)found / outcomes.Count):F3}, further conflicts per plant {further:F2}"));
                        foreach (var kind in new[] { Evaluation.PlantKind.Name, Evaluation.PlantKind.Body })
                        {
                            var of = outcomes.Where(o => o.Plant.Kind == kind).ToList();
                            stdout.WriteLine(string.Create(ci, $"  {(of.Count == 0 ? 0 : (double)of.Count(o => o.Found) / of.Count):F3}  ({of.Count(o => o.Found),2} of {of.Count,2})  {(kind == Evaluation.PlantKind.Name ? "person's family name" : "organisation or place")}"));
                        }
                    }
                    foreach (var o in r.Outcomes.Where(o => o.Further.Count > 0).Take(n))
                    {
                        foreach (var c in o.Further) stdout.WriteLine($"further\t{o.Story}\t{Flat(o.Plant.Before)} -> {Flat(o.Plant.After)}\t{BriefMarkdown.KindLabel(c.Kind).ToLowerInvariant()}\t{Flat(c.About)}\t{string.Join(" | ", c.Variants.Select(v => Flat(v.Value)))}");
                    }
                    foreach (var o in r.Outcomes.Where(o => !o.Found).Take(n))
                    {
                        stdout.WriteLine($"missed\t{o.Story}\twire {o.Plant.Kind.ToString().ToLowerInvariant()}\t{Flat(o.Plant.Before)} -> {Flat(o.Plant.After)}\t{o.ChangedSentence}" + (o.Note is null ? "" : "\t" + o.Note));
                    }
                    failures.AddRange(r.Failures);
                    continue;
                }
                string where = mode == Evaluation.PlantMode.Copy ? "in a copy of one article (against its original)" : "in place (against another outlet's wording)";
                stdout.WriteLine(string.Create(ci, $"planted {where}: {r.Contradictions.Count}, reported {r.Contradictions.Count(o => o.Found)}, recall {r.Recall:F3} (dates, figures, person names, quotes), respelled names of all kinds {r.NameRecall:F3}, further conflicts per planted story {r.ExtraPerPlantedStory:F2}"));
                foreach (var kind in Enum.GetValues<Evaluation.PlantKind>())
                {
                    string label = kind switch
                    {
                        Evaluation.PlantKind.Body => "organisation or place",
                        Evaluation.PlantKind.ShortName => "full name cut to the family name, kept as one person without a conflict",
                        _ => kind.ToString().ToLowerInvariant(),
                    };
                    stdout.WriteLine(string.Create(ci, $"  {r.RecallOf(kind):F3}  ({r.Outcomes.Count(o => o.Plant.Kind == kind && o.Found),2} of {r.Planted(kind),2})  {label}"));
                }
                foreach (var o in r.Outcomes.Where(o => !o.Found).Take(n))
                {
                    stdout.WriteLine($"missed\t{o.Story}\t{o.Plant.Kind.ToString().ToLowerInvariant()}\t{Flat(o.Plant.Before)} -> {Flat(o.Plant.After)}\t{o.ChangedSentence}" + (o.Note is null ? "" : "\t" + o.Note));
                }
                failures.AddRange(r.Failures);
            }
            foreach (var f in failures.Distinct()) stderr.WriteLine($"parallax: error: brief failed for {f}");
            return failures.Count > 0 || read.Errors.Count > 0 ? Partial : Ok;
        });
        eval.Add(conflicts);
        eval.Add(ExtractionEvalCommand(stdout, stderr, stderrRedirected));
        return eval;
    }
}
