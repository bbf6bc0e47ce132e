namespace BuyerMessaging;

/// <summary>BCP-47 language tags: well-formedness (RFC 5646 syntax, simplified) and primary subtags.</summary>
public static class LanguageTags
{
    /// <summary>Returns whether a tag is well formed: a 2-3 letter language, then subtags of 1-8 letters or digits.</summary>
    /// <param name="tag">The tag, for example "en", "ja-JP" or "pt-BR".</param>
    /// <returns><see langword="true"/> when well formed; <see langword="false"/> for <see langword="null"/>, empty or anything else.</returns>
    public static bool IsWellFormed(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 35)
        {
            return false;
        }

        var first = true;
        foreach (var range in tag.AsSpan().Split('-'))
        {
            var part = tag.AsSpan()[range];
            if (first)
            {
                if (part.Length is < 2 or > 3 || !IsAll(part, char.IsAsciiLetter))
                {
                    return false;
                }

                first = false;
            }
            else if (part.Length is < 1 or > 8 || !IsAll(part, char.IsAsciiLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the primary language subtag in lower case ("ja" for "ja-JP").</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The primary subtag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is <see langword="null"/>.</exception>
    public static string Primary(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).Trim().ToLowerInvariant();
    }

    private static bool IsAll(ReadOnlySpan<char> span, Func<char, bool> predicate)
    {
        foreach (var c in span)
        {
            if (!predicate(c))
            {
                return false;
            }
        }

        return true;
    }
}
