using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>The nodes as a store gives them back: encoded and decoded, so without provenance or edit logs.</summary>
internal sealed class StoredNodes(INodeSource source) : INodeSource
{
    private readonly Dictionary<NodeId, BlockMapNode> _decoded = [];

    public BlockMapNode Get(NodeId id)
    {
        if (!_decoded.TryGetValue(id, out var node))
        {
            node = StateCodec.DecodeNode(id, StateCodec.Encode(source.Get(id)));
            _decoded.Add(id, node);
        }

        return node;
    }

    public bool TryGet(NodeId id, out BlockMapNode? node)
    {
        node = source.TryGet(id, out _) ? Get(id) : null;
        return node is not null;
    }

    public BlockMapNode Intern(BlockMapNode node) => throw new InvalidOperationException("Read only.");
}
