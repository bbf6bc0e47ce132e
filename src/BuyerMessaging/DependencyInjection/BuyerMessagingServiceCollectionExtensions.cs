using System.Diagnostics.Metrics;
using BuyerMessaging.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace BuyerMessaging;

/// <summary>Registers BuyerMessaging's core services.</summary>
public static partial class BuyerMessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the core: <see cref="ConversationIngestor"/>, <see cref="ConversationEditor"/>, <see cref="FolderEditor"/>,
    /// <see cref="StoreDirectory"/>, the rules (<see cref="RuleEngine"/>, <see cref="RuleBook"/> and the stored
    /// <see cref="IIngestionRules"/> the ingestor runs), the default <see cref="ILanguageDetector"/> (<see cref="NgramLanguageDetector"/>), the Amazon content
    /// check (<see cref="IContentChecker"/>: <see cref="AmazonContentChecker"/> with <see cref="ContentCheckOptions"/>,
    /// run on every reply and every send on an Amazon channel), the time rules and the
    /// work queue (<see cref="InboxAutomation"/>, <see cref="WorkQueueWorker"/>, <see cref="PolicyDirectory"/>, tzdb as the
    /// <see cref="IDateTimeZoneProvider"/>, the store's template library as the <see cref="ITemplateSource"/> of automatic
    /// replies (<see cref="PolicyDirectory"/> checks saved policies against the same source), the <see cref="LexicalTemplateMatcher"/>,
    /// the simple template renderer, and a sender that fails until one is registered), one source of time
    /// (<see cref="TimeProvider.System"/> and an <see cref="IClock"/> made from it), and the in-memory store unless a
    /// store is registered (for example with <c>UseSqlite</c>). Every default is registered with <c>TryAdd</c>, so a host
    /// can override it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures ingestion, if given.</param>
    /// <returns>A builder to add adapters to.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder AddBuyerMessaging(this IServiceCollection services, Action<IngestionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<IngestionOptions>().Validate(o => StoreId.TryParse(o.DefaultStoreId, out _), "IngestionOptions.DefaultStoreId is not a valid store id.")
            .Validate(o => o.SubjectFallbackWindow >= TimeSpan.Zero, "IngestionOptions.SubjectFallbackWindow must not be negative.");
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => sp.GetRequiredService<TimeProvider>().ToClock());
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.TryAddSingleton<ILanguageDetector>(NgramLanguageDetector.Default);
        services.TryAddSingleton(sp => new Instruments(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new RuleEngine(sp.GetService<IOptions<RuleEngineOptions>>()));
        services.TryAddSingleton<IIngestionRules>(sp => new StoredIngestionRules(
            sp.GetRequiredService<RuleEngine>(), sp.GetService<ILogger<StoredIngestionRules>>()));
        services.TryAddSingleton(sp => new RuleBook(
            sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<RuleEngine>(), sp.GetService<ILogger<RuleBook>>(), sp.GetRequiredService<InboxAutomation>()));
        services.TryAddSingleton(sp => new ConversationIngestor(
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<IngestionOptions>>(),
            sp.GetService<ILogger<ConversationIngestor>>(),
            sp.GetRequiredService<IIngestionRules>(),
            sp.GetRequiredService<Instruments>(),
            sp.GetRequiredService<InboxAutomation>()));
        services.AddOptions<ContentCheckOptions>();
        services.TryAddSingleton<IContentChecker>(sp => new AmazonContentChecker(
            sp.GetRequiredService<IOptions<ContentCheckOptions>>(), sp.GetRequiredService<ILanguageDetector>()));
        services.TryAddSingleton<ITemplateSaveCheck>(sp => new ContentTemplateSaveCheck(sp.GetRequiredService<IContentChecker>()));
        services.TryAddSingleton(sp => new ConversationEditor(
            sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<InboxAutomation>(), sp.GetRequiredService<IContentChecker>()));
        AddAutomation(services);
        services.TryAddSingleton<FolderEditor>();
        services.TryAddSingleton<StoreDirectory>();
        return new BuyerMessagingBuilder(services);
    }
}
