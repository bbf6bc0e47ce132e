using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace BuyerMessaging;

/// <content>The parse-in-parallel, ingest-in-order pipeline.</content>
public sealed partial class ConversationIngestor
{
    /// <summary>
    /// Parses inputs on several threads while this flow ingests them, in order, <see cref="IngestPipelineOptions.BatchSize"/>
    /// per store transaction (<see cref="IngestBatchAsync"/>): on a machine with more than one core, parsing (MIME, relay
    /// format, language) no longer waits for the store, nor the store for parsing.
    /// </summary>
    /// <typeparam name="TInput">What is parsed: raw bytes, a file name, a fetched message.</typeparam>
    /// <param name="inputs">The inputs, enumerated once, on another thread, a few batches ahead of the store (see
    /// <see cref="IngestPipelineOptions.BatchesAhead"/>), so a long run holds a bounded number of them.</param>
    /// <param name="parse">Parses one input; called on <see cref="IngestPipelineOptions.ParserCount"/> threads at once, so
    /// it must be thread-safe (<c>MimeMessageParser.Parse</c> is). Input that cannot be read should come back as
    /// <see cref="InboundParseResult.Failed"/>, which is quarantined with its reason like any failed parse.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What happened to each input, one result per input, in the order of <paramref name="inputs"/>; each
    /// result is yielded once its batch is committed.</returns>
    /// <remarks>
    /// <para>Everything <see cref="IngestBatchAsync"/> guarantees holds per batch: one transaction, de-duplication
    /// (also across batches: a later batch sees what an earlier one committed), threading, quarantine, rules and time
    /// rules, and an input whose ingest throws is quarantined alone.</para>
    /// <para>Cancelling (or leaving the enumeration early) stops the parsers and the reading of inputs; the batches already
    /// yielded stay committed, the batch in progress is rolled back. An exception thrown by <paramref name="parse"/>, by
    /// the enumeration of <paramref name="inputs"/> or by the store ends the run the same way and propagates.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="parse"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public IAsyncEnumerable<IngestResult> IngestPipelineAsync<TInput>(
        IEnumerable<TInput> inputs, Func<TInput, InboundParseResult> parse, IngestPipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parse);
        options ??= new IngestPipelineOptions();
        options.ThrowIfInvalid();
        return RunPipelineAsync(inputs, parse, options.BatchSize, options.ParserCount, options.Ahead, cancellationToken);
    }

    private async IAsyncEnumerable<IngestResult> RunPipelineAsync<TInput>(
        IEnumerable<TInput> inputs, Func<TInput, InboundParseResult> parse, int batchSize, int parserCount, int ahead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var toParse = System.Threading.Channels.Channel.CreateBounded<PipelineBatch<TInput>>(new BoundedChannelOptions(ahead) { SingleWriter = true });
        var inOrder = System.Threading.Channels.Channel.CreateBounded<PipelineBatch<TInput>>(new BoundedChannelOptions(ahead) { SingleWriter = true, SingleReader = true });
        var workers = new Task[parserCount + 1];
        workers[0] = Task.Run(() => ReadInputsAsync(inputs, batchSize, toParse.Writer, inOrder.Writer, stop.Token), CancellationToken.None);
        for (var i = 1; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => ParseBatchesAsync(toParse.Reader, parse, stop.Token), CancellationToken.None);
        }

        try
        {
            // The batches come out in input order; each waits for its parser, then goes into the store.
            await foreach (var batch in inOrder.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var parsed = await batch.Parsed.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                var results = await IngestBatchAsync(parsed, stop.Token).ConfigureAwait(false);
                foreach (var result in results)
                {
                    yield return result;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Cancellations of the workers; a real failure already reached the caller through its batch or the channel.
            }
        }
    }

    /// <summary>Cuts the inputs into batches and hands each to the parsers and, in the same order, to the writer.</summary>
    private static async Task ReadInputsAsync<TInput>(
        IEnumerable<TInput> inputs, int batchSize, ChannelWriter<PipelineBatch<TInput>> toParse, ChannelWriter<PipelineBatch<TInput>> inOrder, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            var items = new List<TInput>(batchSize);
            foreach (var input in inputs)
            {
                items.Add(input);
                if (items.Count == batchSize)
                {
                    await HandOutAsync(new PipelineBatch<TInput>(items), toParse, inOrder, cancellationToken).ConfigureAwait(false);
                    items = new List<TInput>(batchSize);
                }
            }

            if (items.Count > 0)
            {
                await HandOutAsync(new PipelineBatch<TInput>(items), toParse, inOrder, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            toParse.TryComplete();
            inOrder.TryComplete(error);
        }
    }

    private static async ValueTask HandOutAsync<TInput>(
        PipelineBatch<TInput> batch, ChannelWriter<PipelineBatch<TInput>> toParse, ChannelWriter<PipelineBatch<TInput>> inOrder, CancellationToken cancellationToken)
    {
        await inOrder.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        await toParse.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ParseBatchesAsync<TInput>(ChannelReader<PipelineBatch<TInput>> batches, Func<TInput, InboundParseResult> parse, CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var parsed = new InboundParseResult[batch.Inputs.Count];
                for (var i = 0; i < parsed.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    parsed[i] = parse(batch.Inputs[i]) ?? throw new InvalidOperationException("The parse function returned null.");
                }

                batch.Parsed.TrySetResult(parsed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                batch.Parsed.TrySetCanceled(cancellationToken);
                throw;
            }
            catch (Exception ex)
            {
                batch.Parsed.TrySetException(ex);
            }
        }
    }

    /// <summary>A batch of inputs on its way through the pipeline.</summary>
    private sealed class PipelineBatch<TInput>(List<TInput> inputs)
    {
        public List<TInput> Inputs { get; } = inputs;

        public TaskCompletionSource<InboundParseResult[]> Parsed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
