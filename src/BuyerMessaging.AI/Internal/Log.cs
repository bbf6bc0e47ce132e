using Microsoft.Extensions.Logging;

namespace BuyerMessaging.Internal;

/// <summary>The log events of BuyerMessaging.AI (event ids 4000-4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "SemanticRerankFailed", Level = LogLevel.Warning,
        Message = "The embedding generator failed; the lexical match stands ({Language}, {Candidates} candidates)")]
    public static partial void SemanticRerankFailed(ILogger logger, string language, int candidates, Exception exception);

    [LoggerMessage(EventId = 4001, EventName = "SemanticRerankChangedTop", Level = LogLevel.Debug,
        Message = "Semantic re-ranking put template {TemplateId} first instead of {LexicalTemplateId}: suggested, not sent automatically")]
    public static partial void SemanticRerankChangedTop(ILogger logger, string templateId, string lexicalTemplateId);
}
