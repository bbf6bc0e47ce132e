using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging.Cli;

/// <summary>
/// The names the CLI shows and accepts. On the command line, enum values are case-insensitive and may be written in
/// kebab-case ("awaiting-buyer"), camelCase ("awaitingBuyer") or PascalCase. In JSON, enum values are camelCase
/// ("awaitingBuyer", "shippingInquiry").
/// </summary>
internal static class Names
{
    private static readonly InstantPattern IsoPattern = InstantPattern.ExtendedIso;

    /// <summary>Gets the camelCase JSON name of an enum value ("AwaitingBuyer" gives "awaitingBuyer").</summary>
    public static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Gets the kebab-case name of an enum value ("AwaitingBuyer" gives "awaiting-buyer").</summary>
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var boundary = i > 0 && char.IsUpper(name[i])
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    /// <summary>Parses an enum value written in any case, with or without hyphens or underscores.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = Key(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Key(candidate.ToString()), key, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the kebab-case names of every value, for error messages and help.</summary>
    public static string Choices<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(Kebab));

    /// <summary>Gets the name of a status as the inbox shows it.</summary>
    public static string Display(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "Open",
        ConversationStatus.Pending => "Pending",
        ConversationStatus.AwaitingBuyer => "Awaiting buyer",
        ConversationStatus.Resolved => "Resolved",
        _ => status.ToString(),
    };

    /// <summary>Gets the short name of a buyer message type as the inbox shows it.</summary>
    public static string Display(BuyerMessageType type) => type switch
    {
        BuyerMessageType.Other => "Other",
        BuyerMessageType.ShippingInquiry => "Shipping",
        BuyerMessageType.ReturnRequest => "Return",
        BuyerMessageType.DamagedOrDefective => "Damaged/defective",
        BuyerMessageType.WrongItem => "Wrong item",
        BuyerMessageType.ProductDetails => "Product details",
        BuyerMessageType.OrderInformation => "Order info",
        BuyerMessageType.ProductCustomization => "Customization",
        BuyerMessageType.Cancellation => "Cancellation",
        BuyerMessageType.Refund => "Refund",
        BuyerMessageType.AddressChange => "Address change",
        BuyerMessageType.Invoice => "Invoice",
        BuyerMessageType.AtoZClaim => "A-to-z claim",
        _ => type.ToString(),
    };

    /// <summary>Gets the read state as the inbox's first column shows it: "New", "Read" or blank.</summary>
    public static string Display(ReadState state) => state switch
    {
        ReadState.New => "New",
        ReadState.Read => "Read",
        _ => string.Empty,
    };

    /// <summary>Gets the JSON name of a read state: "new", "read" or "none".</summary>
    public static string Json(ReadState state) => state switch
    {
        ReadState.New => "new",
        ReadState.Read => "read",
        _ => "none",
    };

    /// <summary>Gets the name of a message direction as <c>show</c> prints it.</summary>
    public static string Display(MessageDirection direction) => direction switch
    {
        MessageDirection.Inbound => "Buyer message",
        MessageDirection.OutboundReply => "Reply",
        MessageDirection.SellerNote => "Seller note",
        MessageDirection.ExternalForward => "Forward",
        MessageDirection.AutoReply => "Auto-reply",
        _ => direction.ToString(),
    };

    /// <summary>
    /// Gets the remaining-time column (残り時間) as BigCentral shows it: blank unless an answer is due (and while the
    /// conversation awaits the buyer); "NNh left" before the due instant ("&lt;1h left" in its last hour), "overdue +Nd Nh"
    /// after it. In Japanese, BigCentral's own words: 残りNN時間, 期限切れ+N日(N時間).
    /// </summary>
    public static string Remaining(Conversation conversation, Instant now, bool japanese = false)
    {
        var sla = Sla(conversation, now);
        if (japanese)
        {
            return sla.Format("ja");
        }

        return sla.State switch
        {
            SlaState.Remaining when sla.Left < Duration.FromHours(1) => "<1h left",
            SlaState.Remaining => string.Create(CultureInfo.InvariantCulture, $"{sla.HoursLeft}h left"),
            SlaState.Overdue => string.Create(CultureInfo.InvariantCulture, $"overdue +{sla.DaysOverdue}d {sla.HoursOverdue}h"),
            _ => string.Empty,
        };
    }

    /// <summary>Gets the SLA state of a conversation (<see cref="SlaIndicator"/>); a conversation that awaits the buyer shows none.</summary>
    public static SlaIndicator Sla(Conversation conversation, Instant now) =>
        conversation.Status == ConversationStatus.AwaitingBuyer
            ? new SlaIndicator(SlaState.AwaitingBuyer, null, Duration.Zero)
            : SlaIndicator.Of(conversation, now);

    /// <summary>Formats an instant in the display zone as "yyyy-MM-dd HH:mm".</summary>
    public static string Local(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats an instant in the display zone as "yyyy-MM-dd HH:mm", or "-".</summary>
    public static string Local(Instant? instant, DateTimeZone zone) => instant is { } i ? Local(i, zone) : "-";

    /// <summary>Formats an instant for JSON: ISO-8601 in UTC, for example "2026-11-02T14:03:19Z".</summary>
    public static string Iso(Instant instant) => IsoPattern.Format(instant);

    /// <summary>Formats an optional instant for JSON.</summary>
    public static string? Iso(Instant? instant) => instant is { } i ? Iso(i) : null;

    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('-' or '_' or ' '))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
