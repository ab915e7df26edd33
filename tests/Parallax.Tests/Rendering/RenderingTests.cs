using Parallax.Rendering;
using Xunit;

namespace Parallax.Tests;

/// <summary>Text from articles can never become markup in what Parallax renders.</summary>
public sealed class RenderingTests
{
    private const string Hostile = "Mayor Ines Okafor said the <script>alert('x')</script> plan was \"final\" & <img src=x onerror=alert(1)> approved on Monday.";

    private static Briefing.Brief Brief() => Assert.Single(Briefs.Of([
        Briefs.Article("a<b>", Hostile, source: "<i>Outlet</i>"),
        Briefs.Article("b", "Mayor Ines Okafor said on Monday the <script>alert('x')</script> plan was final and approved.", source: "Other & Co"),
    ]));

    [Fact]
    public void Html_escapes_everything_from_articles_and_makes_no_network_requests()
    {
        string html = BriefHtml.Write([Brief()]);
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Outlet", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_markup_from_articles()
    {
        string md = BriefMarkdown.Write([Brief()]);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_valid_and_keeps_the_text_exactly()
    {
        string json = BriefJson.Write([Brief()]);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal); // escaped as \u003C so it is safe to embed
        var article = doc.RootElement.GetProperty("stories")[0].GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "a<b>");
        Assert.Equal("<i>Outlet</i>", article.GetProperty("source").GetString());
    }

    private static int CountOf(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void A_story_page_leaves_out_empty_sections_and_links_each_original()
    {
        // One article, no quotes: nothing to agree on, nobody quoted.
        var article = Briefs.Article("only", "The council closed the harbour bridge on Monday for repairs that will take six months.") with
        {
            Url = "https://harbour-news.example/bridge",
            Source = "Harbour News",
        };
        string html = Parallax.Rendering.BriefHtml.Fragment(Assert.Single(Briefs.Of([article])));
        Assert.DoesNotContain("What the sources agree on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Who said what", html, StringComparison.Ordinal);
        Assert.Contains("Sources side by side", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://harbour-news.example/bridge\" rel=\"noopener noreferrer nofollow\">original at harbour-news.example</a>", html, StringComparison.Ordinal);
        // An address that is not the web is never made a link.
        var local = Briefs.Of([article with { Url = "javascript:alert(1)" }]);
        Assert.DoesNotContain("javascript:", Parallax.Rendering.BriefHtml.Fragment(Assert.Single(local)), StringComparison.Ordinal);
    }
}
