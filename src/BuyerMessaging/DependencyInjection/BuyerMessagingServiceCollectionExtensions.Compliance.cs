using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging;

/// <content>The Amazon content check.</content>
public static partial class BuyerMessagingServiceCollectionExtensions
{
    /// <summary>
    /// Configures the Amazon content check (<see cref="AmazonContentChecker"/>): limits, allowed link domains and
    /// attachment types, phrase rules, custom <see cref="IContentRule"/>s, disabled rules and severity overrides.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static BuyerMessagingBuilder ConfigureContentCheck(this BuyerMessagingBuilder builder, Action<ContentCheckOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
