using System.Runtime.InteropServices;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// Reference-count changes of one service call, applied to the graph only on commit. A node
/// takes references on its children when its count rises from zero and gives them back when
/// it falls to zero, so a release cascades exactly through the nodes nothing else holds.
/// </summary>
internal sealed class GraphTransaction : INodeSource
{
    private readonly ReferenceGraph _graph;
    // Past this many entries a table is dropped rather than cleared, so that one huge commit
    // does not make every later one pay for clearing its capacity.
    private const int KeptCapacity = 1 << 16;

    private Dictionary<NodeId, long> _nodeCounts = [];
    private Dictionary<NodeId, BlockMapNode> _newNodes = [];
    // Chunks keep only the change of their count: a deletion touches thousands of chunks, and
    // the graph's count is then read and written once, when the transaction is applied.
    private Dictionary<ChunkId, long> _chunkDeltas = [];

    // Chunks that had no reference before this transaction and gained one: usually far fewer
    // than the chunks touched, which a deletion touches by the thousand.
    private List<ChunkId> _risen = [];

    public GraphTransaction(ReferenceGraph graph) => _graph = graph;

    /// <summary>Empties the transaction for the next commit.</summary>
    public void Reset()
    {
        _nodeCounts = Cleared(_nodeCounts);
        _newNodes = Cleared(_newNodes);
        _chunkDeltas = Cleared(_chunkDeltas);
        _risen = _risen.Capacity > KeptCapacity ? [] : _risen;
        _risen.Clear();
    }

    /// <summary>Gets the chunks whose count rose from zero: their bytes must be in the chunk store at commit.</summary>
    public IEnumerable<ChunkId> NewlyReferencedChunks => _risen.Where(id => CountOf(id) > 0);

    // A node is stored exactly while its count is above zero (counts are known in a transaction), so
    // these ask the counts, not the graph's memory, which holds only the nodes read so far.

    /// <summary>Gets the nodes built by this transaction that end up referenced and had no reference before: the ones a durable store must insert.</summary>
    public IEnumerable<BlockMapNode> NodesToStore
        => _newNodes.Values.Where(n => _nodeCounts.GetValueOrDefault(n.Id) > 0 && _graph.CountOf(n.Id) == 0);

    /// <summary>Gets the stored nodes whose count this transaction brings to zero: the ones a durable store must delete.</summary>
    public IEnumerable<NodeId> NodesToDelete => _nodeCounts.Where(p => p.Value == 0 && _graph.CountOf(p.Key) > 0).Select(p => p.Key);

    public BlockMapNode Get(NodeId id) => _newNodes.TryGetValue(id, out var node) ? node : _graph.Get(id);

    public bool TryGet(NodeId id, out BlockMapNode? node) => _newNodes.TryGetValue(id, out node) || _graph.TryGet(id, out node);

    public BlockMapNode Intern(BlockMapNode node)
    {
        if (_newNodes.TryGetValue(node.Id, out var known) || _graph.TryGetKept(node.Id, out known))
        {
            return known!;
        }

        _newNodes.Add(node.Id, node);
        return node;
    }

    private long CountOf(ChunkId id) => _graph.CountOf(id) + _chunkDeltas.GetValueOrDefault(id);

    public void AddRef(NodeId? id)
    {
        if (id is { } node && ++NodeCount(node) == 1)
        {
            AcquireChildren(Get(node));
        }
    }

    public void Release(NodeId? id)
    {
        if (id is not { } node)
        {
            return;
        }

        ref var count = ref NodeCount(node);
        if (--count < 0)
        {
            throw new InvalidOperationException($"Reference count of node {node} would fall below zero.");
        }

        if (count == 0)
        {
            ReleaseChildren(Get(node));
        }
    }

    public void AddRef(ChunkId id)
    {
        if (++CollectionsMarshal.GetValueRefOrAddDefault(_chunkDeltas, id, out _) == 1 && _graph.CountOf(id) == 0)
        {
            _risen.Add(id);
        }
    }

    /// <summary>Gives back a chunk reference; a count falling below zero is caught when the transaction is applied.</summary>
    public void Release(ChunkId id) => --CollectionsMarshal.GetValueRefOrAddDefault(_chunkDeltas, id, out _);

    /// <summary>Applies the counts to the graph and returns the chunks to delete from the store.</summary>
    public List<ChunkId> Commit()
    {
        var freed = new List<ChunkId>();
        _graph.Apply(_nodeCounts, _newNodes, _chunkDeltas, freed);
        return freed;
    }

    private static Dictionary<TKey, TValue> Cleared<TKey, TValue>(Dictionary<TKey, TValue> table)
        where TKey : notnull
    {
        if (table.Capacity > KeptCapacity)
        {
            return [];
        }

        table.Clear();
        return table;
    }

    private ref long NodeCount(NodeId id)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_nodeCounts, id, out var known);
        if (!known)
        {
            count = _graph.CountOf(id);
        }

        return ref count;
    }

    private void AcquireChildren(BlockMapNode node)
    {
        foreach (var child in node.Children)
        {
            if (node.IsLeaf)
            {
                AddRef(new ChunkId(child));
            }
            else
            {
                AddRef(new NodeId(child));
            }
        }
    }

    private void ReleaseChildren(BlockMapNode node)
    {
        foreach (var child in node.Children)
        {
            if (node.IsLeaf)
            {
                Release(new ChunkId(child));
            }
            else
            {
                Release(new NodeId(child));
            }
        }
    }
}
