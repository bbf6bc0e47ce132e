using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>
/// Deliveries that are not what they seem: a Message-ID another mailer reuses, the same mail through another relay,
/// Amazon's own notices, relay placeholders for the buyer's name, and a backlog imported long after it arrived.
/// </summary>
public abstract partial class ConversationIngestorContractTests
{
    [Fact]
    public async Task IngestAsync_SameMessageIdFromASenderOutsideTheConversation_KeepsBothMessages()
    {
        var alice = TestMail.Mail(from: "alice@mail.example", subject: "Blender lid", text: "The lid is cracked.", messageId: "1@localhost.localdomain");
        var bob = TestMail.Mail(from: "bob@other.example", subject: "Invoice please", text: "Please send me an invoice.", messageId: "1@localhost.localdomain");

        var first = await Ingestor.IngestAsync(alice);
        var second = await Ingestor.IngestAsync(bob);
        var bobAgain = await Ingestor.IngestAsync(bob with { Raw = Encoding.UTF8.GetBytes("Received: by mx2\r\n") });
        var aliceAgain = await Ingestor.IngestAsync(alice);

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal(IngestOutcome.Created, second.Outcome);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.Equal("Please send me an invoice.", Assert.Single(await Store.GetMessagesAsync(second.ConversationId!.Value)).Text);
        Assert.Equal((IngestOutcome.Duplicate, second.MessageId), (bobAgain.Outcome, bobAgain.MessageId));
        Assert.Equal((IngestOutcome.Duplicate, first.MessageId), (aliceAgain.Outcome, aliceAgain.MessageId));
        Assert.Equal(2, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestAsync_SameMailWithoutMessageIdThroughAnotherRelay_IsDuplicate()
    {
        var sent = Instant.FromUtc(2026, 11, 19, 8, 30);
        var viaFirst = TestMail.Mail() with { InternetMessageId = null, SentAt = sent, Raw = Encoding.UTF8.GetBytes("Received: by mx1.example\r\nFrom: pat@mail.example\r\n\r\nHow do I clean the blade?") };
        var viaSecond = viaFirst with { Raw = Encoding.UTF8.GetBytes("Received: by mx2.example\r\nFrom: pat@mail.example\r\n\r\nHow do I clean the blade?") };

        var first = await Ingestor.IngestAsync(viaFirst);
        var second = await Ingestor.IngestAsync(viaSecond);
        var otherText = await Ingestor.IngestAsync(viaSecond with { Text = "And the lid?" });

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal((IngestOutcome.Duplicate, first.MessageId), (second.Outcome, second.MessageId));
        Assert.Equal(IngestOutcome.Appended, otherText.Outcome);
    }

    [Fact]
    public async Task IngestAsync_MailKeyedByItsRawBytesBefore_IsStillDuplicate()
    {
        // Stores written before 2026-12-07 keyed mail without a Message-ID by the SHA-256 of its raw bytes.
        var raw = Encoding.UTF8.GetBytes("From: pat@mail.example\r\nSubject: hi\r\n\r\nhello");
        var legacyKey = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));
        var message = TestMail.Mail() with { InternetMessageId = null, Raw = raw };
        var first = await Ingestor.IngestAsync(message with { ExternalId = legacyKey });

        var again = await Ingestor.IngestAsync(message);

        Assert.Equal((IngestOutcome.Duplicate, first.MessageId), (again.Outcome, again.MessageId));
    }

