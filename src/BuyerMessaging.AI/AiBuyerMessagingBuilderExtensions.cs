using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BuyerMessaging;

/// <summary>Registers the AI adapter's services with <see cref="BuyerMessagingBuilder"/>.</summary>
public static class AiBuyerMessagingBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="SemanticTemplateMatcher"/> the <see cref="ITemplateMatcher"/> (smart replies, their simulation,
    /// the CLI's match): the offline <see cref="LexicalTemplateMatcher"/> finds the candidates and the
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> registered in the container re-ranks them by meaning.
    /// Register the generator yourself (a local model or a provider's, e.g. with Microsoft.Extensions.AI's
    /// <c>AddEmbeddingGenerator</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures <see cref="SemanticMatchingOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>Resolving <see cref="ITemplateMatcher"/> throws <see cref="InvalidOperationException"/>, saying so, when no generator is registered.</remarks>
    public static BuyerMessagingBuilder AddSemanticTemplateMatching(this BuyerMessagingBuilder builder, Action<SemanticMatchingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SemanticMatchingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SemanticMatchingOptions>, Internal.SemanticMatchingOptionsValidator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ITemplateMatcher>(sp =>
        {
            var generator = sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() ?? throw new InvalidOperationException(
                "AddSemanticTemplateMatching needs an IEmbeddingGenerator<string, Embedding<float>> in the service collection: register a provider's or a local model's generator.");
            return new SemanticTemplateMatcher(
                generator,
                sp.GetRequiredService<IOptions<SemanticMatchingOptions>>().Value,
                sp.GetService<ILanguageDetector>(),
                sp.GetService<ILogger<SemanticTemplateMatcher>>());
        }));
        return builder;
    }
}
