namespace BuyerMessaging;

/// <summary>The kind of a <see cref="Channel"/>.</summary>
public enum ChannelKind
{
    /// <summary>An Amazon marketplace of a store; buyer messages arrive as relay mail.</summary>
    Amazon,

    /// <summary>A support mailbox of a store (ordinary e-mail).</summary>
    Mailbox,
}
