using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// One edit of a block map: the block now holds <paramref name="Chunk"/>, or nothing when it is <see langword="null"/>,
/// written by the write <paramref name="Generation"/> (see <see cref="WriteGeneration"/>; 0 for none).
/// </summary>
internal readonly record struct BlockChange(long Index, ChunkId? Chunk, ulong Generation = 0);
