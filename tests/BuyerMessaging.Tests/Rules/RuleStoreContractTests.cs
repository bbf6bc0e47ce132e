namespace BuyerMessaging.Tests;

/// <summary>
/// Persistence of rules, agents, templates and favourites. Part of the store contract: every store implementation
/// derives from this class.
/// </summary>
public abstract class RuleStoreContractTests : IAsyncLifetime
{
    protected IConversationStore Store { get; private set; } = null!;

    protected abstract Task<IConversationStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static Rule SampleRule(string id, int order = 0) => new()
    {
        Id = new(id),
        Name = "Rule " + id,
        Order = order,
        Enabled = false,
        Scope = new RuleScope { Marketplaces = ["JP"], Stores = [TestMail.Sakura] },
        MatchMode = RuleMatchMode.Any,
        Conditions = [RuleCondition.SubjectContains("配達"), RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest), RuleCondition.FollowUp()],
        Actions = [RuleAction.MoveToFolder(SystemFolders.Pending), RuleAction.AssignAgent(new AgentId("kim")), RuleAction.AddTag("タグ"), RuleAction.MarkNoReplyNeeded()],
        StopProcessing = true,
    };

    private async Task WriteAsync(Func<IStoreTransaction, ValueTask> write, bool commit = true)
    {
        await using var tx = await Store.BeginTransactionAsync();
        await write(tx);
        if (commit)
        {
            await tx.CommitAsync();
        }
    }

    [Fact]
    public async Task Rules_SaveReadDelete_InRunningOrderWithEveryMember()
    {
        await WriteAsync(async tx =>
        {
            await tx.SaveRuleAsync(SampleRule("b", 1));
            await tx.SaveRuleAsync(SampleRule("a", 1));
            await tx.SaveRuleAsync(SampleRule("c", 0));
        });

        var set = await Store.GetRulesAsync();
        Assert.Equal(["c", "a", "b"], set.Rules.Select(r => r.Id.Value));
        var a = set.Rules[1];
        var expected = SampleRule("a", 1);
        Assert.Equal(expected.Name, a.Name);
        Assert.Equal(expected.Enabled, a.Enabled);
        Assert.Equal(expected.MatchMode, a.MatchMode);
        Assert.Equal(expected.StopProcessing, a.StopProcessing);
        Assert.Equal(expected.Scope.Marketplaces, a.Scope.Marketplaces);
        Assert.Equal(expected.Scope.Stores, a.Scope.Stores);
        Assert.Equal(expected.Actions, a.Actions);
        Assert.Equal(expected.Conditions.Select(c => (c.Field, c.Operator, c.Value, string.Join(",", c.Values))), a.Conditions.Select(c => (c.Field, c.Operator, c.Value, string.Join(",", c.Values))));

        var deleted = false;
        await WriteAsync(async tx => deleted = await tx.DeleteRuleAsync(new RuleId("a")));
        Assert.True(deleted);
        await WriteAsync(async tx => deleted = await tx.DeleteRuleAsync(new RuleId("a")));
        Assert.False(deleted);
        Assert.Equal(["c", "b"], (await Store.GetRulesAsync()).Rules.Select(r => r.Id.Value));
    }

    [Fact]
    public async Task Rules_RevisionAdvancesOnEverySaveAndDelete()
    {
        var r0 = (await Store.GetRulesAsync()).Revision;
        await WriteAsync(tx => tx.SaveRuleAsync(SampleRule("a")));
        var r1 = (await Store.GetRulesAsync()).Revision;
        await WriteAsync(tx => tx.SaveRuleAsync(SampleRule("a") with { Name = "renamed" }));
        var r2 = (await Store.GetRulesAsync()).Revision;
        await WriteAsync(async tx => await tx.DeleteRuleAsync(new RuleId("a")));
        var r3 = (await Store.GetRulesAsync()).Revision;

        Assert.True(r0 < r1 && r1 < r2 && r2 < r3, $"{r0} {r1} {r2} {r3}");
    }

    [Fact]
    public async Task Rules_RollBack_RestoresRulesAndRevision()
    {
        await WriteAsync(tx => tx.SaveRuleAsync(SampleRule("keep")));
        var before = await Store.GetRulesAsync();

        await WriteAsync(
            async tx =>
            {
                await tx.SaveRuleAsync(SampleRule("new"));
                await tx.DeleteRuleAsync(new RuleId("keep"));
                Assert.Equal(["new"], (await tx.GetRulesAsync()).Rules.Select(r => r.Id.Value));
            },
            commit: false);

        var after = await Store.GetRulesAsync();
        Assert.Equal(["keep"], after.Rules.Select(r => r.Id.Value));
        Assert.Equal(before.Revision, after.Revision);
    }

    /// <summary>A rolled-back change and the next committed one reach the same rules revision; readers must see the committed one (rules and channels).</summary>
    [Fact]
    public async Task RulesAndChannels_ChangeAfterRollBack_IsRead()
    {
        await WriteAsync(tx => tx.SaveRuleAsync(SampleRule("keep")));
        await WriteAsync(
            async tx =>
            {
                await tx.SaveRuleAsync(SampleRule("dropped"));
                Assert.Equal(2, (await tx.GetRulesAsync()).Rules.Count);
            },
            commit: false);
        Assert.Equal(["keep"], (await Store.GetRulesAsync()).Rules.Select(r => r.Id.Value));

        await WriteAsync(tx => tx.SaveRuleAsync(SampleRule("kept", order: 1)));
        Assert.Equal(["keep", "kept"], (await Store.GetRulesAsync()).Rules.Select(r => r.Id.Value));

        await WriteAsync(async tx =>
        {
            await tx.SaveChannelAsync(TestMail.AmazonDeChannel);
            Assert.Contains(TestMail.AmazonDeChannel.Id, (await tx.GetChannelsAsync()).Select(c => c.Id));
        }, commit: false);
        Assert.DoesNotContain(TestMail.AmazonDeChannel.Id, (await Store.GetChannelsAsync()).Select(c => c.Id));
        await WriteAsync(tx => tx.SaveChannelAsync(TestMail.AmazonDeChannel with { Name = "Amazon DE (renamed)" }));
        Assert.Equal("Amazon DE (renamed)", (await Store.GetChannelsAsync()).Single(c => c.Id == TestMail.AmazonDeChannel.Id).Name);
    }

    [Fact]
    public async Task Agents_SaveAndRead()
    {
        await WriteAsync(async tx =>
        {
            await tx.SaveAgentAsync(new Agent { Id = new("sato"), Name = "佐藤" });
            await tx.SaveAgentAsync(new Agent { Id = new("kim"), Name = "Kim" });
            await tx.SaveAgentAsync(new Agent { Id = new("kim"), Name = "Kim Lee" });
        });

        Assert.Equal([new Agent { Id = new("kim"), Name = "Kim Lee" }, new Agent { Id = new("sato"), Name = "佐藤" }], await Store.GetAgentsAsync());
    }

    private static Template SampleTemplate(string id, StoreId? store) => new()
    {
        Id = new(id),
        Name = "配送遅延 " + id,
        Description = "desc",
        Language = "ja",
        StoreId = store,
        Channels = [TestMail.AmazonJp],
        Enabled = false,
        Subject = "{{ order.id }} について",
        Body = "{{ buyer.name }} 様\n",
        IsHtml = true,
        Attachments = [new MessageAttachment { FileName = "guide.pdf", ContentType = "application/pdf", Content = new byte[] { 1, 2, 3 } }],
        MessageTypes = [BuyerMessageType.ShippingInquiry],
        Tags = ["遅延"],
        Examples = ["荷物がまだ届きません"],
    };

    [Fact]
    public async Task Templates_SaveReadFilterDelete()
    {
        await WriteAsync(async tx =>
        {
            await tx.SaveTemplateAsync(SampleTemplate("t2", TestMail.Sakura));
            await tx.SaveTemplateAsync(SampleTemplate("t1", TestMail.Northwind));
            await tx.SaveTemplateAsync(SampleTemplate("t0", null));
        });

        var t2 = await Store.GetTemplateAsync(new TemplateId("t2"));
        Assert.NotNull(t2);
        var expected = SampleTemplate("t2", TestMail.Sakura);
        Assert.Equal(
            (expected.Name, expected.Description, expected.Language, expected.StoreId, expected.Enabled, expected.Subject, expected.Body, expected.IsHtml),
            (t2.Name, t2.Description, t2.Language, t2.StoreId, t2.Enabled, t2.Subject, t2.Body, t2.IsHtml));
        Assert.Equal(expected.Channels, t2.Channels);
        Assert.Equal(expected.MessageTypes, t2.MessageTypes);
        Assert.Equal(expected.Tags, t2.Tags);
        Assert.Equal(expected.Examples, t2.Examples);
        var attachment = Assert.Single(t2.Attachments);
        Assert.Equal(("guide.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(new byte[] { 1, 2, 3 }, attachment.Content.ToArray());

        Assert.Equal(["t0", "t1", "t2"], (await Store.GetTemplatesAsync()).Select(t => t.Id.Value));
        Assert.Equal(["t0", "t2"], (await Store.GetTemplatesAsync(TestMail.Sakura)).Select(t => t.Id.Value));

        var deleted = false;
        await WriteAsync(async tx => deleted = await tx.DeleteTemplateAsync(new TemplateId("t2")));
        Assert.True(deleted);
        Assert.Null(await Store.GetTemplateAsync(new TemplateId("t2")));
        await WriteAsync(async tx => deleted = await tx.DeleteTemplateAsync(new TemplateId("t2")));
        Assert.False(deleted);
    }

    /// <summary>Ids are ordered ordinally (UTF-16), so 𠮷 (a surrogate pair from U+D842) runs before the full-width Ｚ (U+FF3A).</summary>
    [Fact]
    public async Task RulesAgentsAndTemplates_IdsAboveUFFFF_OrderedOrdinally()
    {
        await WriteAsync(async tx =>
        {
            await tx.SaveRuleAsync(SampleRule("Ｚ", 1));
            await tx.SaveRuleAsync(SampleRule("𠮷", 1));
            await tx.SaveAgentAsync(new Agent { Id = new("Ｚ-team"), Name = "Z" });
            await tx.SaveAgentAsync(new Agent { Id = new("𠮷田"), Name = "吉田" });
            await tx.SaveTemplateAsync(SampleTemplate("Ｚ-template", null));
            await tx.SaveTemplateAsync(SampleTemplate("𠮷-template", null));
        });

        Assert.Equal(["𠮷", "Ｚ"], (await Store.GetRulesAsync()).Rules.Select(r => r.Id.Value));
        Assert.Equal(["𠮷田", "Ｚ-team"], (await Store.GetAgentsAsync()).Select(a => a.Id.Value));
        Assert.Equal(["𠮷-template", "Ｚ-template"], (await Store.GetTemplatesAsync()).Select(t => t.Id.Value));
        Assert.Equal(["𠮷-template", "Ｚ-template"], (await Store.GetTemplatesAsync(TestMail.Sakura)).Select(t => t.Id.Value));
    }

    [Fact]
    public async Task Templates_RollBack_UndoesSave()
    {
        await WriteAsync(tx => tx.SaveTemplateAsync(SampleTemplate("t", null)), commit: false);
        Assert.Null(await Store.GetTemplateAsync(new TemplateId("t")));
    }

    [Fact]
    public async Task Favourites_KeepOrderPerStore()
    {
        await WriteAsync(async tx =>
        {
            await tx.SetFavouritesAsync(TestMail.Sakura, [new TemplateId("b"), new TemplateId("a")]);
            await tx.SetFavouritesAsync(TestMail.Northwind, [new TemplateId("c")]);
        });

        Assert.Equal(["b", "a"], (await Store.GetFavouritesAsync(TestMail.Sakura)).Select(t => t.Value));
        Assert.Equal(["c"], (await Store.GetFavouritesAsync(TestMail.Northwind)).Select(t => t.Value));
        Assert.Empty(await Store.GetFavouritesAsync(new StoreId("other")));

        await WriteAsync(tx => tx.SetFavouritesAsync(TestMail.Sakura, [new TemplateId("a")]));
        Assert.Equal(["a"], (await Store.GetFavouritesAsync(TestMail.Sakura)).Select(t => t.Value));
        await WriteAsync(tx => tx.SetFavouritesAsync(TestMail.Sakura, []), commit: false);
        Assert.Equal(["a"], (await Store.GetFavouritesAsync(TestMail.Sakura)).Select(t => t.Value));
    }
}
