using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>Receives one differing block of a diff; returns <see langword="false"/> to stop.</summary>
/// <param name="index">The block index.</param>
/// <param name="first">The block's chunk in the first map, if any.</param>
/// <param name="second">The block's chunk in the second map, if any.</param>
internal delegate bool DiffVisitor(long index, ChunkId? first, ChunkId? second);
