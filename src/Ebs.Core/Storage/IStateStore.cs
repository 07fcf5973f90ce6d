namespace Ebs.Core.Storage;

/// <summary>
/// The port for durable state: the documents of the world (volumes, snapshots, written
/// blocks) and the live block-map nodes, committed atomically, one transaction per service
/// call. Without one, a cloud keeps its state in memory only.
/// </summary>
/// <remarks>
/// The commit protocol: chunks are stored before <see cref="CommitAsync"/>, and chunks whose
/// count falls to zero are deleted only after it returns. A store must therefore make each
/// commit all-or-nothing; a crash can then leave only unreferenced chunks. Reference counts
/// are not stored: a cloud recounts them from the documents and nodes once it needs them, so a
/// commit holds only what its call changed.
/// </remarks>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>Reads everything committed so far.</summary>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The stored state; empty for a new store.</returns>
    ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies one call's changes in a single transaction.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">A token to cancel the commit before it starts.</param>
    /// <returns>A task that completes when the changes are durable.</returns>
    ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default);
}
