namespace BuyerMessaging.Internal;

/// <summary>Validation of the savepoint names of <see cref="IStoreTransaction"/>.</summary>
internal static class SavepointNames
{
    /// <summary>Throws when <paramref name="name"/> is not a valid savepoint name (an ASCII letter or underscore, then letters, digits or underscores).</summary>
    /// <param name="name">The name.</param>
    /// <param name="paramName">The name of the parameter, for the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not valid.</exception>
    public static void ThrowIfInvalid(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a savepoint name: use an ASCII letter or underscore, then letters, digits or underscores.", paramName);
        }
    }
}
