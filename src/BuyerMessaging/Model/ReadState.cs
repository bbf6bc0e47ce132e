namespace BuyerMessaging;

/// <summary>The read state shown in the inbox list, as BigCentral shows it.</summary>
public enum ReadState
{
    /// <summary>Blank: opened an hour or more ago.</summary>
    None,

    /// <summary>New (新): never opened, or the buyer wrote since it was opened.</summary>
    New,

    /// <summary>Read (既読): opened less than an hour ago.</summary>
    Read,
}
