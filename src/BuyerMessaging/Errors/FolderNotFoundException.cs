namespace BuyerMessaging;

/// <summary>No folder has the given id.</summary>
public sealed class FolderNotFoundException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="FolderNotFoundException"/> class.</summary>
    /// <param name="folderId">The id.</param>
    public FolderNotFoundException(FolderId folderId)
        : base($"There is no folder {folderId}.") => FolderId = folderId;

    /// <summary>Gets the id that was not found.</summary>
    public FolderId FolderId { get; }
}
