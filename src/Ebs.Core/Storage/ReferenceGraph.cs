using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// The block-map nodes and the reference counts of nodes and chunks. A node's count is the
/// number of parents and roots that hold it; a chunk's is the number of leaf slots and
/// volume write-back entries that hold it. Counts change only through a committed
/// <see cref="GraphTransaction"/>; nodes may be read from any thread. A graph opened on a
/// store (<see cref="Open"/>) holds no node at first: each is read from the store the first
/// time it is needed and then kept, so opening costs nothing per node. Nor has it counts
/// until <see cref="ResetCounts"/> gives it recounted ones: they are derived when first
/// needed, and any use before that is a bug that throws rather than reading every count as
/// zero (which would free live chunks).
/// </summary>
/// <remarks>
/// Nodes are content-addressed, so a kept node is never wrong, only perhaps no longer stored;
/// whether a node is stored is told by its count, never by the cache. A node read while a
/// commit removes nodes is not kept (see <see cref="TryGet"/>), so the cache never brings back
/// a node a commit deleted.
/// </remarks>
internal sealed class ReferenceGraph : INodeSource
{
    private readonly ConcurrentDictionary<NodeId, BlockMapNode> _nodes = new();
    private readonly Dictionary<NodeId, long> _nodeCounts = [];
    private readonly Dictionary<ChunkId, long> _chunkCounts = [];
    private volatile bool _counted = true;

    // The store's node reader, once opened on a store; nodes not kept are read through it.
    private Func<NodeId, byte[]?>? _read;

    // Removing kept nodes and keeping a node read from the store exclude each other, and every
    // removal bumps the count, so that a node read before a removal is not kept after it.
    private readonly Lock _removal = new();
    private long _removals;

    /// <summary>Gets a value indicating whether the counts are known (always, except between <see cref="Open"/> and <see cref="ResetCounts"/>).</summary>
    public bool IsCounted => _counted;

    public IReadOnlyDictionary<NodeId, long> NodeCounts => Counted(_nodeCounts);

    public IReadOnlyDictionary<ChunkId, long> ChunkCounts => Counted(_chunkCounts);

    /// <summary>Gets the ids of the nodes kept in memory: every node, unless the graph reads them from a store.</summary>
    public IEnumerable<NodeId> KeptNodeIds => _nodes.Keys;

    /// <exception cref="StaleReadException">The node is not stored (freed by a concurrent commit, or lost).</exception>
    /// <exception cref="EbsException"><c>InternalError</c> naming the node when the stored one cannot be decoded.</exception>
    public BlockMapNode Get(NodeId id)
        => TryGet(id, out var node) ? node! : throw new StaleReadException($"Block-map node {id} is not stored.");

    /// <summary>Gets a node, reading it from the store the first time; <see langword="false"/> when it is not stored.</summary>
    /// <exception cref="EbsException"><c>InternalError</c> naming the node when the stored one cannot be decoded.</exception>
    public bool TryGet(NodeId id, out BlockMapNode? node)
    {
        if (_nodes.TryGetValue(id, out node))
        {
            return true;
        }

        if (_read is not { } read)
        {
            return false;
        }

        var removals = Volatile.Read(ref _removals);
        if (read(id) is not { } body)
        {
            return false;
        }

        node = StateCodec.DecodeNode(id, body);
        lock (_removal)
        {
            if (_removals == removals)
            {
                node = _nodes.GetOrAdd(id, node);
            }
        }

        return true;
    }

    /// <summary>Gets a node only when it is kept in memory, reading nothing.</summary>
    public bool TryGetKept(NodeId id, out BlockMapNode? node) => _nodes.TryGetValue(id, out node);

    BlockMapNode INodeSource.Intern(BlockMapNode node) => throw new InvalidOperationException("Nodes are only added through a transaction.");

    public long CountOf(NodeId id) => Counted(_nodeCounts).GetValueOrDefault(id);

    /// <summary>
    /// Yields every node reachable from <paramref name="roots"/>, each once, reading each from
    /// the store at most once; a reachable node that is not stored, or cannot be decoded, is
    /// skipped and added to <paramref name="lost"/>.
    /// </summary>
    public IEnumerable<BlockMapNode> Reachable(IEnumerable<NodeId> roots, List<NodeId>? lost = null)
    {
        var pending = new Stack<NodeId>(roots);
        var seen = new HashSet<NodeId>();
        while (pending.TryPop(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            if (!TryRead(id, out var node))
            {
                lost?.Add(id);
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

    /// <summary>As <see cref="TryGet"/>, but a node that cannot be decoded is <see langword="false"/> too.</summary>
    private bool TryRead(NodeId id, out BlockMapNode? node)
    {
        try
        {
            return TryGet(id, out node);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            node = null;
            return false;
        }
    }

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

        lock (_removal)
        {
            _removals++;
            foreach (var (id, count) in nodeCounts)
            {
                if (count == 0)
                {
                    _nodeCounts.Remove(id);
                    _nodes.TryRemove(id, out _);
                }
            }
        }
    }

    /// <summary>
    /// Opens an empty graph on a state store's nodes, which <paramref name="read"/> reads one
    /// by one when first needed; their counts come from <see cref="ResetCounts"/>, until which
    /// they are unknown.
    /// </summary>
    internal void Open(Func<NodeId, byte[]?> read)
    {
        _counted = false;
        _read = read;
    }

    /// <summary>
    /// Keeps the stored nodes read in one go, before the first recount walks them; one that
    /// cannot be decoded is left out, for the walk to find lost. The caller holds the writer
    /// lock, so no commit removes nodes meanwhile.
    /// </summary>
    internal void Keep(IEnumerable<StoredNode> stored)
    {
        foreach (var (id, body) in stored)
        {
            try
            {
                _nodes.TryAdd(id, StateCodec.DecodeNode(id, body));
            }
            catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
            {
                // Not kept: a call that needs it reads it again and fails naming it.
            }
        }
    }

    /// <summary>Drops nodes that nothing references (scrub repair of leaks).</summary>
    internal void RemoveUnreferencedNode(NodeId id)
    {
        if (!_nodeCounts.ContainsKey(id))
        {
            lock (_removal)
            {
                _removals++;
                _nodes.TryRemove(id, out _);
            }
        }
    }

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
