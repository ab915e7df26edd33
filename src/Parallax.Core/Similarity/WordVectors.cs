using Parallax.Model;
using Parallax.Text;

namespace Parallax.Similarity;

/// <summary>Settings for training word vectors: the vocabulary kept, the window of neighbours counted, the dimensions kept.</summary>
public sealed record WordVectorOptions
{
    /// <summary>Most words given a vector: the commonest content words of the corpus.</summary>
    public int Vocabulary { get; init; } = 30_000;

    /// <summary>Content words on each side counted as a word's neighbours, weighted by 1 / distance.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Dimensions of each vector.</summary>
    public int Dimensions { get; init; } = 100;

    /// <summary>Fewest times a word must occur to get a vector.</summary>
    public int MinimumCount { get; init; } = 5;

    /// <summary>Seed of the random projection, so that one corpus always gives the same vectors.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Word vectors learnt from a corpus the project has: positive pointwise mutual information of content words within a
/// window, reduced by a randomized singular value decomposition (with two power iterations). Words used in the same
/// company get close vectors ("tariffs" / "levies", "significant" / "substantial"); what they measure is relatedness, not
/// sameness ("soybeans" is as close to "dairy" as to "soybean"). Measured as a paraphrase feature (see
/// <c>parallax eval paraphrase --vectors</c>); not used in briefs.
/// </summary>
public sealed class WordVectors
{
    private readonly Dictionary<string, int> _index;
    private readonly float[][] _vectors;

    private WordVectors(string[] words, float[][] vectors)
    {
        Words = words;
        _vectors = vectors;
        _index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) _index[words[i]] = i;
    }

    /// <summary>The words that have a vector, commonest first.</summary>
    public IReadOnlyList<string> Words { get; }

    public int Dimensions => _vectors.Length == 0 ? 0 : _vectors[0].Length;

    /// <summary>The unit vector of a lower-case word, or null when it has none.</summary>
    public float[]? Of(string word) => _index.TryGetValue(word, out int i) ? _vectors[i] : null;

    /// <summary>The cosine of two words' vectors; 0 when either has none.</summary>
    public double Similarity(string a, string b) => Of(a) is { } x && Of(b) is { } y ? Dot(x, y) : 0;

    /// <summary>The content words of a text as the vectors count them: lower case, three letters or more, not a stop word.</summary>
    public static List<string> ContentWords(string text)
    {
        var words = new List<string>();
        foreach (var t in Tokenizer.Tokenize(text))
        {
            if (t.Kind != TokenKind.Word || t.Length < 3 || !char.IsLetter(text[t.Start])) continue;
            string w = text[t.Start..t.End].ToLowerInvariant();
            if (!Text.Words.IsStop(w)) words.Add(w);
        }
        return words;
    }

    /// <summary>The cosine of two texts' weighted mean vectors; <paramref name="weight"/> gives each word's weight (an idf).</summary>
    public double TextSimilarity(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, double> weight)
    {
        var x = Mean(a, weight);
        var y = Mean(b, weight);
        double nx = Dot(x, x), ny = Dot(y, y);
        return nx == 0 || ny == 0 ? 0 : Dot(x, y) / Math.Sqrt(nx * ny);
    }

    private float[] Mean(IReadOnlyList<string> words, Func<string, double> weight)
    {
        var mean = new float[Dimensions];
        foreach (var w in words)
        {
            if (Of(w) is not { } v) continue;
            float f = (float)weight(w);
            for (int k = 0; k < mean.Length; k++) mean[k] += f * v[k];
        }
        return mean;
    }

    private static double Dot(float[] x, float[] y)
    {
        double d = 0;
        for (int k = 0; k < x.Length; k++) d += x[k] * y[k];
        return d;
    }

