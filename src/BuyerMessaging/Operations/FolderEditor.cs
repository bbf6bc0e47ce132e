using System.Globalization;
using System.Text;
using BuyerMessaging.Internal;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Manages folders: shows or hides system folders, and creates, renames and deletes custom folders (マイフォルダ).
/// Deleting a custom folder moves its conversations back to their status folders; nothing is lost.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class FolderEditor
{
    /// <summary>The longest folder name.</summary>
    public const int MaxNameLength = 100;

    private readonly IConversationStore _store;
    private readonly IClock _clock;

    /// <summary>Initializes a new instance of the <see cref="FolderEditor"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FolderEditor(IConversationStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
    }

    /// <summary>Creates a custom folder.</summary>
    /// <param name="name">The name, unique among folders (case-insensitive).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The folder, with an id made from the name.</returns>
    /// <exception cref="DefinitionValidationException">The name is empty, too long or taken.</exception>
    public Task<Folder> CreateAsync(string name, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async tx =>
        {
            var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            name = ValidateName(name, folders, null);
            var folder = new Folder
            {
                Id = UniqueId(name, folders),
                Name = name,
                Kind = FolderKind.Custom,
                Order = folders.Where(f => f.Kind == FolderKind.Custom).Select(f => f.Order + 1).DefaultIfEmpty(0).Max(),
            };
            await tx.SaveFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            return folder;
        }, cancellationToken);

    /// <summary>Renames a custom folder.</summary>
    /// <param name="id">The folder.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="FolderNotFoundException">There is no such custom folder.</exception>
    /// <exception cref="DefinitionValidationException">The name is empty, too long or taken.</exception>
    public Task<Folder> RenameAsync(FolderId id, string name, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async tx =>
        {
            var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            var folder = folders.FirstOrDefault(f => f.Id == id && f.Kind == FolderKind.Custom) ?? throw new FolderNotFoundException(id);
            folder = folder with { Name = ValidateName(name, folders, id) };
            await tx.SaveFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            return folder;
        }, cancellationToken);

    /// <summary>Shows or hides a folder in the sidebar (system folders included).</summary>
    /// <param name="id">The folder.</param>
    /// <param name="hidden">Whether to hide it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="FolderNotFoundException">There is no such folder.</exception>
    public Task<Folder> SetHiddenAsync(FolderId id, bool hidden, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async tx =>
        {
            var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            var folder = (folders.FirstOrDefault(f => f.Id == id) ?? throw new FolderNotFoundException(id)) with { Hidden = hidden };
            await tx.SaveFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            return folder;
        }, cancellationToken);

    /// <summary>Deletes a custom folder; its conversations go back to their status folders, with a history entry each.</summary>
    /// <param name="id">The folder.</param>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The number of conversations moved back.</returns>
    /// <exception cref="FolderNotFoundException">There is no such custom folder.</exception>
    /// <exception cref="InvalidOperationException">The folder is a system folder.</exception>
    public Task<int> DeleteAsync(FolderId id, AgentId actor, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async tx =>
        {
            var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            var folder = folders.FirstOrDefault(f => f.Id == id) ?? throw new FolderNotFoundException(id);
            if (folder.Kind == FolderKind.System)
            {
                throw new InvalidOperationException($"Folder '{id}' is a system folder; hide it instead.");
            }

            var now = _clock.GetCurrentInstant();
            var ids = await tx.GetConversationIdsInFolderAsync(id, cancellationToken).ConfigureAwait(false);
            var changes = new List<ConversationChange>(ids.Count);
            foreach (var conversationId in ids)
            {
                var conversation = await tx.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
                if (conversation is null)
                {
                    continue;
                }

                await tx.UpdateConversationAsync(conversation with { FolderId = null, UpdatedAt = now, Version = conversation.Version + 1 }, cancellationToken).ConfigureAwait(false);
                changes.Add(new(conversationId, now, actor.Value, ChangeKinds.Folder, id.Value, null));
            }

            await tx.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
            await tx.DeleteFolderAsync(id, cancellationToken).ConfigureAwait(false);
            return changes.Count;
        }, cancellationToken);

    private static string ValidateName(string? name, IReadOnlyList<Folder> folders, FolderId? self)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        string? error = trimmed.Length == 0 ? "must not be empty"
            : trimmed.Length > MaxNameLength ? $"must be at most {MaxNameLength} characters"
            : trimmed.Any(char.IsControl) ? "must not contain control characters"
            : folders.Any(f => f.Id != self && string.Equals(f.Name, trimmed, StringComparison.OrdinalIgnoreCase)) ? $"a folder named '{trimmed}' exists"
            : null;
        return error is null ? trimmed : throw new DefinitionValidationException("Folder", [new ValidationError("Name", error)]);
    }

    private static FolderId UniqueId(string name, IReadOnlyList<Folder> folders)
    {
        var sb = new StringBuilder();
        foreach (var c in TextFolding.Fold(name))
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var slug = sb.ToString().Trim('-');
        var baseId = "f-" + (slug.Length == 0 ? "folder" : slug[..Math.Min(slug.Length, 60)]);
        var id = baseId;
        for (var n = 2; folders.Any(f => f.Id.Value == id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{baseId}-{n}");
        }

        return new FolderId(id);
    }
}
