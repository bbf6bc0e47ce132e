using BuyerMessaging.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging;

/// <summary>Registers the e-mail parsing services of BuyerMessaging.Email.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MimeMessageParser"/> as a singleton (unless one is registered already), configured from
    /// <see cref="MimeParsingOptions"/>, which are validated when the host starts. The parser uses the registered
    /// <see cref="ILanguageDetector"/>, or <see cref="BasicLanguageDetector.Instance"/> when there is none.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; may be called more than once across calls.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEmailParsing(this IServiceCollection services, Action<MimeParsingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MimeParsingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MimeParsingOptions>, MimeParsingOptionsValidator>());
        services.TryAddSingleton(sp => new MimeMessageParser(
            sp.GetRequiredService<IOptions<MimeParsingOptions>>().Value,
            sp.GetService<ILanguageDetector>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="MimeMessageParser"/> on a BuyerMessaging builder; see
    /// <see cref="AddEmailParsing(IServiceCollection, Action{MimeParsingOptions}?)"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddBuyerMessaging()</c>.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder AddEmailParsing(this BuyerMessagingBuilder builder, Action<MimeParsingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEmailParsing(configure);
        return builder;
    }
    /// <summary>
    /// Sends outgoing messages by writing them as .eml files into a folder (<see cref="FileSystemOutboundSender"/>),
    /// replacing any <see cref="IOutboundSender"/> registered before. <see cref="FileSystemOutboxOptions"/> are validated
    /// when the host starts, and at the latest when the sender is first resolved.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options: set <see cref="FileSystemOutboxOptions.Folder"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddFileSystemOutbox(this IServiceCollection services, Action<FileSystemOutboxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FileSystemOutboxOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSystemOutboxOptions>, FileSystemOutboxOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton<IOutboundSender>(sp => new FileSystemOutboundSender(
            sp.GetRequiredService<IOptions<FileSystemOutboxOptions>>().Value.Folder,
            sp.GetRequiredService<IClock>())));
        return services;
    }

    /// <summary>
    /// Sends outgoing messages by writing them as .eml files into a folder; see
    /// <see cref="AddFileSystemOutbox(IServiceCollection, Action{FileSystemOutboxOptions})"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddBuyerMessaging()</c>.</param>
    /// <param name="configure">Configures the options: set <see cref="FileSystemOutboxOptions.Folder"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder AddFileSystemOutbox(this BuyerMessagingBuilder builder, Action<FileSystemOutboxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFileSystemOutbox(configure);
        return builder;
    }
}
