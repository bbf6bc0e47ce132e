namespace BuyerMessaging;

/// <summary>
/// An inbox query. Every filter that is set must hold (AND); a list filter holds when the value is one of the list
/// (OR). Paging is keyset-based: pass the previous page's <see cref="InboxPage.NextCursor"/> as <see cref="After"/>.
/// </summary>
/// <remarks>
/// Folders: a system folder (see <see cref="SystemFolders"/>) holds the conversations of its status that are not in a
/// custom folder; a custom folder holds the conversations moved there, whatever their status. <see cref="Statuses"/>
/// filters by status regardless of folder.
/// </remarks>
public sealed record InboxQuery
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the stores; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<StoreId>? Stores { get; init; }

    /// <summary>Gets the channels; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<ChannelId>? Channels { get; init; }

    /// <summary>Gets the statuses; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<ConversationStatus>? Statuses { get; init; }

    /// <summary>Gets the folder, or <see langword="null"/> for all.</summary>
    public FolderId? Folder { get; init; }

    /// <summary>Gets the assignee, or <see langword="null"/> for any.</summary>
    public AgentId? Assignee { get; init; }

    /// <summary>Gets a value that, when <see langword="true"/>, keeps only conversations assigned to nobody.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Gets the buyer message types; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<BuyerMessageType>? MessageTypes { get; init; }

    /// <summary>Gets the languages (BCP-47, compared case-insensitively); <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>Gets whether the conversation must have (<see langword="true"/>) or lack (<see langword="false"/>) an order id.</summary>
    public bool? HasOrder { get; init; }

    /// <summary>Gets whether the conversation must be unread (<see langword="true"/>) or read (<see langword="false"/>).</summary>
    public bool? Unread { get; init; }

    /// <summary>
    /// Gets free text that the subject or the text of any message must contain, compared after
    /// <see cref="TextFolding.Fold"/> (case, width and compatibility forms folded); works for Japanese.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Gets the order.</summary>
    public InboxSort Sort { get; init; } = InboxSort.LastUpdated;

    /// <summary>Gets the page size, from 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Gets the cursor of the page to continue after, or <see langword="null"/> for the first page.</summary>
    public string? After { get; init; }
}
