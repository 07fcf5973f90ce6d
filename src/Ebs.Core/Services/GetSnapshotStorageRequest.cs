using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of GetSnapshotStorage (the library's own operation).</summary>
public sealed record GetSnapshotStorageRequest
{
    /// <summary>Gets the snapshot to measure.</summary>
    public required SnapshotId SnapshotId { get; init; }
}
