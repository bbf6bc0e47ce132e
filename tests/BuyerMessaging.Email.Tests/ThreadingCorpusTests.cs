using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Email.Tests;

/// <summary>
/// Threading on real mail from notmuch's threading corpus (../shared/corpora/threading/notmuch-threading, trees in its
/// EXPECTED.md), parsed and ingested as a support mailbox would be, in date order, in reverse and shuffled: replies
/// that arrive before the message they answer, a reply to a message that is missing (a "ghost"), a ticket system's
/// messages that share only a ticket id, and a stranger who quotes the thread.
/// </summary>
public sealed class ThreadingCorpusTests
{
    private const string Corpus = "threading";

    private static readonly string[][] GhostRootThreads =
    [
        // Alice's thread; Daniel writes in it (he received Alice's messages). The root is a message of its own.
        ["000-real-root@example.org", "001-child@example.org", "001-grand-child@example.org", "001-grand-child2@example.org", "001-great-grand-child@example.org"],

        // Mallory quotes Alice's thread but was never in it: not merged into it. (When her message comes first, Daniel,
        // whom she wrote to, can answer in her conversation; see the shuffled test.)
        ["001-fake-message-root@example.org"],

        // A request tracker: its auto-reply answers Gregor; "Resolved" names only the ticket, as the auto-reply does.
        [
            "87bmc6lp3h.fsf@len.workgroup",
            "rt-4.2.8-22046-1529425595-591.33575-211-0@xxxxxxx-xxxxxxxxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de",
            "rt-4.2.8-6644-1530017064-1465.33575-215-0@xxxxxxx-xxxxxxxxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de",
        ],
    ];

    private static readonly string[][] ParentPriorityThreads = [["B00-root@example.org", "B01-child@example.org", "B01-grand-child@example.org"]];

    private readonly MimeMessageParser _parser = new();

    [CorpusFact(Corpus)]
    public async Task Ingest_GhostRootInDateOrderAndInReverse_GivesNotmuchsThreads()
    {
        var mail = Parse("ghost-root");

        Assert.Equal(Canonical(GhostRootThreads), await ThreadsAsync([.. mail.OrderBy(m => m.SentAt)]));
        Assert.Equal(Canonical(GhostRootThreads), await ThreadsAsync([.. mail.OrderByDescending(m => m.SentAt)]));
    }

    [CorpusFact(Corpus)]
    public async Task Ingest_ParentPriorityInEveryOrder_OneThread()
    {
        // The child's References misspells the root's id; its In-Reply-To is right. Three messages: all six orders.
        var mail = Parse(Path.Combine("parent-priority", "cur"));
        foreach (var order in Permutations(mail))
        {
            Assert.Equal(Canonical(ParentPriorityThreads), await ThreadsAsync(order));
        }
    }

    [CorpusFact(Corpus)]
    public async Task Ingest_GhostRootShuffled_NothingLostAndTheStrangerNeverJoinsAThread()
    {
        var mail = Parse("ghost-root");
        for (var seed = 1; seed <= 20; seed++)
        {
            var order = mail.ToArray();
            new Random(seed).Shuffle(order);
            var created = new List<string>();
            var threads = await ThreadsAsync(order, created);

            Assert.Equal(mail.Count, threads.Sum(t => t.Count));
            Assert.Contains("001-fake-message-root@example.org", created);
        }
    }

    private List<InboundMessage> Parse(string folder)
    {
        var directory = Path.Combine(TestFiles.Corpus(Corpus)!, "notmuch-threading", folder);
        var mail = new List<InboundMessage>();
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var result = _parser.Parse(File.ReadAllBytes(file), file);
            Assert.True(result.Succeeded, $"{file}: {result.Error}");
            mail.Add(result.Message!);
        }

        return mail;
    }

    /// <summary>
    /// Ingests the mail in the order given into a new store; returns the Message-IDs of each conversation, and adds those
    /// of the messages that started one to <paramref name="created"/>.
    /// </summary>
    private static async Task<List<List<string>>> ThreadsAsync(IReadOnlyList<InboundMessage> mail, List<string>? created = null)
    {
        var store = new InMemoryConversationStore();
        var clock = new FakeClock(Instant.FromUtc(2016, 6, 27, 0, 0));
        var ingestor = new ConversationIngestor(store, clock, Microsoft.Extensions.Options.Options.Create(new IngestionOptions { UnknownChannel = UnknownChannelHandling.CreateChannel }));
        var byConversation = new Dictionary<ConversationId, List<string>>();
        foreach (var message in mail)
        {
            var result = await ingestor.IngestAsync(message);
            Assert.True(result.Outcome is IngestOutcome.Created or IngestOutcome.Appended, $"{message.InternetMessageId}: {result.Outcome} {result.QuarantineReason}");
            clock.Advance(Duration.FromMinutes(1));
            if (result.Outcome == IngestOutcome.Created)
            {
                created?.Add(message.InternetMessageId!);
            }

            var id = result.ConversationId!.Value;
            if (!byConversation.TryGetValue(id, out var ids))
            {
                byConversation[id] = ids = [];
            }

            ids.Add(message.InternetMessageId!);
        }

        return Canonical(byConversation.Values);
    }

    private static List<List<string>> Canonical(IEnumerable<IEnumerable<string>> threads) =>
        [.. threads.Select(t => t.Order(StringComparer.Ordinal).ToList()).OrderBy(t => t[0], StringComparer.Ordinal)];

    private static IEnumerable<InboundMessage[]> Permutations(IReadOnlyList<InboundMessage> items) =>
        items.Count <= 1
            ? [[.. items]]
            : items.SelectMany((first, i) => Permutations([.. items.Where((_, j) => j != i)]).Select(rest => (InboundMessage[])[first, .. rest]));
}
