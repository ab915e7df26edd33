using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>
/// The stated dates and figures that some conflict disputes: the conflicts step fills it as it finds them, and the
/// timeline marks an event disputed when any of its mentions is in it.
/// </summary>
public sealed class DisputedValues
{
    /// <summary>Each disputed value as the article and span that state it.</summary>
    public ISet<(string Article, Span Span)> Values { get; } = new HashSet<(string Article, Span Span)>();

    public bool Contains(string article, Span span) => Values.Contains((article, span));
}
