using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BuyerMessaging.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Turns normalised buyer messages into conversations, idempotently and in one transaction per message (or per batch,
/// see <see cref="IngestBatchAsync"/>):
/// resolves the channel (quarantining mail for unknown or disabled channels), de-duplicates, threads, reopens, and
/// records the message, the participants and the history.
/// </summary>
/// <remarks>
/// <para>De-duplication: the same channel and external id, or the same Message-ID within a store, gives one message
/// however often it is delivered. A message with neither gets an external id from a SHA-256 of its raw bytes (or of
/// its sender, date, subject and text), so redelivery of the same bytes is still recognised.</para>
/// <para>Threading, in order: (1) In-Reply-To, then References newest first, to a message of the store, but only when
/// the sender already took part in that conversation; (2) for Amazon relay mail, the same relay alias (without its
/// "+token") and order id within the store; (3) the same subject (without reply prefixes) from the same sender on the
/// same channel within <see cref="IngestionOptions.SubjectFallbackWindow"/>. A sender is never merged into a thread
/// they were not part of. Amazon's shared Amazon Business no-reply address is threaded by order id only.</para>
/// <para>A buyer message reopens a Resolved or Awaiting-buyer conversation and clears "no reply needed".</para>
/// <para>Rules: then the <see cref="IIngestionRules"/> run once on the message (by default the rules stored in the store,
/// see <see cref="RuleEngine"/> for the semantics) and their actions are applied in the same transaction, each change
/// recorded in the history with actor "rule:NAME". A duplicate delivery runs no rules.</para>
/// <para>Time: the <see cref="InboxAutomation"/> then starts the SLA clock and schedules the auto-reply, smart-reply
/// matching, the SLA warnings and the new-message event in the same transaction, on the conversation as the rules left it
/// (so a rule's "no reply needed" stops the clock and suppresses the auto-reply).</para>
/// <para>Thread-safe; concurrency is the store's (write transactions are serialised).</para>
/// </remarks>
public sealed partial class ConversationIngestor
{
    private const string SystemActor = "system";

    /// <summary>The savepoint around each input of a batch.</summary>
    private const string BatchSavepoint = "ingest_item";

    private readonly IConversationStore _store;
    private readonly IClock _clock;
    private readonly IngestionOptions _options;
    private readonly ILogger _logger;
    private readonly Instruments _instruments;
    private readonly InboxAutomation _automation;
    private readonly IIngestionRules? _rules;

    /// <summary>Initializes a new instance of the <see cref="ConversationIngestor"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <remarks>The ingestor runs the rules stored in <paramref name="store"/> (<see cref="StoredIngestionRules"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public ConversationIngestor(IConversationStore store, IClock clock, IOptions<IngestionOptions>? options = null, ILogger<ConversationIngestor>? logger = null)
        : this(store, clock, options, logger, new StoredIngestionRules(), null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConversationIngestor"/> class with the time rules to apply.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="automation">The SLA clock, auto-reply and smart-reply rules applied to each buyer message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="clock"/> or <paramref name="automation"/> is <see langword="null"/>.</exception>
    public ConversationIngestor(IConversationStore store, IClock clock, IOptions<IngestionOptions>? options, ILogger<ConversationIngestor>? logger, InboxAutomation automation)
        : this(store, clock, options, logger, new StoredIngestionRules(), null, automation ?? throw new ArgumentNullException(nameof(automation)))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConversationIngestor"/> class with the rules to run.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="rules">The rules to run on every new message; <see langword="null"/> runs none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public ConversationIngestor(IConversationStore store, IClock clock, IOptions<IngestionOptions>? options, ILogger<ConversationIngestor>? logger, IIngestionRules? rules)
        : this(store, clock, options, logger, rules, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConversationIngestor"/> class with the rules to run and the time rules to apply.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="rules">The rules to run on every new message; <see langword="null"/> runs none.</param>
    /// <param name="automation">The SLA clock, auto-reply and smart-reply rules; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public ConversationIngestor(IConversationStore store, IClock clock, IOptions<IngestionOptions>? options, ILogger<ConversationIngestor>? logger, IIngestionRules? rules, InboxAutomation? automation)
        : this(store, clock, options, logger, rules, null, automation)
    {
    }

    internal ConversationIngestor(IConversationStore store, IClock clock, IOptions<IngestionOptions>? options, ILogger<ConversationIngestor>? logger, IIngestionRules? rules, Instruments? instruments, InboxAutomation? automation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _options = options?.Value ?? new IngestionOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _instruments = instruments ?? Instruments.Default;
        _rules = rules;
        _automation = automation ?? new InboxAutomation();
    }

    /// <summary>Ingests what an adapter parsed: the message, or the raw input into quarantine when parsing failed.</summary>
    /// <param name="input">The parse result.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public Task<IngestResult> IngestAsync(InboundParseResult input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Message is { } message
            ? IngestAsync(message, cancellationToken)
            : QuarantineAsync(input.Raw, input.Error!, input.Source, null, cancellationToken);
    }

    /// <summary>Ingests one message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public async Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var activity = Instruments.ActivitySource.StartActivity("buyer_messaging.ingest");
        IngestResult result;
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            result = await IngestInAsync(transaction, message, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Report(result, message.Source);
        return result;
    }

    /// <summary>
    /// Ingests many parse results in one store transaction, several times faster than one
    /// <see cref="IngestAsync(InboundParseResult, CancellationToken)"/> each: the same de-duplication (also between
    /// inputs of the batch), threading, quarantine, rules and time rules, and one result per input, in order.
    /// </summary>
    /// <param name="inputs">The parse results: a few hundred to a few thousand (the batch holds the store's write lock
    /// until it is committed).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What happened to each input, in the order of <paramref name="inputs"/>.</returns>
    /// <remarks>
    /// An input whose ingest throws is rolled back alone and its raw bytes are quarantined with the reason ("ingestion
    /// failed: ..."); the other inputs are kept. (The batch first runs without savepoints; when an input throws, it is
    /// rolled back and run again with a savepoint around each input, see
    /// <see cref="IStoreTransaction.CreateSavepointAsync"/>.) Nothing of the batch is visible until the batch is committed; when the store itself
    /// fails (the commit, or quarantining a failed input), the exception propagates and nothing of the batch is stored,
    /// so the whole batch can be retried.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> contains <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<InboundParseResult> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException($"The input at index {i} is null.", nameof(inputs));
            }
        }

        if (inputs.Count == 0)
        {
            return [];
        }

        using var activity = Instruments.ActivitySource.StartActivity("buyer_messaging.ingest_batch");
        activity?.SetTag("buyer_messaging.batch.size", inputs.Count);

        // Optimistic first: no savepoints, which cost SQLite a statement journal per input. Only when an input throws is
        // the batch rolled back and run again with a savepoint around each input.
        var results = await IngestBatchInTransactionAsync(inputs, isolate: false, cancellationToken).ConfigureAwait(false)
            ?? (await IngestBatchInTransactionAsync(inputs, isolate: true, cancellationToken).ConfigureAwait(false))!;
        for (var i = 0; i < results.Length; i++)
        {
            Report(results[i], inputs[i].Source);
        }

        return results;
    }

    /// <summary>
    /// Ingests a batch in one transaction. Not isolated: returns <see langword="null"/> (everything rolled back) as soon as
    /// an input throws. Isolated: a savepoint around each input; an input that throws is rolled back and quarantined.
    /// </summary>
    private async Task<IngestResult[]?> IngestBatchInTransactionAsync(IReadOnlyList<InboundParseResult> inputs, bool isolate, CancellationToken cancellationToken)
    {
        var results = new IngestResult[inputs.Count];
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                if (isolate)
                {
                    await transaction.CreateSavepointAsync(BatchSavepoint, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    results[i] = input.Message is { } message
                        ? await IngestInAsync(transaction, message, cancellationToken).ConfigureAwait(false)
                        : await QuarantineInAsync(transaction, input.Raw, input.Error!, input.Source, null, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!isolate && !cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await transaction.RollbackToSavepointAsync(BatchSavepoint, cancellationToken).ConfigureAwait(false);
                    Log.IngestFailed(_logger, input.Source, ex);
                    var reason = "ingestion failed: " + ex.Message;
                    results[i] = await QuarantineInAsync(transaction, input.Raw, reason, input.Source, input.Message?.ChannelId, cancellationToken).ConfigureAwait(false);
                }

                if (isolate)
                {
                    await transaction.ReleaseSavepointAsync(BatchSavepoint, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private async ValueTask<IngestResult> IngestInAsync(IStoreTransaction transaction, InboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.From?.Address))
        {
            return await QuarantineInAsync(transaction, message.Raw, "the message has no sender address", message.Source, message.ChannelId, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var (channel, reason) = await ChannelResolution.ResolveAsync(transaction, message, _options, _logger, cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            return await QuarantineInAsync(transaction, message.Raw, reason!, message.Source, message.ChannelId, cancellationToken).ConfigureAwait(false);
        }

        if (message.Direction is not (MessageDirection.Inbound or MessageDirection.OutboundReply))
        {
            return await QuarantineInAsync(transaction, message.Raw, $"a message to ingest is inbound or a copy of an outbound reply, not {message.Direction}", message.Source, channel.Id, cancellationToken).ConfigureAwait(false);
        }

        var (duplicate, externalId) = await FindDuplicateAsync(transaction, channel, message, cancellationToken).ConfigureAwait(false);
        if (duplicate is { } earlier)
        {
            return new IngestResult
            {
                Outcome = IngestOutcome.Duplicate,
                ConversationId = earlier.ConversationId,
                MessageId = earlier.Id,
                ChannelId = earlier.ChannelId,
            };
        }

        var at = message.ReceivedAt is { } received && received <= now ? received : now;
        var isCopy = message.Direction == MessageDirection.OutboundReply;
        var fromBuyer = isCopy ? AsFromBuyer(message, channel) : message;
        var (existing, threadedBy) = await FindThreadAsync(transaction, channel, fromBuyer, now, cancellationToken).ConfigureAwait(false);
        var conversationId = existing?.Id ?? await transaction.NewConversationIdAsync(cancellationToken).ConfigureAwait(false);
        var stored = new Message
        {
            Id = await transaction.NewMessageIdAsync(cancellationToken).ConfigureAwait(false),
            ConversationId = conversationId,
            ChannelId = channel.Id,
            Direction = message.Direction,
            ExternalId = externalId,
            InternetMessageId = message.InternetMessageId,
            InReplyTo = message.InReplyTo,
            References = message.References,
            From = message.From,
            To = message.To,
            Cc = message.Cc,
            Subject = message.Subject,
            Text = message.Text,
            Html = message.Html,
            Attachments = message.Attachments,
            At = at,
            SentAt = message.SentAt,
        };

        if (isCopy)
        {
            return await RecordCopyAsync(transaction, channel, message, fromBuyer, existing, threadedBy, stored, now, cancellationToken).ConfigureAwait(false);
        }

        var changes = new List<ConversationChange>(2);
        var reopened = false;
        Conversation conversation;
        if (existing is null)
        {
            conversation = NewConversation(conversationId, channel, message, at, now);
            changes.Add(new(conversationId, now, SystemActor, ChangeKinds.Created, null, conversation.Status.ToString()));
            if (conversation.NoReplyNeeded)
            {
                changes.Add(new(conversationId, now, SystemActor, ChangeKinds.NoReplyNeeded, "false", "true"));
            }
        }
        else
        {
            conversation = Append(existing, message, at, now);
            if (conversation.Status != existing.Status)
            {
                reopened = true;
                changes.Add(new(conversationId, now, SystemActor, ChangeKinds.Status, existing.Status.ToString(), conversation.Status.ToString()));
                Log.ConversationReopened(_logger, conversationId);
            }

            if (existing.NoReplyNeeded && !conversation.NoReplyNeeded)
            {
                changes.Add(new(conversationId, now, SystemActor, ChangeKinds.NoReplyNeeded, "true", "false"));
            }
        }

        changes.Add(new(conversationId, now, SystemActor, ChangeKinds.InboundMessage, null, stored.Id.Value));
        var matchedRules = (IReadOnlyList<RuleId>)[];
        if (_rules is not null)
        {
            var ruleOutcome = await _rules.EvaluateAsync(transaction, RuleInput.For(channel, conversation, stored, existing is null), cancellationToken).ConfigureAwait(false);
            if (!ruleOutcome.IsEmpty)
            {
                var folders = ruleOutcome.Folder is null ? null : await transaction.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
                var before = changes.Count;
                conversation = RuleApplier.Apply(conversation, ruleOutcome, now, folders, changes, _logger);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    Log.RulesApplied(_logger, string.Join(",", ruleOutcome.MatchedRules), conversationId, changes.Count - before);
                }
            }

            matchedRules = ruleOutcome.MatchedRules;
        }

        conversation = await _automation.OnInboundAsync(transaction, channel, existing, conversation, stored, message, now, cancellationToken).ConfigureAwait(false);
        await SaveAsync(transaction, existing is null, conversation, stored, message, changes, cancellationToken).ConfigureAwait(false);

        return new IngestResult
        {
            Outcome = existing is null ? IngestOutcome.Created : IngestOutcome.Appended,
            ThreadedBy = threadedBy,
            ConversationId = conversationId,
            MessageId = stored.Id,
            ChannelId = channel.Id,
            Reopened = reopened,
            MatchedRules = matchedRules,
            Warnings = message.Warnings,
        };
    }

    /// <summary>
    /// Dry-runs rules on a message as ingestion would see it (the same channel resolution and threading, so first contact
    /// and follow-up are told apart), without storing anything: the outcome, and for every rule which conditions held
    /// and which did not, and why.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="rules">The rules to try; <see langword="null"/> for the rules stored in the store.</param>
    /// <param name="engine">The engine; <see cref="RuleEngine.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The dry run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The message would be quarantined (no sender, no channel receives it); the message says why.</exception>
    /// <exception cref="DefinitionValidationException">A rule is invalid.</exception>
    public async Task<RuleDryRun> DryRunRulesAsync(InboundMessage message, IEnumerable<Rule>? rules = null, RuleEngine? engine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.From?.Address))
        {
            throw new ArgumentException("The message would be quarantined: it has no sender address.", nameof(message));
        }

        var now = _clock.GetCurrentInstant();
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Never committed: a channel that resolution would create is rolled back.
            var (channel, reason) = await ChannelResolution.ResolveAsync(transaction, message, _options, _logger, cancellationToken).ConfigureAwait(false);
            if (channel is null)
            {
                throw new ArgumentException($"The message would be quarantined: {reason}.", nameof(message));
            }

            var (existing, _) = await FindThreadAsync(transaction, channel, message, now, cancellationToken).ConfigureAwait(false);
            var at = message.ReceivedAt is { } received && received <= now ? received : now;
            var conversation = existing is null
                ? NewConversation(new ConversationId("dry-run"), channel, message, at, now)
                : Append(existing, message, at, now);
            var input = RuleInput.For(channel, message, existing is null) with
            {
                MessageType = conversation.MessageType,
                Language = conversation.Language,
                HasOrder = conversation.HasOrder,
            };
            var list = rules?.ToList() ?? (await transaction.GetRulesAsync(cancellationToken).ConfigureAwait(false)).Rules;
            return (engine ?? RuleEngine.Default).DryRun(list, input);
        }
    }

    /// <summary>Keeps input that cannot be ingested, with the reason, so that nothing is lost.</summary>
    /// <param name="raw">The raw input.</param>
    /// <param name="reason">Why it cannot be ingested.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="channelId">The channel it was meant for, if known.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The result, with <see cref="IngestOutcome.Quarantined"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public async Task<IngestResult> QuarantineAsync(ReadOnlyMemory<byte> raw, string reason, string? source, ChannelId? channelId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IngestResult result;
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            result = await QuarantineInAsync(transaction, raw, reason, source, channelId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Report(result, source);
        return result;
    }

    /// <summary>
    /// Tries a quarantined item again, once what kept it out is fixed (the channel configured or enabled, the parser
    /// upgraded): its raw content is parsed with <paramref name="parse"/> and ingested, in one transaction with taking
    /// it out of quarantine. Nothing is lost whatever happens: when it fails again, it is quarantined again with the new
    /// reason (under a new id, <see cref="IngestResult.QuarantineId"/>); when <paramref name="parse"/> or the ingest
    /// throws, nothing changes.
    /// </summary>
    /// <param name="quarantineId">The item's id (<see cref="QuarantinedItem.Id"/>).</param>
    /// <param name="parse">Parses the raw content, as the adapter that quarantined it does (for mail,
    /// <c>item =&gt; parser.Parse(item.Raw, item.Source)</c> with BuyerMessaging.Email's <c>MimeMessageParser</c>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What happened: <see cref="IngestOutcome.Duplicate"/> when the message had reached the inbox another
    /// way since (the item is deleted all the same), <see cref="IngestOutcome.Quarantined"/> when it failed again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parse"/> is <see langword="null"/>, or returned <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">There is no quarantined item with that id.</exception>
    public async Task<IngestResult> RetryQuarantinedAsync(long quarantineId, Func<QuarantinedItem, InboundParseResult> parse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        using var activity = Instruments.ActivitySource.StartActivity("buyer_messaging.ingest");
        IngestResult result;
        string? source;
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var item = await transaction.GetQuarantinedItemAsync(quarantineId, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"There is no quarantined item {quarantineId}."));
            var parsed = parse(item) ?? throw new ArgumentNullException(nameof(parse), "The parse function returned null.");
            source = item.Source;
            await transaction.DeleteQuarantinedItemAsync(quarantineId, cancellationToken).ConfigureAwait(false);
            result = parsed.Message is { } message
                ? await IngestInAsync(transaction, message.Source is null ? message with { Source = item.Source } : message, cancellationToken).ConfigureAwait(false)
                : await QuarantineInAsync(transaction, item.Raw, parsed.Error!, item.Source, item.ChannelId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Report(result, source);
        return result;
    }

    /// <summary>
    /// Records a copy of a reply the seller sent elsewhere as the seller's reply, as <see cref="ConversationEditor"/>
    /// records one: reply count, an open or pending conversation then awaits the buyer, and the automation stops the
    /// reply clock and cancels automatic replies. No rule runs; nothing is sent. A conversation it opens takes its buyer
    /// from <paramref name="fromBuyer"/>, the copy as from the buyer's side (<see cref="AsFromBuyer"/>).
    /// </summary>
    private async Task<IngestResult> RecordCopyAsync(
        IStoreTransaction transaction, Channel channel, InboundMessage message, InboundMessage fromBuyer, Conversation? existing, ThreadingMatch threadedBy, Message stored, Instant now, CancellationToken cancellationToken)
    {
        var id = stored.ConversationId;
        var at = stored.At;
        var changes = new List<ConversationChange>(3);
        Conversation conversation;
        if (existing is null)
        {
            conversation = NewConversation(id, channel, fromBuyer, at, now) with
            {
                Status = ConversationStatus.AwaitingBuyer,
                NoReplyNeeded = false,
                SellerReplyCount = 1,
                FirstOutboundAt = at,
                LastOutboundAt = at,
            };
            changes.Add(new(id, now, SystemActor, ChangeKinds.Created, null, conversation.Status.ToString()));
        }
        else
        {
            conversation = existing with
            {
                Status = existing.Status is ConversationStatus.Open or ConversationStatus.Pending ? ConversationStatus.AwaitingBuyer : existing.Status,
                OrderId = existing.OrderId ?? message.OrderId,
                MessageCount = existing.MessageCount + 1,
                SellerReplyCount = existing.SellerReplyCount + 1,
                FirstOutboundAt = existing.FirstOutboundAt is { } first && first < at ? first : at,
                LastOutboundAt = existing.LastOutboundAt is { } last && last > at ? last : at,
                UpdatedAt = now,
                Version = existing.Version + 1,
            };
            if (conversation.Status != existing.Status)
            {
                changes.Add(new(id, now, SystemActor, ChangeKinds.Status, existing.Status.ToString(), conversation.Status.ToString()));
            }

            conversation = await _automation.OnChangedAsync(transaction, existing, conversation, now, cancellationToken).ConfigureAwait(false);
        }

        changes.Add(new(id, now, SystemActor, ChangeKinds.Reply, null, stored.Id.Value));
        await SaveAsync(transaction, existing is null, conversation, stored, message, changes, cancellationToken).ConfigureAwait(false);
        return new IngestResult
        {
            Outcome = existing is null ? IngestOutcome.Created : IngestOutcome.Appended,
            ThreadedBy = threadedBy,
            ConversationId = id,
            MessageId = stored.Id,
            ChannelId = channel.Id,
            Warnings = message.Warnings,
        };
    }

    /// <summary>Writes what an ingest changed: the conversation (inserted or updated), the message, its participants and the history.</summary>
    private static async ValueTask SaveAsync(
        IStoreTransaction transaction, bool isNew, Conversation conversation, Message stored, InboundMessage message, List<ConversationChange> changes, CancellationToken cancellationToken)
    {
        if (isNew)
        {
            await transaction.InsertConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.UpdateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        }

        await transaction.InsertMessageAsync(stored, cancellationToken).ConfigureAwait(false);
        await transaction.AddParticipantsAsync(conversation.Id, Participants(message), cancellationToken).ConfigureAwait(false);
        await transaction.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A copy of the seller's reply as the buyer's side would have sent it, for threading: from the relay alias it
    /// comes from, else from a relay alias or other address it went to (a Sent folder's copy is from the seller to the
    /// buyer).
    /// </summary>
    private static InboundMessage AsFromBuyer(InboundMessage copy, Channel channel)
    {
        if (copy.IsFromRelayAlias)
        {
            return copy;
        }

        var buyer = copy.To.FirstOrDefault(t => AmazonMarketplaces.IsRelayAddress(t.Address))
            ?? copy.To.FirstOrDefault(t => !string.Equals(t.Address, channel.Address, StringComparison.OrdinalIgnoreCase));
        return buyer is null ? copy : copy with { From = buyer };
    }

    private async Task<IngestResult> QuarantineInAsync(IStoreTransaction transaction, ReadOnlyMemory<byte> raw, string reason, string? source, ChannelId? channelId, CancellationToken cancellationToken)
    {
        var item = new QuarantinedItem { At = _clock.GetCurrentInstant(), Source = source, Reason = reason, ChannelId = channelId, Raw = raw };
        var id = await transaction.InsertQuarantineAsync(item, cancellationToken).ConfigureAwait(false);
        return new IngestResult { Outcome = IngestOutcome.Quarantined, QuarantineReason = reason, QuarantineId = id };
    }

    /// <summary>Logs and counts a result once it is committed.</summary>
    private void Report(IngestResult result, string? source)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Quarantined:
                Log.Quarantined(_logger, source, result.QuarantineId!.Value, result.QuarantineReason!);
                break;
            case IngestOutcome.Duplicate:
                Log.DuplicateIgnored(_logger, result.MessageId!.Value);
                break;
            default:
                Log.MessageIngested(_logger, result.MessageId!.Value, result.ConversationId!.Value, result.Outcome, result.ThreadedBy, result.ChannelId!.Value);
                foreach (var warning in result.Warnings)
                {
                    Log.IngestedWithWarning(_logger, source, result.MessageId!.Value, warning);
                }

                break;
        }

        _instruments.RecordIngest(result.Outcome);
    }

    /// <summary>
    /// Finds the stored message this one is a delivery of, and the external id to store it with: the channel's own id
    /// for it when it has one, else (no Message-ID, or a Message-ID another sender's message already uses) a hash of
    /// its content. The same Message-ID counts as the same message only when its sender takes part in the stored
    /// message's conversation: weak ids such as <c>&lt;1@localhost&gt;</c> are reused by unrelated mailers, and a
    /// buyer's mail must not be dropped as another's duplicate.
    /// </summary>
    private async ValueTask<(MessageLocation? Duplicate, string? ExternalId)> FindDuplicateAsync(IStoreTransaction transaction, Channel channel, InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ExternalId is { } own
            && await transaction.FindMessageByExternalIdAsync(channel.Id, own, cancellationToken).ConfigureAwait(false) is { } byExternal)
        {
            return (byExternal, own);
        }

        if (message.InternetMessageId is { } internetMessageId
            && await transaction.FindMessageByInternetMessageIdAsync(channel.StoreId, internetMessageId, cancellationToken).ConfigureAwait(false) is { } byMessageId)
        {
            if (await transaction.IsParticipantAsync(byMessageId.ConversationId, message.From.Address, cancellationToken).ConfigureAwait(false))
            {
                return (byMessageId, message.ExternalId);
            }

            Log.MessageIdReused(_logger, internetMessageId, byMessageId.Id);
        }
        else if (message.InternetMessageId is not null)
        {
            return (null, message.ExternalId);
        }

        if (message.ExternalId is not null)
        {
            return (null, message.ExternalId);
        }

        var key = ContentKey(message);
        if (await transaction.FindMessageByExternalIdAsync(channel.Id, key, cancellationToken).ConfigureAwait(false) is { } byContent)
        {
            return (byContent, key);
        }

        // Stores written before 2026-12-07 keyed mail without a Message-ID by a hash of its raw bytes.
        if (message.InternetMessageId is null && !message.Raw.IsEmpty
            && await transaction.FindMessageByExternalIdAsync(channel.Id, RawHash(message.Raw.Span), cancellationToken).ConfigureAwait(false) is { } byRaw)
        {
            return (byRaw, key);
        }

        return (null, key);
    }

    private async ValueTask<(Conversation? Conversation, ThreadingMatch By)> FindThreadAsync(
        IStoreTransaction transaction, Channel channel, InboundMessage message, Instant now, CancellationToken cancellationToken)
    {
        var sender = message.From.Address;
        var references = ThreadingKeys.ReferencedIds(message.InReplyTo, message.References, message.InternetMessageId);
        foreach (var reference in references)
        {
            if (await transaction.FindMessageByInternetMessageIdAsync(channel.StoreId, reference, cancellationToken).ConfigureAwait(false) is not { } referenced)
            {
                continue;
            }

            if (await transaction.IsParticipantAsync(referenced.ConversationId, sender, cancellationToken).ConfigureAwait(false))
            {
                return Found(await transaction.GetConversationAsync(referenced.ConversationId, cancellationToken).ConfigureAwait(false), ThreadingMatch.References);
            }

            // The sender was not in that thread: never merge a stranger, whatever they quote.
            references = [];
            break;
        }

        // Mail is not always delivered, fetched or imported in order. A stored reply that names this message, or (when
        // none of the messages this one names is stored) a stored message that names one of them too, is of the same
        // thread; it brings this message in on the same terms, unless its conversation is about another order.
        if (message.InternetMessageId is { Length: > 0 } own
            && await InThreadOfReplyAsync(transaction, channel.StoreId, own, message, cancellationToken).ConfigureAwait(false) is { } ofReply)
        {
            return (ofReply, ThreadingMatch.LaterReply);
        }

        foreach (var reference in references)
        {
            if (await InThreadOfReplyAsync(transaction, channel.StoreId, reference, message, cancellationToken).ConfigureAwait(false) is { } ofSibling)
            {
                return (ofSibling, ThreadingMatch.SharedReference);
            }
        }

        var buyerKey = ThreadingKeys.BuyerKey(sender);
        var sharedAddress = IsSharedRelayAddress(buyerKey);
        if (message.IsFromRelayAlias && !(sharedAddress && message.OrderId is null))
        {
            var byRelay = await transaction.FindConversationByBuyerAndOrderAsync(channel.StoreId, buyerKey, message.OrderId, cancellationToken).ConfigureAwait(false);
            if (byRelay is not null)
            {
                return (byRelay, ThreadingMatch.RelayAliasAndOrder);
            }
        }

        var subjectKey = ThreadingKeys.SubjectKey(message.Subject);
        if (subjectKey.Length == 0 || sharedAddress)
        {
            return (null, ThreadingMatch.None);
        }

        // The window runs back from the message's own arrival, so that a backlog imported today threads as it did then.
        var arrival = message.ReceivedAt is { } received && received <= now ? received : now;
        var bySubject = await transaction.FindConversationBySubjectAsync(channel.Id, buyerKey, subjectKey, arrival - _options.SubjectFallbackDuration, cancellationToken).ConfigureAwait(false);
        return bySubject is not null && SameOrder(bySubject, message)
            ? (bySubject, ThreadingMatch.Subject)
            : (null, ThreadingMatch.None);

        static (Conversation?, ThreadingMatch) Found(Conversation? conversation, ThreadingMatch by) => (conversation, conversation is null ? ThreadingMatch.None : by);
    }

    /// <summary>
    /// The conversation of the first stored message that names <paramref name="internetMessageId"/> in a conversation
    /// the sender takes part in, unless that conversation is about another order than the message.
    /// </summary>
    private static async ValueTask<Conversation?> InThreadOfReplyAsync(
        IStoreTransaction transaction, StoreId storeId, string internetMessageId, InboundMessage message, CancellationToken cancellationToken)
    {
        if (await transaction.FindMessageReferencingAsync(storeId, internetMessageId, message.From.Address, cancellationToken).ConfigureAwait(false) is not { } reply)
        {
            return null;
        }

        var conversation = await transaction.GetConversationAsync(reply.ConversationId, cancellationToken).ConfigureAwait(false);
        return conversation is not null && SameOrder(conversation, message) ? conversation : null;
    }

    /// <summary>Whether a conversation may take a message as far as orders go: both about the same one, or either about none.</summary>
    private static bool SameOrder(Conversation conversation, InboundMessage message) =>
        conversation.OrderId is null || message.OrderId is null || conversation.OrderId == message.OrderId;

    /// <summary>Amazon Business orders share one no-reply relay address; it does not identify a buyer.</summary>
    private static bool IsSharedRelayAddress(string buyerKey) =>
        buyerKey.StartsWith("no-reply", StringComparison.Ordinal) && AmazonMarketplaces.IsRelayAddress(buyerKey);

    private static Conversation NewConversation(ConversationId id, Channel channel, InboundMessage message, Instant at, Instant now) => new()
    {
        Id = id,
        StoreId = channel.StoreId,
        ChannelId = channel.Id,
        Buyer = new Buyer(BuyerName(message), message.From.Address, message.IsFromRelayAlias),
        OrderId = message.OrderId,
        Subject = message.Subject,
        MessageType = message.MessageType,
        Language = message.Language,
        Status = ConversationStatus.Open,
        NoReplyNeeded = message.IsAmazonNotice,
        MessageCount = 1,
        FirstInboundAt = at,
        LastInboundAt = at,
        UpdatedAt = now,
        Version = 1,
    };

    private static Conversation Append(Conversation existing, InboundMessage message, Instant at, Instant now) => existing with
    {
        Status = !message.IsAmazonNotice && existing.Status is ConversationStatus.Resolved or ConversationStatus.AwaitingBuyer ? ConversationStatus.Open : existing.Status,
        NoReplyNeeded = existing.NoReplyNeeded && message.IsAmazonNotice,
        OrderId = existing.OrderId ?? message.OrderId,
        MessageType = existing.MessageType == BuyerMessageType.Other ? message.MessageType : existing.MessageType,
        Language = existing.Language ?? message.Language,
        Buyer = existing.Buyer.Name is null && BuyerName(message) is { } name ? existing.Buyer with { Name = name } : existing.Buyer,
        MessageCount = existing.MessageCount + 1,
        FirstInboundAt = at < existing.FirstInboundAt ? at : existing.FirstInboundAt,
        LastInboundAt = at > existing.LastInboundAt ? at : existing.LastInboundAt,
        UpdatedAt = now,
        Version = existing.Version + 1,
    };

    /// <summary>
    /// The buyer's name: the one the adapter found, else the sender's display name, except for Amazon relay mail, whose
    /// display name may be a placeholder ("Amazon Customer") or carry Amazon's suffix: the relay parser has already
    /// taken what it says of the buyer.
    /// </summary>
    private static string? BuyerName(InboundMessage message) =>
        message.BuyerName ?? (message.IsFromRelayAlias ? null : message.From.Name);

    /// <summary>The sender's, then the recipients' and the copies' addresses, in that order.</summary>
    private static string[] Participants(InboundMessage message)
    {
        var addresses = new string[1 + message.To.Count + message.Cc.Count];
        var count = 0;
        addresses[count++] = message.From.Address;
        for (var i = 0; i < message.To.Count; i++)
        {
            addresses[count++] = message.To[i].Address;
        }

        for (var i = 0; i < message.Cc.Count; i++)
        {
            addresses[count++] = message.Cc[i].Address;
        }

        return addresses;
    }

    /// <summary>
    /// A hash of what a message says, not of how it travelled: the sender, the Date, the subject, the text and the
    /// attachments (name, type, size), so that the same mail delivered again through another relay (other Received
    /// lines, another envelope) is recognised.
    /// </summary>
    private static string ContentKey(InboundMessage message)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value ?? string.Empty));
            hash.AppendData("\u001f"u8);
        }

        Add(message.From.Address.ToLowerInvariant());
        Add(message.SentAt?.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
        Add(message.Subject);
        Add(message.Text);
        foreach (var attachment in message.Attachments)
        {
            Add(attachment.FileName);
            Add(attachment.ContentType);
            Add(attachment.Size.ToString(CultureInfo.InvariantCulture));
        }

        return "content-sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string RawHash(ReadOnlySpan<byte> raw)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(raw, hash);
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
