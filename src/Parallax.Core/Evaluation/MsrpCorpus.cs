namespace Parallax.Evaluation;

/// <summary>One labelled sentence pair of the Microsoft Research Paraphrase Corpus format.</summary>
public sealed record ParaphrasePair(bool Same, string Id1, string Id2, string Text1, string Text2)
{
    /// <summary>
    /// Whether the pair belongs to the fifth of a file kept aside from tuning: decided by a hash of the two ids, so the same
    /// pairs are aside on every run and on every machine.
    /// </summary>
    public bool Aside => AsideSplit.IsAside(Id1 + "-" + Id2);
}

/// <summary>Reads MSRP-format files: a header, then "Quality \t #1 ID \t #2 ID \t #1 String \t #2 String" per line.</summary>
public static class MsrpCorpus
{
    /// <summary>The pairs of a file; a line that is not five fields with a 0/1 label is an error naming the file and line.</summary>
    public static List<ParaphrasePair> Read(string path)
    {
        var pairs = new List<ParaphrasePair>();
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            string line = raw.TrimStart('\uFEFF').TrimEnd('\r');
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (number == 1 && f[0].StartsWith("Quality", StringComparison.Ordinal)) continue;
            if (f.Length != 5 || f[0] is not ("0" or "1") || f[3].Length == 0 || f[4].Length == 0)
                throw new FormatException($"{path}:{number}: expected five tab-separated fields (label 0 or 1, two ids, two sentences)");
            if (f[3].Length > 10_000 || f[4].Length > 10_000) throw new FormatException($"{path}:{number}: a sentence longer than 10,000 characters");
            pairs.Add(new ParaphrasePair(f[0] == "1", f[1], f[2], f[3], f[4]));
        }
        return pairs;
    }
}
