namespace BuyerMessaging;

/// <summary>A file attached to a message. The content is kept.</summary>
public sealed record MessageAttachment
{
    /// <summary>Gets the file name (a generated one when the sender gave none).</summary>
    public required string FileName { get; init; }

    /// <summary>Gets the MIME content type, for example "image/jpeg".</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets the size of the content in bytes.</summary>
    public long Size => Content.Length;

    /// <summary>Gets the decoded content (when <see cref="Defect"/> is set, what could be decoded).</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>
    /// Gets why the content may be incomplete or damaged, in words a person can act on, or <see langword="null"/> when it
    /// was read whole: for example, the message was cut short inside the file, or the file's base64 was invalid. Such an
    /// attachment is kept with what could be decoded, so that nothing is lost and the damage shows where the file does.
    /// </summary>
    public string? Defect { get; init; }
}
