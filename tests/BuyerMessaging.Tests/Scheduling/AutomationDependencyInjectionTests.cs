using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed class AutomationDependencyInjectionTests
{
    [Fact]
    public void AddBuyerMessaging_RegistersTheTimeRulesAndTheWorker()
    {
        using var provider = new ServiceCollection().AddBuyerMessaging().Services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<InboxAutomation>(), provider.GetRequiredService<InboxAutomation>());
        Assert.Same(provider.GetRequiredService<WorkQueueWorker>(), provider.GetRequiredService<WorkQueueWorker>());
        Assert.Same(DateTimeZoneProviders.Tzdb, provider.GetRequiredService<IDateTimeZoneProvider>());
        Assert.IsType<BuyerMessaging.Internal.StoreTemplateSource>(provider.GetRequiredService<ITemplateSource>());
        Assert.IsType<LexicalTemplateMatcher>(provider.GetRequiredService<ITemplateMatcher>());
        Assert.Same(NgramLanguageDetector.Default, provider.GetRequiredService<ILanguageDetector>());
        Assert.NotNull(provider.GetRequiredService<ITemplateRenderer>());
        Assert.NotNull(provider.GetRequiredService<IOutboundSender>());
        Assert.NotNull(provider.GetRequiredService<PolicyDirectory>());
        Assert.Empty(provider.GetServices<IHostedService>());
    }

    [Fact]
    public async Task AddBuyerMessaging_DefaultTemplateSource_ReadsTheTemplatesSavedInTheStore()
    {
        await using var provider = new ServiceCollection().AddBuyerMessaging().Services.BuildServiceProvider();
        var store = provider.GetRequiredService<IConversationStore>();
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.SaveTemplateAsync(new Template { Id = new("thanks"), Name = "Thanks", Language = "en", Body = "Thank you." });
            await tx.CommitAsync();
        }

        var template = await provider.GetRequiredService<ITemplateSource>().GetTemplateAsync(new("thanks"), CancellationToken.None);

        Assert.Equal("Thank you.", template?.Body);
    }

    [Fact]
    public async Task AddBuyerMessaging_AutoReply_IsRenderedFromATemplateSavedInTheStore()
    {
        var sender = new RecordingSender();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(TestMail.Start));
        services.AddSingleton<IOutboundSender>(sender);
        services.AddBuyerMessaging();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IConversationStore>();
        await TestMail.ConfigureAsync(store);
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.SaveTemplateAsync(new Template { Id = new("closed"), Name = "Closed", Language = "en", Subject = "We are closed", Body = "We answer on Monday." });
            await tx.CommitAsync();
        }

        await provider.GetRequiredService<PolicyDirectory>().SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.Support,
            AutoReply = new AutoReplyPolicy
            {
                Schedule = new AutoReplySchedule(DateTimeZone.Utc, WeeklySchedule.AllWeek),
                MinDelayMinutes = 0,
                MaxDelayMinutes = 0,
                FirstContact = TemplateSelection.Always(new("closed")),
            },
        });

        await provider.GetRequiredService<ConversationIngestor>().IngestAsync(TestMail.Mail());
        await provider.GetRequiredService<WorkQueueWorker>().RunUntilIdleAsync();

        var (_, message) = Assert.Single(sender.Delivered);
        Assert.Equal(OutgoingKind.AutoReply, message.Kind);
        Assert.Equal("We answer on Monday.", message.Text);
    }

    [Fact]
    public async Task AddBuyerMessaging_HostPortsWin_AndTheIngestorAppliesTheConfiguredRules()
    {
        var clock = new FakeClock(TestMail.Start);
        var sender = new RecordingSender();
        var events = new RecordingEventHandler();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IOutboundSender>(sender);
        services.AddSingleton<IInboxEventHandler>(events);
        services.AddBuyerMessaging().ConfigureAutomation(o => o.DefaultBusinessHours = "Mon-Sun 00:00-00:00");
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IConversationStore>();
        await TestMail.ConfigureAsync(store);

        var result = await provider.GetRequiredService<ConversationIngestor>().IngestAsync(TestMail.Mail());
        await provider.GetRequiredService<WorkQueueWorker>().RunUntilIdleAsync();

        // The default business hours are now 24x7: the support mailbox's 24 h promise is 24 elapsed hours.
        Assert.Equal(TestMail.Start + Duration.FromHours(24), (await store.GetConversationAsync(result.ConversationId!.Value))!.SlaDueAt);
        Assert.Single(events.Of(InboxEventKind.NewMessage));
    }

    [Fact]
    public void AddBuyerMessaging_InvalidAutomationOptions_FailOnFirstAccess()
    {
        using var provider = new ServiceCollection().AddBuyerMessaging()
            .ConfigureAutomation(o => o.DefaultBusinessHours = "Mon-Fry 09:00-18:00")
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InboxAutomationOptions>>().Value);
        Assert.Contains("InboxAutomationOptions.DefaultBusinessHours", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Fry' is not a day", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkQueueHostedService_InvalidOptions_NameTheField()
    {
        var services = new ServiceCollection();
        using var provider = services.AddBuyerMessaging()
            .AddWorkQueueHostedService(o =>
            {
                o.BatchSize = 0;
                o.LeaseDuration = TimeSpan.Zero;
                o.RetryBaseDelay = TimeSpan.FromMinutes(10);
                o.RetryMaxDelay = TimeSpan.FromMinutes(1);
            })
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkQueueOptions>>().Value);
        Assert.Contains("BatchSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WorkQueueOptions.LeaseDuration", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WorkQueueOptions.RetryMaxDelay", ex.Message, StringComparison.Ordinal);
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WorkQueueHostedService));
    }

    [Fact]
    public async Task WorkQueueHostedService_RunsPassesUntilStopped()
    {
        var clock = new FakeClock(TestMail.Start);
        var sender = new RecordingSender();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IOutboundSender>(sender);
        services.AddBuyerMessaging().AddWorkQueueHostedService(o => o.PollInterval = TimeSpan.FromMilliseconds(20));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IConversationStore>();
        await TestMail.ConfigureAsync(store);
        var id = (await provider.GetRequiredService<ConversationIngestor>().IngestAsync(TestMail.Relay())).ConversationId!.Value;
        await provider.GetRequiredService<ConversationEditor>().SendReplyAsync(id, new OutboundReply { Text = "Hi" }, new AgentId("kim"));
        var service = Assert.Single(provider.GetServices<IHostedService>());

        await service.StartAsync(CancellationToken.None);
        var waited = TimeSpan.Zero;
        while (sender.Delivered.Count == 0 && waited < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
            waited += TimeSpan.FromMilliseconds(20);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Single(sender.Delivered);
    }

    [Fact]
    public void Worker_RetryDelay_DoublesWithJitterUpToTheCap()
    {
        var jitter = 0.0;
        var worker = new WorkQueueWorker(new InMemoryConversationStore(), new FakeClock(TestMail.Start), new RecordingSender(), options: Options.Create(new WorkQueueOptions
        {
            RetryBaseDelay = TimeSpan.FromSeconds(30),
            RetryMaxDelay = TimeSpan.FromMinutes(5),
            Randomizer = () => jitter,
        }));

        Assert.Equal(Duration.FromSeconds(15), worker.RetryDelay(1));
        Assert.Equal(Duration.FromSeconds(60), worker.RetryDelay(3));
        jitter = 1;
        Assert.Equal(Duration.FromSeconds(30), worker.RetryDelay(1));
        Assert.Equal(Duration.FromSeconds(120), worker.RetryDelay(3));
        Assert.Equal(Duration.FromMinutes(5), worker.RetryDelay(10));
        Assert.Equal(Duration.FromMinutes(5), worker.RetryDelay(1000));
    }

    [Fact]
    public void Constructors_CheckArguments()
    {
        var store = new InMemoryConversationStore();
        var clock = new FakeClock(TestMail.Start);
        Assert.Throws<ArgumentNullException>("store", () => new WorkQueueWorker(null!, clock, new RecordingSender()));
        Assert.Throws<ArgumentNullException>("sender", () => new WorkQueueWorker(store, clock, null!));
        Assert.Throws<ArgumentNullException>("automation", () => new ConversationEditor(store, clock, null!));
        Assert.Throws<ArgumentNullException>("automation", () => new ConversationIngestor(store, clock, null, null, (InboxAutomation)null!));
        Assert.Throws<ArgumentNullException>("worker", () => new WorkQueueHostedService(null!, TimeProvider.System));
    }
}
