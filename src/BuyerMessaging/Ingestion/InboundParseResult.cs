namespace BuyerMessaging;

/// <summary>
/// What an adapter made of one raw input: a normalised <see cref="InboundMessage"/>, or the reason it could not be
/// read, with the raw bytes so the input can be quarantined rather than lost.
/// </summary>
public sealed record InboundParseResult
{
    private InboundParseResult(InboundMessage? message, string? error, ReadOnlyMemory<byte> raw, string? source)
    {
        Message = message;
        Error = error;
        Raw = raw;
        Source = source;
    }

    /// <summary>Gets the message, when parsing succeeded.</summary>
    public InboundMessage? Message { get; }

    /// <summary>Gets why parsing failed, when it did.</summary>
    public string? Error { get; }

    /// <summary>Gets the raw input.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Gets where the input came from, if known.</summary>
    public string? Source { get; }

    /// <summary>Gets a value indicating whether parsing succeeded.</summary>
    public bool Succeeded => Message is not null;

    /// <summary>Creates a successful result.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public static InboundParseResult Parsed(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message, null, message.Raw, message.Source);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">Why the input could not be parsed.</param>
    /// <param name="raw">The raw input.</param>
    /// <param name="source">Where it came from.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="error"/> is empty.</exception>
    public static InboundParseResult Failed(string error, ReadOnlyMemory<byte> raw, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(null, error, raw, source);
    }
}
