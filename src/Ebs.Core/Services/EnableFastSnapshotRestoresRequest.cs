using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableFastSnapshotRestores: every snapshot in every zone.</summary>
public sealed record EnableFastSnapshotRestoresRequest
{
    /// <summary>Gets the Availability Zones, such as <c>us-east-1a</c>; at least one.</summary>
    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    /// <summary>Gets the snapshots; 1 to 10.</summary>
    public required IReadOnlyList<SnapshotId> SourceSnapshotIds { get; init; }
}
