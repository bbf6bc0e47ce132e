using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The keys conversations are threaded by, computed in one place for every store: the buyer key (an address,
/// lower case, with an Amazon relay alias's "+token" removed) and the subject key (the subject without reply and
/// forward prefixes, folded).
/// </summary>
public static class ThreadingKeys
{
    /// <summary>
    /// How many of the stored messages that name a Message-ID <see cref="IStoreTransaction.FindMessageReferencingAsync"/>
    /// considers, the first stored first. A mail sent to many people at once (in Bcc) may be named by thousands of
    /// replies; looking through them all for every new reply would make ingesting them quadratic.
    /// </summary>
    public const int ReferencingCandidates = 64;

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

        // Forwards in Dutch, Polish and Swedish mail programs; Turkish replies and forwards ("YNT:", "İLT:", "CVP:"; the
        // folding leaves the dotted capital İ as it is).
        "doorst", "pd", "vb", "ynt", "ilt", "\u0130lt", "cvp",
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

    /// <summary>
    /// Gets the Message-IDs a message names as earlier messages of its thread, nearest first: its In-Reply-To, then its
    /// References from the last (the parent) to the first (the root); each once, none empty, never its own Message-ID.
    /// Threading looks these up, and a store indexes them so that a message that arrives after a reply to it can still
    /// join the reply's thread (<see cref="IStoreTransaction.FindMessageReferencingAsync"/>).
    /// </summary>
    /// <param name="inReplyTo">The In-Reply-To Message-ID, if any.</param>
    /// <param name="references">The References Message-IDs, oldest first.</param>
    /// <param name="internetMessageId">The message's own Message-ID, if any.</param>
    /// <returns>The Message-IDs; empty when the message names none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="references"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ReferencedIds(string? inReplyTo, IReadOnlyList<string> references, string? internetMessageId)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            return inReplyTo is { Length: > 0 } && inReplyTo != internetMessageId ? [inReplyTo] : [];
        }

        var ids = new List<string>(references.Count + 1);
        if (inReplyTo is { Length: > 0 } && inReplyTo != internetMessageId)
        {
            ids.Add(inReplyTo);
        }

        // A long header (a mailing list's, or a hostile one) is checked through a set; a short one by scanning the list.
        var seen = references.Count > 16 ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        for (var i = references.Count - 1; i >= 0; i--)
        {
            var reference = references[i];
            if (reference is { Length: > 0 } && reference != internetMessageId
                && (seen is null ? !ids.Contains(reference, StringComparer.Ordinal) : seen.Add(reference)))
            {
                ids.Add(reference);
            }
        }

        return ids;
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
