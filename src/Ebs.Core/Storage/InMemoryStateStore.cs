using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

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
    private readonly Dictionary<NodeId, (byte[] Body, long Count)> _nodes = [];
    private readonly Dictionary<ChunkId, long> _chunkCounts = [];

    /// <inheritdoc />
    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(new StoredState
            {
                Documents = [.. _documents.Select(d => new StateDocument(d.Key.Kind, d.Key.Key, d.Value))],
                Nodes = [.. _nodes.Select(n => new StoredNode(n.Key, n.Value.Body, n.Value.Count))],
                ChunkCounts = [.. _chunkCounts.Select(c => (c.Key, c.Value))],
            });
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A count names a node that was never inserted.</exception>
    public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Check first so that a bad commit changes nothing.
            var inserted = changes.NewNodes.ToDictionary(n => n.Id, n => n.Body);
            var unknown = changes.NodeCounts.FirstOrDefault(c => c.Count > 0 && !_nodes.ContainsKey(c.Id) && !inserted.ContainsKey(c.Id));
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Node {unknown.Id} has a count but no content.");
            }

            foreach (var document in changes.Upserts)
            {
                _documents[(document.Kind, document.Key)] = document.Body;
            }

            foreach (var key in changes.Deletes)
            {
                _documents.Remove(key);
            }

            foreach (var (id, count) in changes.NodeCounts)
            {
                if (count == 0)
                {
                    _nodes.Remove(id);
                }
                else
                {
                    _nodes[id] = (_nodes.TryGetValue(id, out var known) ? known.Body : inserted[id], count);
                }
            }

            foreach (var (id, count) in changes.ChunkCounts)
            {
                if (count == 0)
                {
                    _chunkCounts.Remove(id);
                }
                else
                {
                    _chunkCounts[id] = count;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
