namespace BuyerMessaging;

/// <summary>How serious a <see cref="ContentFinding"/> is.</summary>
public enum ContentSeverity
{
    /// <summary>Allowed, but a person should look before it is sent.</summary>
    Warn,

    /// <summary>Must not be sent as written: the send stops with <see cref="ContentBlockedException"/>.</summary>
    Block,
}
