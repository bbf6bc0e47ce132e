using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Tests;

/// <summary>Saving channel policies: the templates an auto-reply or smart reply names are checked against the channel.</summary>
public sealed class PolicyDirectoryTests : IAsyncLifetime
{
    private readonly InMemoryConversationStore _store = new();

    public async Task InitializeAsync()
    {
        await TestMail.ConfigureAsync(_store);
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("sakura-closed", TestMail.Sakura, "ja"));
        await book.SaveAsync(Mine("sakura-returns", TestMail.Sakura, "ja"));
        await book.SaveAsync(Mine("northwind-closed", TestMail.Northwind, "en"));
        await book.SaveAsync(Mine("northwind-us-only", TestMail.Northwind, "en") with { Channels = [TestMail.AmazonUs] });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveAsync_AutoReplyNamingMissingOrForeignTemplates_NamesEachAndSavesNothing()
    {
        var directory = new PolicyDirectory(_store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(AutoReply(TestMail.AmazonJp, new TemplateSelection
        {
            Default = new("nope"),
            ByMessageType = new Dictionary<BuyerMessageType, TemplateId> { [BuyerMessageType.ReturnRequest] = new("northwind-closed"), [BuyerMessageType.Other] = new("sakura-returns") },
        }, TemplateSelection.Always(new("sakura-closed")))));

        Assert.Equal(
            [
                "AutoReply.FirstContact.Default: Template 'nope' does not exist.",
                "AutoReply.FirstContact.ByMessageType[ReturnRequest]: Template 'northwind-closed' belongs to store 'northwind', not to the channel's store 'sakura'.",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.StartsWith("Policies of channel 'sakura-amazon-jp' is invalid: AutoReply.FirstContact.Default: ", ex.Message, StringComparison.Ordinal);
        Assert.Null(await directory.GetAsync(TestMail.AmazonJp));
    }

    [Fact]
    public async Task SaveAsync_AutoReplyTemplateForOtherChannels_IsNamed()
    {
        var directory = new PolicyDirectory(_store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(AutoReply(TestMail.AmazonDe, new(), TemplateSelection.Always(new("northwind-us-only")))));
        await directory.SaveAsync(AutoReply(TestMail.AmazonUs, new(), TemplateSelection.Always(new("northwind-us-only"))));

        Assert.Equal(
            "AutoReply.FollowUp.Default: Template 'northwind-us-only' is not for channel 'northwind-amazon-de' (it lists northwind-amazon-us).",
            Assert.Single(ex.Errors).ToString());
        Assert.NotNull((await directory.GetAsync(TestMail.AmazonUs))!.AutoReply);
    }

    [Fact]
    public async Task SaveAsync_AutoReplyTemplates_AreLookedUpInTheTemplateSource()
    {
        var builtIn = new InMemoryTemplateSource([new Template { Id = new("auto-reply-ja"), Name = "Built in", Language = "ja", Body = "自動返信です。" }]);
        var policies = AutoReply(TestMail.AmazonJp, TemplateSelection.Always(new("auto-reply-ja")), new());

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => new PolicyDirectory(_store).SaveAsync(policies));
        await new PolicyDirectory(_store, builtIn).SaveAsync(policies);

        Assert.Equal("AutoReply.FirstContact.Default", Assert.Single(refused.Errors).Path);
        Assert.NotNull((await new PolicyDirectory(_store).GetAsync(TestMail.AmazonJp))!.AutoReply);
    }

    [Fact]
    public async Task SaveAsync_PausedPolicyWithADeletedTemplate_CanBePausedAndEditedButNotResumedOrGivenABadOne()
    {
        var directory = new PolicyDirectory(_store);
        await directory.SaveAsync(AutoReply(TestMail.AmazonJp, TemplateSelection.Always(new("sakura-closed")), new()));
        // Deleted past TemplateBook, which refuses while a policy names the template: as by another tool or an older version.
        var tx = await _store.BeginTransactionAsync();
        await using (tx)
        {
            Assert.True(await tx.DeleteTemplateAsync(new("sakura-closed")));
            await tx.CommitAsync();
        }

        var saved = (await directory.GetAsync(TestMail.AmazonJp))!;

        await directory.SaveAsync(saved with { AutoReply = saved.AutoReply! with { Enabled = false } });
        await directory.SaveAsync(saved with { AutoReply = saved.AutoReply! with { Enabled = false, MaxDelayMinutes = 45 } });
        var resumed = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(saved with { AutoReply = saved.AutoReply! with { MaxDelayMinutes = 45 } }));
        var changed = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(
            saved with { AutoReply = saved.AutoReply! with { Enabled = false, FollowUp = TemplateSelection.Always(new("nope")) } }));

