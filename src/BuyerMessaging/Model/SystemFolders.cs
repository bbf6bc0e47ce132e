namespace BuyerMessaging;

/// <summary>The fixed system folders, one per <see cref="ConversationStatus"/>.</summary>
public static class SystemFolders
{
    /// <summary>The Open folder.</summary>
    public static FolderId Open { get; } = new("open");

    /// <summary>The Pending folder.</summary>
    public static FolderId Pending { get; } = new("pending");

    /// <summary>The Awaiting-buyer folder.</summary>
    public static FolderId AwaitingBuyer { get; } = new("awaiting-buyer");

    /// <summary>The Resolved folder.</summary>
    public static FolderId Resolved { get; } = new("resolved");

    /// <summary>Gets the system folders in sidebar order, all shown.</summary>
    public static IReadOnlyList<Folder> All { get; } =
    [
        new() { Id = Open, Name = "Open", Kind = FolderKind.System, Status = ConversationStatus.Open, Order = 0 },
        new() { Id = Pending, Name = "Pending", Kind = FolderKind.System, Status = ConversationStatus.Pending, Order = 1 },
        new() { Id = AwaitingBuyer, Name = "Awaiting buyer", Kind = FolderKind.System, Status = ConversationStatus.AwaitingBuyer, Order = 2 },
        new() { Id = Resolved, Name = "Resolved", Kind = FolderKind.System, Status = ConversationStatus.Resolved, Order = 3 },
    ];

    /// <summary>Returns the system folder of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The folder's id.</returns>
    public static FolderId For(ConversationStatus status) => All[(int)status].Id;

    /// <summary>Returns the status a folder id stands for, if it is a system folder.</summary>
    /// <param name="id">The folder id.</param>
    /// <returns>The status, or <see langword="null"/> for a custom folder.</returns>
    public static ConversationStatus? StatusOf(FolderId id)
    {
        foreach (var folder in All)
        {
            if (folder.Id == id)
            {
                return folder.Status;
            }
        }

        return null;
    }
}
