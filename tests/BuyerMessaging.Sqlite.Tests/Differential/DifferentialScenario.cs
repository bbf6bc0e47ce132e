using System.Text;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests.Differential;

/// <summary>
/// A seeded random scenario run against two stores at once: random stores and channels, random inbound mail through the
/// real <see cref="ConversationIngestor"/> (new threads, follow-ups by References and by relay alias, duplicates, mail no
/// channel takes), random operations through <see cref="ConversationEditor"/>, <see cref="FolderEditor"/> and
/// <see cref="StoreDirectory"/>, and a <see cref="FakeClock"/> moved on by random amounts (zero included, so instants
/// tie). Each step is generated once and applied to both stores; its outcome (result or exception) must be the same, and
/// every few steps <see cref="StoreComparison"/> compares everything a user can see.
/// </summary>
internal sealed class DifferentialScenario
{
    private static readonly string[] StoreIds = ["northwind", "sakura", "Ｍａｒｋｅｔ", "ｽﾄｱ", "𠮷野家", "店舗-東京", "Berlin-Shop"];
    private static readonly string[] AgentIds = ["agent-1", "Agent-2", "田中", "Ｚ-team", "𠮷田", "anna"];
    private static readonly (string Country, string Domain, string Language)[] Marketplaces =
    [
        ("US", "amazon.com", "en"), ("DE", "amazon.de", "de"), ("JP", "amazon.co.jp", "ja"), ("UK", "amazon.co.uk", "en"),
    ];

    private static readonly string[] MailboxSenders =
    [
        "pat@mail.example", "Pat@Mail.Example", "jurgen.muller@web.example", "yamada@example.jp", "wang.wei@example.cn", "ｋｅｉ@example.jp",
        "Jürgen.Müller@web.example", "\u212Aelvin@mail.example",
    ];

    private static readonly string[] LanguageTags = ["en", "de", "ja", "zh", "ja-JP", "De", "EN"];

    private readonly Random _random;
    private readonly FakeClock _clock;
    private readonly StoreSide _a;
    private readonly StoreSide _b;
    private readonly StoreComparison _comparison;
    private readonly List<string> _log = [];
    private readonly List<Channel> _channels = [];
    private readonly List<StoreId> _stores = [];
    private readonly List<AgentId> _agents = [];
    private readonly List<InboundMessage> _ingested = [];
    private readonly List<string> _corpus = [];
    private List<ConversationId> _conversations = [];
    private List<Folder> _folders = [];
    private int _messageNumber;

    private DifferentialScenario(int seed, FakeClock clock, StoreSide a, StoreSide b)
    {
        Seed = seed;
        _random = new Random(seed);
        _clock = clock;
        _a = a;
        _b = b;
        _comparison = new StoreComparison(a, b, _random, Fail);
    }

    public int Seed { get; }

