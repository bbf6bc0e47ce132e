namespace BuyerMessaging;

/// <summary>Which part of an outbound message a <see cref="ContentFinding"/> is in; its span is relative to that part.</summary>
public enum ContentPart
{
    /// <summary>The text (body).</summary>
    Body,

    /// <summary>The subject.</summary>
    Subject,

    /// <summary>The HTML body.</summary>
    Html,

    /// <summary>An attachment; <see cref="ContentFinding.Start"/> is its index and <see cref="ContentFinding.Length"/> is 0.</summary>
    Attachment,
}
