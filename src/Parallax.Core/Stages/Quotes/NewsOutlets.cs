using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Stages.Quotes;

/// <summary>
/// Recognises a news organisation by its name: one listed in <c>news-outlets.lex</c>, or a name of two or more words ending
/// in a word papers and networks are named with ("BuzzFeed News", "Seattle Times", "Chicago Tribune").
/// </summary>
internal static class NewsOutlets
{
    private static readonly FrozenSet<string> Names = Lexicon.Set(typeof(NewsOutlets), "news-outlets.lex", ignoreCase: false);

    private static readonly FrozenSet<string> Heads = FrozenSet.Create(StringComparer.Ordinal,
        "News", "Times", "Post", "Journal", "Tribune", "Herald", "Gazette", "Chronicle", "Inquirer", "Observer", "Examiner", "Register", "Dispatch", "Bee", "Star-Ledger", "Magazine", "Radio", "Network", "Newspaper", "Newswire");

    /// <summary>True when the words <paramref name="name"/> name a news organisation.</summary>
    public static bool Is(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) name = name[4..];
        if (Names.Has(name)) return true;
        int space = name.LastIndexOf(' ');
        return space > 0 && Heads.Contains(name[(space + 1)..].ToString());
    }
}
