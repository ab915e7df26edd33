using System.Security.Cryptography;
using System.Text;

namespace Parallax.Storage;

/// <summary>
/// The marks one search asks the database to put around matched words, and the reading of its snippets back into
/// <see cref="SearchHit"/>'s form. An article's text is never rewritten (every span indexes it), so it may hold the very
/// characters <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/> stand for; were they the marks the
/// database wrote, such a text would make its own highlights and shift the API's offsets. The database writes marks
/// carrying a random token instead, which no text can guess, and <see cref="Read"/> turns only those into marks, every
/// control character of the text itself (tab and line breaks aside) into a space, as the search index already reads it.
/// </summary>
internal sealed class SnippetMarks
{
    /// <summary>The start mark the database writes: a control character and 16 random hex digits.</summary>
    public string Start { get; }

    /// <summary>The end mark the database writes.</summary>
    public string End { get; }

    private SnippetMarks(string token)
    {
        // Letters and digits only after the control character: PostgreSQL reads them inside ts_headline's option string.
        Start = "\u0002" + token + "S";
        End = "\u0002" + token + "E";
    }

    /// <summary>Marks for one search.</summary>
    public static SnippetMarks New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    /// <summary>A snippet as the database cut it, with its marks as <see cref="SearchHit.MarkStart"/>/<see cref="SearchHit.MarkEnd"/> and no other control characters.</summary>
    public string Read(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        int at = 0;
        while (at < raw.Length)
        {
            int next = raw.IndexOf('\u0002', at);
            if (next < 0) next = raw.Length;
            AppendText(sb, raw.AsSpan(at, next - at));
            if (next == raw.Length) break;
            var rest = raw.AsSpan(next);
            if (rest.StartsWith(Start, StringComparison.Ordinal))
            {
                sb.Append(SearchHit.MarkStart);
                at = next + Start.Length;
            }
            else if (rest.StartsWith(End, StringComparison.Ordinal))
            {
                sb.Append(SearchHit.MarkEnd);
                at = next + End.Length;
            }
            else
            {
                AppendText(sb, rest[..1]);
                at = next + 1;
            }
        }
        return sb.ToString();
    }

    /// <summary>The text's own characters, each control character but tab and line breaks as a space.</summary>
    private static void AppendText(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (char c in text) sb.Append(char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? ' ' : c);
    }
}
