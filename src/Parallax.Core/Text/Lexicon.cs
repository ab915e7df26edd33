using System.Collections.Frozen;
using System.Reflection;

namespace Parallax.Text;

/// <summary>Reads word lists shipped beside a stage's code (embedded <c>.lex</c> files: one entry a line, <c>#</c> starts a comment).</summary>
public static class Lexicon
{
    private static readonly Assembly Owner = typeof(Lexicon).Assembly;

    /// <summary>The lines of the lexicon file <paramref name="name"/> in the folder of <paramref name="stage"/>'s namespace.</summary>
    public static IEnumerable<string> Lines(Type stage, string name)
    {
        string resource = $"{stage.Namespace}.{name}";
        using var stream = Owner.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Lexicon '{resource}' is not embedded in {Owner.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    public static FrozenSet<string> Set(Type stage, string name, bool ignoreCase = true) =>
        Lines(stage, name).ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Lines of the form <c>key = value</c> (or <c>key</c>, mapping to itself).</summary>
    public static FrozenDictionary<string, string> Map(Type stage, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines(stage, name))
        {
            int eq = line.IndexOf('=');
            if (eq < 0) map[line] = line;
            else map[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Looks a word up without making a string of it.</summary>
    public static bool Has(this FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Looks a word up without making a string of it.</summary>
    public static bool Has(this FrozenDictionary<string, string> map, ReadOnlySpan<char> word) =>
        map.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);
}
