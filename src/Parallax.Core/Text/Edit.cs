namespace Parallax.Text;

/// <summary>Levenshtein edit distance and word-level differences.</summary>
public static class Edit
{
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>
    /// Edit distance where swapping two neighbouring letters is one edit ("Priebus"/"Preibus"), as optimal string alignment;
    /// stops early and returns <paramref name="cap"/> + 1 once the distance must exceed <paramref name="cap"/>.
    /// </summary>
    public static int DamerauDistance(string a, string b, int cap = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return Math.Min(d[a.Length, b.Length], cap + 1);
    }

    /// <summary>One step of a word-level difference: kept in both, only in the first, or only in the second.</summary>
    public enum DiffOp
    {
        Same,
        Removed,
        Added,
    }

    /// <summary>Word-level difference of two texts (longest common subsequence of words, compared without case or punctuation).</summary>
    public static IReadOnlyList<(DiffOp Op, string Text)> WordDiff(string a, string b)
    {
        var wa = a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var wb = b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var na = wa.Select(Key).ToArray();
        var nb = wb.Select(Key).ToArray();
        var lcs = new int[wa.Length + 1, wb.Length + 1];
        for (int i = wa.Length - 1; i >= 0; i--)
        {
            for (int j = wb.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = na[i] == nb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var result = new List<(DiffOp, string)>();
        int x = 0, y = 0;
        while (x < wa.Length || y < wb.Length)
        {
            if (x < wa.Length && y < wb.Length && na[x] == nb[y]) { Append(result, DiffOp.Same, wb[y]); x++; y++; }
            else if (y < wb.Length && (x == wa.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { Append(result, DiffOp.Added, wb[y]); y++; }
            else { Append(result, DiffOp.Removed, wa[x]); x++; }
        }
        return result;
    }

    private static void Append(List<(DiffOp Op, string Text)> list, DiffOp op, string word)
    {
        if (list.Count > 0 && list[^1].Op == op) list[^1] = (op, list[^1].Text + " " + word);
        else list.Add((op, word));
    }

    private static string Key(string word) => new(word.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
