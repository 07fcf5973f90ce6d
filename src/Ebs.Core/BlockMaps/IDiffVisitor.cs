using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// Receives the differing blocks of a diff, ascending by index; a struct, so that the diff calls
/// it without a delegate or a closure.
/// </summary>
internal interface IDiffVisitor
{
    /// <summary>Hears that at most <paramref name="count"/> blocks follow, when the diff knows it up front.</summary>
    void Expect(int count);

    /// <summary>Receives one differing block; returns <see langword="false"/> to stop.</summary>
    /// <param name="index">The block index.</param>
    /// <param name="first">The block's chunk in the first map, if any.</param>
    /// <param name="second">The block's chunk in the second map, if any.</param>
    bool Visit(long index, ChunkId? first, ChunkId? second);
}
