using Microsoft.Extensions.Options;

namespace BuyerMessaging.Internal;

/// <summary>Validates the DataAnnotations of <see cref="WorkQueueOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class WorkQueueOptionsAnnotationsValidator : IValidateOptions<WorkQueueOptions>;

/// <summary>Validates the durations of <see cref="WorkQueueOptions"/> and the rules that span fields.</summary>
internal sealed class WorkQueueOptionsValidator : IValidateOptions<WorkQueueOptions>
{
    private readonly WorkQueueOptionsAnnotationsValidator _annotations = new();

    public ValidateOptionsResult Validate(string? name, WorkQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(_annotations.Validate(name, options));
        Check(builder, options.LeaseDuration, nameof(options.LeaseDuration), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Check(builder, options.RetryBaseDelay, nameof(options.RetryBaseDelay), TimeSpan.Zero, TimeSpan.FromDays(1));
        Check(builder, options.RetryMaxDelay, nameof(options.RetryMaxDelay), TimeSpan.Zero, TimeSpan.FromDays(7));
        Check(builder, options.PollInterval, nameof(options.PollInterval), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            builder.AddError("must not be smaller than RetryBaseDelay.", $"{nameof(WorkQueueOptions)}.{nameof(options.RetryMaxDelay)}");
        }

        if (options.WorkerId is { } id && string.IsNullOrWhiteSpace(id))
        {
            builder.AddError("must not be blank.", $"{nameof(WorkQueueOptions)}.{nameof(options.WorkerId)}");
        }

        return builder.Build();
    }

    private static void Check(ValidateOptionsResultBuilder builder, TimeSpan value, string member, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            builder.AddError($"must be between {min} and {max}.", $"{nameof(WorkQueueOptions)}.{member}");
        }
    }
}

/// <summary>Validates <see cref="InboxAutomationOptions"/>.</summary>
internal sealed class InboxAutomationOptionsValidator : IValidateOptions<InboxAutomationOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxAutomationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!WeeklySchedule.TryParse(options.DefaultBusinessHours, out var hours, out var error))
        {
            builder.AddError(error, $"{nameof(InboxAutomationOptions)}.{nameof(options.DefaultBusinessHours)}");
        }
        else if (hours.Windows.Count == 0)
        {
            builder.AddError("has no window.", $"{nameof(InboxAutomationOptions)}.{nameof(options.DefaultBusinessHours)}");
        }

        if (string.IsNullOrWhiteSpace(options.MatchFailedFolderName))
        {
            builder.AddError("is required.", $"{nameof(InboxAutomationOptions)}.{nameof(options.MatchFailedFolderName)}");
        }

        if (options.AutoReplyMaxLateness < TimeSpan.Zero)
        {
            builder.AddError("must not be negative.", $"{nameof(InboxAutomationOptions)}.{nameof(options.AutoReplyMaxLateness)}");
        }

        return builder.Build();
    }
}
