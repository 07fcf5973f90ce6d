using Ebs.Core.BlockMaps;

namespace Ebs.Core.Storage;

/// <summary>One stored block-map node: its id, its encoded content and its reference count.</summary>
/// <param name="Id">The node id (the hash of its content).</param>
/// <param name="Body">The encoded node.</param>
/// <param name="Count">The reference count.</param>
public sealed record StoredNode(NodeId Id, byte[] Body, long Count);
