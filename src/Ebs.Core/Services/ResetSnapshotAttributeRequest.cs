using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ResetSnapshotAttribute.</summary>
public sealed record ResetSnapshotAttributeRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the attribute to reset: only <see cref="SnapshotAttributeName.CreateVolumePermission"/> can be.</summary>
    public required SnapshotAttributeName Attribute { get; init; }
}
