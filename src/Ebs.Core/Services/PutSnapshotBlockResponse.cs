using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of the EBS direct API's PutSnapshotBlock, with AWS's names.</summary>
public sealed record PutSnapshotBlockResponse
{
    internal PutSnapshotBlockResponse()
    {
    }

    /// <summary>Gets the Base64-encoded SHA-256 of the stored bytes.</summary>
    public required string Checksum { get; init; }

    /// <summary>Gets the checksum algorithm.</summary>
    public required ChecksumAlgorithm ChecksumAlgorithm { get; init; }
}
