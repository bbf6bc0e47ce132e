using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The keys conversations are threaded by, computed in one place for every store: the buyer key (an address,
/// lower case, with an Amazon relay alias's "+token" removed) and the subject key (the subject without reply and
/// forward prefixes, folded).
/// </summary>
public static class ThreadingKeys
{
    [ThreadStatic]
    private static string? t_lastSubject;

    [ThreadStatic]
    private static string? t_lastKey;

    [ThreadStatic]
    private static string? t_previousSubject;

    [ThreadStatic]
    private static string? t_previousKey;

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

        // An ingest asks for the key of the same subject several times (threading, then the store's subject index on
        // the conversation's insert or update): the last two keys of this thread are kept, compared by value.
        if (string.Equals(subject, t_lastSubject, StringComparison.Ordinal))
        {
            return t_lastKey!;
        }

        if (string.Equals(subject, t_previousSubject, StringComparison.Ordinal))
        {
            (t_lastSubject, t_lastKey, t_previousSubject, t_previousKey) = (t_previousSubject, t_previousKey, t_lastSubject, t_lastKey);
            return t_lastKey!;
        }

        var key = ComputeSubjectKey(subject);
        (t_previousSubject, t_previousKey, t_lastSubject, t_lastKey) = (t_lastSubject, t_lastKey, subject, key);
        return key;
    }

    private static string ComputeSubjectKey(string subject)
    {
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
