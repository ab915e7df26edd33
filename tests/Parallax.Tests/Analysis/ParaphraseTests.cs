using Parallax.Evaluation;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Similarity;
using Xunit;

namespace Parallax.Tests;

/// <summary>The paraphrase decision's parts: the features of a pair, the logistic model, and the MSRP reader.</summary>
public sealed class ParaphraseTests
{
    private static SentenceView View(string text)
    {
        var a = AnalysisPipeline.Default.Analyze(new Article { Id = text.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text });
        return SentenceView.Of(a, new Span(0, text.Length), (_, name) => name);
    }

    private static double Feature(double[] features, string name) => features[Array.IndexOf(ParaphraseFeatures.Names, name)];

    [Fact]
    public void A_sentence_against_itself_shares_everything()
    {
        var v = View("Trump said the talks with Xi were extremely productive.");
        var f = ParaphraseFeatures.Of(v, v, new Dictionary<string, double>());
        Assert.Equal(ParaphraseFeatures.Names.Length, f.Length);
        foreach (var name in new[] { "idfCosine", "overlapMin", "overlapMax", "words1", "words4", "commonSubsequence", "letterTrigrams", "lengthRatio" })
            Assert.Equal(1.0, Feature(f, name), 6);
        Assert.Equal(0.0, Feature(f, "numbersDiffer"));
        Assert.Equal(0.0, Feature(f, "negationDiffers"));
        Assert.Equal(0.0, Feature(f, "unmatchedMore"));
    }

    [Fact]
    public void Another_figure_and_a_denial_are_measured_as_such()
    {
        var a = View("The company sold the chain for $2.5 billion in 1998.");
        var b = View("The company did not sell the chain for $1.8 billion in 1998.");
        var f = ParaphraseFeatures.Of(a, b, new Dictionary<string, double>());
        Assert.True(Feature(f, "numbersDiffer") > 0, "the prices differ");
        Assert.Equal(1.0, Feature(f, "negationDiffers"));
        Assert.InRange(Feature(f, "words1"), 0.5, 0.99);
    }

    [Fact]
    public void The_logistic_model_separates_what_can_be_separated_and_survives_being_written()
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        var rng = new Random(7);
        for (int i = 0; i < 400; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            x.Add([a, b]);
            y.Add(a + 0.2 * b > 0.6);
        }
        var model = LogisticModel.Fit(["a", "b"], x, y);
        int right = Enumerable.Range(0, x.Count).Count(i => model.Probability(x[i]) >= model.Threshold == y[i]);
        Assert.True(right >= 380, $"{right} of 400 right on a linearly separable set");
        var again = LogisticModel.Read(model.Write().Split('\n'));
        Assert.Equal(model.Threshold, again.Threshold);
        foreach (var row in x.Take(20)) Assert.Equal(model.Probability(row), again.Probability(row), 12);
    }

    [Fact]
    public void The_best_threshold_maximises_accuracy()
    {
        double cut = LogisticModel.BestThreshold([0.1, 0.2, 0.6, 0.7, 0.9], [false, false, true, true, true]);
        Assert.InRange(cut, 0.2, 0.6);
        // All positive: every score is above the cut.
        Assert.True(LogisticModel.BestThreshold([0.3, 0.4], [true, true]) < 0.3);
    }

    [Fact]
    public void A_bad_model_line_is_named()
    {
        var e = Assert.Throws<FormatException>(() => LogisticModel.Read(["a 0 1 0.5", "bias x", "threshold 0.5"]));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_msrp_file_with_a_bad_line_is_refused_naming_the_file_and_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"msrp-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tOne sentence.\tThe same sentence.\n2\t3\t4\ta\tb\n");
        try
        {
            var e = Assert.Throws<FormatException>(() => MsrpCorpus.Read(path));
            Assert.Contains(path + ":3", e.Message, StringComparison.Ordinal);
            File.WriteAllText(path, "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tOne sentence.\tThe same sentence.\r\n");
            var pair = Assert.Single(MsrpCorpus.Read(path));
            Assert.True(pair.Same);
            Assert.Equal("The same sentence.", pair.Text2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_aside_fifth_is_the_same_pairs_every_time()
    {
        var pairs = Enumerable.Range(0, 1000).Select(i => new ParaphrasePair(true, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x", "a", "b")).ToList();
        int aside = pairs.Count(p => p.Aside);
        Assert.InRange(aside, 150, 250);
        Assert.Equal(aside, pairs.Count(p => p.Aside));
    }

    /// <summary>A small corpus in which farm goods share their company and so do law-making bodies, each word in several contexts.</summary>
    private static IEnumerable<string> FarmAndLaw()
    {
        string[] crops = ["soybeans", "corn", "wheat"];
        string[] bodies = ["senate", "congress", "parliament"];
        string[] farm = ["farmers harvest", "exports rose", "prices fell at the grain market", "growers planted", "buyers purchased tonnes of"];
        string[] law = ["lawmakers voted", "the chamber passed legislation", "members debated the budget bill", "leaders scheduled hearings", "the committee amended"];
        for (int i = 0; i < 60; i++)
        {
            yield return $"This season {farm[i % farm.Length]} {crops[i % crops.Length]} while {farm[(i + 2) % farm.Length]} more {crops[(i + 1) % crops.Length]}.";
            yield return $"In the capital the {bodies[i % bodies.Length]} {law[i % law.Length]} after the {bodies[(i + 1) % bodies.Length]} {law[(i + 3) % law.Length]}.";
        }
    }

    [Fact]
    public void Words_in_the_same_company_get_close_vectors()
    {
        var vectors = WordVectors.Train(FarmAndLaw(), new WordVectorOptions { Dimensions = 8, MinimumCount = 2 });
        Assert.True(vectors.Similarity("soybeans", "corn") > vectors.Similarity("soybeans", "senate") + 0.2,
            $"soybeans/corn {vectors.Similarity("soybeans", "corn"):F2}, soybeans/senate {vectors.Similarity("soybeans", "senate"):F2}");
        Assert.True(vectors.Similarity("senate", "parliament") > vectors.Similarity("senate", "wheat") + 0.2);
        Assert.Equal(1.0, vectors.Similarity("corn", "corn"), 5);
        Assert.Equal(0.0, vectors.Similarity("corn", "unseen-word"));
        // Sentences about the same kind of thing are closer than sentences about different kinds.
        double Idf(string _) => 1;
        Assert.True(vectors.TextSimilarity(["soybeans", "exports"], ["wheat", "growers"], Idf) > vectors.TextSimilarity(["soybeans", "exports"], ["congress", "lawmakers"], Idf));
    }

    [Fact]
    public void The_same_corpus_and_seed_always_give_the_same_vectors()
    {
        var a = WordVectors.Train(FarmAndLaw(), new WordVectorOptions { Dimensions = 8, MinimumCount = 2 });
        var b = WordVectors.Train(FarmAndLaw(), new WordVectorOptions { Dimensions = 8, MinimumCount = 2 });
        Assert.Equal(a.Words, b.Words);
        Assert.Equal(a.Of("wheat"), b.Of("wheat"));
        // Too little text for a vector space is no error.
        Assert.Empty(WordVectors.Train(["one"]).Words);
    }
}
