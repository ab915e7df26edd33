namespace Parallax.Tests;

/// <summary>Small stories made for tests of the site: each is what one kind of input gives, written here.</summary>
internal static class SampleStories
{
    /// <summary>Two reports of a harbour strike, from outlets the input rates, labelled with a topic (as AllSides gives them).</summary>
    public static IEnumerable<Model.Article> Rated() =>
    [
        new()
        {
            Id = "rated-1", Source = "Left Daily", Title = "Dock workers strike at Port Calder", Published = new DateOnly(2026, 2, 10),
            Text = "Dock workers at Port Calder walked off the job on Monday, halting cargo traffic at the country's second-busiest harbour. The Calder Dockers Union said 2,400 members joined the strike over pay and night shifts. Union leader Mara Okafor said the port authority had refused to negotiate.",
            Extra = new Dictionary<string, string> { ["topic"] = "\"labor_unions\"", ["bias"] = "\"left\"" },
        },
        new()
        {
            Id = "rated-2", Source = "Right Post", Title = "Port Calder halted as dockers strike", Published = new DateOnly(2026, 2, 10),
            Text = "Cargo traffic at Port Calder stopped on Monday as dock workers went on strike. The Calder Dockers Union said 2,400 members walked out over pay and night shifts. The port authority said it had offered talks, and union leader Mara Okafor declined them.",
            Extra = new Dictionary<string, string> { ["topic"] = "\"labor_unions\"", ["bias"] = "\"Right\"" },
        },
    ];

    /// <summary>A single dated report of an older event, so a list of stories has more than one page at a small page size.</summary>
    public static IEnumerable<Model.Article> Older() =>
    [
        new()
        {
            Id = "older-1", Source = "Valley Gazette", Title = "Library in Old Fenwick closes for the summer", Published = new DateOnly(2025, 6, 1),
            Text = "The public library in Old Fenwick closed on Sunday for a summer of roof repairs expected to cost $1.2 million, the town council said. Librarian Ada Brandt said the reading room would reopen in September.",
        },
    ];
}
