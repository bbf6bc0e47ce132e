namespace BuyerMessaging;

/// <summary>
/// The facts a rule looks at for one buyer message: where it arrived, its type, subject, sender, text and language,
/// whether its conversation has an order, and whether it is the buyer's first contact.
/// </summary>
public sealed record RuleInput
{
    /// <summary>Gets the store.</summary>
    public required StoreId Store { get; init; }

    /// <summary>Gets the channel.</summary>
    public required ChannelId Channel { get; init; }

    /// <summary>Gets the Amazon marketplace's country code ("JP"), or <see langword="null"/> for a mailbox channel.</summary>
    public string? MarketplaceCountry { get; init; }

    /// <summary>Gets the Amazon marketplace id ("A1VC38T7YXB528"), or <see langword="null"/>.</summary>
    public string? MarketplaceId { get; init; }

    /// <summary>Gets the buyer message type.</summary>
    public BuyerMessageType MessageType { get; init; }

    /// <summary>Gets the subject.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the sender's address.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>Gets the text of the message.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets the language (BCP-47), if known.</summary>
    public string? Language { get; init; }

    /// <summary>Gets a value indicating whether the conversation has an order id.</summary>
    public bool HasOrder { get; init; }

    /// <summary>Gets a value indicating whether the message starts a new conversation (first contact) rather than following up.</summary>
    public bool IsFirstContact { get; init; }

    /// <summary>Builds the facts of a stored buyer message.</summary>
    /// <param name="channel">The channel of the conversation.</param>
    /// <param name="conversation">The conversation (its type, language and order as they are with the message).</param>
    /// <param name="message">The buyer message.</param>
    /// <param name="isFirstContact">Whether the message started the conversation.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleInput For(Channel channel, Conversation conversation, Message message, bool isFirstContact)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        var (country, marketplaceId) = Marketplace(channel);
        return new RuleInput
        {
            Store = conversation.StoreId,
            Channel = conversation.ChannelId,
            MarketplaceCountry = country,
            MarketplaceId = marketplaceId,
            MessageType = conversation.MessageType,
            Subject = message.Subject,
            Sender = message.From.Address,
            Body = message.Text,
            Language = conversation.Language,
            HasOrder = conversation.HasOrder,
            IsFirstContact = isFirstContact,
        };
    }

    /// <summary>Builds the facts of a buyer message that has not been stored (for a dry run).</summary>
    /// <param name="channel">The channel it arrives on.</param>
    /// <param name="message">The message.</param>
    /// <param name="isFirstContact">Whether it would start a new conversation.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleInput For(Channel channel, InboundMessage message, bool isFirstContact)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        var (country, marketplaceId) = Marketplace(channel);
        return new RuleInput
        {
            Store = channel.StoreId,
            Channel = channel.Id,
            MarketplaceCountry = country,
            MarketplaceId = marketplaceId,
            MessageType = message.MessageType,
            Subject = message.Subject,
            Sender = message.From?.Address ?? string.Empty,
            Body = message.Text,
            Language = message.Language,
            HasOrder = message.OrderId is not null,
            IsFirstContact = isFirstContact,
        };
    }

    private static (string? Country, string? MarketplaceId) Marketplace(Channel channel)
    {
        if (channel.Kind != ChannelKind.Amazon)
        {
            return (null, null);
        }

        if (AmazonMarketplaces.TryGetByCountry(channel.CountryCode, out var byCountry))
        {
            return (byCountry.CountryCode, byCountry.MarketplaceId);
        }

        return AmazonMarketplaces.TryGetById(channel.MarketplaceId, out var byId)
            ? (byId.CountryCode, byId.MarketplaceId)
            : (channel.CountryCode, channel.MarketplaceId);
    }
}
