using System.Text.Json.Serialization;

namespace BuyerMessaging.Cli;

// The JSON contracts of the CLI. Field names are camelCase and stable; every field is always written (null when
// absent), except an attachment's "defect", written only for a damaged attachment. Instants are ISO-8601 in UTC ("2026-11-02T14:03:19Z"); enum values are camelCase ("awaitingBuyer").

/// <summary><c>{"error":"..."}</c>: what every command prints on stdout with <c>--json</c> when it fails.</summary>
internal sealed record ErrorJson(string Error);

/// <summary>The result of <c>ingest</c>: <c>{"ingested":N,"duplicates":N,"quarantined":[{"file":"...","reason":"..."}]}</c>.</summary>
internal sealed record IngestJson(int Ingested, int Duplicates, IReadOnlyList<QuarantinedFileJson> Quarantined);

/// <summary>A file that was quarantined, with the path as given on the command line and the reason.</summary>
internal sealed record QuarantinedFileJson(string File, string Reason);

/// <summary>The normalised message printed by <c>parse --json</c>.</summary>
internal sealed record ParsedMessageJson(
    string ChannelKind,
    string? Marketplace,
    string? OrderId,
    string? BuyerName,
    string MessageType,
    string? Language,
    string Subject,
    string From,
    string? MessageId,
    string Text,
    IReadOnlyList<AttachmentJson> Attachments);

/// <summary>
/// An attachment: file name, MIME type and size in bytes; <c>defect</c> only for one that was read damaged (the message
/// was cut short inside it, its base64 was invalid), saying why the content may be incomplete.
/// </summary>
internal sealed record AttachmentJson(
    string FileName,
    string ContentType,
    long Size,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Defect = null);

/// <summary>A conversation as <c>inbox</c>, <c>show</c> and the edit commands print it.</summary>
internal sealed record ConversationJson
{
    public required string Id { get; init; }

    public required string StoreId { get; init; }

    public required string ChannelId { get; init; }

    public required string? ChannelName { get; init; }

    public required string BuyerName { get; init; }

    public required string BuyerAddress { get; init; }

    public required bool BuyerIsRelayAlias { get; init; }

    public required string? OrderId { get; init; }

    public required string Subject { get; init; }

    public required string MessageType { get; init; }

    public required string? Language { get; init; }

    public required string Status { get; init; }

    public required string? FolderId { get; init; }

    public required string? Assignee { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required string ReadState { get; init; }

    public required string? ReadAt { get; init; }

    public required int SellerReplyCount { get; init; }

    public required int MessageCount { get; init; }

    public required string FirstInboundAt { get; init; }

    public required string LastInboundAt { get; init; }

    public required string? FirstOutboundAt { get; init; }

    public required string? LastOutboundAt { get; init; }

    public required string UpdatedAt { get; init; }

    public required string? SlaDueAt { get; init; }

    /// <summary>Gets the remaining-time column (残り時間) as data.</summary>
    public required SlaJson Sla { get; init; }

    public required bool NoReplyNeeded { get; init; }

    public required long Version { get; init; }
}

/// <summary>One page of <c>inbox</c>: the conversations and the cursor of the next page (null on the last page).</summary>
internal sealed record InboxJson(IReadOnlyList<ConversationJson> Items, string? NextCursor);

/// <summary>The conversations an edit command changed.</summary>
internal sealed record ConversationListJson(IReadOnlyList<ConversationJson> Items);

/// <summary>A sender or recipient.</summary>
internal sealed record ParticipantJson(string? Name, string Address);

/// <summary>A message of a conversation as <c>show</c> prints it.</summary>
internal sealed record MessageJson(
    string Id,
    string Direction,
    ParticipantJson From,
    IReadOnlyList<ParticipantJson> To,
    IReadOnlyList<ParticipantJson> Cc,
    string At,
    string? SentAt,
    string Subject,
    string Text,
    string? Author,
    IReadOnlyList<AttachmentJson> Attachments);

/// <summary>One history entry: what changed, from what, to what, by whom, when.</summary>
internal sealed record HistoryJson(string What, string? From, string? To, string Actor, string At);

/// <summary>The output of <c>show</c>.</summary>
internal sealed record ShowJson(ConversationJson Conversation, IReadOnlyList<MessageJson> Messages, IReadOnlyList<HistoryJson> History);

/// <summary>The output of <c>note</c> and <c>reply</c>: the recorded message and the conversation after it.</summary>
internal sealed record MessageResultJson(MessageJson Message, ConversationJson Conversation);

/// <summary>A quarantined input as <c>quarantine</c> lists it.</summary>
internal sealed record QuarantineItemJson(long Id, string At, string? Source, string Reason, long Size, string? ChannelId);

/// <summary>The output of <c>quarantine</c>.</summary>
internal sealed record QuarantineListJson(IReadOnlyList<QuarantineItemJson> Items);

/// <summary><c>quarantine retry --json</c>: what came into the inbox, and what is still quarantined.</summary>
internal sealed record QuarantineRetryJson(int Ingested, int Duplicates, IReadOnlyList<QuarantineRetryFailureJson> Quarantined);

/// <summary>An item that failed again: its new id, the id it had, its source and the new reason.</summary>
internal sealed record QuarantineRetryFailureJson(long Id, long Was, string? Source, string Reason);

/// <summary><c>quarantine save --json</c>.</summary>
internal sealed record QuarantineSaveJson(long Id, string File, int Size);

/// <summary><c>quarantine delete --json</c>: the ids deleted.</summary>
internal sealed record QuarantineDeleteJson(IReadOnlyList<long> Deleted);

/// <summary>A folder.</summary>
internal sealed record FolderJson(string Id, string Name, string Kind, string? Status, bool Hidden, int Order);

/// <summary>The output of <c>folder list</c>.</summary>
internal sealed record FolderListJson(IReadOnlyList<FolderJson> Items);

/// <summary>The output of <c>folder delete</c>: the folder and how many conversations went back to their status folders.</summary>
internal sealed record FolderDeletedJson(string Deleted, int MovedBack);

/// <summary>The sidebar count of a folder.</summary>
internal sealed record FolderCountJson(string Id, string Name, string Kind, bool Hidden, int Count);

/// <summary>The sidebar count of a status.</summary>
internal sealed record StatusCountJson(string Status, string Name, int Count);

/// <summary>The sidebar counts.</summary>
internal sealed record CountsJson(IReadOnlyList<FolderCountJson> Folders, IReadOnlyList<StatusCountJson> Statuses, int Unread, int Total);

/// <summary>A channel of a store.</summary>
internal sealed record ChannelJson(string Id, string Kind, string Name, string? Address, string? CountryCode, bool Enabled);

/// <summary>A store and its channels.</summary>
internal sealed record StoreJson(string Id, string Name, IReadOnlyList<ChannelJson> Channels);

/// <summary>The output of <c>demo --json</c>.</summary>
internal sealed record DemoJson(string Database, IReadOnlyList<StoreJson> Stores, IngestJson Ingest, InboxJson Inbox, CountsJson Counts, TimeDemoJson? Automation);

/// <summary>A template as <c>templates list</c>, <c>show</c> and <c>copy</c> print it; <c>body</c> is null in lists.</summary>
internal sealed record TemplateJsonModel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string Language { get; init; }

