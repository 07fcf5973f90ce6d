using Ebs.Core.BlockMaps;

namespace Ebs.Core.Storage;

/// <summary>
/// An <see cref="IStateStore"/> in memory: the reference implementation of the port, and a
/// way to reopen a cloud over the same state in tests. Disposing it keeps its contents, so a
/// cloud can be opened over it again.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Key), byte[]> _documents = [];
    private readonly Dictionary<NodeId, byte[]> _nodes = [];

    /// <inheritdoc />
    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(new StoredState
            {
                Documents = [.. _documents.Select(d => new StateDocument(d.Key.Kind, d.Key.Key, d.Value))],
            });
        }
    }

    /// <inheritdoc />
    public byte[]? ReadNode(NodeId id)
    {
        lock (_gate)
        {
            return _nodes.GetValueOrDefault(id);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<StoredNode>>([.. _nodes.Select(n => new StoredNode(n.Key, n.Value))]);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var document in changes.Upserts)
            {
                _documents[(document.Kind, document.Key)] = document.Body;
            }

            foreach (var key in changes.Deletes)
            {
                _documents.Remove(key);
            }

            foreach (var (id, body) in changes.NewNodes)
            {
                _nodes.TryAdd(id, body);
            }

            foreach (var id in changes.DeletedNodes)
            {
                _nodes.Remove(id);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
