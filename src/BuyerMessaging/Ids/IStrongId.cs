namespace BuyerMessaging;

/// <summary>
/// A strongly typed identifier: an ordinal, case-sensitive, non-empty string without control characters.
/// </summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
public interface IStrongId<TSelf>
    where TSelf : struct, IStrongId<TSelf>
{
    /// <summary>Gets the identifier's value.</summary>
    string Value { get; }

    /// <summary>Creates an identifier from a value that was already validated.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The identifier.</returns>
    static abstract TSelf Create(string value);
}
