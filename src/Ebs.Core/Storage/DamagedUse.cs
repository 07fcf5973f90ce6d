using System.Collections.Immutable;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// One volume, snapshot or machine image that uses a missing or corrupt chunk, and the byte
/// ranges of it that can no longer be read: what a damaged chunk costs its users.
/// </summary>
/// <param name="Chunk">The missing or corrupt chunk.</param>
/// <param name="ResourceId">The volume, snapshot or image id.</param>
/// <param name="SnapshotId">For an image, the snapshot through which it uses the chunk (its ranges are that snapshot's); otherwise <see langword="null"/>.</param>
/// <param name="Ranges">The affected bytes, in ascending order, adjacent blocks merged.</param>
public sealed record DamagedUse(ChunkId Chunk, string ResourceId, string? SnapshotId, ImmutableArray<ByteRange> Ranges);
