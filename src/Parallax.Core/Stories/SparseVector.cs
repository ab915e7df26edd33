namespace Parallax.Stories;

/// <summary>An L2-normalised sparse vector over term hashes, kept sorted so two vectors meet in one merge pass.</summary>
internal readonly struct SparseVector
{
    public readonly ulong[] Terms;
    public readonly float[] Weights;

    /// <summary>Normalises the weights of <paramref name="terms"/> (sorted ascending); a vector of nothing stays empty.</summary>
    public SparseVector(ulong[] terms, float[] weights)
    {
        double norm = 0;
        foreach (float w in weights) norm += (double)w * w;
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (int i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] / norm);
        }
        Terms = terms;
        Weights = weights;
    }

    public int Count => Terms.Length;

    public double Cosine(SparseVector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        var a = Terms;
        var b = other.Terms;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) dot += (double)Weights[i++] * other.Weights[j++];
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return dot;
    }

    /// <summary>Positions of the <paramref name="k"/> heaviest terms, heaviest first (ties by term, so the choice is stable).</summary>
    public int[] Heaviest(int k)
    {
        // Insertion into a short ranked list: k is a dozen, the vector a few hundred terms; a full sort would be wasted.
        var top = new int[Math.Min(k, Terms.Length)];
        int count = 0;
        for (int i = 0; i < Terms.Length; i++)
        {
            if (count == top.Length && !Heavier(i, top[count - 1])) continue;
            int at = count < top.Length ? count++ : count - 1;
            while (at > 0 && Heavier(i, top[at - 1]))
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return top;
    }

    private bool Heavier(int x, int y) => Weights[x] != Weights[y] ? Weights[x] > Weights[y] : Terms[x] < Terms[y];
}
