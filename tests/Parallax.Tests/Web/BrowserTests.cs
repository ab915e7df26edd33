using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;
using Parallax.Web;
using Xunit;

namespace Parallax.Tests;

/// <summary>A browser test: skipped, with the reason, when no Chromium is installed (CI installs Debian's chromium).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        // CI sets PARALLAX_REQUIRE_BROWSER, so a missing browser fails there instead of passing as skipped.
        if (!File.Exists(BrowserTests.Chromium) && Environment.GetEnvironmentVariable("PARALLAX_REQUIRE_BROWSER") != "1")
        {
            Skip = $"no Chromium at {BrowserTests.Chromium} (install Debian's chromium, or set PARALLAX_CHROMIUM)";
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>
/// The site in a real headless Chromium against a real server on 127.0.0.1: stories, a citation lighting up its supporting
/// text, marked articles, search, adding an article, and no script from an article ever running. A failing test leaves a
/// screenshot in TestResults/screenshots.
/// </summary>
[Collection("Timed")]
public sealed partial class BrowserTests : IAsyncLifetime
{
    public static string Chromium => Environment.GetEnvironmentVariable("PARALLAX_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _base = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return; // the test itself is skipped, or fails in CI

        string db = Path.Combine(_dir, "site.db");
        using (var store = new SqliteStore(db))
        {
            new Ingestor(store, AnalysisPipeline.Default).Ingest([.. ArticleSource.Read([TestPaths.Examples]).Articles, .. SampleStories.Rated(), .. SampleStories.Older()]);
        }
        // Two stories a page, so three stories (four once a test pastes one) page; three search results a page.
        _app = ParallaxServer.Build(new ServerOptions { DbPath = db, Urls = ["http://127.0.0.1:0"], PageSize = 2, SearchPageSize = 3 }, b => b.Logging.ClearProviders());
        await _app.StartAsync();
        _base = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Runs <paramref name="test"/> on a fresh page; console errors (a CSP violation among them) fail it; any failure leaves a screenshot.</summary>
    private async Task OnPage(Func<IPage, Task> test, [CallerMemberName] string name = "")
    {
        Assert.True(_browser is not null, $"no Chromium at {Chromium}; install Debian's chromium or set PARALLAX_CHROMIUM");
        var page = await _browser.NewPageAsync();
        // Playwright's 30-second defaults are a timing assumption; a busy two-core machine has broken them. Waits that
        // succeed end as soon as they do; only a real hang runs into the guard.
        float guard = (float)HangGuard.Limit.TotalMilliseconds;
        page.SetDefaultTimeout(guard);
        page.SetDefaultNavigationTimeout(guard);
        Assertions.SetDefaultExpectTimeout(guard);
        var consoleErrors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error") consoleErrors.Add(m.Text);
        };
        page.PageError += (_, e) => consoleErrors.Add(e);
        try
        {
            await test(page);
            Assert.Empty(consoleErrors);
        }
        catch (Exception e)
        {
            string dir = Path.Combine(TestPaths.RepoRoot, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            string shot = Path.Combine(dir, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new Xunit.Sdk.XunitException($"{e.Message}\nconsole errors: {string.Join(" | ", consoleErrors)}\nscreenshot: {shot}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// Waits until the page's address holds <paramref name="part"/> and its document has loaded. Asked of the browser, not by WaitForURLAsync, whose
    /// check-then-subscribe can miss the load event on a busy machine and then wait forever (playwright-dotnet #3364).
    /// </summary>
    private static async Task Arrived(IPage page, string part)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(part)));
        // The new document is loaded when the browser says so; polled there too, so no event can be missed.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    [BrowserFact]
    public Task Clicking_a_citation_highlights_exactly_the_supporting_text() => OnPage(async page =>
    {
        await page.GotoAsync(_base + "/");
        var storyLink = page.Locator("ol.stories a.title").First;
        Assert.Contains("Bridge", await storyLink.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await storyLink.ClickAsync();
        await Arrived(page, "/stories/");
        Assert.Equal(0, await page.Locator("span.hl").CountAsync());

        var cite = page.Locator("ul.facts a.cite").First;
        string spans = (await cite.GetAttributeAsync("data-spans"))!;
        await cite.ClickAsync();
        var lit = page.Locator("span.hl");
        Assert.True(await lit.CountAsync() > 0, "no span lit after clicking a citation");
        await Assertions.Expect(lit.First).ToBeInViewportAsync();
        string background = await lit.First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(255, 224, 102)", background);

        // Every lit piece lies inside a span the citation names, and together they are its whole text.
        var named = spans.Split(' ').Select(s =>
        {
            int colon = s.LastIndexOf(':');
            var r = s[(colon + 1)..].Split('-');
            return (Article: s[..colon], Start: int.Parse(r[0]), End: int.Parse(r[1]));
        }).ToList();
        var pieces = await lit.EvaluateAllAsync<string[][]>("els => els.map(e => [e.dataset.a, e.dataset.s, e.dataset.e, e.textContent])");
        foreach (var p in pieces)
        {
            Assert.Contains(named, n => n.Article == p[0] && n.Start <= int.Parse(p[1]) && int.Parse(p[2]) <= n.End);
        }
        string litText = string.Concat(pieces.Where(p => p[0] == named[0].Article).Select(p => p[3]));
        Assert.Equal(named[0].End - named[0].Start, litText.Length);

        // Another citation moves the highlight.
        var other = page.Locator("ul.facts li").Nth(1).Locator("a.cite").First;
        string otherSpans = (await other.GetAttributeAsync("data-spans"))!;
        await other.ClickAsync();
        var now = await page.Locator("span.hl").EvaluateAllAsync<string[][]>("els => els.map(e => [e.dataset.a, e.dataset.s])");
        Assert.All(now, p => Assert.Contains($"{p[0]}:", otherSpans, StringComparison.Ordinal));
    });

    private static readonly string[] Marks = [".marked .ent.person", ".marked .quote", ".marked .qty", ".marked .time"];

    [BrowserFact]
    public Task An_article_page_marks_names_quotes_quantities_and_times() => OnPage(async page =>
    {
        await page.GotoAsync(_base + "/");
        await page.Locator("ol.stories a.title").First.ClickAsync();
        await page.Locator(".source h3 a").First.ClickAsync();
        await Arrived(page, "/articles/");
        foreach (var mark in Marks)
        {
            Assert.True(await page.Locator(mark).CountAsync() > 0, $"nothing marked as {mark}");
        }
        string title = (await page.Locator(".marked span[class=time]").First.GetAttributeAsync("title"))!;
        Assert.Matches("^(date|time|duration|set) ", title);
        await page.Locator("a", new() { HasText = "Stories" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_base + "/");
    });

    [BrowserFact]
    public Task Search_box_finds_articles_and_facts_with_the_words_marked() => OnPage(async page =>
    {
        await page.GotoAsync(_base + "/");
        await page.FillAsync("form.search input[name=q]", "Meridian bridge");
        await page.PressAsync("form.search input[name=q]", "Enter");
        await Arrived(page, "/search?q=");
        Assert.True(await page.Locator("ol.hits li").CountAsync() > 0);
        Assert.True(await page.Locator("ol.hits mark").CountAsync() > 0);
    });

    [BrowserFact]
    public Task The_add_form_puts_each_label_above_a_field_of_the_same_width() => OnPage(async page =>
    {
        await page.GotoAsync(_base + "/add");
        // Each label's words sit above its field, left-aligned with it, and the paste form's fields are one width.
        var boxes = await page.Locator("form:has(button[value=paste]) label").EvaluateAllAsync<double[][]>(
            "labels => labels.map(l => { const f = l.querySelector('input, textarea'); const r = document.createRange(); r.setStart(l, 0); r.setEnd(l, 1); " +
            "const t = r.getBoundingClientRect(); const b = f.getBoundingClientRect(); return [t.bottom, t.left, b.top, b.left, b.width]; })");
        Assert.True(boxes.Length >= 5, $"{boxes.Length} labelled fields");
        foreach (var b in boxes)
        {
            Assert.True(b[0] <= b[2] + 1, $"a label's words end at {b[0]} but its field starts at {b[2]}");
            Assert.True(Math.Abs(b[1] - b[3]) <= 1, $"a label starts at x={b[1]}, its field at x={b[3]}");
        }
        Assert.True(boxes.Max(b => b[4]) - boxes.Min(b => b[4]) <= 1, "fields of uneven width: " + string.Join(", ", boxes.Select(b => b[4])));
    });

    [BrowserFact]
    public Task A_pasted_article_joins_a_story_and_nothing_in_it_ever_runs() => OnPage(async page =>
    {
        await page.GotoAsync(_base + "/add");
        await page.FillAsync("input[name=title]", "Harbour <img src=x onerror=\"window.__xss=1\">");
        await page.FillAsync("input[name=source]", "<script>window.__xss=2</script>");
        await page.FillAsync("input[name=published]", "2026-05-04");
        await page.FillAsync("textarea[name=text]", "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said. <script>window.__xss=3</script><svg onload=\"window.__xss=4\"></svg>");
        await page.ClickAsync("button[value=paste]");
        await Arrived(page, "/stories/");
        Assert.Contains("added", await page.Locator("p.notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal); // shown as text
        foreach (var path in new[] { "/", "/search?q=harbour", page.Url })
        {
            await page.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : _base + path);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a script from the article ran on {path}");
        }
        await page.Locator(".source h3 a").First.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    });
}
