using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RestoreSnapshotFromRecycleBin.</summary>
public sealed record RestoreSnapshotFromRecycleBinRequest
{
    /// <summary>Gets the snapshot to restore.</summary>
    public required SnapshotId SnapshotId { get; init; }
}