    [Fact]
    public async Task IngestAsync_AmazonNotice_OpensConversationWithoutReplyClock()
    {
        var notice = TestMail.Relay(
            alias: "atoz-guarantee-no-reply@amazon.com",
            subject: "A-to-z Guarantee claim filed for order 111-2345678-1234567",
            text: "The buyer has filed an A-to-z Guarantee claim.",
            type: BuyerMessageType.AtoZClaim) with { AmazonNotificationType = "A_Z_CLAIM_RESPONDENT_NOTIFY", BuyerName = null };
        Assert.True(notice.IsAmazonNotice);
        Assert.False(TestMail.Relay().IsAmazonNotice);

        var result = await Ingestor.IngestAsync(notice);

        var conversation = (await Store.GetConversationAsync(result.ConversationId!.Value))!;
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.True(conversation.NoReplyNeeded);
        Assert.Null(conversation.SlaDueAt);
        Assert.Contains(await Store.GetHistoryAsync(conversation.Id), c => c.What == ChangeKinds.NoReplyNeeded && c.To == "true");

        // A buyer message still starts the clock.
        var buyer = await Ingestor.IngestAsync(TestMail.Relay());
        Assert.NotNull((await Store.GetConversationAsync(buyer.ConversationId!.Value))!.SlaDueAt);
    }

