using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>Options of the <see cref="WorkQueueWorker"/> that runs scheduled work and the outbox.</summary>
public sealed class WorkQueueOptions
{
    /// <summary>Gets or sets the worker's id, recorded as the lease owner; <see langword="null"/> for machine name, process id and a random suffix.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? WorkerId { get; set; }

    /// <summary>Gets or sets how long a worker holds an item before another may take it over.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many items one pass leases at most.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Gets or sets how many attempts an item gets before it fails.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; each further retry doubles it, with jitter.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest delay between retries.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long the hosted service waits between passes when there was nothing to do.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the source of randomness for retry jitter: a number in [0, 1). Tests pin it.</summary>
    /// <value>The default value is <see langword="null"/>: a cryptographic random number generator.</value>
    public Func<double>? Randomizer { get; set; }
}
