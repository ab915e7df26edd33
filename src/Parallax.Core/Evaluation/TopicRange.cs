namespace Parallax.Evaluation;

/// <summary>A set of topic numbers written as ranges and lists: "1-35", "36-45", "1,3,5-7".</summary>
public static class TopicRange
{
    public static bool TryParse(string text, out HashSet<int> topics)
    {
        topics = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            if (ends.Length is < 1 or > 2 || !int.TryParse(ends[0], out int from) || from < 0) return false;
            int to = from;
            if (ends.Length == 2 && (!int.TryParse(ends[1], out to) || to < from || to - from > 10_000)) return false;
            for (int t = from; t <= to; t++) topics.Add(t);
        }
        return topics.Count > 0;
    }
}
