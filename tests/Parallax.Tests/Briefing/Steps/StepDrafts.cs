using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Tests.BriefSteps;

/// <summary>Hand-built stories (analysed, never clustered) and drafts briefed through the default pipeline up to one step.</summary>
internal static class StepDrafts
{
    /// <summary>Two outlets report one vote, on different days, and quote the mayor alike.</summary>
    public static Article[] DisputedVote() =>
    [
        Report("wire", "Harbor Wire", "The Avalen city council approved the new harbor budget in a vote on Tuesday. Mayor Elena Marsh said: “This budget keeps the ferries running for another decade.” The budget totals $42 million, officials said."),
        Report("ledger", "Metro Ledger", "The Avalen city council approved the new harbor budget in a vote on Wednesday. “This budget keeps the ferries running for another decade,” Mayor Elena Marsh said. Critics on the council called the plan far too costly for a small city."),
    ];

    /// <summary>Three outlets state the budget's size; two of them date the vote on one day; one adds a detail of its own.</summary>
    public static Article[] CorroboratedVote() =>
    [
        Report("wire", "Harbor Wire", "The Avalen city council approved the new harbor budget on Tuesday. The budget totals $42 million and funds three new ferries. Mayor Elena Marsh praised the vote."),
        Report("ledger", "Metro Ledger", "The budget totals $42 million and funds three new ferries. The Avalen city council approved the new harbor budget on Tuesday after a long debate."),
        Report("courier", "Avalen Courier", "The harbor budget totals $42 million and funds three new ferries, officials said. Work on the piers starts in May."),
    ];

    public static Article Report(string id, string source, string text, string? published = "2025-03-10", string? title = null) => new()
    {
        Id = id,
        Source = source,
        Text = text,
        Title = title,
        Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>One story of exactly these articles, each analysed alone.</summary>
    public static Story Story(IReadOnlyList<Article> articles, IReadOnlyDictionary<string, string>? duplicateOf = null) =>
        new("story-1", articles.Select(AnalysisPipeline.Default.Analyze).ToList(), duplicateOf ?? new Dictionary<string, string>());

    /// <summary>The draft after <see cref="BriefPipeline.Default"/>'s steps up to and including <paramref name="step"/>.</summary>
    public static BriefDraft Through(string step, Story story)
    {
        var builder = BriefPipeline.CreateBuilder();
        foreach (var s in BriefPipeline.Default.Steps)
        {
            builder.Add(s);
            if (s.Name == step) break;
        }
        var draft = new BriefDraft(story, AnalysisPipeline.Default);
        builder.Build().Run(draft);
        Xunit.Assert.True(draft.Written.HasFlag(BriefPipeline.Default.Steps.Single(s => s.Name == step).Writes), $"no step '{step}' in the default pipeline");
        return draft;
    }

    public static BriefDraft Through(string step, params Article[] articles) => Through(step, Story(articles));

    /// <summary>The claim of <paramref name="article"/> whose text contains <paramref name="words"/>.</summary>
    public static SentenceUnit Unit(BriefDraft draft, string article, string words) =>
        Xunit.Assert.Single(draft.Units, u => u.Article == article && u.Span.Of(draft.Articles.ById[article].Text).Contains(words, StringComparison.Ordinal));
}
