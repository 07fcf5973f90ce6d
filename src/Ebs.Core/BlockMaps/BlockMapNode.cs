using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// One immutable node of the block map: up to 64 children selected by six bits of the block
/// index, stored densely behind a bitmap. Level 0 children are chunk ids; higher levels hold
/// node ids. A leaf may also hold each block's write generation (<see cref="WriteGeneration"/>),
/// which enters its id only when one is recorded, so leaves without any keep the ids they had
/// before write generations existed.
/// </summary>
/// <remarks>
/// A node built by <see cref="BlockMap.Apply"/> also keeps its <see cref="Provenance"/>: the node
/// it was edited from and the slots the edits touched. It is not part of the id (equal content,
/// equal id, whatever its history) and is not stored: a node read from a store has none. A root
/// built so also keeps its <see cref="EditLog"/>, the same way.
/// </remarks>
internal sealed class BlockMapNode
{
    public const int FanOutBits = 6;
    public const int FanOut = 1 << FanOutBits;

    private BlockMapNode(int level, ulong bitmap, UInt128[] children, long blockCount, ulong[]? generations, Provenance? provenance, EditLog? edits)
    {
        Edits = edits;
        if (provenance is { } known)
        {
            _editedFrom = known.Base?.Value ?? default;
            _editedSlots = known.Slots;
            _writer = known.Writer ?? 0;
            _provenanceFlags = (byte)(Known | (known.Base.HasValue ? HasBase : 0) | (known.Writer.HasValue ? HasWriter : 0));
        }

        Level = level;
        Bitmap = bitmap;
        Children = children;
        BlockCount = blockCount;
        Generations = generations;
        Id = ComputeId(level, bitmap, children, generations);
    }

    public NodeId Id { get; }

    public int Level { get; }

    public ulong Bitmap { get; }

    /// <summary>Gets the children in slot order: chunk ids at level 0, node ids above.</summary>
    public UInt128[] Children { get; }

    /// <summary>Gets a leaf's write generations, parallel to <see cref="Children"/>; <see langword="null"/> when none is recorded (all 0).</summary>
    public ulong[]? Generations { get; }

    /// <summary>Gets the number of blocks in this subtree.</summary>
    public long BlockCount { get; }

    public bool IsLeaf => Level == 0;

    /// <summary>Gets, for a root built by <see cref="BlockMap.Apply"/> from another, the blocks its edits changed; <see langword="null"/> when unknown.</summary>
    public EditLog? Edits { get; }

    // The provenance, unpacked so that a diff tests it in place.
    private const byte Known = 1, HasBase = 2, HasWriter = 4;
    private readonly UInt128 _editedFrom;
    private readonly ulong _editedSlots;
    private readonly ulong _writer;
    private readonly byte _provenanceFlags;

    /// <summary>Gets the node this one was edited from and the slots that may differ from it; <see langword="null"/> when unknown.</summary>
    public Provenance? Provenance => (_provenanceFlags & Known) == 0 ? null : new Provenance(
        (_provenanceFlags & HasBase) != 0 ? new NodeId(_editedFrom) : null,
        _editedSlots,
        (_provenanceFlags & HasWriter) != 0 ? _writer : null);

    /// <summary>Whether this node was edited from <paramref name="node"/>, and if so the slots that may differ from it.</summary>
    public bool WasEditedFrom(BlockMapNode node, out ulong slots)
    {
        if ((_provenanceFlags & HasBase) != 0 && _editedFrom == node.Id.Value)
        {
            slots = _editedSlots;
            return true;
        }

        slots = 0;
        return false;
    }

    // Child nodes once looked up. Safe to keep: an id always names the same content, even if
    // the node is dropped from the table and stored again later.
    private BlockMapNode?[]? _resolved;

    public static BlockMapNode Create(int level, ulong bitmap, UInt128[] children, long blockCount, ulong[]? generations = null, Provenance? provenance = null, EditLog? edits = null)
        => new(level, bitmap, children, blockCount, generations, provenance, edits);

    /// <summary>Gets the write generation of the <paramref name="k"/>-th child (dense position) of a leaf.</summary>
    public ulong GenerationAt(int k) => Generations is { } g ? g[k] : 0;

    public static int SlotOf(long blockIndex, int level) => (int)((blockIndex >> (level * FanOutBits)) & (FanOut - 1));

    public bool TryGetChild(int slot, out UInt128 child)
    {
        var bit = 1UL << slot;
        if ((Bitmap & bit) == 0)
        {
            child = default;
            return false;
        }

        child = Children[BitOperations.PopCount(Bitmap & (bit - 1))];
        return true;
    }

    /// <summary>Gets the <paramref name="k"/>-th child node (dense position) of an internal node.</summary>
    public BlockMapNode ChildAt(int k, INodeSource nodes)
    {
        var resolved = _resolved ??= new BlockMapNode?[Children.Length];
        return resolved[k] ??= nodes.Get(new NodeId(Children[k]));
    }

    /// <summary>Gets the dense position of a slot's child.</summary>
    public int PositionOf(int slot) => BitOperations.PopCount(Bitmap & ((1UL << slot) - 1));

    public IEnumerable<NodeId> ChildNodes()
    {
        if (!IsLeaf)
        {
            foreach (var child in Children)
            {
                yield return new NodeId(child);
            }
        }
    }

    public IEnumerable<ChunkId> ChildChunks()
    {
        if (IsLeaf)
        {
            foreach (var child in Children)
            {
                yield return new ChunkId(child);
            }
        }
    }

    private static NodeId ComputeId(int level, ulong bitmap, UInt128[] children, ulong[]? generations)
    {
        Span<byte> buffer = stackalloc byte[sizeof(ulong) + (FanOut * (16 + sizeof(ulong))) + 1];
        buffer[0] = (byte)level;
        BitConverter.TryWriteBytes(buffer[1..], bitmap);
        var body = MemoryMarshal.AsBytes(children.AsSpan());
        body.CopyTo(buffer[9..]);
        var length = 9 + body.Length;
        if (generations is not null)
        {
            var tail = MemoryMarshal.AsBytes(generations.AsSpan());
            tail.CopyTo(buffer[length..]);
            length += tail.Length;
        }

        return new NodeId(XxHash128.HashToUInt128(buffer[..length]));
    }
}
