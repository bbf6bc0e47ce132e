using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

/// <summary>
/// Ingestion through <see cref="ConversationIngestor"/> against a store: de-duplication, threading, reopening and
/// quarantine. Part of the store contract: every store implementation derives from this class.
/// </summary>
public abstract partial class ConversationIngestorContractTests : IAsyncLifetime
{
    protected FakeClock Clock { get; } = new(TestMail.Start);

    protected IConversationStore Store { get; private set; } = null!;

    protected ConversationIngestor Ingestor { get; private set; } = null!;

    protected abstract Task<IConversationStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Ingestor = CreateIngestor(new IngestionOptions());
        await TestMail.ConfigureAsync(Store);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected ConversationIngestor CreateIngestor(IngestionOptions options) => new(Store, Clock, Options.Create(options));

    [Fact]
    public async Task IngestAsync_NewRelayMessage_CreatesOpenConversationWithEveryField()
    {
        var result = await Ingestor.IngestAsync(TestMail.Relay());

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal(TestMail.AmazonUs, result.ChannelId);
        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.NotNull(c);
        Assert.Equal(TestMail.Northwind, c.StoreId);
        Assert.Equal(TestMail.AmazonUs, c.ChannelId);
        Assert.Equal(new Buyer("Jane Doe", "abcdefgh1234567@marketplace.amazon.com", true), c.Buyer);
        Assert.Equal("111-2345678-1234567", c.OrderId);
        Assert.Equal(BuyerMessageType.ShippingInquiry, c.MessageType);
        Assert.Equal("en", c.Language);
        Assert.Equal(ConversationStatus.Open, c.Status);
        Assert.Equal(TestMail.Start, c.FirstInboundAt);
        Assert.Equal(TestMail.Start, c.LastInboundAt);
        Assert.Equal(1, c.MessageCount);
        Assert.Equal(0, c.SellerReplyCount);
        Assert.True(c.IsUnread);
        var history = await Store.GetHistoryAsync(c.Id);
        Assert.Equal([ChangeKinds.Created, ChangeKinds.InboundMessage], history.Select(h => h.What));
        var messages = await Store.GetMessagesAsync(c.Id);
        var message = Assert.Single(messages);
        Assert.Equal(MessageDirection.Inbound, message.Direction);
        Assert.Equal("Where is my parcel? It has not arrived yet.", message.Text);
    }

