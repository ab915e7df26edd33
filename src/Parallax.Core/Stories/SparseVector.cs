namespace Parallax.Stories;

/// <summary>An L2-normalised sparse vector over term hashes, kept sorted so two vectors meet in one merge pass.</summary>
internal readonly struct SparseVector
{
    public readonly ulong[] Terms;
    public readonly float[] Weights;

    /// <summary>Normalises the weights of <paramref name="terms"/> (sorted ascending); a vector of nothing stays empty.</summary>
    public SparseVector(ulong[] terms, float[] weights)
        : this(terms, weights, normalise: true)
    {
    }

    private SparseVector(ulong[] terms, float[] weights, bool normalise)
    {
        if (normalise)
        {
            double norm = 0;
            foreach (float w in weights) norm += (double)w * w;
            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                for (int i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] / norm);
            }
        }
        Terms = terms;
        Weights = weights;
    }

    /// <summary>A vector of sums kept as they are (a group's summed member vectors), for <see cref="Dot"/>.</summary>
    public static SparseVector Unnormalised(ulong[] terms, float[] weights) => new(terms, weights, normalise: false);

    public int Count => Terms.Length;

    /// <summary>The cosine of two normalised vectors: their dot product.</summary>
    public double Cosine(SparseVector other) => Dot(other);

    public double Dot(SparseVector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        ReadOnlySpan<ulong> a = Terms, b = other.Terms;
        ReadOnlySpan<float> wa = Weights, wb = other.Weights;
        while (i < a.Length && j < b.Length)
        {
            ulong x = a[i], y = b[j];
            if (x == y) dot += (double)wa[i++] * wb[j++];
            else
            {
                // Advancing without a branch on which side is smaller: the comparison is a coin toss the CPU cannot predict.
                i += x < y ? 1 : 0;
                j += x > y ? 1 : 0;
            }
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
