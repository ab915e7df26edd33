using System.Collections.Frozen;

namespace Parallax.Stages.Quantities;

/// <summary>
/// "signed by nearly 90 faculty members", "backed by 60 senators": a figure after "by" that follows a participle names who
/// did something, a level, not a change ("cut by 10%", "raised by $5", "defeated by 5 votes"); only participles of change
/// verbs and of winning or losing (a margin) make it one.
/// </summary>
internal static class AgentCounts
{
    private static readonly FrozenSet<string> ChangeParticiples = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "increased", "decreased", "reduced", "raised", "lowered", "boosted", "expanded", "trimmed", "slashed", "declined", "dropped",
        "fallen", "risen", "grown", "shrunk", "shrunken", "jumped", "climbed", "gained", "surged", "plunged", "soared", "dipped",
        "tumbled", "cut", "outpaced", "exceeded", "beaten", "won", "led", "trailed", "topped", "outnumbered", "offset", "inflated",
        "deflated", "discounted", "marked", "adjusted", "revised", "changed", "extended", "shortened", "widened", "narrowed",
        // A margin is a difference too: "defeated by 5 votes", "reelected by 20 points".
        "defeated", "elected", "reelected", "re-elected", "passed", "beat", "edged", "outvoted", "outscored", "outraised", "outspent", "outpolled");

    /// <summary>Whether <paramref name="wordBeforeBy"/>, the word before "by", is a participle that makes what follows its doer.</summary>
    public static bool IsAgentParticiple(string wordBeforeBy) =>
        wordBeforeBy.Length > 3 && (wordBeforeBy.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || wordBeforeBy.EndsWith("en", StringComparison.OrdinalIgnoreCase))
        && !ChangeParticiples.Contains(wordBeforeBy);
}
