using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The grants ModifySnapshotAttribute adds to and removes from a snapshot's createVolumePermission (AWS's <c>CreateVolumePermissionModifications</c>).</summary>
public sealed record CreateVolumePermissionModifications
{
    /// <summary>Gets the grants to add.</summary>
    public IReadOnlyList<CreateVolumePermission> Add { get; init; } = [];

    /// <summary>Gets the grants to remove.</summary>
    public IReadOnlyList<CreateVolumePermission> Remove { get; init; } = [];
}
