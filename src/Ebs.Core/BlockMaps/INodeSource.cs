namespace Ebs.Core.BlockMaps;

/// <summary>Resolves node ids to nodes and accepts new ones; the block map itself holds no storage.</summary>
internal interface INodeSource
{
    /// <summary>Gets a node that must exist.</summary>
    BlockMapNode Get(NodeId id);

    /// <summary>Gets a node if it is held.</summary>
    bool TryGet(NodeId id, out BlockMapNode? node);

    /// <summary>Registers a freshly built node, returning the existing equal node when there is one.</summary>
    BlockMapNode Intern(BlockMapNode node);
}
