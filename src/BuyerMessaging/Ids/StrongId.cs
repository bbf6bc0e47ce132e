using System.Diagnostics.CodeAnalysis;

namespace BuyerMessaging;

/// <summary>Validation and parsing shared by every strongly typed identifier.</summary>
public static class StrongId
{
    /// <summary>The longest identifier accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 200;

    /// <summary>Returns whether <paramref name="value"/> is a valid identifier value.</summary>
    /// <param name="value">The candidate value.</param>
    /// <returns><see langword="true"/> when the value is non-empty, at most <see cref="MaxLength"/> long, has no
    /// white space at either end and no control character.</returns>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses an identifier.</summary>
    /// <typeparam name="TId">The identifier type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a valid identifier.</exception>
    public static TId Parse<TId>(string value)
        where TId : struct, IStrongId<TId>
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out TId id)
            ? id
            : throw new FormatException($"'{value}' is not a valid {typeof(TId).Name}: it must be 1 to {MaxLength} characters, without control characters or surrounding white space.");
    }

    /// <summary>Tries to parse an identifier.</summary>
    /// <typeparam name="TId">The identifier type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="id">The identifier when the value is valid.</param>
    /// <returns><see langword="true"/> when the value is valid.</returns>
    public static bool TryParse<TId>([NotNullWhen(true)] string? value, out TId id)
        where TId : struct, IStrongId<TId>
    {
        if (IsValid(value))
        {
            id = TId.Create(value);
            return true;
        }

        id = default;
        return false;
    }

    internal static string Validate(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return IsValid(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid identifier: it must be 1 to {MaxLength} characters, without control characters or surrounding white space.", paramName);
    }
}