    [Fact]
    public async Task IngestAsync_SameMessageTwice_StoresOneMessage()
    {
        var message = TestMail.Relay(messageId: "dup-1@marketplace.amazon.com");
        var first = await Ingestor.IngestAsync(message);
        var second = await Ingestor.IngestAsync(message);
        var third = await Ingestor.IngestAsync(message with { ExternalId = "imap:1:42" });

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, third.Outcome);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(first.ConversationId, third.ConversationId);
        Assert.Single(await Store.GetMessagesAsync(first.ConversationId!.Value));
    }

    [Fact]
    public async Task IngestAsync_SameExternalIdOnSameChannel_IsDuplicateEvenWithNewMessageId()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail() with { ExternalId = "uidvalidity=7;uid=42" });
        var second = await Ingestor.IngestAsync(TestMail.Mail(subject: "Other") with { ExternalId = "uidvalidity=7;uid=42" });

        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public async Task IngestAsync_NoIdsSameRawBytes_IsDuplicate()
    {
        var raw = Encoding.UTF8.GetBytes("From: pat@mail.example\r\nSubject: hi\r\n\r\nhello");
        var message = TestMail.Mail() with { InternetMessageId = null, Raw = raw };

        var first = await Ingestor.IngestAsync(message);
        var second = await Ingestor.IngestAsync(message);

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
    }

    [Fact]
    public async Task IngestAsync_ConcurrentDeliveries_StoreOneMessage()
    {
        var message = TestMail.Mail(messageId: "race@mail.example");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Ingestor.IngestAsync(message))));

        Assert.Single(results, r => r.Outcome == IngestOutcome.Created);
        Assert.Equal(7, results.Count(r => r.Outcome == IngestOutcome.Duplicate));
        Assert.Equal(1, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestAsync_InReplyTo_ThreadsIntoConversation()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(messageId: "m1@mail.example"));
        Clock.Advance(Duration.FromHours(2));
        var second = await Ingestor.IngestAsync(TestMail.Mail(subject: "Another subject", messageId: "m2@mail.example", inReplyTo: "m1@mail.example"));

        Assert.Equal(IngestOutcome.Appended, second.Outcome);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ThreadingMatch.References, second.ThreadedBy);
        var c = (await Store.GetConversationAsync(first.ConversationId!.Value))!;
        Assert.Equal(2, c.MessageCount);
        Assert.Equal(TestMail.Start, c.FirstInboundAt);
        Assert.Equal(TestMail.Start + Duration.FromHours(2), c.LastInboundAt);
    }

    [Fact]
    public async Task IngestAsync_ReferencesWithUnknownNewestId_ThreadsByOlderReference()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(messageId: "root@mail.example"));
        var reply = TestMail.Mail(subject: "x", messageId: "m3@mail.example") with
        {
            InReplyTo = "never-seen@mail.example",
            References = ["root@mail.example", "never-seen@mail.example"],
        };

        var second = await Ingestor.IngestAsync(reply);

        Assert.Equal(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_ParentArrivesAfterItsReplies_JoinsTheirThread()
    {
        // Subjects differ so that only the headers can thread these; the root arrives last.
        var grandChild = await Ingestor.IngestAsync(TestMail.Mail(subject: "c", messageId: "g@mail.example", references: ["root@mail.example", "child@mail.example"]) with
        {
            InReplyTo = "child@mail.example",
        });
        Clock.Advance(Duration.FromMinutes(5));
        var child = await Ingestor.IngestAsync(TestMail.Mail(subject: "b", messageId: "child@mail.example", inReplyTo: "root@mail.example"));
        Clock.Advance(Duration.FromMinutes(5));
        var root = await Ingestor.IngestAsync(TestMail.Mail(subject: "a", messageId: "root@mail.example"));

        Assert.Equal((IngestOutcome.Created, IngestOutcome.Appended, IngestOutcome.Appended), (grandChild.Outcome, child.Outcome, root.Outcome));
        Assert.Equal((ThreadingMatch.LaterReply, ThreadingMatch.LaterReply), (child.ThreadedBy, root.ThreadedBy));
        Assert.Equal([grandChild.ConversationId, grandChild.ConversationId], [child.ConversationId, root.ConversationId]);
        Assert.Equal(3, (await Store.GetConversationAsync(grandChild.ConversationId!.Value))!.MessageCount);
    }

    [Fact]
    public async Task IngestAsync_RepliesToAMessageNeverStored_ShareAThread()
    {
        // A ticket system names its ticket in References, and the ticket is never a message of its own.
        var autoReply = await Ingestor.IngestAsync(TestMail.Mail(subject: "[#33575] AutoReply", messageId: "r1@mail.example", references: ["ticket-33575@mail.example"]));
        Clock.Advance(Duration.FromDays(7));
        var resolved = await Ingestor.IngestAsync(TestMail.Mail(subject: "[#33575] Resolved", messageId: "r2@mail.example", references: ["ticket-33575@mail.example"]));
        var stranger = await Ingestor.IngestAsync(
            TestMail.Mail(from: "stranger@example.org", subject: "[#33575] Me too", messageId: "s1@example.org", references: ["ticket-33575@mail.example"]));

        Assert.Equal(autoReply.ConversationId, resolved.ConversationId);
        Assert.Equal(ThreadingMatch.SharedReference, resolved.ThreadedBy);
        Assert.Equal((IngestOutcome.Created, ThreadingMatch.None), (stranger.Outcome, stranger.ThreadedBy));
    }

    [Fact]
    public async Task IngestAsync_SameBuyerNamingTheSameMissingMessageAboutAnotherOrder_StartsNewConversation()
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay() with { InternetMessageId = "o1@amazon.example", References = ["seller-reply@amazon.example"] });
        var other = TestMail.Relay(orderId: "111-9999999-9999999", subject: "Inquiry from Amazon customer Jane Doe (Order: 111-9999999-9999999)") with
        {
            InternetMessageId = "o2@amazon.example",
            References = ["seller-reply@amazon.example"],
        };

        var second = await Ingestor.IngestAsync(other);

        Assert.Equal(IngestOutcome.Created, second.Outcome);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_ChainsWhoseRepliesNameAllEarlierMessages_OneConversationEachInAnyOrder()
    {
        // As mail clients write them: each reply names its parent in In-Reply-To and the whole chain in References.
        // Subjects differ, so only the headers can thread them; twelve chains of two to six messages, shuffled together.
        var random = new Random(20261123);
        var chains = Enumerable.Range(0, 12).Select(c => Enumerable.Range(0, 2 + (c % 5)).Select(i => $"c{c}m{i}@mail.example").ToList()).ToList();
        var mail = chains.SelectMany((chain, c) => chain.Select((id, i) => TestMail.Mail(
            from: $"buyer{c}@mail.example",
            subject: $"topic {c}-{i}",
            messageId: id,
            inReplyTo: i == 0 ? null : chain[i - 1],
            references: chain.Take(i).ToList()))).ToArray();
        random.Shuffle(mail);

        var results = new Dictionary<string, IngestResult>();
        foreach (var message in mail)
        {
            results[message.InternetMessageId!] = await Ingestor.IngestAsync(message);
            Clock.Advance(Duration.FromMinutes(1));
        }

        Assert.All(results.Values, r => Assert.True(r.Outcome is IngestOutcome.Created or IngestOutcome.Appended));
        foreach (var chain in chains)
        {
            Assert.Single(chain.Select(id => results[id].ConversationId).Distinct());
        }

        Assert.Equal(chains.Count, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestAsync_ParentFromSenderNotInTheRepliesThread_StartsNewConversation()
    {
        var reply = await Ingestor.IngestAsync(TestMail.Mail(subject: "b", messageId: "r1@mail.example", inReplyTo: "p1@example.org"));
        var parent = TestMail.Mail(from: "stranger@example.org", subject: "a", messageId: "p1@example.org");

        var second = await Ingestor.IngestAsync(parent);

        Assert.Equal(IngestOutcome.Created, second.Outcome);
        Assert.NotEqual(reply.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_ReplyFromSenderNotInThread_StartsNewConversation()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(messageId: "a1@mail.example"));
        var stranger = TestMail.Mail(from: "stranger@example.org", subject: "Re: Question about my blender", messageId: "s1@example.org", inReplyTo: "a1@mail.example");

        var second = await Ingestor.IngestAsync(stranger);

        Assert.Equal(IngestOutcome.Created, second.Outcome);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_RecipientOfEarlierMessage_IsAParticipantAndThreads()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(messageId: "cc1@mail.example") with
        {
            Cc = [new MailParticipant("Partner", "partner@example.org")],
        });
        var partner = TestMail.Mail(from: "partner@example.org", subject: "Re: Question about my blender", messageId: "cc2@example.org", inReplyTo: "cc1@mail.example");

        var second = await Ingestor.IngestAsync(partner);

        Assert.Equal(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_RelaySameAliasAndOrder_Threads()
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromDays(2));
        var followUp = TestMail.Relay(
            alias: "abcdefgh1234567+A00135411ZI2YBJ@marketplace.amazon.com",
            subject: "RE: Inquiry from Amazon customer Jane Doe (Order: 111-2345678-1234567)",
            text: "Any news?");

        var second = await Ingestor.IngestAsync(followUp);

        Assert.Equal(IngestOutcome.Appended, second.Outcome);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ThreadingMatch.RelayAliasAndOrder, second.ThreadedBy);
    }

    [Fact]
    public async Task IngestAsync_RelaySameAliasOtherOrder_StartsNewConversation()
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay());
        var other = TestMail.Relay(orderId: "111-9999999-9999999", subject: "Inquiry from Amazon customer Jane Doe (Order: 111-9999999-9999999)");

        var second = await Ingestor.IngestAsync(other);

        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_RelayPreSaleQuestionsWithoutOrder_ThreadTogether()
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay(orderId: null, subject: "Product details inquiry from Amazon customer Jane Doe"));
        var second = await Ingestor.IngestAsync(TestMail.Relay(orderId: null, subject: "RE: Product details inquiry from Amazon customer Jane Doe"));

        Assert.Equal(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_SharedAmazonBusinessAddressWithoutOrder_IsNotThreaded()
    {
        const string shared = "no-reply-amazon-iba-buyer@marketplace.amazon.de";
        var first = await Ingestor.IngestAsync(TestMail.Relay(alias: shared, orderId: null, subject: "Frage", marketplace: "DE", to: "amazon-eu@northwind.example"));
        var second = await Ingestor.IngestAsync(TestMail.Relay(alias: shared, orderId: null, subject: "Frage", marketplace: "DE", to: "amazon-eu@northwind.example"));

        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_SameSubjectSameSender_ThreadsBySubjectFallback()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "Broken lid"));
        Clock.Advance(Duration.FromDays(3));

        var second = await Ingestor.IngestAsync(TestMail.Mail(subject: "RE: AW: Broken LID"));

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal((ThreadingMatch.None, ThreadingMatch.Subject), (first.ThreadedBy, second.ThreadedBy));
    }

    [Fact]
    public async Task IngestAsync_SameSubjectOtherSender_IsNeverMerged()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "Broken lid"));

        var second = await Ingestor.IngestAsync(TestMail.Mail(from: "someone.else@example.org", subject: "Re: Broken lid"));

        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task IngestAsync_SameSubjectAfterWindow_StartsNewConversation()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "Broken lid"));
        Clock.Advance(Duration.FromDays(31));

        var second = await Ingestor.IngestAsync(TestMail.Mail(subject: "Re: Broken lid"));

        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Theory]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Open, true)]
    [InlineData(ConversationStatus.AwaitingBuyer, ConversationStatus.Open, true)]
    [InlineData(ConversationStatus.Pending, ConversationStatus.Pending, false)]
    [InlineData(ConversationStatus.Open, ConversationStatus.Open, false)]
    public async Task IngestAsync_BuyerWritesAgain_ReopensResolvedAndAwaitingBuyer(ConversationStatus before, ConversationStatus after, bool reopened)
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay());
        var editor = new ConversationEditor(Store, Clock);
        await editor.SetStatusAsync(first.ConversationId!.Value, before, new AgentId("kim"));
        await editor.SetNoReplyNeededAsync(first.ConversationId!.Value, true, new AgentId("kim"));
        Clock.Advance(Duration.FromHours(5));

        var second = await Ingestor.IngestAsync(TestMail.Relay(text: "Still nothing."));

        Assert.Equal(reopened, second.Reopened);
        var c = (await Store.GetConversationAsync(first.ConversationId!.Value))!;
        Assert.Equal(after, c.Status);
        Assert.False(c.NoReplyNeeded);
        var history = await Store.GetHistoryAsync(c.Id);
        Assert.Equal(reopened, history.Any(h => h.What == ChangeKinds.Status && h.Actor == "system" && h.To == nameof(ConversationStatus.Open)));
    }

    [Fact]
    public async Task IngestAsync_DamagedMessage_IsIngestedWithItsWarningsAndTheAttachmentsDefectStored()
    {
        const string Defect = "the message ends inside this file, without the closing boundary: the file may be incomplete";
        var message = TestMail.Mail(messageId: "cut@mail.example") with
        {
            Attachments = [new MessageAttachment { FileName = "lamp.jpg", ContentType = "image/jpeg", Content = new byte[] { 0xFF, 0xD8 }, Defect = Defect }],
            Warnings = ["the multipart/mixed body ends without its closing boundary: the message may have been cut short", $"attachment 1 (image/jpeg): {Defect}"],
        };

        var first = await Ingestor.IngestAsync(message);
        var again = await Ingestor.IngestAsync(message);

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal(message.Warnings, first.Warnings);
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Empty(again.Warnings);
        var stored = Assert.Single(await Store.GetMessagesAsync(first.ConversationId!.Value));
        Assert.Equal("How do I clean the blade?", stored.Text);
        Assert.Equal(Defect, Assert.Single(stored.Attachments).Defect);
    }

    [Fact]
    public async Task IngestAsync_UnknownMailbox_QuarantinesWithReasonAndRawBytes()
    {
        var raw = Encoding.UTF8.GetBytes("raw mime");
        var result = await Ingestor.IngestAsync(TestMail.Mail(to: "sales@unknown.example") with { Raw = raw, Source = "x.eml" });

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Contains("sales@unknown.example", result.QuarantineReason, StringComparison.Ordinal);
        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal(result.QuarantineId, item.Id);
        Assert.Equal("x.eml", item.Source);
        Assert.Equal(raw, item.Raw.ToArray());
        Assert.Equal(0, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestAsync_UnknownMarketplace_Quarantines()
    {
        var result = await Ingestor.IngestAsync(TestMail.Relay(alias: "abcdefgh1234567@marketplace.amazon.fr", marketplace: "FR"));

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Contains("FR", result.QuarantineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_DisabledChannel_QuarantinesAndKeepsChannelId()
    {
        await new StoreDirectory(Store).SetEnabledAsync(TestMail.Support, false);

        var result = await Ingestor.IngestAsync(TestMail.Mail());

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Contains("disabled", result.QuarantineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_ParseFailure_QuarantinesWithReason()
    {
        var failed = InboundParseResult.Failed("no From address", new byte[] { 1, 2, 3 }, "bad.eml");

        var result = await Ingestor.IngestAsync(failed);

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal("no From address", item.Reason);
        Assert.Equal(new byte[] { 1, 2, 3 }, item.Raw.ToArray());
    }

    [Fact]
    public async Task IngestAsync_UnknownChannelsWithCreateChannel_CreatesThemInDefaultStore()
    {
        var ingestor = CreateIngestor(new IngestionOptions { UnknownChannel = UnknownChannelHandling.CreateChannel });

        var relay = await ingestor.IngestAsync(TestMail.Relay(alias: "zyxwvuts7654321@marketplace.amazon.co.uk", marketplace: "UK", to: "uk@other.example"));
        var mail = await ingestor.IngestAsync(TestMail.Mail(to: "Help@Other.example"));
        var again = await ingestor.IngestAsync(TestMail.Mail(from: "x@mail.example", to: "help@other.example"));

        Assert.Equal(IngestOutcome.Created, relay.Outcome);
        Assert.Equal(new ChannelId("amazon-uk"), relay.ChannelId);
        Assert.Equal(new ChannelId("mail-help-other-example"), mail.ChannelId);
        Assert.Equal(mail.ChannelId, again.ChannelId);
        var channels = await Store.GetChannelsAsync();
        var uk = Assert.Single(channels, c => c.Id == relay.ChannelId);
        Assert.Equal(new StoreId("default"), uk.StoreId);
        Assert.Equal("A1F83G8C2ARO7P", uk.MarketplaceId);
        Assert.Contains(await Store.GetStoresAsync(), s => s.Id == new StoreId("default"));
    }

    [Fact]
    public async Task IngestAsync_ReceivedAtInThePast_IsTheArrivalInstant_FutureIsClamped()
    {
        var past = TestMail.Start - Duration.FromHours(6);
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "a") with { ReceivedAt = past });
        var second = await Ingestor.IngestAsync(TestMail.Mail(from: "b@mail.example", subject: "b") with { ReceivedAt = TestMail.Start + Duration.FromDays(1) });

        Assert.Equal(past, (await Store.GetConversationAsync(first.ConversationId!.Value))!.FirstInboundAt);
        Assert.Equal(TestMail.Start, (await Store.GetConversationAsync(second.ConversationId!.Value))!.FirstInboundAt);
    }

    [Fact]
    public async Task IngestAsync_MessageWithoutSender_Quarantines()
    {
        var result = await Ingestor.IngestAsync(TestMail.Mail() with { From = new MailParticipant(null, " ") });

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Equal("the message has no sender address", result.QuarantineReason);
    }

    [Fact]
    public async Task IngestAsync_FollowUpFillsMissingOrderTypeAndLanguage()
    {
        var first = await Ingestor.IngestAsync(TestMail.Mail(subject: "Help") with { Language = null, MessageType = BuyerMessageType.Other });
        await Ingestor.IngestAsync(TestMail.Mail(subject: "Re: Help") with { Language = "de", MessageType = BuyerMessageType.ReturnRequest, OrderId = "302-1234567-7654321" });

        var c = (await Store.GetConversationAsync(first.ConversationId!.Value))!;
        Assert.Equal("de", c.Language);
        Assert.Equal(BuyerMessageType.ReturnRequest, c.MessageType);
        Assert.Equal("302-1234567-7654321", c.OrderId);
    }

    [Fact]
    public async Task IngestAsync_JapaneseRelayMail_GoesToTheJapaneseStore()
    {
        var result = await Ingestor.IngestAsync(TestMail.Relay(
            alias: "qwertyuiop12345@marketplace.amazon.co.jp", marketplace: "JP", to: "amazon-jp@sakura-home.example",
            subject: "注文番号 249-1234567-1234567 についてのお問い合わせ", orderId: "249-1234567-1234567", text: "商品がまだ届きません。配達状況を教えてください。"));

        Assert.Equal(TestMail.AmazonJp, result.ChannelId);
        var page = await Store.QueryAsync(new InboxQuery { Text = "配達" });
        Assert.Equal(result.ConversationId, Assert.Single(page.Items).Id);
    }
    [Fact]
    public async Task IngestAsync_RelayMail_GoesToTheChannelReceivingAtItsAddress_ElseToTheMarketplacesOnlyOpenChannel()
    {
        // Two more Amazon US channels of Sakura: one receiving at its own address, one without an address (open), which
        // takes mail to any other address of the marketplace, as long as it is enabled.
        var directory = new StoreDirectory(Store);
        var sakura = new Store { Id = TestMail.Sakura, Name = "Sakura Home" };
        var sakuraUs = new Channel { Id = new ChannelId("sakura-us"), StoreId = TestMail.Sakura, Kind = ChannelKind.Amazon, Name = "Amazon.com", CountryCode = "US", Address = "us@sakura-home.example" };
        var sakuraOpen = sakuraUs with { Id = new ChannelId("sakura-us-open"), Address = null };
        await directory.SaveAsync(sakura, [TestMail.AmazonJpChannel, sakuraUs, sakuraOpen]);

        var addressed = await Ingestor.IngestAsync(TestMail.Relay(alias: "aaaaaaaa1111111@marketplace.amazon.com", to: "US@Sakura-Home.example"));
        var elsewhere = await Ingestor.IngestAsync(TestMail.Relay(alias: "bbbbbbbb2222222@marketplace.amazon.com", to: "someone@else.example"));
        await directory.SaveAsync(sakura, [TestMail.AmazonJpChannel, sakuraUs, sakuraOpen with { Enabled = false }]);
        var whileDisabled = await Ingestor.IngestAsync(TestMail.Relay(alias: "cccccccc3333333@marketplace.amazon.com", to: "someone@else.example"));

        Assert.Equal(sakuraUs.Id, addressed.ChannelId);
        Assert.Equal(sakuraOpen.Id, elsewhere.ChannelId);
        Assert.Equal(IngestOutcome.Quarantined, whileDisabled.Outcome);
        Assert.Equal("channel 'sakura-us-open' is disabled", whileDisabled.QuarantineReason);
    }
}
