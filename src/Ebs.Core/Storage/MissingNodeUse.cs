using System.Collections.Immutable;
using Ebs.Core.BlockMaps;

namespace Ebs.Core.Storage;

/// <summary>
/// One volume, snapshot or machine image whose block map reaches a missing block-map node, and
/// the byte ranges that node covered: everything under it can no longer be read.
/// </summary>
/// <param name="Node">The missing node.</param>
/// <param name="ResourceId">The volume, snapshot or image id.</param>
/// <param name="SnapshotId">For an image, the snapshot through which it uses the node (its ranges are that snapshot's); otherwise <see langword="null"/>.</param>
/// <param name="Ranges">The bytes the node covered within the resource's size, in ascending order, adjacent runs merged.</param>
public sealed record MissingNodeUse(NodeId Node, string ResourceId, string? SnapshotId, ImmutableArray<ByteRange> Ranges);
