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

    /// <summary>Gets the decoded content.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }
}
