using System.Collections.Frozen;

namespace Parallax.Text;

/// <summary>Verbs that introduce what someone said or wrote ("said", "told", "wrote"): read by names (a name doing the talking is a person) and by quotes.</summary>
public static class SpeechVerbs
{
    public static readonly FrozenSet<string> All = Lexicon.Set(typeof(SpeechVerbs), "speech-verbs.lex");

    public static bool Contains(string word) => All.Contains(word);

    public static bool Has(ReadOnlySpan<char> word) => All.Has(word);
}