    /// <summary>Learns vectors from the texts, read once; work and memory grow with the corpus and the vocabulary, not with their square.</summary>
    public static WordVectors Train(IEnumerable<string> texts, WordVectorOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new WordVectorOptions();
        var documents = new List<string[]>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            cancel.ThrowIfCancellationRequested();
            var words = ContentWords(text);
            foreach (var w in words) counts[w] = counts.GetValueOrDefault(w) + 1;
            documents.Add([.. words]);
        }
        string[] vocabulary = [.. counts.Where(kv => kv.Value >= options.MinimumCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(options.Vocabulary).Select(kv => kv.Key)];
        int n = vocabulary.Length;
        int dimensions = Math.Min(options.Dimensions, Math.Max(1, n - 1));
        if (n < 2) return new WordVectors(vocabulary, [.. vocabulary.Select(_ => new float[dimensions])]);
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) index[vocabulary[i]] = i;
        var matrix = Ppmi(documents, index, options.Window, cancel);
        documents.Clear();
        return new WordVectors(vocabulary, Reduce(matrix, n, dimensions, options.Seed, cancel));
    }

    /// <summary>A sparse square matrix in rows: for row i, the columns and values of its non-zero cells.</summary>
    private sealed record Sparse(int[] RowStart, int[] Columns, float[] Values);

    /// <summary>Co-occurrence counts within the window, turned into positive PMI with the context distribution smoothed (power 0.75).</summary>
    private static Sparse Ppmi(List<string[]> documents, Dictionary<string, int> index, int window, CancellationToken cancel)
    {
        int n = index.Count;
        var rows = new Dictionary<int, float>[n];
        for (int i = 0; i < n; i++) rows[i] = [];
        foreach (var doc in documents)
        {
            cancel.ThrowIfCancellationRequested();
            var ids = doc.Select(w => index.TryGetValue(w, out int i) ? i : -1).ToArray();
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] < 0) continue;
                for (int j = Math.Max(0, i - window); j < i; j++)
                {
                    if (ids[j] < 0) continue;
                    float weight = 1f / (i - j);
                    rows[ids[i]][ids[j]] = rows[ids[i]].GetValueOrDefault(ids[j]) + weight;
                    rows[ids[j]][ids[i]] = rows[ids[j]].GetValueOrDefault(ids[i]) + weight;
                }
            }
        }
        var rowSum = new double[n];
        var context = new double[n];
        for (int i = 0; i < n; i++)
        {
            foreach (var (j, c) in rows[i])
            {
                rowSum[i] += c;
                context[j] += c;
            }
        }
        double total = 0;
        for (int j = 0; j < n; j++) total += context[j] = Math.Pow(context[j], 0.75);
        var start = new int[n + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < n; i++)
        {
            foreach (var (j, c) in rows[i].OrderBy(x => x.Key))
            {
                double pmi = Math.Log(c * total / (rowSum[i] * context[j]));
                if (pmi <= 0) continue;
                columns.Add(j);
                values.Add((float)pmi);
            }
            start[i + 1] = columns.Count;
            rows[i] = null!;
        }
        return new Sparse(start, [.. columns], [.. values]);
    }

    /// <summary>
    /// The rank-<paramref name="k"/> left singular vectors of the matrix, scaled by the square root of their singular values
    /// and made unit length: a random projection, two power iterations, then the eigenvectors of the small projected matrix.
    /// </summary>
    private static float[][] Reduce(Sparse m, int n, int k, int seed, CancellationToken cancel)
    {
        int width = Math.Min(n, k + 10);
        var rng = new Random(seed);
        var omega = new double[n * width];
        for (int i = 0; i < omega.Length; i++) omega[i] = rng.NextDouble() * 2 - 1;
        var q = Times(m, omega, n, width, transpose: false);
        Orthonormalise(q, n, width);
        for (int iteration = 0; iteration < 2; iteration++)
        {
            cancel.ThrowIfCancellationRequested();
            var z = Times(m, q, n, width, transpose: true);
            Orthonormalise(z, n, width);
            q = Times(m, z, n, width, transpose: false);
            Orthonormalise(q, n, width);
        }
        // B = Qᵀ M; the eigenvectors of B Bᵀ turn Q into the left singular vectors, its eigenvalues are the squared singular values.
        var bt = Times(m, q, n, width, transpose: true);
        var small = new double[width, width];
        for (int a = 0; a < width; a++)
        {
            for (int b = a; b < width; b++)
            {
                double d = 0;
                for (int i = 0; i < n; i++) d += bt[i * width + a] * bt[i * width + b];
                small[a, b] = small[b, a] = d;
            }
        }
        var (eigenvalues, eigenvectors) = Jacobi(small, width);
        var order = Enumerable.Range(0, width).OrderByDescending(a => eigenvalues[a]).Take(k).ToArray();
        var vectors = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var v = new float[k];
            double norm = 0;
            for (int c = 0; c < k; c++)
            {
                int a = order[c];
                double u = 0;
                for (int l = 0; l < width; l++) u += q[i * width + l] * eigenvectors[l, a];
                // Singular value to the power 1/2 (the square root of its square root): common dimensions do not drown the rest.
                v[c] = (float)(u * Math.Pow(Math.Max(0, eigenvalues[a]), 0.25));
                norm += v[c] * v[c];
            }
            if (norm > 0)
            {
                float scale = (float)(1 / Math.Sqrt(norm));
                for (int c = 0; c < k; c++) v[c] *= scale;
            }
            vectors[i] = v;
        }
        return vectors;
    }

    /// <summary>M × X (or Mᵀ × X) for a dense n × width matrix X stored by rows.</summary>
    private static double[] Times(Sparse m, double[] x, int n, int width, bool transpose)
    {
        var y = new double[n * width];
        if (!transpose)
        {
            Parallel.For(0, n, i =>
            {
                for (int p = m.RowStart[i]; p < m.RowStart[i + 1]; p++)
                {
                    int j = m.Columns[p];
                    double v = m.Values[p];
                    for (int l = 0; l < width; l++) y[i * width + l] += v * x[j * width + l];
                }
            });
            return y;
        }
        for (int i = 0; i < n; i++)
        {
            for (int p = m.RowStart[i]; p < m.RowStart[i + 1]; p++)
            {
                int j = m.Columns[p];
                double v = m.Values[p];
                for (int l = 0; l < width; l++) y[j * width + l] += v * x[i * width + l];
            }
        }
        return y;
    }

    /// <summary>Gram–Schmidt on the columns of an n × width matrix stored by rows.</summary>
    private static void Orthonormalise(double[] y, int n, int width)
    {
        for (int l = 0; l < width; l++)
        {
            for (int prev = 0; prev < l; prev++)
            {
                double d = 0;
                for (int i = 0; i < n; i++) d += y[i * width + l] * y[i * width + prev];
                for (int i = 0; i < n; i++) y[i * width + l] -= d * y[i * width + prev];
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += y[i * width + l] * y[i * width + l];
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            for (int i = 0; i < n; i++) y[i * width + l] /= norm;
        }
    }

    /// <summary>Eigenvalues and eigenvectors (as columns) of a small symmetric matrix, by cyclic Jacobi rotations.</summary>
    private static (double[] Values, double[,] Vectors) Jacobi(double[,] a, int size)
    {
        var v = new double[size, size];
        for (int i = 0; i < size; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < size; p++)
            {
                for (int r = p + 1; r < size; r++) off += a[p, r] * a[p, r];
            }
            if (off < 1e-20) break;
            for (int p = 0; p < size; p++)
            {
                for (int r = p + 1; r < size; r++)
                {
                    if (Math.Abs(a[p, r]) < 1e-15) continue;
                    double theta = (a[r, r] - a[p, p]) / (2 * a[p, r]);
                    double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < size; k++)
                    {
                        double kp = a[k, p], kr = a[k, r];
                        a[k, p] = c * kp - s * kr;
                        a[k, r] = s * kp + c * kr;
                    }
                    for (int k = 0; k < size; k++)
                    {
                        double pk = a[p, k], rk = a[r, k];
                        a[p, k] = c * pk - s * rk;
                        a[r, k] = s * pk + c * rk;
                    }
                    for (int k = 0; k < size; k++)
                    {
                        double kp = v[k, p], kr = v[k, r];
                        v[k, p] = c * kp - s * kr;
                        v[k, r] = s * kp + c * kr;
                    }
                }
            }
        }
        var values = new double[size];
        for (int i = 0; i < size; i++) values[i] = a[i, i];
        return (values, v);
    }
}
