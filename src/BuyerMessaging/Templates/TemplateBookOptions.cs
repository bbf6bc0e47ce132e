namespace BuyerMessaging;

/// <summary>Limits <see cref="TemplateBook"/> enforces when a template is saved.</summary>
public sealed class TemplateBookOptions
{
    /// <summary>The most favourite templates a store may have.</summary>
    public const int MaxFavourites = 10;

    /// <summary>Gets or sets the largest attachment, in bytes (default 10 MB, Amazon's limit per file).</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the largest total of a template's attachments, in bytes (default 10 MB).</summary>
    public long MaxTotalAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the most attachments a template may have (default 5).</summary>
    public int MaxAttachments { get; set; } = 5;

    /// <summary>
    /// Gets the attachment file extensions allowed (default: those Amazon's buyer-seller messaging accepts: .pdf, .jpg,
    /// .jpeg, .png, .gif, .txt, .doc, .docx, .tif, .tiff, .bmp), compared case-insensitively.
    /// </summary>
    public ISet<string> AllowedAttachmentExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".txt", ".doc", ".docx", ".tif", ".tiff", ".bmp",
    };
}