    [Fact]
    public async Task IngestAsync_AmazonNoticeJoiningAnsweredThread_NeitherReopensNorRestartsTheClock()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(from: "donotreply@amazon.de", subject: "Rücksendung angefordert", to: "amazon-eu@northwind.example") with { ChannelKind = ChannelKind.Amazon, Marketplace = "DE" });
        Assert.Null(first.QuarantineReason);
        var id = first.ConversationId!.Value;
        var editor = new ConversationEditor(Store, Clock);
        await editor.SetNoReplyNeededAsync(id, false, new AgentId("kim"));
        await editor.SetStatusAsync(id, ConversationStatus.Resolved, new AgentId("kim"));
        Clock.Advance(Duration.FromHours(2));

        var second = await Ingestor.IngestAsync(TestMail.Mail(from: "donotreply@amazon.de", subject: "Re: Rücksendung angefordert", to: "amazon-eu@northwind.example") with { ChannelKind = ChannelKind.Amazon, Marketplace = "DE" });

        Assert.Equal((IngestOutcome.Appended, id), (second.Outcome, second.ConversationId!.Value));
        var conversation = (await Store.GetConversationAsync(id))!;
        Assert.Equal(ConversationStatus.Resolved, conversation.Status);
        Assert.Null(conversation.SlaDueAt);
    }

    [Theory]
    [InlineData("Amazon Customer - Amazon Marketplace")]
    [InlineData("Amazon Business EU SARL - Amazon Marketplace")]
    public async Task IngestAsync_RelayMailWithoutBuyerName_DoesNotShowTheRelayDisplayName(string displayName)
    {
        var message = TestMail.Relay() with { BuyerName = null, From = new MailParticipant(displayName, "abcdefgh1234567@marketplace.amazon.com") };

        var result = await Ingestor.IngestAsync(message);

        Assert.Null((await Store.GetConversationAsync(result.ConversationId!.Value))!.Buyer.Name);
        var mail = await Ingestor.IngestAsync(TestMail.Mail() with { BuyerName = null });
        Assert.Equal("Pat Example", (await Store.GetConversationAsync(mail.ConversationId!.Value))!.Buyer.Name);
    }

    [Fact]
    public async Task IngestAsync_BacklogImportedLongAfter_ThreadsBySubjectWithinTheWindowOfItsArrival()
    {
        Clock.Advance(Duration.FromDays(90));
        var received = TestMail.Start;
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "Broken lid") with { ReceivedAt = received });
        var second = await Ingestor.IngestAsync(TestMail.Mail(subject: "Re: Broken lid") with { ReceivedAt = received + Duration.FromDays(3) });
        var late = await Ingestor.IngestAsync(TestMail.Mail(subject: "Re: Broken lid") with { ReceivedAt = received + Duration.FromDays(40) });

        Assert.Equal((first.ConversationId, ThreadingMatch.Subject), (second.ConversationId, second.ThreadedBy));
        Assert.NotEqual(first.ConversationId, late.ConversationId);
    }

    // Copies of replies the seller sent elsewhere (Seller Central, a mail client) are recorded as the seller's replies.
    [Fact]
    public async Task IngestAsync_AmazonCopyOfSellerReply_IsRecordedAsReplyInTheBuyersConversation()
    {
        var question = await Ingestor.IngestAsync(TestMail.Relay());
        Assert.NotNull((await Store.GetConversationAsync(question.ConversationId!.Value))!.SlaDueAt);
        Clock.Advance(Duration.FromHours(2));

        var copy = await Ingestor.IngestAsync(TestMail.Relay(subject: "Your e-mail to Jane Doe (Order: 111-2345678-1234567)", text: "Your parcel left our warehouse today.")
            with { Direction = MessageDirection.OutboundReply });

        Assert.Equal((IngestOutcome.Appended, question.ConversationId, ThreadingMatch.RelayAliasAndOrder), (copy.Outcome, copy.ConversationId, copy.ThreadedBy));
        var conversation = (await Store.GetConversationAsync(question.ConversationId!.Value))!;
        Assert.Equal(ConversationStatus.AwaitingBuyer, conversation.Status);
        Assert.Equal(1, conversation.SellerReplyCount);
        Assert.Null(conversation.SlaDueAt);
        Assert.Equal(TestMail.Start + Duration.FromHours(2), conversation.LastOutboundAt);
        Assert.Equal(TestMail.Start, conversation.LastInboundAt);
        var messages = await Store.GetMessagesAsync(conversation.Id);
        Assert.Equal([MessageDirection.Inbound, MessageDirection.OutboundReply], messages.Select(m => m.Direction));
        Assert.Contains(await Store.GetHistoryAsync(conversation.Id), c => c.What == ChangeKinds.Reply && c.To == copy.MessageId!.Value.Value);

        // The buyer writes again: the conversation reopens and the clock starts again.
        Clock.Advance(Duration.FromHours(1));
        await Ingestor.IngestAsync(TestMail.Relay(text: "Thanks, and the tracking number?"));
        conversation = (await Store.GetConversationAsync(conversation.Id))!;
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.NotNull(conversation.SlaDueAt);
    }

    [Fact]
    public async Task IngestAsync_CopyOfReplyWithoutThread_OpensConversationAwaitingTheBuyer()
    {
        var copy = await Ingestor.IngestAsync(TestMail.Relay(alias: "zyxwvut7654321@marketplace.amazon.com", orderId: "111-0000000-0000001", text: "We have refunded you.") with
        {
            Direction = MessageDirection.OutboundReply,
            BuyerName = "Sam Buyer",
        });

        Assert.Equal(IngestOutcome.Created, copy.Outcome);
        var conversation = (await Store.GetConversationAsync(copy.ConversationId!.Value))!;
        Assert.Equal((ConversationStatus.AwaitingBuyer, 1, "Sam Buyer"), (conversation.Status, conversation.SellerReplyCount, conversation.Buyer.Name));
        Assert.Null(conversation.SlaDueAt);
        Assert.Equal(MessageDirection.OutboundReply, Assert.Single(await Store.GetMessagesAsync(conversation.Id)).Direction);
    }

    [Fact]
    public async Task IngestAsync_SentFolderCopyOfReply_ThreadsByReferencesAsTheSellersReply()
    {
        var question = await Ingestor.IngestAsync(TestMail.Mail(messageId: "q1@mail.example"));

        var sent = await Ingestor.IngestAsync(TestMail.Mail(
            from: "support@northwind.example", to: "pat@mail.example", subject: "Re: Question about my blender", text: "Rinse it under warm water.", inReplyTo: "q1@mail.example")
            with { Direction = MessageDirection.OutboundReply });

        Assert.Equal((IngestOutcome.Appended, question.ConversationId), (sent.Outcome, sent.ConversationId));
        var conversation = (await Store.GetConversationAsync(question.ConversationId!.Value))!;
        Assert.Equal((ConversationStatus.AwaitingBuyer, 1), (conversation.Status, conversation.SellerReplyCount));
        Assert.Equal("pat@mail.example", conversation.Buyer.Address);
    }

    [Fact]
    public async Task IngestAsync_NoteOrForwardDirection_IsQuarantined()
    {
        var result = await Ingestor.IngestAsync(TestMail.Mail() with { Direction = MessageDirection.SellerNote });

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Contains("SellerNote", result.QuarantineReason, StringComparison.Ordinal);
    }
}
