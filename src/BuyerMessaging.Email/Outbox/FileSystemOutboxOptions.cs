using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>Options of <see cref="FileSystemOutboundSender"/>: where the .eml files go.</summary>
public sealed class FileSystemOutboxOptions
{
    /// <summary>Gets or sets the folder the .eml files are written to; created when missing.</summary>
    /// <value>The default value is an empty string, which fails validation: a folder must be set.</value>
    [Required]
    public string Folder { get; set; } = string.Empty;
}
