using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace BuyerMessaging;

/// <summary>
/// The keyset position of a conversation in an inbox sort: the sort key (an instant in Unix ticks, or
/// <see cref="long.MaxValue"/> for a missing SLA due instant) and the conversation id. Stores encode it into
/// <see cref="InboxPage.NextCursor"/> and decode <see cref="InboxQuery.After"/>.
/// </summary>
/// <param name="Sort">The sort the cursor belongs to.</param>
/// <param name="Key">The sort key.</param>
/// <param name="Id">The conversation id.</param>
public sealed record InboxCursor(InboxSort Sort, long Key, ConversationId Id)
{
    /// <summary>Gets the sort key of a conversation under a sort.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="sort">The sort.</param>
    /// <returns>The key.</returns>
    public static long KeyOf(Conversation conversation, InboxSort sort)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return sort switch
        {
            InboxSort.Received => conversation.LastInboundAt.ToUnixTimeTicks(),
            InboxSort.SlaDue => conversation.SlaDueAt?.ToUnixTimeTicks() ?? long.MaxValue,
            _ => conversation.UpdatedAt.ToUnixTimeTicks(),
        };
    }

    /// <summary>Gets the cursor that continues after <paramref name="conversation"/>.</summary>
    /// <param name="conversation">The last conversation of a page.</param>
    /// <param name="sort">The sort.</param>
    /// <returns>The cursor.</returns>
    public static InboxCursor After(Conversation conversation, InboxSort sort) => new(sort, KeyOf(conversation, sort), conversation.Id);

    /// <summary>Returns whether a conversation comes after this cursor in its sort.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <returns><see langword="true"/> when it belongs to a later page.</returns>
    public bool Precedes(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var key = KeyOf(conversation, Sort);
        var idOrder = string.CompareOrdinal(conversation.Id.Value, Id.Value);
        return Sort == InboxSort.SlaDue
            ? key > Key || (key == Key && idOrder < 0)
            : key < Key || (key == Key && idOrder < 0);
    }

    /// <summary>Encodes the cursor as an opaque URL-safe string.</summary>
    /// <returns>The encoded cursor.</returns>
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)Sort}|{Key}|{Id.Value}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a cursor made by <see cref="Encode"/>.</summary>
    /// <param name="value">The encoded cursor.</param>
    /// <param name="cursor">The cursor when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid cursor.</returns>
    public static bool TryDecode(string? value, [NotNullWhen(true)] out InboxCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort)
            || !Enum.IsDefined((InboxSort)sort)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !ConversationId.TryParse(parts[2], out var id))
        {
            return false;
        }

        cursor = new((InboxSort)sort, key, id);
        return true;
    }

    /// <summary>Decodes the cursor of a query, checking that it belongs to the query's sort.</summary>
    /// <param name="query">The query.</param>
    /// <returns>The cursor, or <see langword="null"/> when the query has none.</returns>
    /// <exception cref="ArgumentException">The cursor is malformed or belongs to another sort.</exception>
    public static InboxCursor? FromQuery(InboxQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is null)
        {
            return null;
        }

        return TryDecode(query.After, out var cursor) && cursor.Sort == query.Sort
            ? cursor
            : throw new ArgumentException("InboxQuery.After is not a cursor of this query's sort.", nameof(query));
    }
}
