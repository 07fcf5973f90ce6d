using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// The block-map nodes and the reference counts of nodes and chunks. A node's count is the
/// number of parents and roots that hold it; a chunk's is the number of leaf slots and
/// volume write-back entries that hold it. Counts change only through a committed
/// <see cref="GraphTransaction"/>; nodes may be read from any thread. A graph loaded from a
/// store has no counts until <see cref="ResetCounts"/> gives it recounted ones: they are
/// derived when first needed, not when the store opens, and any use before that is a bug
/// that throws rather than reading every count as zero (which would free live chunks).
/// </summary>
internal sealed class ReferenceGraph : INodeSource
{
    private readonly ConcurrentDictionary<NodeId, BlockMapNode> _nodes = new();
    private readonly Dictionary<NodeId, long> _nodeCounts = [];
    private readonly Dictionary<ChunkId, long> _chunkCounts = [];
    private volatile bool _counted = true;

    /// <summary>Gets a value indicating whether the counts are known (always, except between <see cref="Load"/> and <see cref="ResetCounts"/>).</summary>
    public bool IsCounted => _counted;

    public IReadOnlyDictionary<NodeId, long> NodeCounts => Counted(_nodeCounts);

    public IReadOnlyDictionary<ChunkId, long> ChunkCounts => Counted(_chunkCounts);

    public IEnumerable<NodeId> NodeIds => _nodes.Keys;

    public BlockMapNode Get(NodeId id)
        => _nodes.TryGetValue(id, out var node) ? node : throw new StaleReadException($"Block-map node {id} is not stored.");

    public bool TryGet(NodeId id, out BlockMapNode? node) => _nodes.TryGetValue(id, out node);

    BlockMapNode INodeSource.Intern(BlockMapNode node) => throw new InvalidOperationException("Nodes are only added through a transaction.");

    public long CountOf(NodeId id) => Counted(_nodeCounts).GetValueOrDefault(id);

    /// <summary>
    /// Yields every node reachable from <paramref name="roots"/>, each once; a reachable node
    /// the graph does not hold is added to <paramref name="missing"/> instead.
    /// </summary>
    public IEnumerable<BlockMapNode> Reachable(IEnumerable<NodeId> roots, List<NodeId>? missing = null)
    {
        var pending = new Stack<NodeId>(roots);
        var seen = new HashSet<NodeId>();
        while (pending.TryPop(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            if (!TryGet(id, out var node))
            {
                missing?.Add(id);
                continue;
            }

            foreach (var child in node!.ChildNodes())
            {
                pending.Push(child);
            }

            yield return node;
        }
    }

    public long CountOf(ChunkId id) => Counted(_chunkCounts).GetValueOrDefault(id);

    private GraphTransaction? _transaction;

    /// <summary>
    /// Starts the transaction of one commit. Writers are serialized, so one instance is reused
    /// and its tables keep their capacity: a steady stream of commits allocates no bookkeeping.
    /// </summary>
    public GraphTransaction Begin()
    {
        Counted(_nodeCounts);
        _transaction ??= new GraphTransaction(this);
        _transaction.Reset();
        return _transaction;
    }

    /// <summary>
    /// Applies a transaction: the final counts of its nodes and the count changes of its
    /// chunks. Collects the chunks that are no longer referenced.
    /// </summary>
    /// <exception cref="InvalidOperationException">A chunk count would fall below zero (a bug, never bad input).</exception>
    internal void Apply(
        IReadOnlyDictionary<NodeId, long> nodeCounts,
        IReadOnlyDictionary<NodeId, BlockMapNode> newNodes,
        IReadOnlyDictionary<ChunkId, long> chunkDeltas,
        List<ChunkId> freedChunks)
    {
        // Nodes are published before anything can point at them and removed only after.
        foreach (var (id, count) in nodeCounts)
        {
            if (count > 0)
            {
                if (newNodes.TryGetValue(id, out var node))
                {
                    _nodes.TryAdd(id, node);
                }

                _nodeCounts[id] = count;
            }
        }

        foreach (var (id, delta) in chunkDeltas)
        {
            if (delta == 0)
            {
                continue;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_chunkCounts, id, out _);
            count += delta;
            if (count < 0)
            {
                throw new InvalidOperationException($"Reference count of chunk {id} fell below zero.");
            }

            if (count == 0)
            {
                _chunkCounts.Remove(id);
                freedChunks.Add(id);
            }
        }

        foreach (var (id, count) in nodeCounts)
        {
            if (count == 0)
            {
                _nodeCounts.Remove(id);
                _nodes.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Fills an empty graph with the nodes a state store holds; their counts come from <see cref="ResetCounts"/>, until which they are unknown.</summary>
    internal void Load(IEnumerable<BlockMapNode> nodes)
    {
        _counted = false;
        foreach (var node in nodes)
        {
            _nodes[node.Id] = node;
        }
    }

    /// <summary>Drops nodes that nothing references (scrub repair of leaks).</summary>
    internal bool RemoveUnreferencedNode(NodeId id) => !_nodeCounts.ContainsKey(id) && _nodes.TryRemove(id, out _);

    /// <summary>Overwrites counts with recomputed ones (when first needed after loading, and scrub repair).</summary>
    internal void ResetCounts(IReadOnlyDictionary<NodeId, long> nodeCounts, IReadOnlyDictionary<ChunkId, long> chunkCounts)
    {
        _nodeCounts.Clear();
        foreach (var (id, count) in nodeCounts)
        {
            _nodeCounts[id] = count;
        }

        _chunkCounts.Clear();
        foreach (var (id, count) in chunkCounts)
        {
            _chunkCounts[id] = count;
        }

        _counted = true;
    }

    /// <summary>Returns <paramref name="counts"/> once they are known.</summary>
    /// <exception cref="InvalidOperationException">The counts of a loaded graph were not derived yet (a bug, never bad input).</exception>
    private T Counted<T>(T counts) => _counted ? counts : throw new InvalidOperationException("Reference counts were used before they were derived from the live roots.");
}
