using Ebs.Core.BlockMaps;

namespace Ebs.Core.Storage;

/// <summary>One stored block-map node: its id and its encoded content.</summary>
/// <param name="Id">The node id (the hash of its content).</param>
/// <param name="Body">The encoded node.</param>
public sealed record StoredNode(NodeId Id, byte[] Body);
