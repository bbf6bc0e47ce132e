using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The keys conversations are threaded by, computed in one place for every store: the buyer key (an address,
/// lower case, with an Amazon relay alias's "+token" removed) and the subject key (the subject without reply and
/// forward prefixes, folded).
/// </summary>
public static class ThreadingKeys
{
    private static readonly string[] Prefixes =
    [
        "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "rv", "r", "odp", "antw", "ant", "res", "enc", "回复", "转发", "答复", "返信", "転送",
    ];

    /// <summary>Gets the buyer key of an address.</summary>
    /// <param name="address">The e-mail address.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is <see langword="null"/>.</exception>
    public static string BuyerKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = address.Trim().ToLowerInvariant();
        if (AmazonMarketplaces.IsRelayAddress(key))
        {
            var plus = key.IndexOf('+', StringComparison.Ordinal);
            var at = key.LastIndexOf('@');
            if (plus > 0 && plus < at)
            {
                key = string.Concat(key.AsSpan(0, plus), key.AsSpan(at));
            }
        }

        return key;
    }

    /// <summary>Gets the subject key: reply and forward prefixes ("Re:", "AW:", "Fwd:", "RE[2]:", "返信：") removed, folded, white space collapsed.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The key; empty when nothing is left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is <see langword="null"/>.</exception>
    public static string SubjectKey(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var s = TextFolding.Fold(subject).AsSpan().Trim();
        bool stripped;
        do
        {
            stripped = false;
            s = s.TrimStart(" \t[]【】");
            foreach (var prefix in Prefixes)
            {
                if (!s.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = s[prefix.Length..];
                if (!rest.IsEmpty && rest[0] == '[')
                {
                    var close = rest.IndexOf(']');
                    rest = close > 0 ? rest[(close + 1)..] : rest;
                }

                rest = rest.TrimStart(' ');
                if (!rest.IsEmpty && rest[0] == ':')
                {
                    s = rest[1..].Trim();
                    stripped = true;
                    break;
                }
            }
        }
        while (stripped);

        return Whitespace.Collapse(s);
    }
}
