namespace Parallax.Briefing;

/// <summary>Which fact a position of a sentence belongs to: a sentence's claims may belong to different facts.</summary>
public sealed class FactIndex
{
    private readonly Dictionary<(string, int), List<SentenceUnit>> _units = [];

    /// <summary>Indexes the claims of aligned units (their <see cref="SentenceUnit.Cluster"/> is read when asked).</summary>
    public FactIndex(IEnumerable<SentenceUnit> units)
    {
        foreach (var u in units)
        {
            if (!_units.TryGetValue((u.Article, u.Index), out var list)) _units[(u.Article, u.Index)] = list = [];
            list.Add(u);
        }
    }

    /// <summary>
    /// The fact of the claim of <paramref name="sentence"/> that holds <paramref name="position"/> (else of its first claim),
    /// or -1 for a sentence no fact has: a value belongs to the fact of the claim that states it.
    /// </summary>
    public int FactOf(string article, int sentence, int position) =>
        _units.TryGetValue((article, sentence), out var list) ? (list.FirstOrDefault(u => u.Span.Start <= position && position < u.Span.End) ?? list[0]).Cluster : -1;
}
