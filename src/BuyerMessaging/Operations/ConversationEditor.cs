using BuyerMessaging.Internal;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The operations a person (or an automation acting as one) performs on conversations: status (one and bulk),
/// folder, assignee, read state, tags, "no reply needed", seller notes, forwards and recorded replies. Each call is
/// one store transaction and appends to the conversation's history who changed what, from what, to what, and when.
/// </summary>
/// <remarks>
/// Thread-safe. A change that changes nothing records nothing. Each change goes through the
/// <see cref="InboxAutomation"/> in the same transaction: a reply stops the SLA clock and cancels scheduled automatic
/// replies; resolving and "no reply needed" cancel them too; awaiting the buyer or resolving pauses the clock and
/// reopening resumes it.
/// </remarks>
public sealed class ConversationEditor
{
    private readonly IConversationStore _store;
    private readonly IClock _clock;
    private readonly InboxAutomation _automation;
    private readonly IContentChecker _contentChecker;

    /// <summary>Initializes a new instance of the <see cref="ConversationEditor"/> class with the default time rules.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ConversationEditor(IConversationStore store, IClock clock)
        : this(store, clock, new InboxAutomation())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConversationEditor"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="automation">The SLA clock and automatic-reply rules applied to each change.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ConversationEditor(IConversationStore store, IClock clock, InboxAutomation automation)
        : this(store, clock, automation, AmazonContentChecker.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConversationEditor"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="automation">The SLA clock and automatic-reply rules applied to each change.</param>
    /// <param name="contentChecker">Checks every reply to an Amazon buyer against Amazon's messaging rules before it is recorded or sent.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ConversationEditor(IConversationStore store, IClock clock, InboxAutomation automation, IContentChecker contentChecker)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(automation);
        ArgumentNullException.ThrowIfNull(contentChecker);
        _store = store;
        _clock = clock;
        _automation = automation;
        _contentChecker = contentChecker;
    }