    /// <summary>Runs a scenario of <paramref name="steps"/> steps; throws with the seed, the steps so far and the difference.</summary>
    public static async Task RunAsync(int seed, int steps)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 28, 22, 0) + Duration.FromTicks(new Random(seed).Next(0, 10_000_000)));
        var setup = new Random(seed ^ 0x5bd1e995);
        await using var a = StoreSide.InMemory(clock);
        await using var b = await StoreSide.SqliteAsync(clock, searchBatchSize: setup.Next(1, 4) switch { 1 => 1, 2 => 8, _ => 512 });
        var scenario = new DifferentialScenario(seed, clock, a, b);
        await scenario.ConfigureAsync();
        for (var i = 1; i <= steps; i++)
        {
            await scenario.StepAsync();
            await scenario._comparison.CheckAsync(full: i % 10 == 0 || i == steps, scenario.Knowledge());
        }
    }

    private StoreComparison.Known Knowledge() => new(_stores, _channels, _agents, _folders, _conversations, _corpus);

    private async Task ConfigureAsync()
    {
        var storeCount = _random.Next(1, 4);
        var storeIds = StoreIds.OrderBy(_ => _random.Next()).Take(storeCount).ToList();
        for (var s = 0; s < storeIds.Count; s++)
        {
            var store = new Store { Id = new StoreId(storeIds[s]), Name = "Store " + storeIds[s] };
            var channels = new List<Channel>();
            foreach (var (country, domain, language) in Marketplaces.Where(_ => _random.Next(2) == 0))
            {
                channels.Add(new Channel
                {
                    Id = new ChannelId($"{store.Id}-amazon-{country.ToLowerInvariant()}"),
                    StoreId = store.Id,
                    Kind = ChannelKind.Amazon,
                    Name = domain,
                    CountryCode = country,
                    Language = language,
                    Address = $"amazon-{country.ToLowerInvariant()}@s{s}.example",
                });
            }

            if (channels.Count == 0 || _random.Next(2) == 0)
            {
                channels.Add(new Channel
                {
                    Id = new ChannelId(_random.Next(2) == 0 ? $"{store.Id}-support" : $"{store.Id}-メール"),
                    StoreId = store.Id,
                    Kind = ChannelKind.Mailbox,
                    Name = "Support",
                    Address = $"support@s{s}.example",
                    PromisedResponseTime = Duration.FromHours(_random.Next(1, 48)),
                });
            }

            await ApplyAsync($"save store {store.Id} with {string.Join(", ", channels.Select(c => c.Id))}", side => side.Directory.SaveAsync(store, channels));
            _stores.Add(store.Id);
            _channels.AddRange(channels);
        }

        foreach (var agentId in AgentIds.Where(_ => _random.Next(3) > 0))
        {
            var agent = new Agent { Id = new AgentId(agentId), Name = "Agent " + agentId };
            await ApplyAsync($"save agent {agent.Id}", side => side.Directory.SaveAgentAsync(agent));
            _agents.Add(agent.Id);
        }

        await _comparison.CheckAsync(full: true, Knowledge());
    }

    private async Task StepAsync()
    {
        AdvanceClock();
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 22:
                await IngestAsync(NewThread());
                break;
            case < 30:
                await IngestAsync(FollowUp());
                break;
            case < 34:
                await IngestAsync(Duplicate());
                break;
            case < 37:
                await IngestBatchAsync();
                break;
            case < 39:
                await IngestAsync(NewThread() with { To = [new MailParticipant(null, "nobody@unknown.example")], ChannelKind = ChannelKind.Mailbox });
                break;
            case < 47:
                await SetStatusAsync(bulk: false);
                break;
            case < 51:
                await SetStatusAsync(bulk: true);
                break;
            case < 59:
                await MoveAsync();
                break;
            case < 65:
                await AssignAsync();
                break;
            case < 72:
                await MarkReadAsync();
                break;
            case < 77:
                await AddNoteAsync();
                break;
            case < 83:
                await RecordReplyAsync();
                break;
            case < 86:
                await TagAsync();
                break;
            case < 88:
                await NoReplyNeededAsync();
                break;
            case < 92:
                await CreateFolderAsync();
                break;
            case < 94:
                await RenameFolderAsync();
                break;
            case < 96:
                await DeleteFolderAsync();
                break;
            case < 97:
                await HideFolderAsync();
                break;
            default:
                await ToggleChannelAsync();
                break;
        }

        _conversations = [.. (await _a.Store.QueryAsync(new InboxQuery { PageSize = InboxQuery.MaxPageSize })).Items.Select(c => c.Id)];
        _folders = [.. await _a.Store.GetFoldersAsync()];
    }

    private void AdvanceClock()
    {
        var roll = _random.NextDouble();
        var ticks = roll switch
        {
            < 0.2 => 0L,
            < 0.6 => _random.NextInt64(1, NodaConstants.TicksPerMinute * 10),
            < 0.9 => _random.NextInt64(1, NodaConstants.TicksPerHour * 6),
            _ => _random.NextInt64(1, NodaConstants.TicksPerDay * 3),
        };
        _clock.Advance(Duration.FromTicks(ticks));
    }

    private InboundMessage NewThread()
    {
        var (language, subject, text) = ScenarioText.Inquiries[_random.Next(ScenarioText.Inquiries.Length)];
        var channel = _channels[_random.Next(_channels.Count)];
        var messageId = $"m{++_messageNumber}.{Seed}@mail.example";
        var type = (BuyerMessageType)_random.Next(0, 13);
        var orderId = _random.Next(2) == 0 ? $"{ScenarioText.Digits(_random, 3)}-{ScenarioText.Digits(_random, 7)}-{ScenarioText.Digits(_random, 7)}" : null;
        if (_random.Next(4) == 0)
        {
            subject = ScenarioText.Retype(_random, subject).Trim();
        }

        InboundMessage message;
        if (channel.Kind == ChannelKind.Amazon)
        {
            var domain = Marketplaces.First(m => m.Country == channel.CountryCode).Domain;
            message = new InboundMessage
            {
                ChannelKind = ChannelKind.Amazon,
                Marketplace = channel.CountryCode,
                From = new MailParticipant("Buyer - Amazon Marketplace", $"{ScenarioText.Alias(_random)}@marketplace.{domain}"),
                To = [new MailParticipant(null, channel.Address!)],
                Subject = orderId is null ? subject : $"{subject} (Order: {orderId})",
                Text = text,
                OrderId = orderId,
                BuyerName = _random.Next(3) == 0 ? null : "Buyer " + ScenarioText.Int(_random.Next(100)),
                MessageType = type,
                Language = _random.Next(4) == 0 ? null : language,
                InternetMessageId = messageId,
            };
        }
        else
        {
            message = new InboundMessage
            {
                ChannelKind = ChannelKind.Mailbox,
                From = new MailParticipant(_random.Next(2) == 0 ? null : "Buyer", MailboxSenders[_random.Next(MailboxSenders.Length)]),
                To = [new MailParticipant(null, channel.Address!)],
                Subject = subject,
                Text = text,
                OrderId = _random.Next(3) == 0 ? orderId : null,
                MessageType = type,
                Language = _random.Next(3) == 0 ? null : language,
                InternetMessageId = messageId,
            };
        }

        if (message.Language is not null && _random.Next(6) == 0)
        {
            message = message with { Language = LanguageTags[_random.Next(LanguageTags.Length)] };
        }

        return WithArrival(WithExtras(message));
    }

    /// <summary>Sometimes an HTML part, a Cc, a Date header and attachments (one of them empty, names in Japanese).</summary>
    private InboundMessage WithExtras(InboundMessage message)
    {
        if (_random.Next(4) == 0)
        {
            message = message with { Html = "<p>" + message.Text + "</p>", SentAt = _clock.GetCurrentInstant() - Duration.FromMinutes(_random.Next(0, 90)) };
        }

        if (_random.Next(6) == 0)
        {
            message = message with { Cc = [new MailParticipant("Ｃｃ", "copy@mail.example"), new MailParticipant(null, "second@mail.example")] };
        }

        if (_random.Next(5) == 0)
        {
            var count = _random.Next(1, 3);
            message = message with
            {
                Attachments =
                [
                    .. Enumerable.Range(0, count).Select(i => new MessageAttachment
                    {
                        FileName = i == 0 ? "写真.jpg" : "invoice.pdf",
                        ContentType = i == 0 ? "image/jpeg" : "application/pdf",
                        Content = Enumerable.Range(0, _random.Next(0, 40)).Select(b => (byte)_random.Next(256)).ToArray(),
                    }),
                ],
            };
        }

        return message;
    }

    private InboundMessage FollowUp()
    {
        if (_ingested.Count == 0)
        {
            return NewThread();
        }

        var earlier = _ingested[_random.Next(_ingested.Count)];
        var (_, _, text) = ScenarioText.Inquiries[_random.Next(ScenarioText.Inquiries.Length)];
        var messageId = $"m{++_messageNumber}.{Seed}@mail.example";
        var byReferences = earlier.ChannelKind == ChannelKind.Mailbox || _random.Next(3) == 0;
        var sender = earlier.From;
        if (earlier.ChannelKind == ChannelKind.Mailbox && _random.Next(4) == 0)
        {
            sender = sender with { Address = _random.Next(2) == 0 ? sender.Address.ToUpperInvariant() : sender.Address.ToLowerInvariant() };
        }

        return WithArrival(earlier with
        {
            From = sender,
            InternetMessageId = messageId,
            InReplyTo = byReferences ? earlier.InternetMessageId : null,
            References = byReferences ? [.. earlier.References, earlier.InternetMessageId!] : [],
            Subject = _random.Next(3) == 0 ? earlier.Subject : "Re: " + earlier.Subject,
            Text = text,
            ExternalId = null,
            MessageType = _random.Next(2) == 0 ? earlier.MessageType : (BuyerMessageType)_random.Next(0, 13),
            ReceivedAt = null,
            Html = null,
            Attachments = [],
        });
    }

    private InboundMessage Duplicate()
    {
        if (_ingested.Count == 0)
        {
            return NewThread();
        }

        var earlier = _ingested[_random.Next(_ingested.Count)];
        return _random.Next(3) == 0 ? earlier with { ExternalId = "imap:" + ScenarioText.Int(_random.Next(1000)) } : earlier;
    }

    private InboundMessage WithArrival(InboundMessage message) => _random.Next(4) == 0
        ? message with { ReceivedAt = _clock.GetCurrentInstant() - Duration.FromTicks(_random.NextInt64(0, NodaConstants.TicksPerHour * 2)) }
        : message;

    private async Task IngestAsync(InboundMessage message)
    {
        Remember(message);
        await ApplyAsync(
            $"ingest {message.ChannelKind} from {message.From.Address} id {message.InternetMessageId} refs [{string.Join(" ", message.References)}] "
            + $"order {message.OrderId} subject '{message.Subject}' language {message.Language} received {Describe.Instant(message.ReceivedAt)}",
            async side => DescribeResult(await side.Ingestor.IngestAsync(message)));
    }

    private async Task IngestBatchAsync()
    {
        var batch = new List<InboundParseResult>();
        for (var i = _random.Next(2, 5); i > 0; i--)
        {
            var message = _random.Next(3) switch { 0 => NewThread(), 1 => FollowUp(), _ => Duplicate() };
            Remember(message);
            batch.Add(_random.Next(8) == 0
                ? InboundParseResult.Failed("not MIME", Encoding.UTF8.GetBytes("garbage " + ScenarioText.Int(_random.Next(3))), "file.eml")
                : InboundParseResult.Parsed(message));
        }

        await ApplyAsync(
            $"ingest batch of {batch.Count}: {string.Join(", ", batch.Select(b => b.Message?.InternetMessageId ?? "(failed parse)"))}",
            async side => string.Join("; ", (await side.Ingestor.IngestBatchAsync(batch)).Select(DescribeResult)));
    }

    private void Remember(InboundMessage message)
    {
        _ingested.Add(message);
        _corpus.Add(message.Subject);
        _corpus.Add(message.Text);
    }

    private ConversationId PickConversation() =>
        _conversations.Count == 0 || _random.Next(30) == 0 ? new ConversationId("999999") : _conversations[_random.Next(_conversations.Count)];

    private AgentId PickActor() => _agents.Count == 0 ? new AgentId("system-test") : _agents[_random.Next(_agents.Count)];

    private async Task SetStatusAsync(bool bulk)
    {
        var status = (ConversationStatus)_random.Next(0, 4);
        var actor = PickActor();
        if (!bulk)
        {
            var id = PickConversation();
            await ApplyAsync($"set status of {id} to {status} by {actor}", async side => Describe.Conversation(await side.Editor.SetStatusAsync(id, status, actor)));
            return;
        }

        var ids = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => PickConversation()).Distinct().ToList();
        await ApplyAsync(
            $"set status of [{string.Join(",", ids)}] to {status} by {actor}",
            async side => string.Join("\n", (await side.Editor.SetStatusAsync(ids, status, actor)).Select(Describe.Conversation)));
    }

    private FolderId PickFolder()
    {
        var roll = _random.Next(10);
        var custom = _folders.Where(f => f.Kind == FolderKind.Custom).ToList();
        return roll switch
        {
            0 => new FolderId("f-no-such-folder"),
            < 4 => SystemFolders.All[_random.Next(SystemFolders.All.Count)].Id,
            _ when custom.Count > 0 => custom[_random.Next(custom.Count)].Id,
            _ => SystemFolders.All[_random.Next(SystemFolders.All.Count)].Id,
        };
    }

    private async Task MoveAsync()
    {
        var id = PickConversation();
        var folder = PickFolder();
        var actor = PickActor();
        await ApplyAsync($"move {id} to {folder} by {actor}", async side => Describe.Conversation(await side.Editor.MoveToFolderAsync(id, folder, actor)));
    }

    private async Task AssignAsync()
    {
        var id = PickConversation();
        AgentId? assignee = _agents.Count == 0 || _random.Next(4) == 0 ? null : _agents[_random.Next(_agents.Count)];
        var actor = PickActor();
        await ApplyAsync($"assign {id} to {assignee?.Value ?? "nobody"} by {actor}", async side => Describe.Conversation(await side.Editor.AssignAsync(id, assignee, actor)));
    }

    private async Task MarkReadAsync()
    {
        var id = PickConversation();
        var actor = PickActor();
        await ApplyAsync($"mark {id} read by {actor}", async side => Describe.Conversation(await side.Editor.MarkReadAsync(id, actor)));
    }

    private async Task AddNoteAsync()
    {
        var id = PickConversation();
        var text = ScenarioText.Notes[_random.Next(ScenarioText.Notes.Length)];
        ConversationStatus? status = _random.Next(3) == 0 ? (ConversationStatus)_random.Next(0, 4) : null;
        var actor = PickActor();
        _corpus.Add(text);
        await ApplyAsync($"note on {id} by {actor} status {status}: '{text}'", async side => Describe.Message(await side.Editor.AddNoteAsync(id, text, actor, status)));
    }

    private async Task RecordReplyAsync()
    {
        var id = PickConversation();
        var reply = new OutboundReply { Text = ScenarioText.Replies[_random.Next(ScenarioText.Replies.Length)] };
        var status = _random.Next(3) == 0 ? (ConversationStatus)_random.Next(0, 4) : ConversationStatus.AwaitingBuyer;
        var actor = PickActor();
        _corpus.Add(reply.Text);
        if (_random.Next(3) == 0)
        {
            await ApplyAsync($"send reply to {id} by {actor} status {status}: '{reply.Text}'", async side => Describe.Message(await side.Editor.SendReplyAsync(id, reply, actor, status)));
            return;
        }

        await ApplyAsync($"reply to {id} by {actor} status {status}: '{reply.Text}'", async side => Describe.Message(await side.Editor.RecordReplyAsync(id, reply, actor, status)));
    }

    private async Task TagAsync()
    {
        var id = PickConversation();
        var tag = ScenarioText.Tags[_random.Next(ScenarioText.Tags.Length)];
        var actor = PickActor();
        if (_random.Next(3) == 0)
        {
            await ApplyAsync($"untag {id} '{tag}'", async side => Describe.Conversation(await side.Editor.RemoveTagAsync(id, tag, actor)));
        }
        else
        {
            await ApplyAsync($"tag {id} '{tag}'", async side => Describe.Conversation(await side.Editor.AddTagAsync(id, tag, actor)));
        }
    }

    private async Task NoReplyNeededAsync()
    {
        var id = PickConversation();
        var value = _random.Next(2) == 0;
        var actor = PickActor();
        await ApplyAsync($"no reply needed {id} = {value}", async side => Describe.Conversation(await side.Editor.SetNoReplyNeededAsync(id, value, actor)));
    }

    private async Task CreateFolderAsync()
    {
        var name = ScenarioText.FolderNames[_random.Next(ScenarioText.FolderNames.Length)];
        _corpus.Add(name);
        await ApplyAsync($"create folder '{name}'", async side => (await side.Folders.CreateAsync(name)).ToString());
    }

    private async Task RenameFolderAsync()
    {
        var folder = PickFolder();
        var name = ScenarioText.FolderNames[_random.Next(ScenarioText.FolderNames.Length)] + (_random.Next(2) == 0 ? " 2" : string.Empty);
        await ApplyAsync($"rename folder {folder} to '{name}'", async side => (await side.Folders.RenameAsync(folder, name)).ToString());
    }

    private async Task DeleteFolderAsync()
    {
        var folder = PickFolder();
        var actor = PickActor();
        await ApplyAsync($"delete folder {folder}", async side => ScenarioText.Int(await side.Folders.DeleteAsync(folder, actor)));
    }

    private async Task HideFolderAsync()
    {
        var folder = PickFolder();
        var hidden = _random.Next(2) == 0;
        await ApplyAsync($"hide folder {folder} = {hidden}", async side => (await side.Folders.SetHiddenAsync(folder, hidden)).ToString());
    }

    private async Task ToggleChannelAsync()
    {
        var channel = _channels[_random.Next(_channels.Count)];
        var enabled = _random.Next(3) > 0;
        await ApplyAsync($"channel {channel.Id} enabled = {enabled}", async side => (await side.Directory.SetEnabledAsync(channel.Id, enabled)).ToString());
    }

    private static string DescribeResult(IngestResult r) =>
        $"{r.Outcome} conversation={r.ConversationId} message={r.MessageId} channel={r.ChannelId} threadedBy={r.ThreadedBy} reopened={r.Reopened} "
        + $"quarantine={r.QuarantineId}:{r.QuarantineReason}";

    private Task ApplyAsync(string description, Func<StoreSide, Task> action) =>
        ApplyAsync(description, async side =>
        {
            await action(side);
            return "ok";
        });

    /// <summary>Applies one step to both stores; the outcomes (a description of the result, or the exception) must be equal.</summary>
    private async Task ApplyAsync(string description, Func<StoreSide, Task<string>> action)
    {
        _log.Add($"[{Describe.Instant(_clock.GetCurrentInstant())}] {description}");
        var outcomeA = await OutcomeAsync(_a, action);
        var outcomeB = await OutcomeAsync(_b, action);
        if (outcomeA != outcomeB)
        {
            Fail($"the step's outcome differs\n  {_a.Name}: {outcomeA}\n  {_b.Name}: {outcomeB}");
        }
    }

    private static async Task<string> OutcomeAsync(StoreSide side, Func<StoreSide, Task<string>> action)
    {
        try
        {
            return await action(side);
        }
        catch (Exception ex) when (ex is BuyerMessagingException or ArgumentException or InvalidOperationException)
        {
            return $"throws {ex.GetType().Name}: {ex.Message}";
        }
    }

    private void Fail(string difference)
    {
        var steps = _log.Count <= 40 ? _log : [$"... {_log.Count - 40} steps before", .. _log.TakeLast(40)];
        throw new DifferentialFailure(
            $"Seed {Seed}: the stores differ after step {_log.Count}: {difference}\n"
            + $"Re-run with BUYERMESSAGING_DIFFERENTIAL_SEEDS={Seed}.\nSteps:\n  {string.Join("\n  ", steps)}");
    }
}

/// <summary>A difference between the stores, with the seed and the steps that led to it.</summary>
internal sealed class DifferentialFailure(string message) : Exception(message);
