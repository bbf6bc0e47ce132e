namespace BuyerMessaging;

/// <summary>The ids of the built-in content rules (see the package README, "Amazon content check").</summary>
public static class ContentRuleIds
{
    /// <summary>A link other than a secure link to Amazon or to a carrier's tracking page (block).</summary>
    public const string Link = "link";

    /// <summary>An e-mail address (block).</summary>
    public const string EmailAddress = "email-address";

    /// <summary>A phone number (block).</summary>
    public const string PhoneNumber = "phone-number";

    /// <summary>Asking for a positive review, rating or feedback (block).</summary>
    public const string PositiveReviewRequest = "positive-review-request";

    /// <summary>Asking to change or remove a review or feedback (block).</summary>
    public const string ReviewChangeRequest = "review-change-request";

    /// <summary>Any incentive tied to a review or feedback (block).</summary>
    public const string ReviewIncentive = "review-incentive";

    /// <summary>Asking the buyer for a review or feedback at all (warn: use Amazon's Request a Review instead).</summary>
    public const string ReviewRequest = "review-request";

    /// <summary>Asking the buyer to withdraw an A-to-Z Guarantee claim or chargeback, or tying a refund to it (block).</summary>
    public const string ClaimWithdrawal = "claim-withdrawal";

    /// <summary>Marketing or promotion: coupons, sales, new products, "visit our store" (block).</summary>
    public const string Marketing = "marketing";

    /// <summary>An attachment of a type Amazon does not accept (block).</summary>
    public const string AttachmentType = "attachment-type";

    /// <summary>Attachments over the size or count limit (block).</summary>
    public const string AttachmentSize = "attachment-size";

    /// <summary>Text over the length limit (block).</summary>
    public const string Length = "length";

    /// <summary>HTML beyond simple formatting: images, links, scripts, tracking pixels (warn).</summary>
    public const string Html = "html";

    /// <summary>Text in a language other than the marketplace's (warn).</summary>
    public const string Language = "language";

    /// <summary>Wording that reads as an automated reply (warn).</summary>
    public const string AutomatedWording = "automated-wording";

    /// <summary>A message only to say thanks or to confirm what Amazon already confirms (warn).</summary>
    public const string UnnecessaryMessage = "unnecessary-message";

    /// <summary>The check did not finish in time (warn).</summary>
    public const string CheckIncomplete = "check-incomplete";
}
