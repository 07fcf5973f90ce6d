using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteSnapshot.</summary>
public sealed record DeleteSnapshotRequest
{
    /// <summary>Gets the snapshot to delete.</summary>
    public required SnapshotId SnapshotId { get; init; }
}
