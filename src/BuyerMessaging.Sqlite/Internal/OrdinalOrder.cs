namespace BuyerMessaging.Internal;

/// <summary>
/// Puts lists read in SQL order into the order of the store contract. The contract orders identifiers ordinally
/// (UTF-16 code units, as <see cref="StringComparer.Ordinal"/>); SQLite's BINARY collation orders the UTF-8 bytes, which
/// differs for an id with a character above U+FFFF (𠮷, an emoji) against one with a character from U+E000 to U+FFFF
/// (full-width and half-width forms such as Ｚ or ｽ). The lists are short (stores, channels, folders, agents, rules,
/// templates) and come out of SQL almost sorted, so a stable sort in memory costs next to nothing.
/// </summary>
internal static class OrdinalOrder
{
    public static IReadOnlyList<T> ById<T>(IEnumerable<T> items, Func<T, string> id) =>
        Array.AsReadOnly([.. items.OrderBy(id, StringComparer.Ordinal)]);
}
