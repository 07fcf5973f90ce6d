using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetSnapshotBlockPublicAccessState.</summary>
public sealed record GetSnapshotBlockPublicAccessStateResponse
{
    internal GetSnapshotBlockPublicAccessStateResponse()
    {
    }

    /// <summary>Gets the mode in force.</summary>
    public required SnapshotBlockPublicAccessState State { get; init; }
}
