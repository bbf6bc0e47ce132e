namespace BuyerMessaging;

/// <summary>A definition (a store, channel, folder, rule, template or policy) is invalid; every failing member is listed.</summary>
public sealed class DefinitionValidationException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="DefinitionValidationException"/> class.</summary>
    /// <param name="definition">What was validated, for example "Channel 'acme-us'".</param>
    /// <param name="errors">The failing members; at least one.</param>
    public DefinitionValidationException(string definition, IReadOnlyList<ValidationError> errors)
        : base($"{definition} is invalid: {string.Join("; ", errors ?? [])}")
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>Gets the failing members.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
