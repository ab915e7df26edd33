using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Similarity;

/// <summary>The word lists in this folder, loaded once.</summary>
internal static class ParaphraseLexicon
{
    public static readonly FrozenSet<string> Negations = Lexicon.Set(typeof(ParaphraseLexicon), "negations.lex");
}
