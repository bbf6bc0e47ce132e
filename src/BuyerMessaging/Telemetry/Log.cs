using Microsoft.Extensions.Logging;

namespace BuyerMessaging.Internal;

/// <summary>The core's log events (EventIds 1000-1099). Buyer content is never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "MessageIngested", Level = LogLevel.Debug,
        Message = "Ingested message {MessageId} into conversation {ConversationId} ({Outcome}, threaded by {ThreadedBy}) on channel {ChannelId}")]
    public static partial void MessageIngested(ILogger logger, MessageId messageId, ConversationId conversationId, IngestOutcome outcome, ThreadingMatch threadedBy, ChannelId channelId);

    [LoggerMessage(EventId = 1001, EventName = "DuplicateIgnored", Level = LogLevel.Debug,
        Message = "Duplicate delivery of message {MessageId} ignored")]
    public static partial void DuplicateIgnored(ILogger logger, MessageId messageId);

    [LoggerMessage(EventId = 1002, EventName = "Quarantined", Level = LogLevel.Warning,
        Message = "Input from {Source} quarantined as item {QuarantineId}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string? source, long quarantineId, string reason);

    [LoggerMessage(EventId = 1005, EventName = "IngestFailed", Level = LogLevel.Error,
        Message = "Ingesting input from {Source} failed; it was rolled back alone and quarantined")]
    public static partial void IngestFailed(ILogger logger, string? source, Exception exception);

    [LoggerMessage(EventId = 1003, EventName = "ChannelCreated", Level = LogLevel.Information,
        Message = "Channel {ChannelId} created in store {StoreId} for unconfigured mail")]
    public static partial void ChannelCreated(ILogger logger, ChannelId channelId, StoreId storeId);

    [LoggerMessage(EventId = 1004, EventName = "ConversationReopened", Level = LogLevel.Debug,
        Message = "Conversation {ConversationId} reopened by a buyer message")]
    public static partial void ConversationReopened(ILogger logger, ConversationId conversationId);

    [LoggerMessage(EventId = 1006, EventName = "MessageIdReused", Level = LogLevel.Information,
        Message = "Message-ID {InternetMessageId} of stored message {MessageId} arrived again from a sender outside its conversation: kept as another message")]
    public static partial void MessageIdReused(ILogger logger, string internetMessageId, MessageId messageId);

    [LoggerMessage(EventId = 1007, EventName = "IngestedWithWarning", Level = LogLevel.Warning,
        Message = "Message {MessageId} from {Source} was ingested although part of it is damaged: {Warning}")]
    public static partial void IngestedWithWarning(ILogger logger, string? source, MessageId messageId, string warning);

    [LoggerMessage(EventId = 1010, EventName = "StoredRulesInvalid", Level = LogLevel.Error,
        Message = "Stored rules at revision {Revision} do not all compile; the invalid rules are skipped")]
    public static partial void StoredRulesInvalid(ILogger logger, long revision, Exception exception);

    [LoggerMessage(EventId = 1011, EventName = "RuleFolderMissing", Level = LogLevel.Warning,
        Message = "Rule {RuleId} moves conversations to folder {FolderId}, which no longer exists; the move is skipped")]
    public static partial void RuleFolderMissing(ILogger logger, RuleId ruleId, FolderId folderId);

    [LoggerMessage(EventId = 1012, EventName = "RulesApplied", Level = LogLevel.Debug,
        Message = "Rules {RuleIds} matched the message of conversation {ConversationId} and made {ChangeCount} changes")]
    public static partial void RulesApplied(ILogger logger, string ruleIds, ConversationId conversationId, int changeCount);
}
