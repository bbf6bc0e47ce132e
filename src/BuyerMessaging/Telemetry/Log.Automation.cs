using Microsoft.Extensions.Logging;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <content>Log events of the SLA clock, automatic replies and the worker (EventIds 1020-1059).</content>
internal static partial class Log
{
    [LoggerMessage(EventId = 1020, EventName = "AutoReplyScheduled", Level = LogLevel.Debug,
        Message = "Auto-reply for conversation {ConversationId} on channel {ChannelId} scheduled at {DueAt}")]
    public static partial void AutoReplyScheduled(ILogger logger, ConversationId conversationId, ChannelId channelId, Instant dueAt);

    [LoggerMessage(EventId = 1021, EventName = "AutoReplySkipped", Level = LogLevel.Debug,
        Message = "No auto-reply for conversation {ConversationId}: {Reason}")]
    public static partial void AutoReplySkipped(ILogger logger, ConversationId conversationId, string reason);

    [LoggerMessage(EventId = 1022, EventName = "AutomaticRepliesCancelled", Level = LogLevel.Debug,
        Message = "{Count} automatic replies of conversation {ConversationId} cancelled: {Reason}")]
    public static partial void AutomaticRepliesCancelled(ILogger logger, ConversationId conversationId, int count, string reason);

    [LoggerMessage(EventId = 1030, EventName = "WorkLeased", Level = LogLevel.Debug,
        Message = "Worker {WorkerId} leased {Count} items")]
    public static partial void WorkLeased(ILogger logger, string workerId, int count);

    [LoggerMessage(EventId = 1031, EventName = "WorkSucceeded", Level = LogLevel.Debug,
        Message = "Work item {WorkItemId} ({Kind}) done: {Outcome}")]
    public static partial void WorkSucceeded(ILogger logger, long workItemId, string kind, string outcome);

    [LoggerMessage(EventId = 1032, EventName = "WorkRetried", Level = LogLevel.Warning,
        Message = "Work item {WorkItemId} ({Kind}) failed on attempt {Attempt}; retry at {RetryAt}")]
    public static partial void WorkRetried(ILogger logger, Exception exception, long workItemId, string kind, int attempt, Instant retryAt);

    [LoggerMessage(EventId = 1033, EventName = "WorkFailed", Level = LogLevel.Error,
        Message = "Work item {WorkItemId} ({Kind}) failed on its last attempt {Attempt}")]
    public static partial void WorkFailed(ILogger logger, Exception? exception, long workItemId, string kind, int attempt);

    [LoggerMessage(EventId = 1034, EventName = "LeaseLost", Level = LogLevel.Warning,
        Message = "Work item {WorkItemId} ({Kind}) is no longer leased by this worker (taken over or cancelled); its result was discarded")]
    public static partial void LeaseLost(ILogger logger, long workItemId, string kind);

    [LoggerMessage(EventId = 1035, EventName = "WorkerPassFailed", Level = LogLevel.Error,
        Message = "A pass of worker {WorkerId} failed")]
    public static partial void WorkerPassFailed(ILogger logger, Exception exception, string workerId);
}
