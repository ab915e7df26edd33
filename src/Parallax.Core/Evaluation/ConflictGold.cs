using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Evaluation;

/// <summary>One way a gold conflict is stated: the exact words of the articles that state it so.</summary>
public sealed record GoldConflictVariant(string Text, IReadOnlyList<string> Articles);

/// <summary>A real conflict between a story's outlets, as careful readers listed it (kind: date, figure, name, role, quote, speaker, fact).</summary>
public sealed record GoldConflict(string Kind, string About, IReadOnlyList<GoldConflictVariant> Variants);

/// <summary>A story of the conflict gold: its articles and every real conflict between them (none is a valid answer).</summary>
public sealed record GoldConflictStory(string Story, IReadOnlyList<string> Articles, IReadOnlyList<GoldConflict> Conflicts);

/// <summary>A reported conflict with the gold conflict it matches, if any.</summary>
public sealed record ReportedConflict(string Story, Conflict Conflict, GoldConflict? Match);

/// <summary>A gold conflict with whether a shown conflict matched it, and the closest held-back one that did.</summary>
public sealed record GoldOutcome(string Story, GoldConflict Gold, bool Found, bool FoundHeldBack);

/// <summary>Precision and recall of a set of briefs against the conflict gold, overall and by kind.</summary>
public sealed record ConflictGoldScores(IReadOnlyList<ReportedConflict> Reported, IReadOnlyList<ReportedConflict> HeldBack, IReadOnlyList<GoldOutcome> Gold, IReadOnlyList<string> Failures)
{
    public int Correct => Reported.Count(r => r.Match is not null);

    public int Found => Gold.Count(g => g.Found);

    public double Precision => Reported.Count == 0 ? 1 : (double)Correct / Reported.Count;

    public double Recall => Gold.Count == 0 ? 1 : (double)Found / Gold.Count;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Recall had the held-back conflicts been shown too.</summary>
    public double RecallWithHeldBack => Gold.Count == 0 ? 1 : (double)Gold.Count(g => g.Found || g.FoundHeldBack) / Gold.Count;

    /// <summary>Precision had the held-back conflicts been shown too.</summary>
    public double PrecisionWithHeldBack => Reported.Count + HeldBack.Count == 0 ? 1 : (double)(Correct + HeldBack.Count(r => r.Match is not null)) / (Reported.Count + HeldBack.Count);

    /// <summary>The scores of the stories <paramref name="include"/> accepts.</summary>
    public ConflictGoldScores Where(Func<string, bool> include) =>
        new([.. Reported.Where(r => include(r.Story))], [.. HeldBack.Where(r => include(r.Story))], [.. Gold.Where(g => include(g.Story))], Failures);
}

