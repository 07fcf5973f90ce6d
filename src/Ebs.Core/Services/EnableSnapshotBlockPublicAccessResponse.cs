using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of EnableSnapshotBlockPublicAccess.</summary>
public sealed record EnableSnapshotBlockPublicAccessResponse
{
    internal EnableSnapshotBlockPublicAccessResponse()
    {
    }

    /// <summary>Gets the mode now in force.</summary>
    public required SnapshotBlockPublicAccessState State { get; init; }
}