    public string? StoreId { get; init; }

    public bool Sample { get; init; }

    public bool Favourite { get; init; }

    public bool Enabled { get; init; }

    public bool IsHtml { get; init; }

    public required string Subject { get; init; }

    public string? Body { get; init; }

    public required IReadOnlyList<string> MessageTypes { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<string> Examples { get; init; }

    public required IReadOnlyList<AttachmentJson> Attachments { get; init; }
}

/// <summary><c>templates list --json</c>: <c>{"templates":[...]}</c>.</summary>
internal sealed record TemplateListJson(IReadOnlyList<TemplateJsonModel> Templates);

/// <summary><c>templates render --json</c>: the subject (one line), the text and, for HTML templates, the HTML.</summary>
internal sealed record RenderedJson(string TemplateId, string Subject, string Text, string? Html);

/// <summary><c>templates favourite --json</c>: the store's favourite template ids, in order.</summary>
internal sealed record FavouritesJson(string StoreId, IReadOnlyList<string> Favourites);

/// <summary><c>templates import --json</c>: how many templates were saved, and how many of them replaced one of the store's.</summary>
internal sealed record TemplateImportJson(int Imported, int Replaced);

/// <summary><c>templates delete --json</c>: the deleted template, the policy members it was taken out of, and the policies paused (<c>--force</c>).</summary>
internal sealed record TemplateDeleteJson(string TemplateId, IReadOnlyList<TemplateUseJson> RemovedFrom, IReadOnlyList<TemplateUseJson> Paused);

/// <summary>A channel's policy member that named a template (<c>SmartReply.Templates[0]</c>), or a paused policy (<c>SmartReply</c>).</summary>
internal sealed record TemplateUseJson(string ChannelId, string Member);

/// <summary><c>detect --json</c>.</summary>
internal sealed record DetectJson(string Language, double Confidence);

/// <summary>The JSON of <c>smartreply simulate --db --channel</c>: the decision (no-policy, paused, would-send, match-failed), the match if any, and the explanation.</summary>
internal sealed record SmartReplySimulationJson(string ChannelId, string Decision, MatchJson? Match, IReadOnlyList<string> Explanation);

/// <summary><c>match --json</c> and <c>smartreply simulate --templates --json</c>: the outcome, the best template and the ranked candidates.</summary>

internal sealed record MatchJson(string Outcome, string? TemplateId, double Confidence, string Language, IReadOnlyList<MatchCandidateJson> Candidates);

/// <summary>One ranked candidate of <see cref="MatchJson"/>.</summary>
internal sealed record MatchCandidateJson(string TemplateId, double Confidence);

/// <summary>
/// The remaining-time column (残り時間) of a conversation: <c>state</c> remaining, overdue, awaitingBuyer or none;
/// whole hours left while remaining; whole days and hours past the due instant while overdue; the column's text.
/// </summary>
internal sealed record SlaJson(string State, int HoursLeft, int DaysOverdue, int HoursOverdue, string Text);
