using BuyerMessaging.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BuyerMessaging;

/// <summary>
/// Runs the <see cref="WorkQueueWorker"/> in a host: a pass, then another at once while a pass finds work, otherwise
/// after <see cref="WorkQueueOptions.PollInterval"/> (waiting on the injected <see cref="TimeProvider"/>). A pass that
/// throws is logged and the loop goes on. Register it with <c>AddWorkQueueHostedService()</c>.
/// </summary>
public sealed class WorkQueueHostedService : BackgroundService
{
    private readonly WorkQueueWorker _worker;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="WorkQueueHostedService"/> class.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="timeProvider">The time provider the waits use.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException"><paramref name="worker"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public WorkQueueHostedService(WorkQueueWorker worker, TimeProvider timeProvider, IOptions<WorkQueueOptions>? options = null, ILogger<WorkQueueHostedService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _worker = worker;
        _timeProvider = timeProvider;
        _pollInterval = (options?.Value ?? new WorkQueueOptions()).PollInterval;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = (await _worker.RunOnceAsync(stoppingToken).ConfigureAwait(false)).Leased > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.WorkerPassFailed(_logger, ex, _worker.WorkerId);
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(_pollInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
