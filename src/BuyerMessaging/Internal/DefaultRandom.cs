using System.Security.Cryptography;

namespace BuyerMessaging.Internal;

/// <summary>The default randomizer: uniform in [0, 1), thread-safe, no shared mutable state.</summary>
internal static class DefaultRandom
{
    public static readonly Func<double> Next = static () => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;
}