/// <summary>
/// Scores reported conflicts against the cross-outlet conflict gold (<c>basil-dev-conflicts.jsonl</c>): each gold story's
/// articles are briefed as one story, and a reported conflict matches a gold one when two of its variants have support
/// spans, on different articles, that overlap the places of two different gold variants in those articles.
/// </summary>
public static class ConflictGold
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    /// <summary>The gold kind a reported conflict kind is scored as.</summary>
    public static string KindOf(ConflictKind kind) => kind switch
    {
        ConflictKind.Time => "date",
        ConflictKind.Quantity => "figure",
        ConflictKind.Name => "name",
        ConflictKind.Quote => "quote",
        ConflictKind.Attribution => "speaker",
        ConflictKind.Role => "role",
        _ => "fact",
    };

    /// <summary>The gold stories of a file, one JSON object a line; a line that cannot be read is named in the exception.</summary>
    public static List<GoldConflictStory> Read(string path)
    {
        var stories = new List<GoldConflictStory>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            GoldConflictStory? story;
            try
            {
                story = JsonSerializer.Deserialize<GoldConflictStory>(line, Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{n}: not a gold story ({e.Message})");
            }
            if (story is null || story.Story is null || story.Articles is null) throw new InvalidDataException($"{path}:{n}: a gold story needs \"story\" and \"articles\"");
            stories.Add(story with { Conflicts = story.Conflicts ?? [] });
        }
        return stories;
    }

    /// <summary>Briefs each gold story from its analysed articles and scores the conflicts the briefs show and hold back.</summary>
    public static ConflictGoldScores Evaluate(IReadOnlyList<GoldConflictStory> gold, IReadOnlyDictionary<string, AnalyzedArticle> articles, AnalysisPipeline pipeline, IProgress<int>? progress = null)
    {
        var builder = new BriefBuilder(pipeline);
        var reported = new List<ReportedConflict>();
        var held = new List<ReportedConflict>();
        var outcomes = new List<GoldOutcome>();
        var failures = new List<string>();
        int done = 0;
        foreach (var story in gold)
        {
            progress?.Report(++done);
            var members = story.Articles.Where(articles.ContainsKey).Select(id => articles[id]).ToList();
            if (members.Count < story.Articles.Count)
            {
                failures.Add($"{story.Story}: {story.Articles.Count - members.Count} of its articles are not in the input");
                continue;
            }
            Brief brief;
            try
            {
                brief = builder.Build(new Story(story.Story, members, new Dictionary<string, string>()));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{story.Story}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            var places = story.Conflicts.Select(c => c.Variants.Select(v => Places(v, articles)).ToList()).ToList();
            GoldConflict? MatchOf(Conflict c)
            {
                for (int g = 0; g < story.Conflicts.Count; g++)
                {
                    if (Matches(c, places[g])) return story.Conflicts[g];
                }
                return null;
            }
            reported.AddRange(brief.Conflicts.Select(c => new ReportedConflict(story.Story, c, MatchOf(c))));
            held.AddRange(brief.HeldBackConflicts.Select(c => new ReportedConflict(story.Story, c, MatchOf(c))));
            for (int g = 0; g < story.Conflicts.Count; g++)
            {
                outcomes.Add(new GoldOutcome(story.Story, story.Conflicts[g], brief.Conflicts.Any(c => Matches(c, places[g])), brief.HeldBackConflicts.Any(c => Matches(c, places[g]))));
            }
        }
        return new ConflictGoldScores(reported, held, outcomes, failures);
    }

    /// <summary>Where a gold variant's words stand in each of its articles (the first occurrence; spacing may differ).</summary>
    internal static List<(string Article, Span Span)> Places(GoldConflictVariant v, IReadOnlyDictionary<string, AnalyzedArticle> articles)
    {
        var result = new List<(string, Span)>();
        foreach (var id in v.Articles)
        {
            if (!articles.TryGetValue(id, out var a)) continue;
            if (Locate(a.Text, v.Text) is { } span) result.Add((id, span));
        }
        return result;
    }

    /// <summary>The first place <paramref name="words"/> stand in <paramref name="text"/>, exactly or with any run of spaces and line breaks between words.</summary>
    internal static Span? Locate(string text, string words)
    {
        int at = text.IndexOf(words, StringComparison.Ordinal);
        if (at >= 0) return new Span(at, at + words.Length);
        var parts = words.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        for (int start = text.IndexOf(parts[0], StringComparison.Ordinal); start >= 0; start = text.IndexOf(parts[0], start + 1, StringComparison.Ordinal))
        {
            int end = start + parts[0].Length;
            bool all = true;
            for (int p = 1; p < parts.Length && all; p++)
            {
                int next = end;
                while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                all = next > end && string.CompareOrdinal(text, next, parts[p], 0, parts[p].Length) == 0;
                end = next + parts[p].Length;
            }
            if (all) return new Span(start, end);
        }
        return null;
    }

    /// <summary>True when two variants of <paramref name="c"/> have support on different articles overlapping two different gold variants' places.</summary>
    internal static bool Matches(Conflict c, List<List<(string Article, Span Span)>> gold)
    {
        for (int x = 0; x < c.Variants.Count; x++)
        {
            for (int y = x + 1; y < c.Variants.Count; y++)
            {
                for (int g = 0; g < gold.Count; g++)
                {
                    for (int h = 0; h < gold.Count; h++)
                    {
                        if (g == h) continue;
                        if (c.Variants[x].Support.Any(s => gold[g].Any(p => p.Article == s.Article && p.Span.Overlaps(s.Span)
                                && c.Variants[y].Support.Any(t => t.Article != s.Article && gold[h].Any(q => q.Article == t.Article && q.Span.Overlaps(t.Span))))))
                        {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
