using System.Collections.Concurrent;
using System.Globalization;

namespace BuyerMessaging.Tests;

/// <summary>
/// An idempotent sender that records what goes out: a key sent once is never delivered again (the same receipt is
/// returned), as a real sender must. Hooks run before and after the delivery, to simulate failures and crashes.
/// </summary>
public sealed class RecordingSender : IOutboundSender
{
    private readonly ConcurrentDictionary<string, SendReceipt> _sent = new(StringComparer.Ordinal);
    private int _calls;

    public List<(string Key, OutgoingMessage Message)> Delivered { get; } = [];

    public int Calls => _calls;

    /// <summary>Runs before anything is delivered; throw to fail the send, or never complete to "kill" the worker.</summary>
    public Func<OutgoingMessage, CancellationToken, Task>? BeforeSend { get; set; }

    /// <summary>Runs after the message was delivered, before the receipt returns.</summary>
    public Func<OutgoingMessage, CancellationToken, Task>? AfterSend { get; set; }

    public async Task<SendReceipt> SendAsync(Channel channel, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (BeforeSend is { } before)
        {
            await before(message, cancellationToken);
        }

        var receipt = _sent.GetOrAdd(idempotencyKey, key =>
        {
            lock (Delivered)
            {
                Delivered.Add((key, message));
                return new SendReceipt(string.Create(CultureInfo.InvariantCulture, $"out-{Delivered.Count}"));
            }
        });
        if (AfterSend is { } after)
        {
            await after(message, cancellationToken);
        }

        return receipt;
    }
}

/// <summary>Records the events it receives; <see cref="Fail"/> makes it throw (the event is then delivered again).</summary>
public sealed class RecordingEventHandler : IInboxEventHandler
{
    public List<InboxEvent> Received { get; } = [];

    public Func<InboxEvent, bool>? Fail { get; set; }

    public Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(inboxEvent);
        }

        return Fail?.Invoke(inboxEvent) == true ? throw new InvalidOperationException("handler down") : Task.CompletedTask;
    }

    public IReadOnlyList<InboxEvent> Of(InboxEventKind kind)
    {
        lock (Received)
        {
            return [.. Received.Where(e => e.Kind == kind)];
        }
    }
}

/// <summary>The test implementation of the matcher port: a callback decides.</summary>
public sealed class FakeTemplateMatcher : ITemplateMatcher
{
    public Func<TemplateMatchRequest, TemplateMatch> Match { get; set; } = r => Failed(r);

    public List<TemplateMatchRequest> Calls { get; } = [];

    public ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Add(request);
        return ValueTask.FromResult(Match(request));
    }

    /// <summary>Matches the first candidate whose example occurs in the text (case-insensitive).</summary>
    public static TemplateMatch ByExample(TemplateMatchRequest request) =>
        request.Templates.FirstOrDefault(t => t.Examples.Any(e => request.Text.Contains(e, StringComparison.OrdinalIgnoreCase))) is { } hit
            ? Outcome(request, MatchOutcome.Matched, hit.Id, 1)
            : Failed(request);

    /// <summary>A failed match.</summary>
    public static TemplateMatch Failed(TemplateMatchRequest request) => Outcome(request, MatchOutcome.Failed, null, 0);

    /// <summary>A match with the given outcome.</summary>
    public static TemplateMatch Outcome(TemplateMatchRequest request, MatchOutcome outcome, TemplateId? id, double confidence) => new()
    {
        Outcome = outcome,
        TemplateId = id,
        Confidence = confidence,
        Language = request.Language ?? "en",
        Candidates = id is { } t ? [new TemplateCandidate { TemplateId = t, Score = confidence, Confidence = confidence }] : [],
    };
}
