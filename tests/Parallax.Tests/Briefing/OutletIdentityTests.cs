using Parallax.Briefing;
using Parallax.Model;
using Parallax.Reading;
using Parallax.Rendering;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// An outlet is one outlet however its name is written: with invisible characters, a bidi override, fullwidth letters,
/// look-alike letters of another script or a stray space, it is still one source (issue 29), and is shown by its plain name.
/// </summary>
public sealed class OutletIdentityTests
{
    /// <summary>Six ways of writing "Reuters" that look alike: plain, a zero-width space inside, a Cyrillic "е", a right-to-left override, fullwidth, a trailing space.</summary>
    public static readonly string[] Reuters = ["Reuters", "Reu\u200Bters", "R\u0435uters", "\u202EReuters\u202C", "Ｒｅｕｔｅｒｓ", "Reuters "];

    private static Article Report(int i, string source) => new()
    {
        Id = $"r{i}",
        Source = source,
        Published = new DateOnly(2025, 1, 1 + i),
        Text = $"The Harlow river flooded the lower town on Sunday, officials said. Report {i} counts {i + 2} streets under water.",
    };

    private static Brief Story(IEnumerable<Article> articles) => Briefs.OneStory([.. articles]);

    [Fact]
    public void Six_ways_of_writing_one_outlet_are_one_source_in_a_brief_shown_by_its_plain_name()
    {
        var brief = Story(Reuters.Select((source, i) => Report(i, source)));
        Assert.All(brief.Articles, a => Assert.Null(a.DuplicateOf));
        Assert.Equal(1, brief.IndependentSources);
        Assert.Equal([new OutletShare("Reuters", 6, null)], Outlets.Coverage(brief.Articles.Select(a => a.Article)));
        Assert.Equal([("Reuters", 6)], brief.RepeatedOutlets);
        Assert.Single(Reuters.Select(name => Outlets.Key(new Article { Id = "x", Text = "t", Source = name })).Distinct());
        // Each article is labelled by its name as shown: nothing invisible, nothing reversed.
        Assert.All(brief.Articles, a => Assert.Equal("Reuters", a.Label));
        string html = BriefHtml.Fragment(brief);
        Assert.DoesNotContain('\u200B', html);
        Assert.DoesNotContain('\u202E', html);
        // Six different outlets stay six.
        Assert.Equal(6, Story(Reuters.Select((_, i) => Report(i, $"Outlet {i}"))).IndependentSources);
    }

    [Theory]
    [InlineData("Reu\u200Bters", "Reuters")]
    [InlineData("\u202EReuters\u202C", "Reuters")]
    [InlineData("Ｒｅｕｔｅｒｓ", "Reuters")]
    [InlineData("𝐑𝐞𝐮𝐭𝐞𝐫𝐬", "Reuters")]
    [InlineData("ℛ\u24D4uters", "Reuters")]
    [InlineData("Ｒｅｕ\u0442ers", "Reu\u0442ers")]
    [InlineData("  The\u00A0 Times\t", "The Times")]
    [InlineData("R\u0435uters", "Reuters")]
    [InlineData("\u0412\u0412\u0421 News", "BBC News")]
    [InlineData("\u00ADFox\u2060 News\uFE0F", "Fox News")]
    [InlineData("Le Monde", "Le Monde")]
    [InlineData("\u0422\u0410\u0421\u0421", "\u0422\u0410\u0421\u0421")]
    [InlineData("RT \u043D\u0430 \u0440\u0443\u0441\u0441\u043A\u043E\u043C", "RT \u043D\u0430 \u0440\u0443\u0441\u0441\u043A\u043E\u043C")]
    [InlineData("\u200B\u200D", "")]
    public void A_name_is_shown_without_invisible_characters_and_in_latin_when_it_mixes_in_look_alikes(string given, string shown) =>
        Assert.Equal(shown, OutletIdentity.Clean(given));

    [Theory]
    [InlineData("Reuters", "REUTERS", true)]
    [InlineData("R\u0435uters", "Reuters", true)]
    [InlineData("\u0422\u0410\u0421\u0421", "TACC", true)]
    [InlineData("\u039D\u0395\u03A9S", "News", false)]
    [InlineData("\u039D\u0395WS", "news", true)]
    [InlineData("\u03BDews", "vews", true)]
    [InlineData("Reuters", "Reuter", false)]
    [InlineData("Le Monde", "Le Mond\u00E9", true)]
    [InlineData("Le Mond\u00E9", "Le Monde\u0301", true)]
    [InlineData("\u0401LLE", "\u00CBlle", true)]
    [InlineData("\u0420\u0435\u0439\u0442\u0435\u0440", "Peuter", false)]
    public void Names_are_one_outlet_when_their_keys_are_equal(string one, string other, bool same) =>
        Assert.Equal(same, OutletIdentity.Key(one) == OutletIdentity.Key(other));

    [Fact]
    public void A_lone_surrogate_or_a_control_character_in_a_name_is_dropped_not_a_crash()
    {
        Assert.Equal("Reuters", OutletIdentity.Clean("Reu\uD800ters\u0007"));
        Assert.Equal("A B", OutletIdentity.Clean("A\nB"));
    }

    [Fact]
    public void An_article_keeps_its_outlet_name_as_shown_with_a_note_when_it_was_written_with_hidden_characters()
    {
        var hidden = ArticleAdmission.Check(new Article { Id = "a", Text = "Polls closed.", Source = "\u202EReu\u200Bters" });
        Assert.Equal("Reuters", hidden.Article!.Source);
        Assert.Contains(hidden.Notes, n => n.Contains("invisible", StringComparison.Ordinal));
        var spaced = ArticleAdmission.Check(new Article { Id = "b", Text = "Polls closed.", Source = " Reuters  " });
        Assert.Equal("Reuters", spaced.Article!.Source);
        Assert.Empty(spaced.Notes);
        var nothing = ArticleAdmission.Check(new Article { Id = "c", Text = "Polls closed.", Source = "\u200B" });
        Assert.Null(nothing.Article!.Source);
    }
}
