using System.Security.Cryptography;
using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>Builds the outgoing message of a reply: recipients, subject, threading headers, a Message-ID fixed by the idempotency key.</summary>
internal static class ReplyComposer
{
    public static OutgoingMessage Compose(
        OutgoingKind kind, Conversation conversation, Channel channel, Message? answering, RenderedTemplate rendered, string sendKey, TemplateId? template)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (kind == OutgoingKind.AutoReply)
        {
            // RFC 3834: mark the reply automatic so that other responders do not answer it; ask Exchange not to either.
            headers["Auto-Submitted"] = "auto-replied";
            headers["X-Auto-Response-Suppress"] = "All";
        }

        var references = answering is null
            ? []
            : answering.References.Concat(answering.InternetMessageId is { } id ? [id] : []).Distinct(StringComparer.Ordinal).ToList();
        return new OutgoingMessage
        {
            Kind = kind,
            ConversationId = conversation.Id,
            ChannelId = channel.Id,
            To = [new MailParticipant(conversation.Buyer.Name, conversation.Buyer.Address)],
            Subject = rendered.Subject.Length > 0 ? rendered.Subject : ReplySubject(conversation.Subject),
            Text = rendered.Text,
            Html = rendered.Html,
            InternetMessageId = MessageIdFor(sendKey, channel),
            InReplyTo = answering?.InternetMessageId,
            References = references,
            Headers = headers,
            Attachments = rendered.Attachments,
            TemplateId = template,
            AnswersMessageId = answering?.Id,
        };
    }

    public static string ReplySubject(string subject) =>
        subject.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;

    /// <summary>A Message-ID derived from the idempotency key, so every attempt of one send carries the same one.</summary>
    public static string MessageIdFor(string key, Channel channel)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{channel.Id}\n{key}"));
        var domain = channel.Address is { } address && address.LastIndexOf('@') is var at and > 0 ? address[(at + 1)..] : "buyer-messaging.invalid";
        return $"bm.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain}";
    }
}
