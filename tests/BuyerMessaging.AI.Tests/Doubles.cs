using Microsoft.Extensions.AI;

namespace BuyerMessaging.AI.Tests;

/// <summary>
/// A scripted embedding generator: each text's vector is given by the test (a text it was not given is an error, as
/// a provider's failure would be); it records every call.
/// </summary>
internal sealed class ScriptedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Exception? Failure { get; set; }

    public int? ReturnCount { get; set; }

    public ScriptedEmbeddingGenerator Map(string text, params float[] vector)
    {
        _vectors[text] = vector;
        return this;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var texts = values.ToList();
        Calls.Add(texts);
        if (Failure is not null)
        {
            throw Failure;
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => _vectors.TryGetValue(t, out var v)
            ? new Embedding<float>(v)
            : throw new KeyNotFoundException($"No vector scripted for '{t}'.")));
        return Task.FromResult(ReturnCount is { } count ? new GeneratedEmbeddings<Embedding<float>>(result.Take(count)) : result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>A first matcher that returns a given result and counts its calls.</summary>
internal sealed class FixedMatcher(TemplateMatch result) : ITemplateMatcher
{
    public int Calls { get; private set; }

    public ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        return ValueTask.FromResult(result);
    }
}
