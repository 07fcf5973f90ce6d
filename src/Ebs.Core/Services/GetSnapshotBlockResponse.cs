using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of the EBS direct API's GetSnapshotBlock, with AWS's names.</summary>
public sealed record GetSnapshotBlockResponse
{
    internal GetSnapshotBlockResponse()
    {
    }

    /// <summary>Gets the block's bytes, as a read-only stream over memory. Dispose it when read: its buffer is then reused.</summary>
    public required Stream BlockData { get; init; }

    /// <summary>Gets the number of bytes in <see cref="BlockData"/>: the block size.</summary>
    public required int DataLength { get; init; }

    /// <summary>Gets the Base64-encoded SHA-256 of the bytes.</summary>
    public required string Checksum { get; init; }

    /// <summary>Gets the checksum algorithm.</summary>
    public required ChecksumAlgorithm ChecksumAlgorithm { get; init; }
}
