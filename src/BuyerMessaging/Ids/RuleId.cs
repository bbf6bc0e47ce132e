using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BuyerMessaging;

/// <summary>Identifies an inbox rule. Compared ordinally, case-sensitive.</summary>
[DebuggerDisplay("{Value,nq}")]
[JsonConverter(typeof(StrongIdJsonConverter<RuleId>))]
public readonly record struct RuleId : IStrongId<RuleId>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="RuleId"/> struct.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has control characters.</exception>
    public RuleId(string value) => _value = StrongId.Validate(value, nameof(value));

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    static RuleId IStrongId<RuleId>.Create(string value) => new(value);

    /// <summary>Parses an identifier.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a valid identifier.</exception>
    public static RuleId Parse(string value) => StrongId.Parse<RuleId>(value);

    /// <summary>Tries to parse an identifier.</summary>
    /// <param name="value">The value.</param>
    /// <param name="id">The identifier when <paramref name="value"/> is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out RuleId id) => StrongId.TryParse(value, out id);

    /// <inheritdoc />
    public bool Equals(RuleId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
