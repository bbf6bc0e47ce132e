using System.Globalization;

namespace BuyerMessaging.Benchmarks;

internal sealed class TrainingSettings
{
    public int Epochs { get; init; } = 16;

    public double LearningRate { get; init; } = 0.01;

    /// <summary>Pull of each trained row back to its distilled start (per update).</summary>
    public double L2 { get; init; } = 0.01;

    public int BatchSize { get; init; } = 32;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// Starts the student from the single-token distillation (centred, each token weighted by its smoothed inverse
/// frequency in the training texts) and trains its token vectors so that the normalised sum of a text's vectors has
/// the largest cosine with the teacher's embedding of the text (loss 1 - cosine; Adam on the rows a batch touches).
/// </summary>
internal static class StaticEmbeddingTrainer
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    public static StudentEmbedding Initial(WordPieceTokenizer tokenizer, float[] single, IReadOnlyList<string> corpus, int pairBuckets = 0)
    {
        const int D = Teacher.Dimensions;
        var vocabulary = tokenizer.Vocabulary.Count;
        var counts = new long[vocabulary];
        long total = 0;
        foreach (var text in corpus)
        {
            foreach (var id in tokenizer.Encode(text))
            {
                counts[id]++;
                total++;
            }
        }

        var mean = new double[D];
        for (var t = 0; t < vocabulary; t++)
        {
            for (var j = 0; j < D; j++)
            {
                mean[j] += single[(t * D) + j];
            }
        }

        var vectors = new float[single.Length + (pairBuckets * D)];
        const double A = 1e-3;
        for (var t = 0; t < vocabulary; t++)
        {
            var row = vectors.AsSpan(t * D, D);
            for (var j = 0; j < D; j++)
            {
                row[j] = (float)(single[(t * D) + j] - (mean[j] / vocabulary));
            }

            StudentEmbedding.Normalize(row);
            var weight = (float)(A / (A + ((double)counts[t] / Math.Max(1, total))));
            for (var j = 0; j < D; j++)
            {
                row[j] *= weight;
            }
        }

        return new StudentEmbedding(tokenizer, vectors, D, pairBuckets);
    }

    public static void Train(StudentEmbedding student, IReadOnlyList<(string Text, float[] Target)> data, TrainingSettings settings)
    {
        var d = student.Dimensions;
        var e = student.Vectors;
        var start = (float[])e.Clone();
        var m = new float[e.Length];
        var v = new float[e.Length];
        var encoded = data.Select(x => (Ids: student.Ids(x.Text), x.Target)).Where(x => x.Ids.Count > 0).ToArray();
        var random = new Random(settings.Seed);
        var gradient = new Dictionary<int, float[]>();
        var sum = new float[d];
        var step = new float[d];
        var updates = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(encoded);
            double loss = 0;
            for (var b = 0; b < encoded.Length; b += settings.BatchSize)
            {
                gradient.Clear();
                var end = Math.Min(encoded.Length, b + settings.BatchSize);
                for (var i = b; i < end; i++)
                {
                    var (ids, y) = encoded[i];
                    Array.Clear(sum);
                    foreach (var id in ids)
                    {
                        var row = e.AsSpan(id * d, d);
                        for (var j = 0; j < d; j++)
                        {
                            sum[j] += row[j];
                        }
                    }

                    loss += CosineLoss(sum, y, step, settings.BatchSize);

                    // The gradient with respect to the sum is the same for every token of the text.
                    foreach (var id in ids)
                    {
                        Accumulate(gradient, id, step);
                    }
                }

                updates++;
                var c1 = 1 - Math.Pow(Beta1, updates);
                var c2 = 1 - Math.Pow(Beta2, updates);
                foreach (var (id, g) in gradient)
                {
                    for (var j = 0; j < d; j++)
                    {
                        var k = (id * d) + j;
                        Adam(e, m, v, k, g[j] + (settings.L2 * (e[k] - start[k])), settings.LearningRate, c1, c2);
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch + 1}: mean cosine with the teacher {1 - (loss / encoded.Length):F4}"));
        }
    }

    /// <summary>
    /// 1 - cos(<paramref name="sum"/>, <paramref name="target"/>) (the target normalised), and its gradient with respect to
    /// the sum divided by the batch size: -(target - cos · u) / |sum|, u = sum / |sum|.
    /// </summary>
    private static double CosineLoss(float[] sum, float[] target, float[] gradient, int batchSize)
    {
        double norm = 0, dot = 0;
        for (var j = 0; j < sum.Length; j++)
        {
            norm += sum[j] * sum[j];
            dot += sum[j] * target[j];
        }

        norm = Math.Sqrt(norm) + 1e-12;
        var cosine = dot / norm;
        for (var j = 0; j < sum.Length; j++)
        {
            gradient[j] = (float)(-(target[j] - (cosine * sum[j] / norm)) / norm / batchSize);
        }

        return 1 - cosine;
    }

    /// <summary>One Adam step of parameter <paramref name="k"/> (c1, c2: the bias corrections of this update).</summary>
    private static void Adam(float[] p, float[] m, float[] v, int k, double grad, double lr, double c1, double c2)
    {
        m[k] = (float)((Beta1 * m[k]) + ((1 - Beta1) * grad));
        v[k] = (float)((Beta2 * v[k]) + ((1 - Beta2) * grad * grad));
        p[k] -= (float)(lr * (m[k] / c1) / (Math.Sqrt(v[k] / c2) + Epsilon));
    }

    private static void Accumulate(Dictionary<int, float[]> rows, int id, float[] gradient)
    {
        if (!rows.TryGetValue(id, out var row))
        {
            rows[id] = row = new float[gradient.Length];
        }

        for (var j = 0; j < gradient.Length; j++)
        {
            row[j] += gradient[j];
        }
    }
}
