using Ebs.Core.BlockMaps;

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
/// commit holds only what its call changed. Opening a cloud reads the documents only; a
/// block-map node is read with <see cref="ReadNode"/> the first time a call needs it, and kept.
/// </remarks>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>Reads every document committed so far (not the block-map nodes: see <see cref="ReadNode"/>).</summary>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The stored documents; none for a new store.</returns>
    ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one block-map node, the first time a cloud needs it. Called from any thread, also
    /// while a commit runs: it must see a whole commit or none of it, never part of one.
    /// </summary>
    /// <param name="id">The node id.</param>
    /// <returns>The encoded node, or <see langword="null"/> when no node with that id is stored.</returns>
    byte[]? ReadNode(NodeId id);

    /// <summary>
    /// Reads every stored block-map node: for the first recount of references after opening,
    /// which needs every live node (one scan costs less per node than a point query each), and
    /// for a scrub, which checks each one and looks for leaks.
    /// </summary>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The stored nodes, in no particular order.</returns>
    ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies one call's changes in a single transaction.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">A token to cancel the commit before it starts.</param>
    /// <returns>A task that completes when the changes are durable.</returns>
    ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default);
}
