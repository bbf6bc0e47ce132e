using System.Globalization;
using BuyerMessaging.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Runs due scheduled work and the outbox: leases due items in a store transaction, runs each (auto-replies, smart
/// matching and replies, SLA warnings, sends, event deliveries), and retries a failed one with exponential back-off and
/// jitter until <see cref="WorkQueueOptions.MaxAttempts"/>, after which it is <see cref="WorkItemState.Failed"/> with the
/// reason and an event (<see cref="InboxEventKind.SendFailed"/> or <see cref="InboxEventKind.WorkFailed"/>).
/// </summary>
/// <remarks>
/// <para>A due auto-reply or smart reply is checked against the seller's settings as they are when it falls due, not
/// when it was scheduled: when the conversation was answered, resolved or marked "no reply needed", the channel is
/// disabled, the policy is paused or no longer names the template, or the template is paused, deleted or not usable on
/// the channel, nothing is sent and the item succeeds with "skipped: " and the reason as its
/// <see cref="WorkItem.Result"/> (it is not retried). The conversation keeps its SLA clock, so its warnings still come
/// and it stays in the queue for a person. An automatic reply already in the outbox (its send waiting for a retry) is
/// checked again before it is sent: when a person answered, resolved or marked "no reply needed" meanwhile, it is
/// skipped the same way, so the buyer does not get both answers.</para>
/// <para>Several workers may share a store: a lease keeps an item to one worker until it expires. A worker that dies
/// holding a lease leaves the item to be taken over after <see cref="WorkQueueOptions.LeaseDuration"/>; each lease counts
/// as an attempt, and an item leased again after its last attempt ended so is not run again but fails as abandoned (an
/// item that stops its worker every time would otherwise run for ever). Every item ends in the same transaction as its
/// effects, and only while its worker still holds the lease, so an effect is applied once. A send may reach the
/// <see cref="IOutboundSender"/> again after a crash between sending and recording; it carries the same idempotency key,
/// which the sender uses to send it once.</para>
/// <para><see cref="RunOnceAsync"/> runs one pass (tests, the CLI); <see cref="WorkQueueHostedService"/> runs passes in a
/// host. Thread-safe.</para>
/// </remarks>
public sealed class WorkQueueWorker
{
    private readonly IConversationStore _store;
    private readonly IClock _clock;
    private readonly WorkQueueOptions _options;
    private readonly Func<double> _random;
    private readonly ILogger _logger;
    private readonly Instruments _instruments;
    private readonly Dictionary<string, IWorkHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="WorkQueueWorker"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="sender">Sends outgoing messages.</param>
    /// <param name="eventHandlers">Receive the events; <see langword="null"/> for none.</param>
    /// <param name="templates">Looks templates up; <see langword="null"/> for the templates saved in <paramref name="store"/> (a due automatic reply whose template is missing is skipped with the reason).</param>
    /// <param name="matcher">Matches smart-reply templates; <see langword="null"/> for <see cref="LexicalTemplateMatcher.Default"/>.</param>
    /// <param name="renderer">Renders templates; <see langword="null"/> for the simple variable renderer.</param>
    /// <param name="automation">The time rules (SLA policies); <see langword="null"/> for the defaults.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="contentChecker">
    /// Checks every send on an Amazon channel against Amazon's messaging rules; a block fails the send at once with the
    /// findings as the reason and raises <see cref="InboxEventKind.SendFailed"/>, and nothing is sent.
    /// <see cref="AmazonContentChecker.Default"/> when <see langword="null"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="clock"/> or <paramref name="sender"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public WorkQueueWorker(
        IConversationStore store,
        IClock clock,
        IOutboundSender sender,
        IEnumerable<IInboxEventHandler>? eventHandlers = null,
        ITemplateSource? templates = null,
        ITemplateMatcher? matcher = null,
        ITemplateRenderer? renderer = null,
        InboxAutomation? automation = null,
        IOptions<WorkQueueOptions>? options = null,
        ILogger<WorkQueueWorker>? logger = null,
        IContentChecker? contentChecker = null)
        : this(store, clock, sender, eventHandlers, templates, matcher, renderer, automation, options, logger, null, contentChecker)
    {
    }

    internal WorkQueueWorker(
        IConversationStore store,
        IClock clock,
        IOutboundSender sender,
        IEnumerable<IInboxEventHandler>? eventHandlers,
        ITemplateSource? templates,
        ITemplateMatcher? matcher,
        ITemplateRenderer? renderer,
        InboxAutomation? automation,
        IOptions<WorkQueueOptions>? options,
        ILogger<WorkQueueWorker>? logger,
        Instruments? instruments,
        IContentChecker? contentChecker = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(sender);
        _store = store;
        _clock = clock;
        _options = options?.Value ?? new WorkQueueOptions();
        var validation = new WorkQueueOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(string.Empty, typeof(WorkQueueOptions), validation.Failures);
        }

        _random = _options.Randomizer ?? DefaultRandom.Next;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _instruments = instruments ?? Instruments.Default;
        WorkerId = _options.WorkerId ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
        var context = new WorkContext(
            store, clock, WorkerId, automation ?? new InboxAutomation(), sender, [.. eventHandlers ?? []],
            templates ?? new StoreTemplateSource(store), matcher ?? LexicalTemplateMatcher.Default, renderer ?? new LiquidTemplateRenderer(clock, store: store), _logger,
            contentChecker ?? AmazonContentChecker.Default);
        IWorkHandler[] handlers = [new AutomaticReplyWork(context), new SmartMatchWork(context), new SlaCheckWork(context), new SendWork(context), new EventWork(context)];
        foreach (var handler in handlers)
        {
            foreach (var kind in handler.Kinds)
            {
                _handlers[kind] = handler;
            }
        }
    }

    /// <summary>Gets the worker's id, recorded as the owner of its leases.</summary>
    public string WorkerId { get; }

    /// <summary>Runs one pass: leases up to <see cref="WorkQueueOptions.BatchSize"/> due items and runs them one after the other.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests; items not finished keep their lease until it expires.</param>
    /// <returns>What the pass did.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WorkPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<WorkItem> leased;
        var tx = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            leased = await tx.LeaseDueWorkAsync(_clock.GetCurrentInstant(), WorkerId, Duration.FromTimeSpan(_options.LeaseDuration), _options.BatchSize, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (leased.Count > 0)
        {
            Log.WorkLeased(_logger, WorkerId, leased.Count);
        }

        int succeeded = 0, retried = 0, failed = 0, lost = 0;
        foreach (var item in leased)
        {
            using var activity = Instruments.ActivitySource.StartActivity("buyer_messaging.work");
            activity?.SetTag("buyer_messaging.work.kind", item.Kind);
            if (_clock.GetCurrentInstant() >= item.LeaseExpiresAt)
            {
                // The batch took longer than the lease: another worker may own this item now.
                Log.LeaseLost(_logger, item.Id, item.Kind);
                _instruments.RecordWork(item.Kind, "lease_lost");
                lost++;
                continue;
            }

            if (item.Attempts > _options.MaxAttempts)
            {
                // Each lease is an attempt, and the last one ended with its worker gone (the lease expired): an item that
                // stops its worker every time would otherwise run for ever.
                var abandoned = string.Create(CultureInfo.InvariantCulture, $"Abandoned after {_options.MaxAttempts} attempts: the worker holding the last one stopped before finishing it (its lease expired).");
                Count(item, await FailAsync(item, abandoned, null, cancellationToken).ConfigureAwait(false));
                continue;
            }

            try
            {
                var handler = _handlers.GetValueOrDefault(item.Kind) ?? throw new InvalidOperationException($"No handler runs work of kind '{item.Kind}'.");
                if (await handler.RunAsync(item, cancellationToken).ConfigureAwait(false))
                {
                    succeeded++;
                    _instruments.RecordWork(item.Kind, "succeeded");
                }
                else
                {
                    lost++;
                    _instruments.RecordWork(item.Kind, "lease_lost");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                activity?.SetTag("error.type", ex.GetType().FullName);
                Count(item, await FailAsync(item, $"{ex.GetType().Name}: {ex.Message}", ex, cancellationToken).ConfigureAwait(false));
            }
        }

        return new WorkPassResult(leased.Count, succeeded, retried, failed, lost);

        void Count(WorkItem item, WorkItemState? outcome)
        {
            switch (outcome)
            {
                case WorkItemState.Failed:
                    failed++;
                    _instruments.RecordWork(item.Kind, "failed");
                    break;
                case WorkItemState.Pending:
                    retried++;
                    _instruments.RecordWork(item.Kind, "retried");
                    break;
                default:
                    lost++;
                    _instruments.RecordWork(item.Kind, "lease_lost");
                    break;
            }
        }
    }

    /// <summary>Runs passes until no work is due (for the CLI and tests); stops after <paramref name="maxPasses"/>.</summary>
    /// <param name="maxPasses">The most passes.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The sum of the passes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPasses"/> is not positive.</exception>
    public async Task<WorkPassResult> RunUntilIdleAsync(int maxPasses = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPasses);
        var total = new WorkPassResult(0, 0, 0, 0, 0);
        for (var i = 0; i < maxPasses; i++)
        {
            var pass = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            total = new(total.Leased + pass.Leased, total.Succeeded + pass.Succeeded, total.Retried + pass.Retried, total.Failed + pass.Failed, total.LeaseLost + pass.LeaseLost);
            if (pass.Leased == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Returns the delay before retry number <paramref name="attempt"/> (1 for the first retry): doubling from the base, capped, with jitter in [50 %, 100 %].</summary>
    internal Duration RetryDelay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = Math.Min(_options.RetryBaseDelay.TotalSeconds * Math.Pow(2, exponent), _options.RetryMaxDelay.TotalSeconds);
        var jitter = 0.5 + (0.5 * Math.Clamp(_random(), 0, 1));
        return Duration.FromSeconds(Math.Round(delay * jitter, 3));
    }

    /// <summary>Ends a leased item that failed: retried later, or failed for good on its last attempt, after a blocked text, or when <paramref name="exception"/> is <see langword="null"/> (abandoned).</summary>
    private async Task<WorkItemState?> FailAsync(WorkItem item, string error, Exception? exception, CancellationToken cancellationToken)
    {
        if (error.Length > 2000)
        {
            error = error[..2000];
        }

        var tx = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var now = _clock.GetCurrentInstant();
            // A blocked text stays blocked: retrying it would only delay the failure the seller has to see.
            if (item.Attempts >= _options.MaxAttempts || exception is ContentBlockedException or null)
            {
                if (!await tx.EndLeaseAsync(item.Id, WorkerId, WorkItemState.Failed, now, error, null, cancellationToken).ConfigureAwait(false))
                {
                    Log.LeaseLost(_logger, item.Id, item.Kind);
                    return null;
                }

                if (item.Kind != WorkKinds.Event)
                {
                    await InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
                    {
                        Id = $"failed:{item.IdempotencyKey}",
                        Kind = item.Kind == WorkKinds.Send ? InboxEventKind.SendFailed : InboxEventKind.WorkFailed,
                        At = now,
                        ConversationId = item.ConversationId,
                        Detail = $"{item.Kind}: {error}",
                    }, now, cancellationToken).ConfigureAwait(false);
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.WorkFailed(_logger, exception, item.Id, item.Kind, item.Attempts);
                return WorkItemState.Failed;
            }

            var retryAt = now + RetryDelay(item.Attempts);
            if (!await tx.EndLeaseAsync(item.Id, WorkerId, WorkItemState.Pending, now, error, retryAt, cancellationToken).ConfigureAwait(false))
            {
                Log.LeaseLost(_logger, item.Id, item.Kind);
                return null;
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            Log.WorkRetried(_logger, exception, item.Id, item.Kind, item.Attempts, retryAt);
            return WorkItemState.Pending;
        }
    }
}
