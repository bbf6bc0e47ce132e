using Microsoft.Extensions.AI;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// The static student: one vector per WordPiece token; a text's vector is the sum of its tokens' vectors, normalised
/// (a vector's length is its token's weight in the mean). Microseconds a text, no model run.
/// </summary>
internal sealed class StudentEmbedding(WordPieceTokenizer tokenizer, float[] vectors, int dimensions, int pairBuckets = 0) : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Rows after the vocabulary's for pairs of adjacent tokens (hashed), or 0 for none.</summary>
    public int PairBuckets { get; } = pairBuckets;

    public WordPieceTokenizer Tokenizer { get; } = tokenizer;

    public float[] Vectors { get; } = vectors;

    public int Dimensions { get; } = dimensions;

    public float[] Embed(string text) => Embed(Ids(text));

    /// <summary>The rows a text sums: its tokens and, with <see cref="PairBuckets"/>, its hashed pairs of adjacent tokens.</summary>
    public List<int> Ids(string text)
    {
        var ids = Tokenizer.Encode(text);
        if (PairBuckets > 0)
        {
            var vocabulary = Tokenizer.Vocabulary.Count;
            for (var i = ids.Count - 1; i > 0; i--)
            {
                ids.Add(vocabulary + (int)((((uint)ids[i - 1] * 2654435761u) ^ (uint)ids[i]) % (uint)PairBuckets));
            }
        }

        return ids;
    }

    public float[] Embed(List<int> ids)
    {
        var sum = new float[Dimensions];
        foreach (var id in ids)
        {
            var row = Vectors.AsSpan(id * Dimensions, Dimensions);
            for (var j = 0; j < Dimensions; j++)
            {
                sum[j] += row[j];
            }
        }

        Normalize(sum);
        return sum;
    }

    public static void Normalize(Span<float> v)
    {
        double n = 0;
        foreach (var x in v)
        {
            n += x * x;
        }

        if (n > 0)
        {
            var inv = (float)(1 / Math.Sqrt(n));
            for (var j = 0; j < v.Length; j++)
            {
                v[j] *= inv;
            }
        }
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
