using NodaTime;

namespace BuyerMessaging.Tests;

public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task InsertConversationAsync_EveryFieldSet_RoundTrips()
    {
        var conversation = await AddConversationAsync(c => c with
        {
            StoreId = StoreB,
            ChannelId = ChannelB1,
            Buyer = new Buyer("山田 太郎", "abcdefgh1234567+x9@marketplace.amazon.co.jp", IsRelayAlias: true),
            OrderId = "250-1234567-7654321",
            Subject = "配達状況について",
            MessageType = BuyerMessageType.ShippingInquiry,
            Language = "ja",
            Status = ConversationStatus.AwaitingBuyer,
            FolderId = new FolderId("vip"),
            Assignee = new AgentId("agent-7"),
            Tags = ["urgent", "配送", "b"],
            ReadAt = T0 + Duration.FromMinutes(5),
            SellerReplyCount = 2,
            MessageCount = 5,
            FirstInboundAt = T0 - Duration.FromDays(2),
            LastInboundAt = T0,
            FirstOutboundAt = T0 - Duration.FromDays(1),
            LastOutboundAt = T0 + Duration.FromMinutes(1),
            UpdatedAt = T0 + Duration.FromMinutes(6),
            SlaDueAt = T0 + Duration.FromHours(24),
            NoReplyNeeded = true,
            Version = 7,
        });

        AssertEquivalent(conversation, await Store.GetConversationAsync(conversation.Id));
        await InTransactionAsync(async tx => AssertEquivalent(conversation, await tx.GetConversationAsync(conversation.Id)));
    }

    [Fact]
    public async Task InsertConversationAsync_OptionalFieldsEmpty_RoundTrips()
    {
        var conversation = await AddConversationAsync(c => c with
        {
            Buyer = new Buyer(null, "someone@example.com", IsRelayAlias: false),
            Subject = string.Empty,
            Tags = [],
        });

        var stored = await Store.GetConversationAsync(conversation.Id);

        AssertEquivalent(conversation, stored);
        Assert.Null(stored!.OrderId);
        Assert.Null(stored.FolderId);
        Assert.Null(stored.Assignee);
        Assert.Null(stored.ReadAt);
        Assert.Null(stored.SlaDueAt);
        Assert.Empty(stored.Tags);
    }

    [Fact]
    public async Task InsertConversationAsync_InstantsWithTickPrecision_RoundTripLosslessly()
    {
        var odd = T0 + Duration.FromTicks(1_234_567);
        var conversation = await AddConversationAsync(c => c with
        {
            FirstInboundAt = Instant.FromUtc(1969, 7, 20, 20, 17, 40) + Duration.FromTicks(1),
            LastInboundAt = odd,
            UpdatedAt = odd + Duration.FromTicks(1),
            ReadAt = odd - Duration.FromTicks(1),
            SlaDueAt = Instant.FromUtc(2100, 1, 1, 0, 0) + Duration.FromTicks(9_999_999),
        });

        AssertEquivalent(conversation, await Store.GetConversationAsync(conversation.Id));
    }

    [Fact]
    public async Task InsertConversationAsync_ExistingId_ThrowsInvalidOperationException()
    {
        var conversation = await AddConversationAsync();

        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await transaction.InsertConversationAsync(conversation with { Subject = "other" }));
        }

        AssertEquivalent(conversation, await Store.GetConversationAsync(conversation.Id));
    }

    [Fact]
    public async Task GetConversationAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetConversationAsync(new ConversationId("nope")));
        await InTransactionAsync(async tx => Assert.Null(await tx.GetConversationAsync(new ConversationId("nope"))));
    }

    [Fact]
    public async Task UpdateConversationAsync_NextVersion_ReplacesEveryField()
    {
        var conversation = await AddConversationAsync(c => c with { Tags = ["a"] });
        var updated = conversation with
        {
            OrderId = "111-2345678-1234567",
            Subject = "Re: Where is my parcel?",
            Status = ConversationStatus.Resolved,
            FolderId = new FolderId("archive"),
            Assignee = new AgentId("agent-1"),
            Tags = ["a", "b"],
            ReadAt = T0 + Duration.FromHours(1),
            SellerReplyCount = 1,
            MessageCount = 2,
            LastOutboundAt = T0 + Duration.FromHours(1),
            FirstOutboundAt = T0 + Duration.FromHours(1),
            UpdatedAt = T0 + Duration.FromHours(1),
            SlaDueAt = T0 + Duration.FromHours(30),
            Version = 2,
        };

        await InTransactionAsync(async tx => await tx.UpdateConversationAsync(updated));

        AssertEquivalent(updated, await Store.GetConversationAsync(conversation.Id));
    }

    [Fact]
    public async Task UpdateConversationAsync_SameVersion_ThrowsConcurrencyException()
    {
        var conversation = await AddConversationAsync();

        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            var ex = await Assert.ThrowsAsync<ConcurrencyException>(async () => await transaction.UpdateConversationAsync(conversation with { Subject = "changed" }));
            Assert.Equal(conversation.Id, ex.ConversationId);
            await Assert.ThrowsAsync<ConcurrencyException>(async () => await transaction.UpdateConversationAsync(conversation with { Version = 3 }));
        }

        AssertEquivalent(conversation, await Store.GetConversationAsync(conversation.Id));
    }

    [Fact]
    public async Task UpdateConversationAsync_StaleCopyAfterAnotherUpdate_ThrowsConcurrencyException()
    {
        var conversation = await AddConversationAsync();
        await InTransactionAsync(async tx => await tx.UpdateConversationAsync(conversation with { Status = ConversationStatus.Pending, Version = 2 }));

        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            await Assert.ThrowsAsync<ConcurrencyException>(async () => await transaction.UpdateConversationAsync(conversation with { Status = ConversationStatus.Resolved, Version = 2 }));
        }

        Assert.Equal(ConversationStatus.Pending, (await Store.GetConversationAsync(conversation.Id))!.Status);
    }

    [Fact]
    public async Task UpdateConversationAsync_UnknownConversation_ThrowsConcurrencyException()
    {
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            var id = await transaction.NewConversationIdAsync();
            await Assert.ThrowsAsync<ConcurrencyException>(async () => await transaction.UpdateConversationAsync(NewConversation(id) with { Version = 2 }));
        }
    }

    [Fact]
    public async Task InsertMessageAsync_EveryFieldSet_RoundTrips()
    {
        var conversation = await AddConversationAsync();
        var message = await AddMessageAsync(conversation.Id, m => m with
        {
            ChannelId = ChannelA2,
            Direction = MessageDirection.OutboundReply,
            ExternalId = "imap:42:1001",
            InternetMessageId = "reply-1@shop.example",
            InReplyTo = "m1@example.com",
            References = ["m0@example.com", "m1@example.com"],
            From = new MailParticipant("Northwind Support", "support@northwind.example"),
            To = [new MailParticipant("Jane Doe", "jane@example.com"), new MailParticipant(null, "orders@example.com")],
            Cc = [new MailParticipant("Team \"Lead\"", "lead@northwind.example")],
            Subject = "Re: Where is my parcel?",
            Text = "It ships today.\r\n今日発送します。",
            Html = "<p>It ships <b>today</b>.</p>",
            Attachments =
            [
                new MessageAttachment { FileName = "label.pdf", ContentType = "application/pdf", Content = new byte[] { 0x25, 0x50, 0x44, 0x46, 0, 255 } },
                new MessageAttachment { FileName = "写真.jpg", ContentType = "image/jpeg", Content = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray() },
                new MessageAttachment
                {
                    FileName = "cut.jpg",
                    ContentType = "image/jpeg",
                    Content = new byte[] { 0xFF, 0xD8, 0xFF },
                    Defect = "its base64 content is cut short: the 3 bytes that could be decoded are kept, and the file may be incomplete or damaged",
                },
            ],
            At = T0 + Duration.FromTicks(12_345),
            SentAt = T0 - Duration.FromSeconds(3),
            Author = new AgentId("agent-7"),
        });

        AssertEquivalent(message, Assert.Single(await Store.GetMessagesAsync(conversation.Id)));
    }

    [Fact]
    public async Task InsertMessageAsync_OptionalFieldsEmpty_RoundTrips()
    {
        var conversation = await AddConversationAsync();
        var message = await AddMessageAsync(conversation.Id, m => m with
        {
            From = new MailParticipant(null, "jane@example.com"),
            Subject = string.Empty,
            Text = string.Empty,
            Attachments = [new MessageAttachment { FileName = "empty.txt", ContentType = "text/plain", Content = ReadOnlyMemory<byte>.Empty }],
        });

        var stored = Assert.Single(await Store.GetMessagesAsync(conversation.Id));

        AssertEquivalent(message, stored);
        Assert.Null(stored.Html);
        Assert.Null(stored.ExternalId);
        Assert.Null(stored.SentAt);
        Assert.Empty(stored.References);
        Assert.Empty(stored.To);
        Assert.Equal(0, stored.Attachments[0].Size);
    }

    [Fact]
    public async Task InsertMessageAsync_UnknownConversation_ThrowsInvalidOperationException()
    {
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            var message = NewMessage(await transaction.NewMessageIdAsync(), new ConversationId("missing"));
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await transaction.InsertMessageAsync(message));
        }
    }

    [Fact]
    public async Task GetMessagesAsync_SeveralMessages_OrdersByAtThenByInsertion()
    {
        var conversation = await AddConversationAsync();
        var late = await AddMessageAsync(conversation.Id, m => m with { At = T0 + Duration.FromHours(2), Text = "late" });
        var firstTie = await AddMessageAsync(conversation.Id, m => m with { At = T0 + Duration.FromHours(1), Text = "tie 1" });
        var early = await AddMessageAsync(conversation.Id, m => m with { At = T0, Text = "early" });
        var secondTie = await AddMessageAsync(conversation.Id, m => m with { At = T0 + Duration.FromHours(1), Text = "tie 2" });
        var other = await AddConversationAsync();
        await AddMessageAsync(other.Id);

        var messages = await Store.GetMessagesAsync(conversation.Id);

        Assert.Equal([early.Id, firstTie.Id, secondTie.Id, late.Id], messages.Select(m => m.Id));
    }

    [Fact]
    public async Task GetMessagesAsync_WithoutAttachments_EveryOtherFieldAndTheOrderAsWhole()
    {
        var conversation = await AddConversationAsync();
        var photo = new MessageAttachment { FileName = "写真.jpg", ContentType = "image/jpeg", Content = new byte[] { 1, 2, 3 } };
        await AddMessageAsync(conversation.Id, m => m with { At = T0 + Duration.FromHours(1), Text = "later", Attachments = [photo, photo] });
        await AddMessageAsync(conversation.Id, m => m with { At = T0, Text = "first", InReplyTo = "x@example.com", References = ["x@example.com"] });

        var whole = await Store.GetMessagesAsync(conversation.Id, MessageReading.Whole);
        var light = await Store.GetMessagesAsync(conversation.Id, MessageReading.WithoutAttachments);

        Assert.Equal(2, whole[1].Attachments.Count);
        Assert.Equal(whole.Count, light.Count);
        for (var i = 0; i < whole.Count; i++)
        {
            Assert.Empty(light[i].Attachments);
            AssertEquivalent(whole[i] with { Attachments = [] }, light[i]);
        }

        Assert.Equal(2, (await Store.GetMessagesAsync(conversation.Id))[1].Attachments.Count);
        Assert.Empty(await Store.GetMessagesAsync(new ConversationId("nope"), MessageReading.WithoutAttachments));
    }

    [Fact]
    public async Task GetMessagesAsync_UnknownConversation_ReturnsEmpty() =>
        Assert.Empty(await Store.GetMessagesAsync(new ConversationId("nope")));

    [Fact]
    public async Task GetHistoryAsync_AppendedInSeveralTransactions_ReturnsAppendOrder()
    {
        var a = await AddConversationAsync();
        var b = await AddConversationAsync();
        ConversationChange[] first =
        [
            new(a.Id, T0, "system", ChangeKinds.Created, null, "Open"),
            new(b.Id, T0, "system", ChangeKinds.Created, null, "Open"),
            new(a.Id, T0, "system", ChangeKinds.InboundMessage, null, "1"),
        ];
        ConversationChange[] second =
        [
            new(a.Id, T0 - Duration.FromHours(1), "agent-1", ChangeKinds.Status, "Open", "Pending"),
            new(a.Id, T0 + Duration.FromTicks(1), "rule:VIP", ChangeKinds.TagAdded, null, "vip"),
        ];
        await InTransactionAsync(async tx => await tx.AppendHistoryAsync(first));
        await InTransactionAsync(async tx => await tx.AppendHistoryAsync(second));

        Assert.Equal([first[0], first[2], second[0], second[1]], await Store.GetHistoryAsync(a.Id));
        Assert.Equal([first[1]], await Store.GetHistoryAsync(b.Id));
        Assert.Empty(await Store.GetHistoryAsync(new ConversationId("nope")));
    }

    [Fact]
    public async Task IsParticipantAsync_AddressInAnyCase_ReturnsTrue()
    {
        var conversation = await AddConversationAsync();
        var other = await AddConversationAsync();
        await InTransactionAsync(async tx => await tx.AddParticipantsAsync(conversation.Id, ["Jane.Doe@Example.COM", "orders@shop.example"]));

        await InTransactionAsync(async tx =>
        {
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "jane.doe@example.com"));
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "JANE.DOE@EXAMPLE.COM"));
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "Orders@Shop.Example"));
            Assert.False(await tx.IsParticipantAsync(conversation.Id, "stranger@example.com"));
            Assert.False(await tx.IsParticipantAsync(other.Id, "jane.doe@example.com"));
        });
    }

    /// <summary>
    /// Addresses compare by their invariant lower case, as <see cref="ThreadingKeys.BuyerKey"/> does: KELVIN SIGN (U+212A)
    /// lower-cases to k, and LATIN SMALL LETTER LONG S (U+017F) is lower case already, whatever its upper case.
    /// </summary>
    [Fact]
    public async Task IsParticipantAsync_AddressesEqualInLowerCase_ReturnsTrueAndOthersFalse()
    {
        var conversation = await AddConversationAsync();
        await InTransactionAsync(async tx => await tx.AddParticipantsAsync(conversation.Id, ["\u212Aelvin@mail.example", "\u017Fam@mail.example"]));

        await InTransactionAsync(async tx =>
        {
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "kelvin@mail.example"));
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "\u212AELVIN@MAIL.EXAMPLE"));
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "\u017Fam@Mail.Example"));
            Assert.False(await tx.IsParticipantAsync(conversation.Id, "sam@mail.example"));
        });
    }

    [Fact]
    public async Task AddParticipantsAsync_SameAddressesAgain_IsIdempotent()
    {
        var conversation = await AddConversationAsync();
        await InTransactionAsync(async tx => await tx.AddParticipantsAsync(conversation.Id, ["jane@example.com", "JANE@example.com"]));
        await InTransactionAsync(async tx => await tx.AddParticipantsAsync(conversation.Id, ["Jane@Example.com", "bob@example.com"]));

        await InTransactionAsync(async tx =>
        {
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "jane@example.com"));
            Assert.True(await tx.IsParticipantAsync(conversation.Id, "bob@example.com"));
        });
    }

    [Fact]
    public async Task FindMessageByExternalIdAsync_SameIdOnTwoChannels_FindsTheOneOfTheChannel()
    {
        var conversation = await AddConversationAsync();
        var onA1 = await AddMessageAsync(conversation.Id, m => m with
        {
            ExternalId = "uid:7",
            Attachments = [new MessageAttachment { FileName = "a.png", ContentType = "image/png", Content = new byte[] { 1, 2, 3 } }],
        });
        var onA2 = await AddMessageAsync(conversation.Id, m => m with { ChannelId = ChannelA2, ExternalId = "uid:7" });

        await InTransactionAsync(async tx =>
        {
            Assert.Equal(MessageLocation.Of(onA1), await tx.FindMessageByExternalIdAsync(ChannelA1, "uid:7"));
            Assert.Equal(MessageLocation.Of(onA2), await tx.FindMessageByExternalIdAsync(ChannelA2, "uid:7"));
            Assert.Null(await tx.FindMessageByExternalIdAsync(ChannelB1, "uid:7"));
            Assert.Null(await tx.FindMessageByExternalIdAsync(ChannelA1, "UID:7"));
        });
    }

    [Fact]
    public async Task FindMessageByInternetMessageIdAsync_SharedIdInStore_FindsTheOldest()
    {
        var a = await AddConversationAsync();
        var b = await AddConversationAsync(c => c with { StoreId = StoreB, ChannelId = ChannelB1 });
        var first = await AddMessageAsync(a.Id, m => m with { InternetMessageId = "shared@example.com", At = T0 });
        await AddMessageAsync(a.Id, m => m with { InternetMessageId = "shared@example.com", At = T0 + Duration.FromHours(1) });
        var inStoreB = await AddMessageAsync(b.Id, m => m with { ChannelId = ChannelB1, InternetMessageId = "shared@example.com" });

        await InTransactionAsync(async tx =>
        {
            Assert.Equal(MessageLocation.Of(first), await tx.FindMessageByInternetMessageIdAsync(StoreA, "shared@example.com"));
            Assert.Equal(MessageLocation.Of(inStoreB), await tx.FindMessageByInternetMessageIdAsync(StoreB, "shared@example.com"));
            Assert.Null(await tx.FindMessageByInternetMessageIdAsync(StoreA, "Shared@example.com"));
            Assert.Null(await tx.FindMessageByInternetMessageIdAsync(StoreA, "other@example.com"));
        });
    }

    [Fact]
    public async Task FindMessageReferencingAsync_RepliesStoredBeforeTheirParent_FindsTheFirstStoredReplyOfTheStoreInAConversationOfTheParticipant()
    {
        var stranger = await AddConversationAsync();
        var a = await AddConversationAsync();
        var b = await AddConversationAsync(c => c with { StoreId = StoreB, ChannelId = ChannelB1 });
        await InTransactionAsync(async tx =>
        {
            await tx.AddParticipantsAsync(stranger.Id, ["mallory@example.org"]);
            await tx.AddParticipantsAsync(a.Id, ["Pat@Example.com"]);
            await tx.AddParticipantsAsync(b.Id, ["pat@example.com"]);
        });
        var strangers = await AddMessageAsync(stranger.Id, m => m with { InternetMessageId = "m@example.org", References = ["parent@example.com"] });
        var reply = await AddMessageAsync(a.Id, m => m with
        {
            InternetMessageId = "reply@example.com",
            InReplyTo = "parent@example.com",
            References = ["root@example.com", "parent@example.com"],
        });
        var later = await AddMessageAsync(a.Id, m => m with
        {
            InternetMessageId = "later@example.com",
            References = ["root@example.com", "parent@example.com", "reply@example.com"],
            At = T0 + Duration.FromHours(1),
        });
        await AddMessageAsync(a.Id, m => m with { InternetMessageId = "self@example.com", InReplyTo = "self@example.com", References = ["self@example.com"] });
        var inStoreB = await AddMessageAsync(b.Id, m => m with { ChannelId = ChannelB1, InternetMessageId = "b@example.com", References = ["root@example.com"] });

        var rolledBack = await Store.BeginTransactionAsync();
        await using (rolledBack)
        {
            await rolledBack.InsertMessageAsync(NewMessage(await rolledBack.NewMessageIdAsync(), a.Id) with
            {
                InternetMessageId = "gone@example.com",
                References = ["never@example.com"],
            });
        }

        await InTransactionAsync(async tx =>
        {
            Assert.Equal(MessageLocation.Of(reply), await tx.FindMessageReferencingAsync(StoreA, "parent@example.com", "pat@example.com"));
            Assert.Equal(MessageLocation.Of(reply), await tx.FindMessageReferencingAsync(StoreA, "parent@example.com", "PAT@example.com"));
            Assert.Equal(MessageLocation.Of(strangers), await tx.FindMessageReferencingAsync(StoreA, "parent@example.com", "mallory@example.org"));
            Assert.Null(await tx.FindMessageReferencingAsync(StoreA, "parent@example.com", "nobody@example.org"));
            Assert.Equal(MessageLocation.Of(reply), await tx.FindMessageReferencingAsync(StoreA, "root@example.com", "pat@example.com"));
            Assert.Equal(MessageLocation.Of(later), await tx.FindMessageReferencingAsync(StoreA, "reply@example.com", "pat@example.com"));
            Assert.Equal(MessageLocation.Of(inStoreB), await tx.FindMessageReferencingAsync(StoreB, "root@example.com", "pat@example.com"));
            Assert.Null(await tx.FindMessageReferencingAsync(StoreB, "parent@example.com", "pat@example.com"));
            Assert.Null(await tx.FindMessageReferencingAsync(StoreA, "Parent@example.com", "pat@example.com"));
            Assert.Null(await tx.FindMessageReferencingAsync(StoreA, "self@example.com", "pat@example.com"));
            Assert.Null(await tx.FindMessageReferencingAsync(StoreA, "never@example.com", "pat@example.com"));
        });
    }

    [Fact]
    public async Task FindMessageReferencingAsync_AMessageNamedByMany_LooksAtTheFirstCandidatesOnly()
    {
        // A mail sent to many in Bcc, named by every reply: only the first ReferencingCandidates replies are looked at.
        var others = await AddConversationAsync();
        var pats = await AddConversationAsync();
        await InTransactionAsync(async tx =>
        {
            await tx.AddParticipantsAsync(others.Id, ["sam@example.com"]);
            await tx.AddParticipantsAsync(pats.Id, ["pat@example.com"]);
        });
        var early = await AddMessageAsync(pats.Id, m => m with { InternetMessageId = "p1@example.com", References = ["early@example.com"] });
        await InTransactionAsync(async tx =>
        {
            for (var i = 0; i < ThreadingKeys.ReferencingCandidates; i++)
            {
                await tx.InsertMessageAsync(NewMessage(await tx.NewMessageIdAsync(), others.Id) with
                {
                    InternetMessageId = $"s{i}@example.com",
                    References = ["blast@example.com", "early@example.com"],
                });
            }
        });
        await AddMessageAsync(pats.Id, m => m with { InternetMessageId = "p2@example.com", References = ["blast@example.com"] });

        await InTransactionAsync(async tx =>
        {
            Assert.Equal(MessageLocation.Of(early), await tx.FindMessageReferencingAsync(StoreA, "early@example.com", "pat@example.com"));
            Assert.Equal(others.Id, (await tx.FindMessageReferencingAsync(StoreA, "blast@example.com", "sam@example.com"))?.ConversationId);
            Assert.Null(await tx.FindMessageReferencingAsync(StoreA, "blast@example.com", "pat@example.com"));
        });
    }

    [Fact]
    public async Task FindConversationByBuyerAndOrderAsync_SeveralMatches_ReturnsMostRecentlyUpdated()
    {
        const string Alias = "abcdefgh1234567@marketplace.amazon.com";
        const string Order = "111-2345678-1234567";
        await AddConversationAsync(c => c with { Buyer = new Buyer(null, Alias, true), OrderId = Order, UpdatedAt = T0 });
        var recent = await AddConversationAsync(c => c with { Buyer = new Buyer(null, "ABCDEFGH1234567+t0k3n@marketplace.amazon.com", true), OrderId = Order, UpdatedAt = T0 + Duration.FromHours(1) });
        await AddConversationAsync(c => c with { Buyer = new Buyer(null, Alias, true), OrderId = "111-0000000-0000000", UpdatedAt = T0 + Duration.FromHours(2) });
        await AddConversationAsync(c => c with { StoreId = StoreB, ChannelId = ChannelB1, Buyer = new Buyer(null, Alias, true), OrderId = Order, UpdatedAt = T0 + Duration.FromHours(3) });

        await InTransactionAsync(async tx =>
        {
            AssertEquivalent(recent, await tx.FindConversationByBuyerAndOrderAsync(StoreA, ThreadingKeys.BuyerKey(Alias), Order));
            Assert.Null(await tx.FindConversationByBuyerAndOrderAsync(StoreA, "someone@marketplace.amazon.com", Order));
            Assert.Null(await tx.FindConversationByBuyerAndOrderAsync(StoreA, ThreadingKeys.BuyerKey(Alias), "999-0000000-0000000"));
        });
    }

    [Fact]
    public async Task FindConversationByBuyerAndOrderAsync_NullOrder_MatchesOnlyConversationsWithoutOrder()
    {
        var withoutOrder = await AddConversationAsync(c => c with { Buyer = new Buyer(null, "buyer@marketplace.amazon.de", true), UpdatedAt = T0 });
        await AddConversationAsync(c => c with { Buyer = new Buyer(null, "buyer@marketplace.amazon.de", true), OrderId = "302-1234567-1234567", UpdatedAt = T0 + Duration.FromHours(1) });

        await InTransactionAsync(async tx =>
        {
            AssertEquivalent(withoutOrder, await tx.FindConversationByBuyerAndOrderAsync(StoreA, "buyer@marketplace.amazon.de", null));
            Assert.Equal("302-1234567-1234567", (await tx.FindConversationByBuyerAndOrderAsync(StoreA, "buyer@marketplace.amazon.de", "302-1234567-1234567"))?.OrderId);
        });
    }

    [Fact]
    public async Task FindConversationByBuyerAndOrderAsync_AfterOrderIdAdded_FindsByNewOrder()
    {
        var conversation = await AddConversationAsync(c => c with { Buyer = new Buyer(null, "buyer@marketplace.amazon.com", true) });
        var updated = conversation with { OrderId = "111-2345678-1234567", Version = 2 };
        await InTransactionAsync(async tx => await tx.UpdateConversationAsync(updated));

        await InTransactionAsync(async tx =>
        {
            AssertEquivalent(updated, await tx.FindConversationByBuyerAndOrderAsync(StoreA, "buyer@marketplace.amazon.com", "111-2345678-1234567"));
            Assert.Null(await tx.FindConversationByBuyerAndOrderAsync(StoreA, "buyer@marketplace.amazon.com", null));
        });
    }

    [Fact]
    public async Task FindConversationBySubjectAsync_SubjectKeyAndNotBefore_FindsRecentSameSubject()
    {
        var old = await AddConversationAsync(c => c with
        {
            Buyer = new Buyer("Bob", "Bob@Example.com", false),
            Subject = "Broken lamp",
            LastInboundAt = T0 - Duration.FromDays(30),
            UpdatedAt = T0 + Duration.FromHours(5),
        });
        var recent = await AddConversationAsync(c => c with
        {
            Buyer = new Buyer("Bob", "bob@example.com", false),
            Subject = "RE: ＢＲＯＫＥＮ   Lamp",
            LastInboundAt = T0 - Duration.FromDays(3),
            UpdatedAt = T0,
        });
        await AddConversationAsync(c => c with
        {
            ChannelId = ChannelA2,
            Buyer = new Buyer("Bob", "bob@example.com", false),
            Subject = "Broken lamp",
            LastInboundAt = T0,
            UpdatedAt = T0 + Duration.FromHours(9),
        });
        var key = ThreadingKeys.SubjectKey("Fwd: Broken lamp");

        await InTransactionAsync(async tx =>
        {
            AssertEquivalent(old, await tx.FindConversationBySubjectAsync(ChannelA1, "bob@example.com", key, T0 - Duration.FromDays(60)));
            AssertEquivalent(recent, await tx.FindConversationBySubjectAsync(ChannelA1, "bob@example.com", key, T0 - Duration.FromDays(14)));
            AssertEquivalent(recent, await tx.FindConversationBySubjectAsync(ChannelA1, "bob@example.com", key, T0 - Duration.FromDays(3)));
            Assert.Null(await tx.FindConversationBySubjectAsync(ChannelA1, "bob@example.com", key, T0 - Duration.FromDays(3) + Duration.FromTicks(1)));
            Assert.Null(await tx.FindConversationBySubjectAsync(ChannelA1, "alice@example.com", key, T0 - Duration.FromDays(60)));
            Assert.Null(await tx.FindConversationBySubjectAsync(ChannelA1, "bob@example.com", ThreadingKeys.SubjectKey("Broken chair"), T0 - Duration.FromDays(60)));
        });
    }
}
