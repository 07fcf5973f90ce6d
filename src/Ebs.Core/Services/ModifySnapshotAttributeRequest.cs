using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ModifySnapshotAttribute: either <see cref="CreateVolumePermission"/>, or <see cref="Attribute"/> with <see cref="OperationType"/>, <see cref="UserIds"/> and <see cref="GroupNames"/>.</summary>
public sealed record ModifySnapshotAttributeRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the attribute to modify: only <see cref="SnapshotAttributeName.CreateVolumePermission"/> can be.</summary>
    public SnapshotAttributeName? Attribute { get; init; }

    /// <summary>Gets the grants to add and remove.</summary>
    public CreateVolumePermissionModifications? CreateVolumePermission { get; init; }

    /// <summary>Gets whether <see cref="UserIds"/> and <see cref="GroupNames"/> are added or removed.</summary>
    public OperationType? OperationType { get; init; }

    /// <summary>Gets the accounts to add or remove.</summary>
    public IReadOnlyList<string> UserIds { get; init; } = [];

    /// <summary>Gets the groups to add or remove (<c>all</c>: public).</summary>
    public IReadOnlyList<PermissionGroup> GroupNames { get; init; } = [];
}
