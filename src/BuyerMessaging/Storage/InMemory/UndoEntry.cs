namespace BuyerMessaging.Internal;

/// <summary>
/// One step of an <see cref="InMemoryStoreTransaction"/>'s undo log. The writes every ingested message makes (a
/// conversation, a message and its look-up entries, history, participants, work items) are undone by a kind and the
/// objects they touched, so that logging them allocates nothing; anything else is undone by an <see cref="Action"/>
/// (<see cref="UndoKind.Run"/>). A batch of 500 messages logs thousands of steps: as closures they were a tenth of
/// the in-memory store stage's allocations, and they all lived until the commit.
/// </summary>
internal readonly struct UndoEntry
{
    private readonly UndoKind _kind;
    private readonly object? _target;
    private readonly object? _item;
    private readonly string? _text;
    private readonly ConversationId _id;
    private readonly StoreId _store;
    private readonly long _number;

    private UndoEntry(UndoKind kind, object? target = null, object? item = null, string? text = null, ConversationId id = default, StoreId store = default, long number = 0)
    {
        _kind = kind;
        _target = target;
        _item = item;
        _text = text;
        _id = id;
        _store = store;
        _number = number;
    }

    private enum UndoKind : byte
    {
        Run,
        RemoveConversation,
        RestoreConversation,
        RemoveFromIndex,
        RemoveMessage,
        RemoveExternalId,
        RemoveInternetMessageId,
        RemoveReference,
        RemoveLastText,
        RemoveLastChange,
        RemoveParticipants,
        RemoveParticipant,
        RemoveWork,
        RestoreWork,
    }

    /// <summary>Runs <paramref name="undo"/>.</summary>
    public static UndoEntry Run(Action undo) => new(UndoKind.Run, undo);

    /// <summary>Removes an inserted conversation and its search texts.</summary>
    public static UndoEntry RemoveConversation(ConversationId id) => new(UndoKind.RemoveConversation, id: id);

    /// <summary>Puts back the conversation an update replaced.</summary>
    public static UndoEntry RestoreConversation(Conversation old) => new(UndoKind.RestoreConversation, item: old);

    /// <summary>Removes a conversation from the list of an index key.</summary>
    public static UndoEntry RemoveFromIndex(List<ConversationId> list, ConversationId id) => new(UndoKind.RemoveFromIndex, list, id: id);

    /// <summary>Removes a message from its conversation's messages.</summary>
    public static UndoEntry RemoveMessage(List<Message> list, Message message) => new(UndoKind.RemoveMessage, list, message);

    /// <summary>Removes a message's entry by channel and external id.</summary>
    public static UndoEntry RemoveExternalId(Message message) => new(UndoKind.RemoveExternalId, item: message);

    /// <summary>Removes a message's entry by store and Message-ID.</summary>
    public static UndoEntry RemoveInternetMessageId(StoreId store, Message message) => new(UndoKind.RemoveInternetMessageId, item: message, store: store);

    /// <summary>Removes a message from the messages naming <paramref name="referenced"/>, and the key when none is left.</summary>
    public static UndoEntry RemoveReference(List<Message> naming, Message message, StoreId store, string referenced) =>
        new(UndoKind.RemoveReference, naming, message, referenced, store: store);

    /// <summary>Removes the last text of a conversation's search texts.</summary>
    public static UndoEntry RemoveLastText(List<string> texts) => new(UndoKind.RemoveLastText, texts);

    /// <summary>Removes the last change of a conversation's history.</summary>
    public static UndoEntry RemoveLastChange(List<ConversationChange> history) => new(UndoKind.RemoveLastChange, history);

    /// <summary>Removes the participants of a conversation that had none.</summary>
    public static UndoEntry RemoveParticipants(ConversationId id) => new(UndoKind.RemoveParticipants, id: id);

    /// <summary>Removes an added participant.</summary>
    public static UndoEntry RemoveParticipant(HashSet<string> set, string address) => new(UndoKind.RemoveParticipant, set, text: address);

    /// <summary>Removes an enqueued work item and its key, and gives its id back.</summary>
    public static UndoEntry RemoveWork(long id, string idempotencyKey) => new(UndoKind.RemoveWork, text: idempotencyKey, number: id);

    /// <summary>Puts back the work item a change replaced.</summary>
    public static UndoEntry RestoreWork(WorkItem old) => new(UndoKind.RestoreWork, item: old);

    /// <summary>Undoes the step.</summary>
    /// <param name="state">The state the step changed.</param>
    public void Apply(InMemoryStoreState state)
    {
        switch (_kind)
        {
            case UndoKind.Run:
                ((Action)_target!)();
                break;
            case UndoKind.RemoveConversation:
                state.Conversations.Remove(_id);
                state.SearchText.Remove(_id);
                break;
            case UndoKind.RestoreConversation:
                var old = (Conversation)_item!;
                state.Conversations[old.Id] = old;
                break;
            case UndoKind.RemoveFromIndex:
                ((List<ConversationId>)_target!).Remove(_id);
                break;
            case UndoKind.RemoveMessage:
                ((List<Message>)_target!).Remove((Message)_item!);
                break;
            case UndoKind.RemoveExternalId:
                var byExternal = (Message)_item!;
                state.ByExternalId.Remove((byExternal.ChannelId, byExternal.ExternalId!));
                break;
            case UndoKind.RemoveInternetMessageId:
                state.ByInternetMessageId.Remove((_store, ((Message)_item!).InternetMessageId!));
                break;
            case UndoKind.RemoveReference:
                var naming = (List<Message>)_target!;
                naming.Remove((Message)_item!);
                if (naming.Count == 0)
                {
                    state.ByReferencedId.Remove((_store, _text!));
                }

                break;
            case UndoKind.RemoveLastText:
                var texts = (List<string>)_target!;
                texts.RemoveAt(texts.Count - 1);
                break;
            case UndoKind.RemoveLastChange:
                var history = (List<ConversationChange>)_target!;
                history.RemoveAt(history.Count - 1);
                break;
            case UndoKind.RemoveParticipants:
                state.Participants.Remove(_id);
                break;
            case UndoKind.RemoveParticipant:
                ((HashSet<string>)_target!).Remove(_text!);
                break;
            case UndoKind.RemoveWork:
                state.Work.Remove(_number);
                state.WorkByKey.Remove(_text!);
                state.LastWorkId = Math.Min(state.LastWorkId, _number - 1);
                break;
            case UndoKind.RestoreWork:
                var work = (WorkItem)_item!;
                state.Work.Set(work);
                break;
            default:
                throw new InvalidOperationException($"Unknown undo step {_kind}.");
        }
    }
}
