using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DisableSnapshotBlockPublicAccess.</summary>
public sealed record DisableSnapshotBlockPublicAccessResponse
{
    internal DisableSnapshotBlockPublicAccessResponse()
    {
    }

    /// <summary>Gets the mode now in force: <see cref="SnapshotBlockPublicAccessState.Unblocked"/>.</summary>
    public required SnapshotBlockPublicAccessState State { get; init; }
}