    /// <summary>
    /// Checks a reply against Amazon's buyer-seller messaging rules without recording it, as a compose window does
    /// before the seller presses send: the findings (blocks and warnings) for the conversation's channel. Replies on a
    /// support mailbox have none. <see cref="RecordReplyAsync"/> and <see cref="SendReplyAsync"/> run the same check and
    /// refuse a reply with a block finding.
    /// </summary>
    /// <param name="id">The conversation.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<ContentCheckResult> CheckReplyAsync(ConversationId id, OutboundReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var conversation = await _store.GetConversationAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new ConversationNotFoundException(id);
        var channels = await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
        var channel = channels.FirstOrDefault(ch => ch.Id == conversation.ChannelId);
        return channel is null ? ContentCheckResult.Clean : CheckReply(channel, reply);
    }

    /// <summary>Sets the status of a conversation.</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="status">The new status.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined status.</exception>
    public async Task<Conversation> SetStatusAsync(ConversationId id, ConversationStatus status, AgentId actor, CancellationToken cancellationToken = default)
    {
        var result = await SetStatusAsync([id], status, actor, cancellationToken).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Sets the status of several conversations at once (all or none).</summary>
    /// <param name="ids">The conversations.</param>
    /// <param name="status">The new status.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversations after the change, in the order of <paramref name="ids"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined status.</exception>
    /// <exception cref="ConversationNotFoundException">One of the conversations does not exist; nothing was changed.</exception>
    public Task<IReadOnlyList<Conversation>> SetStatusAsync(IReadOnlyCollection<ConversationId> ids, ConversationStatus status, AgentId actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfUndefined(status);
        return MutateAsync(ids, actor, (c, changes, now) => WithStatus(c, status, changes, now, actor.Value), cancellationToken);
    }

    /// <summary>
    /// Moves a conversation to a folder. A custom folder keeps the status; a system folder takes the conversation out of
    /// its custom folder and gives it that folder's status.
    /// </summary>
    /// <param name="id">The conversation.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="actor">Who moves it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="FolderNotFoundException">There is no such folder.</exception>
    public async Task<Conversation> MoveToFolderAsync(ConversationId id, FolderId folder, AgentId actor, CancellationToken cancellationToken = default)
    {
        var systemStatus = SystemFolders.StatusOf(folder);
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            if (systemStatus is { } status)
            {
                var moved = WithFolder(c, null, changes, now, actor.Value);
                return WithStatus(moved, status, changes, now, actor.Value);
            }

            return WithFolder(c, folder, changes, now, actor.Value);
        }, cancellationToken, async tx =>
        {
            var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            if (!folders.Any(f => f.Id == folder))
            {
                throw new FolderNotFoundException(folder);
            }
        }).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Assigns a conversation to an agent, or to nobody.</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="assignee">The agent, or <see langword="null"/> for nobody.</param>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<Conversation> AssignAsync(ConversationId id, AgentId? assignee, AgentId actor, CancellationToken cancellationToken = default)
    {
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            if (c.Assignee == assignee)
            {
                return c;
            }

            changes.Add(new(c.Id, now, actor.Value, ChangeKinds.Assignee, c.Assignee?.Value, assignee?.Value));
            return c with { Assignee = assignee };
        }, cancellationToken).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Records that a person opened the conversation now (it shows as Read for an hour, then blank).</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="actor">Who opened it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<Conversation> MarkReadAsync(ConversationId id, AgentId actor, CancellationToken cancellationToken = default)
    {
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            changes.Add(new(c.Id, now, actor.Value, ChangeKinds.Read, c.ReadAt?.ToString(), now.ToString()));
            return c with { ReadAt = now };
        }, cancellationToken, touch: false).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Adds a tag (tags are compared case-insensitively; adding one that is there changes nothing).</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="actor">Who adds it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is empty or longer than 100 characters.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<Conversation> AddTagAsync(ConversationId id, string tag, AgentId actor, CancellationToken cancellationToken = default)
    {
        tag = ValidateTag(tag);
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            if (c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                return c;
            }

            changes.Add(new(c.Id, now, actor.Value, ChangeKinds.TagAdded, null, tag));
            return c with { Tags = [.. c.Tags, tag] };
        }, cancellationToken).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Removes a tag.</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is empty.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<Conversation> RemoveTagAsync(ConversationId id, string tag, AgentId actor, CancellationToken cancellationToken = default)
    {
        tag = ValidateTag(tag);
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            var kept = c.Tags.Where(t => !string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)).ToList();
            if (kept.Count == c.Tags.Count)
            {
                return c;
            }

            changes.Add(new(c.Id, now, actor.Value, ChangeKinds.TagRemoved, tag, null));
            return c with { Tags = kept };
        }, cancellationToken).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Marks that the conversation needs no reply (or clears the mark). The buyer writing again clears it.</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="noReplyNeeded">The new value.</param>
    /// <param name="actor">Who marks it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation after the change.</returns>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public async Task<Conversation> SetNoReplyNeededAsync(ConversationId id, bool noReplyNeeded, AgentId actor, CancellationToken cancellationToken = default)
    {
        var result = await MutateAsync([id], actor, (c, changes, now) =>
        {
            if (c.NoReplyNeeded == noReplyNeeded)
            {
                return c;
            }

            changes.Add(new(c.Id, now, actor.Value, ChangeKinds.NoReplyNeeded, Bool(c.NoReplyNeeded), Bool(noReplyNeeded)));
            return c with { NoReplyNeeded = noReplyNeeded, SlaDueAt = noReplyNeeded ? null : c.SlaDueAt };
        }, cancellationToken).ConfigureAwait(false);
        return result[0];
    }

    /// <summary>Adds a seller note (出品者メモ): kept with the conversation, never sent to the buyer.</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="text">The note.</param>
    /// <param name="author">Who writes it.</param>
    /// <param name="status">The status to set with the note, as BigCentral's note form allows, or <see langword="null"/> to keep it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The note.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public Task<Message> AddNoteAsync(ConversationId id, string text, AgentId author, ConversationStatus? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return AddMessageAsync(id, author, MessageDirection.SellerNote, ChangeKinds.Note, status, (c, messageId, now) => new Message
        {
            Id = messageId,
            ConversationId = c.Id,
            ChannelId = c.ChannelId,
            Direction = MessageDirection.SellerNote,
            From = new MailParticipant(author.Value, author.Value),
            Subject = c.Subject,
            Text = text,
            At = now,
            Author = author,
        }, cancellationToken);
    }

    /// <summary>
    /// Records a reply sent to the buyer: the seller reply count goes up by one and the status becomes
    /// <paramref name="status"/> (Awaiting buyer unless chosen otherwise, as in BigCentral's reply form).
    /// </summary>
    /// <param name="id">The conversation.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="author">Who sent it.</param>
    /// <param name="status">The status after the reply.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The recorded reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="ContentBlockedException">The conversation is on an Amazon channel and the reply breaks Amazon's messaging rules; nothing is recorded. Use <see cref="CheckReplyAsync"/> for the warnings.</exception>
    public Task<Message> RecordReplyAsync(ConversationId id, OutboundReply reply, AgentId author, ConversationStatus status = ConversationStatus.AwaitingBuyer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply.Text, nameof(reply));
        ThrowIfUndefined(status);
        Channel? sentFrom = null;
        return AddMessageAsync(id, author, MessageDirection.OutboundReply, ChangeKinds.Reply, status, (c, messageId, now) => new Message
        {
            Id = messageId,
            ConversationId = c.Id,
            ChannelId = c.ChannelId,
            Direction = MessageDirection.OutboundReply,
            ExternalId = reply.ExternalId,
            InternetMessageId = reply.InternetMessageId,
            // The buyer got it from the shop (the channel's address and sending name), whoever wrote it (Author).
            From = reply.From ?? new MailParticipant(sentFrom?.SenderDisplayName, sentFrom?.Address ?? author.Value),
            To = reply.To.Count > 0 ? reply.To : [new MailParticipant(c.Buyer.Name, c.Buyer.Address)],
            Subject = reply.Subject.Length > 0 ? reply.Subject : ReplySubject(c.Subject),
            Text = reply.Text,
            Html = reply.Html,
            Attachments = reply.Attachments,
            At = now,
            Author = author,
        }, cancellationToken, async (tx, c) =>
        {
            var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            if (channels.FirstOrDefault(ch => ch.Id == c.ChannelId) is { } channel)
            {
                sentFrom = channel;
                CheckReply(channel, reply).ThrowIfBlocked();
            }
        });
    }

    /// <summary>
    /// Sends a reply to the buyer through the outbox: in one transaction the reply is recorded (as
    /// <see cref="RecordReplyAsync"/> does: reply count, status, SLA clock stopped, automatic replies cancelled) and put in
    /// the outbox, from which the <see cref="WorkQueueWorker"/> sends it with the channel's <see cref="IOutboundSender"/>.
    /// The reply answers the buyer's latest message (In-Reply-To and References) and carries a Message-ID fixed now.
    /// </summary>
    /// <param name="id">The conversation.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="author">Who sends it.</param>
    /// <param name="status">The status after the reply.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The recorded reply; its outbox item has the key <c>send:reply:</c> and the message id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="ContentBlockedException">The conversation is on an Amazon channel and the reply breaks Amazon's messaging rules; nothing is recorded or sent.</exception>
    public async Task<Message> SendReplyAsync(ConversationId id, OutboundReply reply, AgentId author, ConversationStatus status = ConversationStatus.AwaitingBuyer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply.Text, nameof(reply));
        ThrowIfUndefined(status);
        var history = await _store.GetMessagesAsync(id, MessageReading.WithoutAttachments, cancellationToken).ConfigureAwait(false);
        var answering = history.LastOrDefault(m => m.Direction == MessageDirection.Inbound);
        Channel? channel = null;
        return await AddMessageAsync(id, author, MessageDirection.OutboundReply, ChangeKinds.Reply, status, (c, messageId, now) => new Message
        {
            Id = messageId,
            ConversationId = c.Id,
            ChannelId = c.ChannelId,
            Direction = MessageDirection.OutboundReply,
            InternetMessageId = reply.InternetMessageId ?? ReplyComposer.MessageIdFor($"reply:{messageId}:{now.ToUnixTimeTicks()}", channel!),
            InReplyTo = answering?.InternetMessageId,
            References = answering is null ? [] : [.. answering.References.Concat(answering.InternetMessageId is { } mid ? [mid] : []).Distinct(StringComparer.Ordinal)],
            From = reply.From ?? new MailParticipant(channel!.SenderDisplayName, channel.Address ?? author.Value),
            To = reply.To.Count > 0 ? reply.To : [new MailParticipant(c.Buyer.Name, c.Buyer.Address)],
            Subject = reply.Subject.Length > 0 ? reply.Subject : ReplySubject(c.Subject),
            Text = reply.Text,
            Html = reply.Html,
            Attachments = reply.Attachments,
            At = now,
            Author = author,
        }, cancellationToken, async (tx, c) =>
        {
            var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            channel = channels.FirstOrDefault(ch => ch.Id == c.ChannelId) ?? throw new InvalidOperationException($"Channel '{c.ChannelId}' does not exist.");
            CheckReply(channel, reply).ThrowIfBlocked();
        }, async (tx, c, message, now) =>
        {
            var outgoing = new OutgoingMessage
            {
                Kind = OutgoingKind.Reply,
                ConversationId = c.Id,
                ChannelId = c.ChannelId,
                From = reply.From,
                To = message.To,
                Subject = message.Subject,
                Text = message.Text,
                Html = message.Html,
                InternetMessageId = message.InternetMessageId!,
                InReplyTo = message.InReplyTo,
                References = message.References,
                Attachments = message.Attachments,
                MessageId = message.Id,
                Author = author,
            };
            await tx.EnqueueWorkAsync(
                new NewWorkItem(WorkKinds.Send, $"{WorkKinds.Send}:reply:{message.Id}", AutomationJson.Serialize(outgoing), now) { ConversationId = c.Id },
                now,
                cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Records that the conversation was forwarded to an outside address (外部メッセージ).</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="to">The outside recipient.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="text">The text.</param>
    /// <param name="author">Who forwarded it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The recorded forward.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="to"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    public Task<Message> RecordForwardAsync(ConversationId id, MailParticipant to, string subject, string text, AgentId author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        return AddMessageAsync(id, author, MessageDirection.ExternalForward, ChangeKinds.Forward, null, (c, messageId, now) => new Message
        {
            Id = messageId,
            ConversationId = c.Id,
            ChannelId = c.ChannelId,
            Direction = MessageDirection.ExternalForward,
            From = new MailParticipant(null, author.Value),
            To = [to],
            Subject = subject,
            Text = text,
            At = now,
            Author = author,
        }, cancellationToken);
    }

    private async Task<Message> AddMessageAsync(
        ConversationId id, AgentId author, MessageDirection direction, string what, ConversationStatus? status,
        Func<Conversation, MessageId, Instant, Message> create, CancellationToken cancellationToken,
        Func<IStoreTransaction, Conversation, ValueTask>? prepare = null,
        Func<IStoreTransaction, Conversation, Message, Instant, ValueTask>? then = null)
    {
        return await _store.InTransactionAsync(async tx =>
        {
            var conversation = await tx.GetConversationAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new ConversationNotFoundException(id);
            if (prepare is not null)
            {
                await prepare(tx, conversation).ConfigureAwait(false);
            }

            var now = _clock.GetCurrentInstant();
            var message = create(conversation, await tx.NewMessageIdAsync(cancellationToken).ConfigureAwait(false), now);
            var changes = new List<ConversationChange> { new(id, now, author.Value, what, null, message.Id.Value) };
            var updated = conversation with { MessageCount = conversation.MessageCount + 1 };
            if (direction == MessageDirection.OutboundReply)
            {
                updated = updated with
                {
                    SellerReplyCount = updated.SellerReplyCount + 1,
                    FirstOutboundAt = updated.FirstOutboundAt ?? now,
                    LastOutboundAt = now,
                };
            }

            if (status is { } s)
            {
                updated = WithStatus(updated, s, changes, now, author.Value);
            }

            updated = await _automation.UpdateAsync(tx, conversation, updated, now, touch: true, cancellationToken).ConfigureAwait(false);
            await tx.InsertMessageAsync(message, cancellationToken).ConfigureAwait(false);
            if (direction == MessageDirection.OutboundReply)
            {
                await tx.AddParticipantsAsync(id, message.To.Select(p => p.Address), cancellationToken).ConfigureAwait(false);
            }

            await tx.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
            if (then is not null)
            {
                await then(tx, updated, message, now).ConfigureAwait(false);
            }

            return message;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Conversation>> MutateAsync(
        IReadOnlyCollection<ConversationId> ids,
        AgentId actor,
        Func<Conversation, List<ConversationChange>, Instant, Conversation> change,
        CancellationToken cancellationToken,
        Func<IStoreTransaction, Task>? prepare = null,
        bool touch = true)
    {
        if (actor.Value.Length == 0)
        {
            throw new ArgumentException("The actor must be an agent id.", nameof(actor));
        }

        return await _store.InTransactionAsync<IReadOnlyList<Conversation>>(async transaction =>
        {
            if (prepare is not null)
            {
                await prepare(transaction).ConfigureAwait(false);
            }

            var now = _clock.GetCurrentInstant();
            var results = new List<Conversation>(ids.Count);
            var changes = new List<ConversationChange>();
            foreach (var id in ids)
            {
                var current = await transaction.GetConversationAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new ConversationNotFoundException(id);
                var before = changes.Count;
                var updated = change(current, changes, now);
                if (changes.Count > before)
                {
                    updated = await _automation.UpdateAsync(transaction, current, updated, now, touch, cancellationToken).ConfigureAwait(false);
                }

                results.Add(changes.Count > before ? updated : current);
            }

            await transaction.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
            return results;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Conversation WithStatus(Conversation c, ConversationStatus status, List<ConversationChange> changes, Instant now, string actor)
    {
        if (c.Status == status)
        {
            return c;
        }

        changes.Add(new(c.Id, now, actor, ChangeKinds.Status, c.Status.ToString(), status.ToString()));
        return c with { Status = status };
    }

    private static Conversation WithFolder(Conversation c, FolderId? folder, List<ConversationChange> changes, Instant now, string actor)
    {
        if (c.FolderId == folder)
        {
            return c;
        }

        changes.Add(new(c.Id, now, actor, ChangeKinds.Folder, c.FolderId?.Value, folder?.Value));
        return c with { FolderId = folder };
    }

    private ContentCheckResult CheckReply(Channel channel, OutboundReply reply) =>
        _contentChecker.CheckForChannel(channel, OutboundTextKind.Reply, reply.Text, reply.Subject.Length > 0 ? reply.Subject : null, reply.Html, reply.Attachments);

    private static string ReplySubject(string subject) =>
        subject.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;

    private static string Bool(bool value) => value ? "true" : "false";

    private static string ValidateTag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        tag = tag.Trim();
        if (tag.Length > 100)
        {
            throw new ArgumentException("A tag is at most 100 characters.", nameof(tag));
        }

        return tag;
    }

    private static void ThrowIfUndefined(ConversationStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined conversation status.");
        }
    }
}
