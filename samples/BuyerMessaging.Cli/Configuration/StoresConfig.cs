namespace BuyerMessaging.Cli;

/// <summary>The stores.json file: stores and their channels (see SampleData/stores.json).</summary>
internal sealed class StoresFile
{
    public List<StoreEntry>? Stores { get; set; }
}

/// <summary>One store of stores.json.</summary>
internal sealed class StoreEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<ChannelEntry>? Channels { get; set; }
}

/// <summary>One channel of a store in stores.json.</summary>
internal sealed class ChannelEntry
{
    public string? Id { get; set; }

    /// <summary>Gets or sets "amazon" or "mailbox".</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the name shown in the channel column; derived when absent ("Amazon.co.jp", the mailbox address).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the Amazon marketplace: a country code ("US", "JP", "DE") or a marketplace id.</summary>
    public string? Marketplace { get; set; }

    public string? Address { get; set; }

    public string? StoreName { get; set; }

    public string? SenderDisplayName { get; set; }

    public string? Country { get; set; }

    public string? Language { get; set; }

    public double? PromisedResponseHours { get; set; }

    public string? TimeZone { get; set; }

    public bool? Enabled { get; set; }
}
