using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableSnapshotBlockPublicAccess.</summary>
public sealed record EnableSnapshotBlockPublicAccessRequest
{
    /// <summary>Gets the mode: <see cref="SnapshotBlockPublicAccessState.BlockAllSharing"/> or <see cref="SnapshotBlockPublicAccessState.BlockNewSharing"/>.</summary>
    public required SnapshotBlockPublicAccessState State { get; init; }
}
