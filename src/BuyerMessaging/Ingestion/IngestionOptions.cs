using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace BuyerMessaging;

/// <summary>Options of the <see cref="ConversationIngestor"/>.</summary>
public sealed class IngestionOptions
{
    /// <summary>Gets or sets what happens to mail for a channel that is not configured.</summary>
    /// <value>The default value is <see cref="UnknownChannelHandling.Quarantine"/>.</value>
    public UnknownChannelHandling UnknownChannel { get; set; } = UnknownChannelHandling.Quarantine;

    /// <summary>Gets or sets the store new channels are created in with <see cref="UnknownChannelHandling.CreateChannel"/>.</summary>
    /// <value>The default value is "default".</value>
    [Required]
    public string DefaultStoreId { get; set; } = "default";

    /// <summary>Gets or sets the name of that store.</summary>
    /// <value>The default value is "Default store".</value>
    [Required]
    public string DefaultStoreName { get; set; } = "Default store";

    /// <summary>
    /// Gets or sets how long after the buyer last wrote a message with the same subject from the same sender is still
    /// threaded into the conversation when nothing else links them.
    /// </summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan SubjectFallbackWindow { get; set; } = TimeSpan.FromDays(30);

    internal Duration SubjectFallbackDuration => Duration.FromTimeSpan(SubjectFallbackWindow);
}
