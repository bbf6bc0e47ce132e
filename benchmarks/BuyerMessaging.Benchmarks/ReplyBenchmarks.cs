using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// A person's reply (<see cref="ConversationEditor.SendReplyAsync"/>: recorded, and queued in the outbox) into SQLite, in
/// <see cref="FollowUpBenchmarks.FollowUps"/> conversations whose buyer message carries a photo of
/// <see cref="FollowUpBenchmarks.AttachmentBytes"/>, against conversations whose buyer message carries none (the
/// baseline; the files hold the same photos, on other buyers' messages there). The reply needs the buyer message's
/// threading headers, not its photo: the ratio should stay near 1.
/// </summary>
[MemoryDiagnoser]
public class ReplyBenchmarks
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 0, 0));
    private InboundParseResult[] _plain = [];
    private InboundParseResult[] _withPhoto = [];
    private string _directory = string.Empty;
    private int _iteration;
    private SqliteConversationStore? _store;
    private ConversationEditor _editor = null!;
    private ConversationId[] _conversations = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        (_plain, _withPhoto) = FollowUpBenchmarks.FirstMessages();
        _directory = Directory.CreateTempSubdirectory("bm-reply-").FullName;
    }

    [IterationSetup(Target = nameof(ReplyToPlainMessage))]
    public void SetupPlain() => Open(_plain);

    [IterationSetup(Target = nameof(ReplyToMessageWithPhoto))]
    public void SetupWithPhoto() => Open(_withPhoto);

    /// <summary>Every reply must have been recorded and queued.</summary>
    [IterationCleanup]
    public void IterationCleanup()
    {
        var queued = _store!.QueryWorkAsync(new WorkItemQuery { Kinds = [WorkKinds.Send], Limit = 10_000 }).GetAwaiter().GetResult().Count;
        if (queued != _conversations.Length)
        {
            throw new InvalidOperationException($"{queued} replies queued; expected {_conversations.Length}.");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The baseline: the buyer messages have no attachment.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FollowUpBenchmarks.FollowUps)]
    public Task ReplyToPlainMessage() => ReplyToAllAsync();

    /// <summary>The buyer messages each carry a 1 MiB photo.</summary>
    [Benchmark(OperationsPerInvoke = FollowUpBenchmarks.FollowUps)]
    public Task ReplyToMessageWithPhoto() => ReplyToAllAsync();

    private async Task ReplyToAllAsync()
    {
        var author = new AgentId("kim");
        foreach (var id in _conversations)
        {
            await _editor.SendReplyAsync(id, new OutboundReply { Text = "A new jar is on its way; it arrives on Friday." }, author);
        }
    }

    private void Open(InboundParseResult[] first)
    {
        _store?.Dispose();
        (_store, var results) = FollowUpBenchmarks.OpenWith(Path.Combine(_directory, $"reply-{_iteration++}.db"), first, _clock);
        _editor = new ConversationEditor(_store, _clock);

        // The threads' own first messages: every other one.
        _conversations = [.. results.Where((_, i) => i % 2 == 0).Select(r => r.ConversationId!.Value)];
    }
}
