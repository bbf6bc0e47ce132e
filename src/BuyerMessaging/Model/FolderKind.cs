namespace BuyerMessaging;

/// <summary>The kind of a <see cref="Folder"/>.</summary>
public enum FolderKind
{
    /// <summary>A default folder showing the conversations of one status; it can be hidden, not deleted.</summary>
    System,

    /// <summary>A folder the user made (マイフォルダ).</summary>
    Custom,
}
