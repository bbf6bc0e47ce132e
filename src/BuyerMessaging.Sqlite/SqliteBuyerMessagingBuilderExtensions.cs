using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BuyerMessaging;

/// <summary>Registers the SQLite store with <see cref="BuyerMessagingBuilder"/>.</summary>
public static class SqliteBuyerMessagingBuilderExtensions
{
    /// <summary>
    /// Uses a <see cref="SqliteConversationStore"/> on one file as the <see cref="IConversationStore"/>, replacing the
    /// in-memory default. The store is a singleton, opened (and migrated) once, when it is first resolved, and closed
    /// when the service provider is disposed.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The path of the database file, or a connection string (see <see cref="SqliteConversationStore.OpenAsync"/>).</param>
    /// <param name="configure">Configures the store's options, if given. The logger factory defaults to the container's.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static BuyerMessagingBuilder UseSqlite(this BuyerMessagingBuilder builder, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var services = builder.Services;
        services.RemoveAll<SqliteConversationStore>();
        services.AddSingleton(sp =>
        {
            var options = new SqliteStoreOptions { LoggerFactory = sp.GetService<ILoggerFactory>() };
            configure?.Invoke(options);
            return SqliteConversationStore.Open(path, options);
        });
        services.RemoveAll<IConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<SqliteConversationStore>());
        return builder;
    }
}
