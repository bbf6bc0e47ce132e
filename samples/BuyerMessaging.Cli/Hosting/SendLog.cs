using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>
/// The CLI's outbox: <see cref="FileSystemOutboundSender"/>, with the file of every send this process completed
/// recorded, so that <c>worker</c> lists what it sent and not what another worker on the same database wrote meanwhile.
/// </summary>
internal sealed class SendLog(IOutboundSender inner) : IOutboundSender
{
    private readonly ConcurrentQueue<string> _sent = new();

    /// <summary>Sends through the file-system outbox of <paramref name="folder"/> and records each send (<see cref="TakeSent"/>).</summary>
    public static BuyerMessagingBuilder AddTo(BuyerMessagingBuilder builder, string folder)
    {
        builder.AddFileSystemOutbox(o => o.Folder = folder);
        builder.Services.AddSingleton(sp => new SendLog(new FileSystemOutboundSender(
            sp.GetRequiredService<IOptions<FileSystemOutboxOptions>>().Value.Folder,
            sp.GetRequiredService<IClock>())));
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboundSender>(sp => sp.GetRequiredService<SendLog>()));
        return builder;
    }

    /// <inheritdoc />
    public async Task<SendReceipt> SendAsync(Channel channel, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var receipt = await inner.SendAsync(channel, message, idempotencyKey, cancellationToken);
        _sent.Enqueue(receipt.ChannelMessageId);
        return receipt;
    }

    /// <summary>Takes the file names of the sends completed since the last call, in file-name order, each once.</summary>
    public IReadOnlyList<string> TakeSent()
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        while (_sent.TryDequeue(out var file))
        {
            files.Add(file);
        }

        return [.. files];
    }
}
