using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Threading replies by In-Reply-To into SQLite: <see cref="FollowUps"/> buyer follow-ups, each to an earlier message of
/// its own thread, when those earlier messages carry a photo of <see cref="AttachmentBytes"/> against when they carry
/// none (the baseline). Both stores hold the same number of photos (in the baseline on other buyers' messages, stored
/// in turn with the earlier ones), so the file and the page cache are alike. De-duplication and threading find the
/// earlier message only to learn its conversation: the photo must cost nothing, the ratio should stay near 1.
/// </summary>
[MemoryDiagnoser]
public class FollowUpBenchmarks
{
    internal const int FollowUps = 200;
    internal const int AttachmentBytes = 1 << 20;
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 0, 0));
    private InboundParseResult[] _plain = [];
    private InboundParseResult[] _withPhoto = [];
    private InboundParseResult[] _followUps = [];
    private string _directory = string.Empty;
    private int _iteration;
    private SqliteConversationStore? _store;
    private ConversationIngestor _ingestor = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        (_plain, _withPhoto) = FirstMessages();
        _followUps = [.. Enumerable.Range(0, FollowUps).Select(i => InboundParseResult.Parsed(FollowUp(i)))];
        _directory = Directory.CreateTempSubdirectory("bm-followup-").FullName;
    }

    [IterationSetup(Target = nameof(FollowUpToPlainMessage))]
    public void SetupPlain() => Open(_plain);

    [IterationSetup(Target = nameof(FollowUpToMessageWithPhoto))]
    public void SetupWithPhoto() => Open(_withPhoto);

    /// <summary>Every follow-up must have joined its thread: as many conversations as before them.</summary>
    [IterationCleanup]
    public void IterationCleanup()
    {
        var total = _store!.CountAsync().GetAwaiter().GetResult().Total;
        if (total != 2 * FollowUps)
        {
            throw new InvalidOperationException($"{total} conversations after the follow-ups; expected {2 * FollowUps}.");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The baseline: the earlier messages have no attachment (other buyers' messages have the photos).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FollowUps)]
    public Task<IReadOnlyList<IngestResult>> FollowUpToPlainMessage() => _ingestor.IngestBatchAsync(_followUps);

    /// <summary>The earlier messages each carry a 1 MiB photo.</summary>
    [Benchmark(OperationsPerInvoke = FollowUps)]
    public Task<IReadOnlyList<IngestResult>> FollowUpToMessageWithPhoto() => _ingestor.IngestBatchAsync(_followUps);

    /// <summary>
    /// The buyers' first messages, two per thread number: a thread's first message and another buyer's; in the plain set
    /// the other buyer's carries the photo, in the other set the thread's own first message does.
    /// </summary>
    internal static (InboundParseResult[] Plain, InboundParseResult[] WithPhoto) FirstMessages()
    {
        var photo = new MessageAttachment { FileName = "damaged.jpg", ContentType = "image/jpeg", Content = new byte[AttachmentBytes] };
        return (
            [.. Enumerable.Range(0, FollowUps).SelectMany(i => new[] { First(i, []), Other(i, [photo]) }).Select(InboundParseResult.Parsed)],
            [.. Enumerable.Range(0, FollowUps).SelectMany(i => new[] { First(i, [photo]), Other(i, []) }).Select(InboundParseResult.Parsed)]);
    }

    /// <summary>Opens a new SQLite file in <paramref name="directory"/> and ingests <paramref name="first"/>, each a new conversation.</summary>
    internal static (SqliteConversationStore Store, IReadOnlyList<IngestResult> Results) OpenWith(string path, InboundParseResult[] first, FakeClock clock)
    {
        var store = SqliteConversationStore.OpenAsync($"Data Source={path}").GetAwaiter().GetResult();
        SyntheticMail.ConfigureAsync(store).GetAwaiter().GetResult();
        var results = new ConversationIngestor(store, clock).IngestBatchAsync(first).GetAwaiter().GetResult();
        if (results.Any(r => r.Outcome != IngestOutcome.Created))
        {
            throw new InvalidOperationException("An earlier message was not stored as a new conversation.");
        }

        return (store, results);
    }

    private static InboundMessage First(int i, IReadOnlyList<MessageAttachment> attachments) =>
        Mail($"first{i}", $"Pat {i}", $"pat{i}", $"Blender {i} arrived broken", "The jar arrived cracked, photo attached. Can you send a new one?") with
        {
            Attachments = attachments,
        };

    private static InboundMessage Other(int i, IReadOnlyList<MessageAttachment> attachments) =>
        Mail($"other{i}", $"Sam {i}", $"sam{i}", $"Kettle {i} leaks", "Water comes out at the bottom, see the photo.") with { Attachments = attachments };

    private static InboundMessage FollowUp(int i) =>
        Mail($"again{i}", $"Pat {i}", $"pat{i}", $"Re: Blender {i} arrived broken", "Any news about the replacement?") with
        {
            InReplyTo = $"first{i}@mail.example",
            References = [$"first{i}@mail.example"],
        };

    /// <summary>A buyer's mail to the support mailbox.</summary>
    private static InboundMessage Mail(string id, string name, string user, string subject, string text) => new()
    {
        ChannelKind = ChannelKind.Mailbox,
        InternetMessageId = $"{id}@mail.example",
        From = new MailParticipant(name, $"{user}@mail.example"),
        To = [new MailParticipant(null, "support@northwind.example")],
        Subject = subject,
        Text = text,
    };

    private void Open(InboundParseResult[] first)
    {
        _store?.Dispose();
        (_store, _) = OpenWith(Path.Combine(_directory, $"followup-{_iteration++}.db"), first, _clock);
        _ingestor = new ConversationIngestor(_store, _clock);
    }
}
