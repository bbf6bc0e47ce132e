namespace BuyerMessaging;

/// <summary>
/// A reply template (テンプレート): subject and body in Liquid syntax, the language it is written in, where it may be
/// used, and the buyer questions it answers (used by smart-reply matching).
/// </summary>
public sealed record Template
{
    /// <summary>Gets the template's identifier.</summary>
    public required TemplateId Id { get; init; }

    /// <summary>Gets the template's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets a description for the people choosing it.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the language the template is written in (BCP-47, for example "en", "ja", "de").</summary>
    public required string Language { get; init; }

    /// <summary>Gets the store the template belongs to; <see langword="null"/> for a sample of the built-in library.</summary>
    public StoreId? StoreId { get; init; }

    /// <summary>Gets the channels it may be used on; empty for every channel.</summary>
    public IReadOnlyList<ChannelId> Channels { get; init; } = [];

    /// <summary>Gets a value indicating whether the template is enabled (有効) or paused (停止中).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the subject (Liquid).</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the body (Liquid).</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether <see cref="Body"/> is HTML (values are HTML-escaped when rendered).</summary>
    public bool IsHtml { get; init; }

    /// <summary>Gets the files sent with the template.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets the buyer message types the template suits; empty for any.</summary>
    public IReadOnlyList<BuyerMessageType> MessageTypes { get; init; } = [];

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets example buyer questions the template answers (used by smart-reply matching).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>
    /// Says why the template cannot answer on a channel: it belongs to another store (a template of no store, such as the
    /// host's built-in ones, serves every store), or it lists channels and not this one.
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The reason, or <see langword="null"/> when the template may be used on the channel.</returns>
    internal string? UnusableOn(Channel channel) =>
        StoreId is { } store && store != channel.StoreId ? $"Template '{Id}' belongs to store '{store}', not to the channel's store '{channel.StoreId}'."
        : Channels is { Count: > 0 } channels && !channels.Contains(channel.Id) ? $"Template '{Id}' is not for channel '{channel.Id}' (it lists {string.Join(", ", channels)})."
        : null;
}
