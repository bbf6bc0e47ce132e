namespace BuyerMessaging.Internal;

/// <summary>Mail that an auto-reply must never answer (RFC 3834): automatic mail, robots, lists, the seller itself.</summary>
internal static class LoopProtection
{
    private static readonly string[] RobotLocalParts =
    [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster",
        "bounce", "bounces", "listserv", "majordomo",
    ];

    /// <summary>Returns why an auto-reply must not answer a message, or <see langword="null"/> when it may.</summary>
    public static string? Reason(InboundMessage message, IEnumerable<string> sellerAddresses)
    {
        if (message.AutoSubmitted is { } autoSubmitted && !string.Equals(HeaderToken(autoSubmitted), "no", StringComparison.OrdinalIgnoreCase))
        {
            return "the message is Auto-Submitted";
        }

        if (message.Precedence is { } precedence && HeaderToken(precedence).ToLowerInvariant() is "bulk" or "list" or "junk")
        {
            return "the message has Precedence: " + HeaderToken(precedence);
        }

        if (!string.IsNullOrWhiteSpace(message.ListId))
        {
            return "the message comes from a mailing list";
        }

        var address = message.From.Address.Trim();
        var at = address.LastIndexOf('@');
        var local = (at > 0 ? address[..at] : address).ToLowerInvariant();
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        if (RobotLocalParts.Any(r => local == r || local.StartsWith(r + "-", StringComparison.Ordinal) || local.StartsWith(r + ".", StringComparison.Ordinal))
            || local.StartsWith("no-reply", StringComparison.Ordinal) || local.StartsWith("noreply", StringComparison.Ordinal))
        {
            return "the sender is a no-reply or robot address";
        }

        return sellerAddresses.Any(a => string.Equals(a?.Trim(), address, StringComparison.OrdinalIgnoreCase))
            ? "the sender is one of the seller's own addresses"
            : null;
    }

    private static string HeaderToken(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[..semicolon] : value).Trim();
    }
}
