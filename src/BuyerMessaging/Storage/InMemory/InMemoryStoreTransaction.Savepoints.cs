namespace BuyerMessaging.Internal;

/// <summary>Savepoints of the in-memory store: a savepoint is a mark in the undo log.</summary>
internal sealed partial class InMemoryStoreTransaction
{
    private List<(string Name, int UndoCount)>? _savepoints;

    public ValueTask CreateSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        SavepointNames.ThrowIfInvalid(name, nameof(name));
        ThrowIfDone();
        (_savepoints ??= []).Add((name, _undo.Count));
        return ValueTask.CompletedTask;
    }

    public ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = FindSavepoint(name);
        var mark = _savepoints![index].UndoCount;
        for (var i = _undo.Count - 1; i >= mark; i--)
        {
            _undo[i].Apply(state);
        }

        _undo.RemoveRange(mark, _undo.Count - mark);
        _savepoints.RemoveRange(index + 1, _savepoints.Count - index - 1);
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = FindSavepoint(name);
        _savepoints!.RemoveRange(index, _savepoints.Count - index);
        return ValueTask.CompletedTask;
    }

    private int FindSavepoint(string name)
    {
        SavepointNames.ThrowIfInvalid(name, nameof(name));
        ThrowIfDone();
        var index = _savepoints?.FindLastIndex(s => s.Name == name) ?? -1;
        return index >= 0 ? index : throw new InvalidOperationException($"No savepoint is named '{name}'.");
    }
}