        Assert.Equal("AutoReply.FirstContact.Default: Template 'sakura-closed' does not exist.", Assert.Single(resumed.Errors).ToString());
        Assert.Equal(["AutoReply.FirstContact.Default", "AutoReply.FollowUp.Default"], changed.Errors.Select(e => e.Path));
        var kept = (await directory.GetAsync(TestMail.AmazonJp))!.AutoReply!;
        Assert.Equal((false, 45), (kept.Enabled, kept.MaxDelayMinutes));
    }

    [Fact]
    public async Task SaveAsync_SmartReplyNamingMissingOrForeignTemplates_NamesEach()
    {
        var directory = new PolicyDirectory(_store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonJp,
            SmartReply = new SmartReplyPolicy { Templates = [new("sakura-returns"), new("nope"), new("northwind-closed")] },
        }));

        Assert.Equal(["SmartReply.Templates[1]", "SmartReply.Templates[2]", "SmartReply.Templates[2]"], ex.Errors.Select(e => e.Path));
        Assert.Equal("Template 'nope' does not exist.", ex.Errors[0].Message);
        Assert.Null(await directory.GetAsync(TestMail.AmazonJp));
    }

    [Fact]
    public async Task SaveAsync_FromDependencyInjection_ChecksAgainstTheRegisteredTemplateSource()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConversationStore>(_store);
        services.AddBuyerMessaging();
        services.AddSingleton<ITemplateSource>(new InMemoryTemplateSource([new Template { Id = new("host-closed"), Name = "Host", Language = "ja", Body = "閉店中です。" }]));
        await using var provider = services.BuildServiceProvider();
        var directory = provider.GetRequiredService<PolicyDirectory>();

        await directory.SaveAsync(AutoReply(TestMail.AmazonJp, TemplateSelection.Always(new("host-closed")), new()));
        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(AutoReply(TestMail.AmazonJp, TemplateSelection.Always(new("sakura-closed")), new())));

        Assert.Equal("AutoReply.FirstContact.Default: Template 'sakura-closed' does not exist.", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public async Task SaveAsync_AStoredTemplateDeletedWhileThePolicyIsChecked_IsCaughtUnderTheWriteLock_AndNothingIsSaved()
    {
        // The template source hands out 'sakura-returns', then another writer deletes it before the policy is saved.
        var source = new DeletingSource(_store, new("sakura-returns"));
        var directory = new PolicyDirectory(_store, source);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonJp,
            SmartReply = new SmartReplyPolicy { Templates = [new("sakura-closed"), new("sakura-returns")] },
        }));

        Assert.True(source.Deleted);
        Assert.Contains("SmartReply.Templates[1]: Template 'sakura-returns' does not exist.", ex.Message, StringComparison.Ordinal);
        Assert.Null(await directory.GetAsync(TestMail.AmazonJp));
    }

    private sealed class DeletingSource(IConversationStore store, TemplateId victim) : ITemplateSource
    {
        private readonly BuyerMessaging.Internal.StoreTemplateSource _inner = new(store);

        public bool Deleted { get; private set; }

        public async Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken)
        {
            var template = await _inner.GetTemplateAsync(id, cancellationToken);
            if (id == victim && !Deleted)
            {
                Deleted = await new TemplateBook(store).DeleteAsync(id, cancellationToken);
            }

            return template;
        }
    }

    private static Template Mine(string id, StoreId store, string language) =>
        new() { Id = new(id), Name = id, Language = language, StoreId = store, Subject = "Hello", Body = "Thank you for your message." };

    private static ChannelPolicies AutoReply(ChannelId channel, TemplateSelection firstContact, TemplateSelection followUp) => new()
    {
        ChannelId = channel,
        AutoReply = new AutoReplyPolicy
        {
            Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.AllWeek),
            FirstContact = firstContact,
            FollowUp = followUp,
        },
    };
}
