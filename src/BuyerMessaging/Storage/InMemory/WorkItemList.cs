namespace BuyerMessaging.Internal;

/// <summary>
/// The work items of an <see cref="InMemoryStoreState"/> in ascending id order, found by id with a binary search. Ids
/// are handed out in ascending order, so an enqueue appends and the undo of one removes the last item: no tree nodes to
/// allocate and rebalance for each of the two or three items every ingested message enqueues, as a
/// <see cref="SortedDictionary{TKey, TValue}"/> did.
/// </summary>
internal sealed class WorkItemList
{
    private readonly List<WorkItem> _items = [];

    /// <summary>Gets the items in ascending id order.</summary>
    public IReadOnlyList<WorkItem> Values => _items;

    /// <summary>Gets the item with an id, which must exist.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="KeyNotFoundException">There is no item with that id.</exception>
    public WorkItem this[long id] =>
        IndexOf(id) is var index and >= 0 ? _items[index] : throw new KeyNotFoundException($"There is no work item {id}.");

    /// <summary>Adds an item, or replaces the item with its id.</summary>
    /// <param name="item">The item.</param>
    public void Set(WorkItem item)
    {
        if (_items.Count == 0 || _items[^1].Id < item.Id)
        {
            _items.Add(item);
            return;
        }

        var index = IndexOf(item.Id);
        if (index >= 0)
        {
            _items[index] = item;
        }
        else
        {
            _items.Insert(~index, item);
        }
    }

    /// <summary>Gets the item with an id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="item">The item, if found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetValue(long id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out WorkItem item)
    {
        var index = IndexOf(id);
        item = index >= 0 ? _items[index] : null;
        return index >= 0;
    }

    /// <summary>Gets the item with an id, or <see langword="null"/>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The item.</returns>
    public WorkItem? GetValueOrDefault(long id) => TryGetValue(id, out var item) ? item : null;

    /// <summary>Removes the item with an id, if any.</summary>
    /// <param name="id">The id.</param>
    public void Remove(long id)
    {
        var index = IndexOf(id);
        if (index >= 0)
        {
            _items.RemoveAt(index);
        }
    }

    /// <summary>The position of the item with <paramref name="id"/>, or the complement of where it would go.</summary>
    private int IndexOf(long id)
    {
        int low = 0, high = _items.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var found = _items[middle].Id;
            if (found == id)
            {
                return middle;
            }

            if (found < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
