using System.Globalization;
using System.Text;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Generates realistic, distinct raw MIME messages for the benchmarks: Amazon US, DE and JP relay mail (with the
/// relay markers, order block and boilerplate) and support-mailbox mail, with about a third follow-ups in existing
/// threads (same relay alias and order, or In-Reply-To). Deterministic for a given index.
/// </summary>
internal static class SyntheticMail
{
    public static readonly Channel[] Channels =
    [
        new() { Id = new("us"), StoreId = new("s"), Kind = ChannelKind.Amazon, Name = "Amazon.com", CountryCode = "US", Address = "amazon-us@northwind.example" },
        new() { Id = new("de"), StoreId = new("s"), Kind = ChannelKind.Amazon, Name = "Amazon.de", CountryCode = "DE", Address = "amazon-eu@northwind.example" },
        new() { Id = new("jp"), StoreId = new("s"), Kind = ChannelKind.Amazon, Name = "Amazon.co.jp", CountryCode = "JP", Address = "amazon-jp@northwind.example" },
        new() { Id = new("mail"), StoreId = new("s"), Kind = ChannelKind.Mailbox, Name = "Support", Address = "support@northwind.example" },
    ];

    public static async Task ConfigureAsync(IConversationStore store) =>
        await new StoreDirectory(store).SaveAsync(new Store { Id = new("s"), Name = "Northwind" }, Channels);

    public static byte[][] CreateMany(int count, int offset = 0)
    {
        var messages = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            messages[i] = Create(offset + i);
        }

        return messages;
    }

    public static byte[] Create(int index)
    {
        // Every third message follows up the thread two messages back.
        var thread = index % 3 == 2 ? index - 2 : index;
        var followUp = thread != index;
        var kind = thread % 4;
        var alias = string.Create(CultureInfo.InvariantCulture, $"b{thread:x14}");
        var order = string.Create(CultureInfo.InvariantCulture, $"{111 + kind}-{thread % 10_000_000:0000000}-{(thread * 7) % 10_000_000:0000000}");
        var date = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index).ToString("r", CultureInfo.InvariantCulture);
        var messageId = string.Create(CultureInfo.InvariantCulture, $"<m{index}.{thread}@bench.example>");
        var re = followUp ? "RE: " : string.Empty;
        var sb = new StringBuilder(2048);
        switch (kind)
        {
            case 0:
                Headers(sb, $"Jane Doe - Amazon Marketplace <{alias}@marketplace.amazon.com>", "amazon-us@northwind.example", $"{re}Inquiry from Amazon customer Jane Doe (Order: {order})", date, messageId, "us-ascii");
                sb.Append("Order ID ").Append(order).Append(":\r\n1 of Stainless Steel Water Bottle 750 ml [ASIN: B0BENCH001]\r\n\r\n");
                sb.Append("------------- Begin message -------------\r\n\r\n");
                sb.Append(followUp ? "Any update on my parcel? The tracking still shows label created.\r\n" : "Hello, my order has not arrived yet. The tracking number does not work. Could you please check?\r\n");
                sb.Append("\r\n------------- End message -------------\r\n\r\n");
                sb.Append("For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages buyers and sellers send through Amazon.com for two years.\r\n");
                sb.Append("To mark this message as no response needed, click here: https://sellercentral.amazon.com/gp/communication-manager/no-response-needed.html?msg=ABC\r\n\r\n[commMgrTok:AF9E104T7W2Q2]\r\n");
                break;
            case 1:
                Headers(sb, $"Lukas Berger - Amazon Marketplace <{alias}@marketplace.amazon.de>", "amazon-eu@northwind.example", $"{re}Anfrage zur Lieferung von Amazon-Kunde Lukas Berger (Bestellung: {order})", date, messageId, "utf-8");
                sb.Append("------------- Anfang der Nachricht -------------\r\n\r\n");
                sb.Append(followUp ? "Gibt es schon Neuigkeiten zu meiner Bestellung?\r\n" : "Guten Tag, meine Bestellung ist leider noch nicht angekommen. Können Sie bitte die Sendungsverfolgung prüfen?\r\n");
                sb.Append("\r\n------------- Ende der Nachricht -------------\r\n\r\nWichtiger Hinweis: Amazon bewahrt alle Nachrichten zwei Jahre lang auf.\r\n");
                break;
            case 2:
                Headers(sb, $"Misaki - Amazon Marketplace <{alias}@marketplace.amazon.co.jp>", "amazon-jp@northwind.example", $"{re}注文番号 {order} についてのお問い合わせ", date, messageId, "utf-8");
                sb.Append("------------- メッセージはここから -------------\r\n\r\n");
                sb.Append(followUp ? "その後、配送状況はいかがでしょうか。\r\n" : "先週注文した商品がまだ届きません。配達状況を確認していただけますか。よろしくお願いいたします。\r\n");
                sb.Append("\r\n------------- メッセージはここまで -------------\r\n");
                break;
            default:
                Headers(sb, $"Pat Example <pat{thread}@mail.example>", "support@northwind.example", $"{re}Question about my blender", date, messageId, "us-ascii");
                if (followUp)
                {
                    sb.Insert(0, string.Create(CultureInfo.InvariantCulture, $"In-Reply-To: <m{thread}.{thread}@bench.example>\r\nReferences: <m{thread}.{thread}@bench.example>\r\n"));
                }

                sb.Append(followUp ? "Thanks, one more question: is the jar dishwasher safe?\r\n" : "Hi, how do I clean the blade assembly of the blender I bought last week?\r\nThanks, Pat\r\n");
                break;
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Headers(StringBuilder sb, string from, string to, string subject, string date, string messageId, string charset)
    {
        sb.Append("From: ").Append(from).Append("\r\nTo: ").Append(to).Append("\r\nSubject: ");
        if (subject.Any(c => c > 127))
        {
            sb.Append("=?UTF-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))).Append("?=");
        }
        else
        {
            sb.Append(subject);
        }

        sb.Append("\r\nDate: ").Append(date).Append("\r\nMessage-ID: ").Append(messageId)
            .Append("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=").Append(charset)
            .Append("\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    }
}
