using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CreateSnapshot.</summary>
public sealed record CreateSnapshotResponse
{
    internal CreateSnapshotResponse()
    {
    }

    /// <summary>Gets the new snapshot.</summary>
    public required Snapshot Snapshot { get; init; }
}
