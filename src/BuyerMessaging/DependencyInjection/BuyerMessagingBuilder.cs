using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging;

/// <summary>Configures BuyerMessaging in a service collection; adapters add <c>Use*</c> and <c>Add*</c> extensions to it.</summary>
public sealed class BuyerMessagingBuilder
{
    internal BuyerMessagingBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }
}
