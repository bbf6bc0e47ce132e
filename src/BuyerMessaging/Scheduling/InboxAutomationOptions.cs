using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>Options of <see cref="InboxAutomation"/>: the SLA clock, auto-replies and smart reply applied on ingest and edits.</summary>
public sealed class InboxAutomationOptions
{
    /// <summary>
    /// Gets or sets the business hours of mailboxes that promise a response time but have no saved SLA policy, in the
    /// schedule syntax of <see cref="WeeklySchedule.Parse"/>, in the channel's zone (UTC when it has none).
    /// </summary>
    /// <value>The default value is "Mon-Fri 09:00-18:00".</value>
    [Required]
    public string DefaultBusinessHours { get; set; } = "Mon-Fri 09:00-18:00";

    /// <summary>
    /// Gets or sets the seller's own addresses besides those of the channels: auto-replies never answer them.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IList<string> SellerAddresses { get; set; } = [];

    /// <summary>Gets or sets the name of the folder smart reply moves unmatched conversations to (id "match-failed").</summary>
    /// <value>The default value is "Match failed".</value>
    [Required]
    public string MatchFailedFolderName { get; set; } = "Match failed";

    /// <summary>
    /// Gets or sets how late, beyond the policy's largest delay, an auto-reply may still be scheduled for a buyer message:
    /// mail that arrived longer ago than that (a backlog imported later, a mailbox connected after a holiday) gets no
    /// auto-reply, because "we received your message" weeks later helps nobody. The SLA clock still runs.
    /// </summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan AutoReplyMaxLateness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the source of randomness for the auto-reply delay: a number in [0, 1). Tests pin it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: a cryptographic random number generator.</value>
    public Func<double>? Randomizer { get; set; }
}
