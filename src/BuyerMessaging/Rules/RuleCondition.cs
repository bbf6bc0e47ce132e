namespace BuyerMessaging;

/// <summary>
/// One condition of a <see cref="Rule"/>: a <see cref="RuleField"/>, a <see cref="RuleOperator"/> and the value or values
/// to compare with. Build conditions with the factory methods (<see cref="SubjectContains"/>,
/// <see cref="MessageTypeIsOneOf"/>…) or set the members directly; <see cref="RuleValidator"/> checks the combination.
/// </summary>
public sealed record RuleCondition
{
    /// <summary>Gets what the condition looks at.</summary>
    public required RuleField Field { get; init; }

    /// <summary>Gets how it compares.</summary>
    public required RuleOperator Operator { get; init; }

    /// <summary>Gets the value of a text operator (the text or the regular expression) or of <see cref="RuleOperator.Is"/> ("true" or "false").</summary>
    public string? Value { get; init; }

    /// <summary>Gets the values of <see cref="RuleOperator.IsOneOf"/>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The buyer message type is one of <paramref name="types"/>.</summary>
    /// <param name="types">The types.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition MessageTypeIsOneOf(params IEnumerable<BuyerMessageType> types) =>
        new() { Field = RuleField.MessageType, Operator = RuleOperator.IsOneOf, Values = [.. types.Select(TemplateJson.ToJsonName)] };

    /// <summary>The subject contains <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SubjectContains(string text) => Text(RuleField.Subject, RuleOperator.Contains, text);

    /// <summary>The subject does not contain <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SubjectDoesNotContain(string text) => Text(RuleField.Subject, RuleOperator.DoesNotContain, text);

    /// <summary>The subject starts with <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SubjectStartsWith(string text) => Text(RuleField.Subject, RuleOperator.StartsWith, text);

    /// <summary>The subject equals <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SubjectEquals(string text) => Text(RuleField.Subject, RuleOperator.EqualTo, text);

    /// <summary>The subject matches the regular expression <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SubjectMatches(string pattern) => Text(RuleField.Subject, RuleOperator.Matches, pattern);

    /// <summary>The sender's address contains <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SenderContains(string text) => Text(RuleField.Sender, RuleOperator.Contains, text);

    /// <summary>The sender's address ends with <paramref name="text"/> (for example "@marketplace.amazon.co.jp").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SenderEndsWith(string text) => Text(RuleField.Sender, RuleOperator.EndsWith, text);

    /// <summary>The sender's address equals <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition SenderEquals(string text) => Text(RuleField.Sender, RuleOperator.EqualTo, text);

    /// <summary>The text of the message contains <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition BodyContains(string text) => Text(RuleField.Body, RuleOperator.Contains, text);

    /// <summary>The language of the message is one of <paramref name="languages"/> (BCP-47).</summary>
    /// <param name="languages">The languages.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition LanguageIsOneOf(params IEnumerable<string> languages) => List(RuleField.Language, languages);

    /// <summary>The channel is one of <paramref name="channels"/>.</summary>
    /// <param name="channels">The channels.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition ChannelIsOneOf(params IEnumerable<ChannelId> channels) => List(RuleField.Channel, channels.Select(c => c.Value));

    /// <summary>The marketplace is one of <paramref name="marketplaces"/> (country codes or marketplace ids).</summary>
    /// <param name="marketplaces">The marketplaces.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition MarketplaceIsOneOf(params IEnumerable<string> marketplaces) => List(RuleField.Marketplace, marketplaces);

    /// <summary>The store is one of <paramref name="stores"/>.</summary>
    /// <param name="stores">The stores.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition StoreIsOneOf(params IEnumerable<StoreId> stores) => List(RuleField.Store, stores.Select(s => s.Value));

    /// <summary>The conversation has (or, with <see langword="false"/>, lacks) an order id.</summary>
    /// <param name="value">Whether it has one.</param>
    /// <returns>The condition.</returns>
    public static RuleCondition HasOrder(bool value = true) => Flag(RuleField.HasOrder, value);

    /// <summary>The message is the buyer's first contact: it starts a new conversation.</summary>
    /// <returns>The condition.</returns>
    public static RuleCondition FirstContact() => Flag(RuleField.FirstContact, true);

    /// <summary>The message is a follow-up: it is added to an existing conversation.</summary>
    /// <returns>The condition.</returns>
    public static RuleCondition FollowUp() => Flag(RuleField.FirstContact, false);

    private static RuleCondition Text(RuleField field, RuleOperator op, string value) => new() { Field = field, Operator = op, Value = value };

    private static RuleCondition List(RuleField field, IEnumerable<string> values) =>
        new() { Field = field, Operator = RuleOperator.IsOneOf, Values = [.. values] };

    private static RuleCondition Flag(RuleField field, bool value) =>
        new() { Field = field, Operator = RuleOperator.Is, Value = value ? "true" : "false" };
}
