namespace BuyerMessaging;

/// <summary>A folder of the inbox: a system folder per status, or a custom folder.</summary>
public sealed record Folder
{
    /// <summary>Gets the folder's identifier. System folders have fixed ids (see <see cref="SystemFolders"/>).</summary>
    public required FolderId Id { get; init; }

    /// <summary>Gets the folder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kind of folder.</summary>
    public required FolderKind Kind { get; init; }

    /// <summary>Gets the status a system folder shows; <see langword="null"/> for a custom folder.</summary>
    public ConversationStatus? Status { get; init; }

    /// <summary>Gets a value indicating whether the folder is hidden from the sidebar.</summary>
    public bool Hidden { get; init; }

    /// <summary>Gets the position in the sidebar.</summary>
    public int Order { get; init; }
}
