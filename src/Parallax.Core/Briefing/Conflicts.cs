namespace Parallax.Briefing;

/// <summary>Which conflicts a brief shows: those the brief is sure enough of; the rest are held back with their confidence.</summary>
public static class Conflicts
{
    /// <summary>
    /// The least confidence a conflict needs to be shown: set on the conflict gold of BASIL's development stories (those
    /// not kept aside) for precision first, see <c>parallax eval conflicts --gold</c>.
    /// </summary>
    public const double ShowAt = 0.5;

    /// <summary>The conflicts to show and those to hold back, each in the order given.</summary>
    public static (List<Conflict> Shown, List<Conflict> HeldBack) Split(IEnumerable<Conflict> conflicts)
    {
        var shown = new List<Conflict>();
        var held = new List<Conflict>();
        foreach (var c in conflicts) (c.Confidence >= ShowAt ? shown : held).Add(c);
        return (shown, held);
    }
}
