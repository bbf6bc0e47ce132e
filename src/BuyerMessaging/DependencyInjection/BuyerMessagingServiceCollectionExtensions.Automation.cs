using BuyerMessaging.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging;

/// <content>The time rules, the work queue and its hosted service.</content>
public static partial class BuyerMessagingServiceCollectionExtensions
{
    /// <summary>
    /// Runs the <see cref="WorkQueueWorker"/> in the host (<see cref="WorkQueueHostedService"/>): scheduled work, the
    /// outbox and event delivery. Without it, call <see cref="WorkQueueWorker.RunOnceAsync"/> yourself.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the worker, if given.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder AddWorkQueueHostedService(this BuyerMessagingBuilder builder, Action<WorkQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddHostedService<WorkQueueHostedService>();
        return builder;
    }

    /// <summary>Configures the time rules (default business hours, the seller's own addresses, the auto-reply randomizer).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder ConfigureAutomation(this BuyerMessagingBuilder builder, Action<InboxAutomationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    private static void AddAutomation(IServiceCollection services)
    {
        services.AddOptions<InboxAutomationOptions>();
        services.AddOptions<WorkQueueOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxAutomationOptions>, InboxAutomationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkQueueOptions>, WorkQueueOptionsValidator>());
        services.TryAddSingleton(DateTimeZoneProviders.Tzdb);
        services.TryAddSingleton(sp => new InboxAutomation(
            sp.GetRequiredService<IDateTimeZoneProvider>(),
            sp.GetRequiredService<IOptions<InboxAutomationOptions>>(),
            sp.GetService<ILogger<InboxAutomation>>()));
        services.TryAddSingleton<ITemplateSource>(sp => new StoreTemplateSource(sp.GetRequiredService<IConversationStore>()));
        services.TryAddSingleton<ITemplateMatcher>(sp => new LexicalTemplateMatcher(null, sp.GetService<ILanguageDetector>()));
        services.TryAddSingleton(sp => new LiquidTemplateRenderer(
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<IDateTimeZoneProvider>(), sp.GetService<IOrderLookup>(), sp.GetRequiredService<IConversationStore>()));
        services.TryAddSingleton<ITemplateRenderer>(sp => sp.GetRequiredService<LiquidTemplateRenderer>());
        services.AddOptions<TemplateBookOptions>();
        services.TryAddSingleton(sp => new TemplateBook(
            sp.GetRequiredService<IConversationStore>(), sp.GetService<ITranslator>(), sp.GetService<ITemplateSaveCheck>(),
            sp.GetRequiredService<IOptions<TemplateBookOptions>>().Value));
        services.TryAddSingleton<IOutboundSender, UnconfiguredOutboundSender>();
        services.TryAddSingleton(sp => new WorkQueueWorker(
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOutboundSender>(),
            sp.GetServices<IInboxEventHandler>(),
            sp.GetRequiredService<ITemplateSource>(),
            sp.GetRequiredService<ITemplateMatcher>(),
            sp.GetRequiredService<ITemplateRenderer>(),
            sp.GetRequiredService<InboxAutomation>(),
            sp.GetRequiredService<IOptions<WorkQueueOptions>>(),
            sp.GetService<ILogger<WorkQueueWorker>>(),
            sp.GetRequiredService<Instruments>(),
            sp.GetRequiredService<IContentChecker>()));
        services.TryAddSingleton(sp => new PolicyDirectory(sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<ITemplateSource>()));
        services.TryAddSingleton(sp => new SmartReplySimulator(sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<ITemplateMatcher>(), sp.GetRequiredService<ITemplateSource>()));
    }
}
