namespace BuyerMessaging;

/// <summary>Counts for the inbox sidebar.</summary>
public sealed record InboxCounts
{
    /// <summary>Gets the number of conversations per folder (system folders as in <see cref="InboxQuery.Folder"/>; every folder is present).</summary>
    public required IReadOnlyDictionary<FolderId, int> ByFolder { get; init; }

    /// <summary>Gets the number of conversations per status (every status is present).</summary>
    public required IReadOnlyDictionary<ConversationStatus, int> ByStatus { get; init; }

    /// <summary>Gets the number of unread conversations.</summary>
    public int Unread { get; init; }

    /// <summary>Gets the number of conversations.</summary>
    public int Total { get; init; }
}
