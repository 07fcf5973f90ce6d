namespace Ebs.Core.Chunks;

/// <summary>
/// The lengths a stored chunk may have, for <see cref="Storage.IChunkStore"/> implementations and
/// offline checks: one block, or for an encrypted volume or snapshot one block sealed with AES-GCM
/// (a 12-byte nonce before it and a 16-byte tag after it).
/// </summary>
public static class ChunkFormat
{
    /// <summary>How many bytes a sealed chunk holds more than its block.</summary>
    public const int SealedOverhead = 28;

    /// <summary>Tells whether <paramref name="length"/> is the length of a stored chunk of a cloud with <paramref name="blockSize"/>-byte blocks.</summary>
    /// <param name="length">The stored length.</param>
    /// <param name="blockSize">The block size.</param>
    /// <returns><see langword="true"/> for one block or one sealed block.</returns>
    public static bool IsChunkLength(int length, int blockSize) => length == blockSize || length == blockSize + SealedOverhead;
}
