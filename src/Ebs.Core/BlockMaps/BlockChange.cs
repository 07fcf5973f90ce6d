using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>One edit of a block map: the block now holds <paramref name="Chunk"/>, or nothing when it is <see langword="null"/>.</summary>
internal readonly record struct BlockChange(long Index, ChunkId? Chunk);
