using Parallax.Briefing;
using Parallax.Model;
using Xunit;

namespace Parallax.Tests;

/// <summary>What the brief must establish, checked on the project's own examples and on small invented stories.</summary>
public sealed class BriefTests
{
    private static readonly Lazy<Brief> Example = new(() => Assert.Single(Briefs.Of(TestPaths.Examples)));

    [Fact]
    public void The_examples_are_one_story_of_four_sources()
    {
        var b = Example.Value;
        Assert.Equal(["avalen-courier", "coastline-daily", "harbor-wire", "metro-ledger"], b.Articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2026, 3, 2), b.Date);
        var ledger = b.Articles.Single(a => a.Id == "metro-ledger").Article;
        Assert.True(ledger.PublishedInferred, "the undated HTML page takes its story's date, marked as inferred");
    }

    [Fact]
    public void The_planted_date_conflict_is_reported_with_every_variant()
    {
        var c = Assert.Single(Example.Value.Conflicts, c => c.Kind == ConflictKind.Time);
        Assert.Equal("2026-03-14", c.Variants[0].Value);
        Assert.Equal(["avalen-courier", "coastline-daily", "metro-ledger"], c.Variants[0].Articles);
        Assert.Equal("2026-03-21", c.Variants[1].Value);
        Assert.Equal(["harbor-wire"], c.Variants[1].Articles);
    }

    [Fact]
    public void The_planted_figure_conflict_is_reported_and_a_hedged_equal_figure_agrees()
    {
        var c = Assert.Single(Example.Value.Conflicts, c => c.Kind == ConflictKind.Quantity);
        Assert.Equal(["42,000,000 USD", "48,000,000 USD"], c.Variants.Select(v => v.Value));
        Assert.Contains("coastline-daily", c.Variants[0].Articles); // "about $42 million" agrees with "$42 million"
        Assert.Equal(["metro-ledger"], c.Variants[1].Articles);
    }

    [Fact]
    public void The_planted_misspelling_is_one_person_with_a_suspect_variant()
    {
        var marsh = Assert.Single(Example.Value.Entities, e => e.Name == "Elena Marsh");
        Assert.Equal(EntityType.Person, marsh.Type);
        var odd = Assert.Single(marsh.Variants, v => v.Suspect);
        Assert.Equal("Elena Marsch", odd.Name);
        Assert.Equal(["harbor-wire"], odd.Articles);
        Assert.Contains(Example.Value.Conflicts, c => c.Kind == ConflictKind.Name && c.Variants.Any(v => v.Value == "Elena Marsch"));
    }

    [Fact]
    public void The_reworded_quote_is_shown_as_two_wordings_of_one_quote()
    {
        var q = Assert.Single(Example.Value.Quotes, q => q.Speaker == "Elena Marsh" && q.Direct);
        Assert.Equal(2, q.Variants.Count);
        Assert.Equal(["avalen-courier", "harbor-wire", "metro-ledger"], q.Variants[0].Articles);
        Assert.Equal(["coastline-daily"], q.Variants[1].Articles);
        Assert.Contains(Example.Value.Conflicts, c => c.Kind == ConflictKind.Quote);
    }

    [Fact]
    public void A_fact_stated_with_a_rival_date_is_not_cited_to_the_source_that_disputes_it()
    {
        var b = Example.Value;
        var reopening = Assert.Single(b.Facts, f => f.Text.Contains("reopen to traffic on March 14", StringComparison.Ordinal));
        Assert.Equal(["harbor-wire"], reopening.DisputedBy);
        Assert.DoesNotContain("harbor-wire", reopening.Agreeing);
        var sentence = Assert.Single(b.Summary, s => s.Text.Contains("March 14", StringComparison.Ordinal));
        Assert.DoesNotContain("harbor-wire", sentence.Articles);
        Assert.Contains(b.DisputedBy("metro-ledger"), f => f.Text.Contains("$42 million", StringComparison.Ordinal));
        Assert.DoesNotContain(b.MissingFrom("metro-ledger"), f => f.Text.Contains("$42 million", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_outlet_adds_its_own_details()
    {
        var b = Example.Value;
        Assert.Contains(b.UniqueTo("harbor-wire"), f => f.Text.Contains("Keller & Vance", StringComparison.Ordinal));
        Assert.Contains(b.UniqueTo("metro-ledger"), f => f.Text.Contains("Ruth Adeyemi", StringComparison.Ordinal));
        Assert.Contains(b.UniqueTo("coastline-daily"), f => f.Text.Contains("Harbor Merchants Association", StringComparison.Ordinal));
        Assert.Contains(b.UniqueTo("avalen-courier"), f => f.Text.Contains("ferry operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_are_ranked_by_how_many_sources_carry_them()
    {
        var counts = Example.Value.Facts.Select(f => f.Sources).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.Equal(4, counts[0]);
    }

    [Fact]
    public void Every_statement_is_a_sentence_its_sources_printed_and_every_span_covers_text()
    {
        var b = Example.Value;
        var texts = b.Articles.ToDictionary(a => a.Id, a => a.Analysis.Text);
        foreach (var s in b.Summary)
        {
            Assert.True(s.Articles.Count >= 2, "the summary holds only corroborated facts");
            Assert.Contains(texts.Values, t => Normalize(t).Contains(s.Text, StringComparison.Ordinal));
        }
        var supports = b.Facts.SelectMany(f => f.Support).Concat(b.Conflicts.SelectMany(c => c.Variants.SelectMany(v => v.Support)))
            .Concat(b.Quotes.SelectMany(q => q.Variants.SelectMany(v => v.Support))).Concat(b.Timeline.SelectMany(t => t.Support));
        foreach (var s in supports)
        {
            string text = texts[s.Article];
            Assert.InRange(s.Span.Start, 0, text.Length);
            Assert.InRange(s.Span.End, s.Span.Start + 1, text.Length);
        }
        foreach (var f in b.Facts)
        {
            var own = Assert.Single(f.Support, s => s.Article == f.TextFrom);
            Assert.Equal(f.Text, Normalize(own.Span.Of(texts[f.TextFrom])));
        }
        foreach (var q in b.Quotes.SelectMany(q => q.Variants))
        {
            foreach (var s in q.Support) Assert.Contains(q.Text.TrimEnd(','), s.Span.Of(texts[s.Article]).Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hedged_and_exact_figures_that_agree_and_a_change_beside_a_level_raise_no_conflict()
    {
        var briefs = Briefs.Of([
            Briefs.Article("a", "The mayor said the ribbon-cutting ceremony lasted about an hour on Monday. The city cut the transit fare by 10% this year."),
            Briefs.Article("b", "The one-hour ribbon-cutting ceremony on Monday was led by the mayor, officials said. The city halved its 20% transit fare surcharge this year."),
        ]);
        var b = Assert.Single(briefs);
        Assert.Empty(b.Conflicts);
    }

    [Fact]
    public void A_persons_age_in_apposition_is_background_not_a_conflict_but_a_count_still_is()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "Hillary Clinton, 68, told supporters in Des Moines on Tuesday that 12 counties had backed her campaign."),
            Briefs.Article("b", "Hillary Clinton, 67, told supporters in Des Moines on Tuesday that 14 counties had backed her campaign."),
        ]));
        var figure = Assert.Single(b.Conflicts, c => c.Kind == ConflictKind.Quantity);
        Assert.Equal(["12", "14"], figure.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_source_is_counted_for_the_claims_it_states_not_for_its_whole_sentence()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "President Donald Trump praised the phone call with Chinese President Xi Jinping, who emphasized that the return of Taiwan to China is part of the postwar order."),
            Briefs.Article("b", "Chinese President Xi Jinping emphasized in the phone call that the return of Taiwan to China is part of the postwar order."),
            Briefs.Article("c", "President Donald Trump praised his phone call with Chinese President Xi Jinping on trade and fentanyl."),
        ]));
        var taiwan = Assert.Single(b.Facts, f => f.Text.Contains("Taiwan", StringComparison.Ordinal));
        Assert.Equal(["a", "b"], taiwan.Articles);
        var praise = Assert.Single(b.Facts, f => f.Text.Contains("praised", StringComparison.Ordinal));
        Assert.Equal(["a", "c"], praise.Articles);
        var claim = Assert.Single(taiwan.Support, s => s.Article == "a");
        Assert.StartsWith("emphasized that", claim.Span.Of(b.Articles.Single(x => x.Id == "a").Analysis.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_in_one_source_list_is_the_same_fact_as_the_topic_said_alone_in_another()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The energy ministers of the two countries met in Oslo on Tuesday. The ministers discussed gas prices, grid links and offshore wind, according to a joint statement."),
            Briefs.Article("b", "The energy ministers of the two countries met in Oslo on Tuesday for the first time. Offshore wind was also raised during the meeting, officials said."),
            Briefs.Article("c", "Energy ministers of both countries met in Oslo on Tuesday. The talks focused on gas prices, a spokesman said."),
        ]));
        var wind = Assert.Single(b.Facts, f => f.Topic && f.Display.Contains("offshore wind", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["a", "b"], wind.Articles);
        var gas = Assert.Single(b.Facts, f => f.Topic && f.Display.Contains("gas prices", StringComparison.Ordinal));
        Assert.Equal(["a", "c"], gas.Articles);
        // Shown in one source's words, with what lies between left out.
        Assert.Contains(wind.Display, (string[])["The ministers discussed … offshore wind.", "Offshore wind was also raised during the meeting."]);
        // Each claim is cited to the item it names, not the whole list.
        Assert.Equal("offshore wind", wind.Support.Single(s => s.Article == "a").Span.Of(b.Articles.Single(x => x.Id == "a").Analysis.Text));
        // "Grid links" is in one source only, but as a topic it is never listed alone: its sentence is.
        Assert.DoesNotContain(b.UniqueTo("a"), f => f.Topic);
    }

    [Fact]
    public void A_source_naming_a_topic_twice_is_one_source_of_it_cited_twice()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The energy ministers met in Oslo on Tuesday. The ministers discussed offshore wind and gas prices. Later in the meeting they also talked about offshore wind."),
            Briefs.Article("b", "The energy ministers met in Oslo on Tuesday for the first time. Offshore wind farms were also raised during the meeting, officials said."),
        ]));
        var wind = Assert.Single(b.Facts, f => f.Topic && f.Display.Contains("offshore wind", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["a", "b"], wind.Articles);
        Assert.Equal(2, wind.Sources);
        Assert.Equal(2, wind.Support.Count(s => s.Article == "a"));
        // Whichever source words it, its disputes are found from its own claim (this threw when the wording source cited it twice).
        var twice = wind with { TextFrom = "a" };
        var date = new Conflict("Date", ConflictKind.Time, [
            new Variant("2025-11-24", "Monday", ["a"], [twice.Support.First(s => s.Article == "a")]),
            new Variant("2025-11-25", "Tuesday", ["b"], [twice.Support.First(s => s.Article == "b")]),
        ]);
        Assert.Equal(["b"], Parallax.Briefing.BriefBuilder.WithDisputes(twice, [date]).DisputedBy);
    }

    [Fact]
    public void Sources_are_outlets_so_two_articles_of_one_outlet_are_one_source()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The harbour in Port Avalen reopened on Monday after repairs costing $12 million, the port authority said.") with { Source = "Fox News" },
            Briefs.Article("b", "The harbour in Port Avalen reopened on Monday after repairs that cost $12 million, the port authority said.") with { Source = "fox  news " },
            Briefs.Article("c", "The harbour in Port Avalen reopened on Monday, the port authority said, after repairs costing $12 million.") with { Source = "The Courier" },
        ]));
        Assert.Equal(2, b.IndependentSources);
        var fact = Assert.Single(b.Facts, f => f.Text.Contains("harbour", StringComparison.Ordinal));
        Assert.Equal(3, fact.Articles.Count);
        Assert.Equal(2, fact.Sources);
        Assert.Contains("2 sources · 2 articles from Fox News", Parallax.Rendering.BriefMarkdown.Write([b]), StringComparison.Ordinal);
        // Without an outlet name, the address's host tells the outlet; without either, each article is its own.
        Assert.Equal(Outlets.Key(new Article { Id = "x", Text = "t", Url = "https://www.example.com/a" }), Outlets.Key(new Article { Id = "y", Text = "t", Url = "http://example.com/b" }));
        Assert.NotEqual(Outlets.Key(new Article { Id = "x", Text = "t" }), Outlets.Key(new Article { Id = "y", Text = "t" }));
    }

    private static readonly string[] Ordinals = ["one", "two", "three", "four", "five", "six", "seven"];

    [Fact]
    public void What_only_one_source_reports_is_ranked_by_what_it_tells_and_capped()
    {
        string extra = string.Join(" ", Ordinals.Select(n => $"A quiet aside number {n} follows here without much in it."));
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The council approved the harbor budget on Monday. " + extra + " Treasurer Ana Ruiz said the port authority would borrow $40 million on March 3."),
            Briefs.Article("b", "The council approved the harbor budget on Monday, officials said."),
        ]));
        var unique = b.UniqueTo("a").ToList();
        Assert.True(unique.Count > Parallax.Briefing.Newsworthiness.Shown);
        Assert.Contains("Ana Ruiz", unique[0].Text, StringComparison.Ordinal);
        string md = Parallax.Rendering.BriefMarkdown.Write([b]);
        Assert.Contains($"_and {unique.Count - Parallax.Briefing.Newsworthiness.Shown} more", md, StringComparison.Ordinal);
        string html = Parallax.Rendering.BriefHtml.Write([b]);
        Assert.Contains($"<details><summary>{unique.Count - Parallax.Briefing.Newsworthiness.Shown} more</summary>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_leads_with_the_event_and_its_day()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The harbor authority has managed the port of Weston since its founding decades ago. Mayor Ines Okafor opened the new ferry terminal on Saturday before a crowd of residents."),
            Briefs.Article("b", "The harbor authority has managed the port of Weston since its founding decades ago. Hundreds of residents watched as Mayor Ines Okafor opened the ferry terminal on Saturday."),
            Briefs.Article("c", "The harbor authority has managed the port of Weston since its founding decades ago. The terminal cost more than planned."),
        ]));
        Assert.Equal(3, b.Facts[0].Sources);
        Assert.Contains("Saturday", b.Summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("terminal", b.Summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_furniture_is_neither_a_fact_nor_a_conflict()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "Mayor Ines Okafor opened the ferry terminal on Saturday before a crowd of residents.\nBy Jane Smith, USA TODAY\nCopyright © 2019 The Harbor Times, LLC. Click here for reprint permission."),
            Briefs.Article("b", "Mayor Ines Okafor opened the new ferry terminal on Saturday, officials said.\nBy Lee Wu, USA TODAY\nCopyright © 2020 The Harbor Times, LLC. Click here for reprint permission."),
        ]));
        Assert.Empty(b.Conflicts);
        Assert.DoesNotContain(b.Facts, f => f.Text.Contains("Copyright", StringComparison.Ordinal) || f.Text.Contains("USA TODAY", StringComparison.Ordinal) || f.Text.Contains("reprint", StringComparison.Ordinal));
        Assert.Contains(b.Facts, f => f.Sources == 2 && f.Text.Contains("ferry terminal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_that_states_only_part_of_a_claim_is_counted_and_shown_as_partial()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "Harbor director Ines Okafor said the new ferry terminal in Weston would open on Saturday with twelve berths, a customs hall, two cafés and a rooftop park."),
            Briefs.Article("b", "The new Weston ferry terminal opens Saturday, harbor director Ines Okafor announced, and it will have twelve berths, a customs hall, two cafés and a park on its roof."),
            Briefs.Article("c", "The new ferry terminal in Weston would open on Saturday, Okafor said."),
        ]));
        var fact = Assert.Single(b.Facts, f => f.Text.Contains("ferry terminal", StringComparison.Ordinal) && f.Sources == 3);
        Assert.Equal(["c"], fact.Partial);
        Assert.Contains("[3] only in part", Parallax.Rendering.BriefMarkdown.Write([b]), StringComparison.Ordinal);
    }

    [Fact]
    public void Contractions_accents_and_romanisations_are_no_rewording_of_a_quote()
    {
        Briefs.AssertOneWording(
            "“He’s determined to stop al-Qaddafi before it’s too late for the people of Misrata,” Senator Ines Okafor said on Monday.",
            "“He is determined to stop Gadhafi before it is too late for the people of Misrata,” Senator Ines Okafor said on Monday.");
    }

    [Fact]
    public void A_paper_style_and_its_marked_cuts_are_no_rewording_but_a_changed_word_is()
    {
        // Full stops in an abbreviation, a serial "and", a cut the source marks with an ellipsis: one wording each time.
        var same = Assert.Single(Briefs.Of([
            Briefs.Article("a", "“I have not violated any I.R.S. rules, and I want a … leadership team that can bring the conference together,” Representative Ines Okafor said at the hearing in Albany on Monday."),
            Briefs.Article("b", "“I have not violated any IRS rules, I want a leadership team that can bring the conference together,” Representative Ines Okafor said at the hearing in Albany on Monday."),
        ]));
        // The serial "and" is a little word: at most a minor difference, never a substantive rewording.
        Assert.DoesNotContain(same.Conflicts, c => c.Kind == ConflictKind.Quote && !c.Minor);
        // "a nuclear bomb" and "nuclear arms" are two wordings of what was said.
        var changed = Assert.Single(Briefs.Of([
            Briefs.Article("a", "“The fact is that every day that passes, Iran gets closer and closer to a nuclear bomb,” Prime Minister Ines Okafor said at the United Nations on Monday."),
            Briefs.Article("b", "“The fact is that every day that passes, Iran gets closer and closer to nuclear arms,” Prime Minister Ines Okafor said at the United Nations on Monday."),
        ]));
        Assert.Contains(changed.Conflicts, c => c.Kind == ConflictKind.Quote);
    }

    [Fact]
    public void Different_facts_are_not_conflicts()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The harbor festival opened on Friday with 40 boats in the parade. Mayor Ines Okafor cut the ribbon."),
            Briefs.Article("b", "Mayor Ines Okafor opened the harbor festival on Friday. The fireworks show is planned for Sunday night."),
        ]));
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Time);
    }

    [Fact]
    public void An_excerpt_that_both_rival_wordings_contain_credits_neither()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "Chinese President Xi Jinping told the summit in Lima on Monday that trade “is an integral part of the post-war order,” officials said."),
            Briefs.Article("b", "At the Lima summit on Monday, Chinese President Xi Jinping said trade “is a crucial element of the post-war order,” officials said."),
            Briefs.Article("c", "Chinese President Xi Jinping said the talks in Lima on Monday turned on “the post-war order,” officials said."),
        ]));
        var q = Assert.Single(b.Quotes, q => q.Speaker == "Xi Jinping" && q.Direct && q.Variants.Count >= 2);
        Assert.Equal(["a", "b", "c"], q.Articles);
        Assert.DoesNotContain(q.Variants, v => v.Articles.Contains("c"));
        Assert.Contains(b.Conflicts, c => c.Kind == ConflictKind.Quote);
    }

    [Fact]
    public void The_same_words_given_to_two_people_by_two_sources_are_an_attribution_conflict()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "“We will not raise taxes on working families this year,” Senator Maria Lopez said at the budget hearing in Albany on Monday."),
            Briefs.Article("b", "“We will not raise taxes on working families this year,” Governor Tom Reilly said at the budget hearing in Albany on Monday."),
        ]));
        var c = Assert.Single(b.Conflicts, c => c.Kind == ConflictKind.Attribution);
        Assert.Equal(["Maria Lopez", "Tom Reilly"], c.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
        // One quote, listed once, whoever it is under.
        Assert.Single(b.Quotes, q => q.Text.StartsWith("We will not raise taxes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_one_source_names_no_speaker_for_is_compared_with_the_attributed_one()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "At the budget hearing in Albany on Monday, Senator Maria Lopez said: “We will not raise taxes on working families this year.” The hearing went on."),
            Briefs.Article("b", "The budget hearing in Albany on Monday turned to taxes. “We will not raise taxes on hardworking families this year.” The hearing went on."),
        ]));
        var q = Assert.Single(b.Quotes, q => q.Speaker == "Maria Lopez" && q.Direct);
        Assert.Equal(["a", "b"], q.Articles);
        Assert.Contains(b.Conflicts, c => c.Kind == ConflictKind.Quote);
    }

    [Fact]
    public void Who_said_what_shows_whole_clauses_and_countries_as_their_governments()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "The president announced that the two leaders achieved “a big and good deal for our farmers,” aides said. Beijing said the talks were candid and useful."),
            Briefs.Article("b", "The president said the two leaders achieved “a big and good deal for our farmers.” China said the talks were candid and useful."),
        ]));
        Assert.DoesNotContain(b.Quotes, q => !q.Direct && q.Text.TrimEnd('.').EndsWith("achieved", StringComparison.Ordinal));
        Assert.Contains(b.Quotes, q => q.Speaker == "China (Chinese government)" && q.Articles.Count == 2);
    }

    [Fact]
    public void People_who_only_share_a_surname_stay_apart()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("a", "President Donald Trump spoke at the rally in Ohio on Saturday. First lady Melania Trump did not attend the Ohio rally."),
            Briefs.Article("b", "Donald Trump told the Ohio rally on Saturday that the economy was strong. Melania Trump stayed in Washington."),
        ]));
        Assert.Contains(b.Entities, e => e.Name == "Donald Trump" && e.Variants.Count == 0);
        Assert.Contains(b.Entities, e => e.Name == "Melania Trump" && e.Variants.Count == 0);
        Assert.DoesNotContain(b.Conflicts, c => c.Kind == ConflictKind.Name);
    }

    [Fact]
    public void An_undated_article_is_dated_from_its_story_and_its_relative_times_follow()
    {
        var b = Assert.Single(Briefs.Of([
            Briefs.Article("dated", "Storm Elsa flooded the coastal town of Brinmouth on Monday, forcing hundreds from their homes, officials said.", "2025-11-24"),
            Briefs.Article("undated", "Hundreds fled their homes in Brinmouth on Monday as Storm Elsa flooded the coastal town, officials said.", null),
        ]));
        var undated = b.Articles.Single(a => a.Id == "undated");
        Assert.True(undated.Article.PublishedInferred);
        Assert.Equal(new DateOnly(2025, 11, 24), undated.Article.Published);
        Assert.Contains(undated.Analysis.Times, t => t.Text == "Monday" && t.Value == "2025-11-24");
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void A_story_list_leads_with_a_sentence_of_reporting_not_a_fragment_caption_or_disclaimer()
    {
        var brief = Assert.Single(Briefs.Of([Briefs.Article("a",
            "… he discussed sanctions with the envoy. It doesn't happen often. FILE PHOTO: The old harbour bridge seen from the quay in 2019. " +
            "The opinions expressed by columnists are their own and do not necessarily represent the views of the paper. " +
            "(Reuters) - The city council voted on Tuesday to close the old harbour bridge for six months of repairs.")]));
        Assert.Equal("The city council voted on Tuesday to close the old harbour bridge for six months of repairs.", Parallax.Storage.StoryRefresher.Lead(brief));
    }
}
