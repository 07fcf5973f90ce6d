using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ReadSnapshot (the library's own operation): bytes of a snapshot's image at an offset.</summary>
public sealed record ReadSnapshotRequest
{
    /// <summary>Gets the snapshot to read.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the byte offset to read from.</summary>
    public required long Offset { get; init; }

    /// <summary>Gets the buffer to fill; its length is the number of bytes read, which must lie within the snapshot's volume size.</summary>
    public required Memory<byte> Destination { get; init; }
}
