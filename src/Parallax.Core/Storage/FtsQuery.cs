using System.Text;

namespace Parallax.Storage;

/// <summary>
/// Turns what a person types into a search box into a safe FTS5 query: every word must match, "quoted words" must match
/// as a phrase, and nothing typed can be read as FTS5 syntax (operators, columns, stray quotes) or make the query fail.
/// </summary>
public static class FtsQuery
{
    /// <summary>Most terms kept from one query; the rest are ignored.</summary>
    public const int MaxTerms = 16;

    /// <summary>The FTS5 expression, or null when the query holds no word to look for.</summary>
    public static string? From(string? query)
    {
        var terms = Terms(query);
        // Each term is one FTS5 string; inside it, only letters, digits and spaces remain, so no quote can break out.
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => "\"" + t + "\""));
    }

    /// <summary>What must match, at most <see cref="MaxTerms"/>: each a word, or a quoted phrase's words joined by spaces; only letters, digits and spaces remain.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var terms = new List<string>();
        bool inPhrase = false;
        var phrase = new List<string>();
        var word = new StringBuilder();
        void EndWord()
        {
            if (word.Length == 0) return;
            (inPhrase ? phrase : terms).Add(word.ToString());
            word.Clear();
        }
        void EndPhrase()
        {
            if (phrase.Count > 0) terms.Add(string.Join(' ', phrase));
            phrase.Clear();
        }
        foreach (char ch in query.Length > 1000 ? query[..1000] : query)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else if (ch is '"' or '“' or '”')
            {
                EndWord();
                if (inPhrase) EndPhrase();
                inPhrase = !inPhrase;
            }
            else
            {
                EndWord();
            }
        }
        EndWord();
        EndPhrase();
        return [.. terms.Take(MaxTerms)];
    }
}
