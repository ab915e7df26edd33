using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>Places the story's dated events on the calendar: each distinct date with the best-supported sentence that states it.</summary>
internal static class TimelineBuilder
{
    public static List<TimelineEntry> Build(List<ValueMention> mentions, Func<ValueMention, string> clause, Func<int, (string Article, int Sentence)?> factText, ISet<(string Article, Span Span)> disputed)
    {
        var entries = new List<(TimeInterval Interval, TimelineEntry Entry)>();
        var times = mentions.Where(m => m.Kind == ConflictKind.Time && m.Interval is not null).ToList();
        var used = new HashSet<ValueMention>(ReferenceEqualityComparer.Instance);
        // Only mentions of the same value can be one event, so each is compared with those alone (in text order, as before).
        var byValue = times.GroupBy(t => t.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var m in times)
        {
            if (used.Contains(m)) continue;
            // The same date stated in the same fact, or in a matching context, is one event.
            var same = byValue[m.Value].Where(o => !used.Contains(o) && (ReferenceEquals(o, m) || (m.Fact >= 0 && o.Fact == m.Fact) || MentionContext.Cosine(o.Context, m.Context) >= ValueConflicts.PairThreshold)).ToList();
            foreach (var o in same) used.Add(o);
            var articles = same.Select(o => o.Article).Distinct().Order(StringComparer.Ordinal).ToList();
            // Worded as the fact's representative sentence when it has one, else the first source's sentence.
            var rep = m.Fact >= 0 && factText(m.Fact) is { } f && same.Any(o => o.Article == f.Article) ? same.First(o => o.Article == f.Article) : m;
            entries.Add((m.Interval!.Value, new TimelineEntry(m.Value, clause(rep), articles, same.Select(o => new Support(o.Article, o.Sentence)).ToList())
            {
                Disputed = same.Any(o => disputed.Contains((o.Article, o.Span))),
            }));
        }
        return entries.OrderBy(e => e.Interval.Start).ThenBy(e => e.Interval.End).ThenByDescending(e => e.Entry.Articles.Count).Select(e => e.Entry).ToList();
    }
}
