namespace BuyerMessaging;

/// <summary>Options of the <see cref="AmazonContentChecker"/>: limits, allowed links and attachment types, and the rule set.</summary>
public sealed class ContentCheckOptions
{
    /// <summary>Gets or sets the longest text, in characters.</summary>
    /// <value>The default value is 2000, the limit of the Selling Partner API's messaging text (messaging.json, maxLength).</value>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Gets or sets the largest total size of a message's attachments, in bytes.</summary>
    /// <value>The default value is 10 MB, the Buyer-Seller Messaging limit.</value>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the most attachments per message.</summary>
    /// <value>The default value is 5, the Selling Partner API's limit.</value>
    public int MaxAttachments { get; set; } = 5;

    /// <summary>Gets the attachment content types Amazon accepts (compared case-insensitively; "image/*" accepts every image type listed by Amazon).</summary>
    /// <value>The default value is <see cref="AmazonContentRules.DefaultAttachmentTypes"/>.</value>
    public IList<string> AllowedAttachmentTypes { get; } = [.. AmazonContentRules.DefaultAttachmentTypes];

    /// <summary>
    /// Gets the domains that https links may point to besides Amazon's own (a domain also allows its subdomains).
    /// </summary>
    /// <value>The default value is <see cref="AmazonContentRules.DefaultAllowedLinkDomains"/> (carriers' tracking sites).</value>
    public IList<string> AllowedLinkDomains { get; } = [.. AmazonContentRules.DefaultAllowedLinkDomains];

    /// <summary>Gets the phrase rules (English, Japanese, German, French, Spanish, Italian, Dutch, Polish, Swedish and Turkish by default); add, remove or replace rules here.</summary>
    /// <value>The default value is <see cref="AmazonContentRules.DefaultPhraseRules"/>.</value>
    public IList<ContentPhraseRule> PhraseRules { get; } = [.. AmazonContentRules.DefaultPhraseRules];

    /// <summary>Gets rules written in code that run after the built-in ones.</summary>
    public IList<IContentRule> CustomRules { get; } = [];

    /// <summary>Gets the ids of rules that do not run.</summary>
    public ISet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets severities that replace a rule's own (for example make <see cref="ContentRuleIds.Language"/> block).</summary>
    public IDictionary<string, ContentSeverity> SeverityOverrides { get; } = new Dictionary<string, ContentSeverity>(StringComparer.Ordinal);
}
