using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CreateSnapshots.</summary>
public sealed record CreateSnapshotsResponse
{
    internal CreateSnapshotsResponse()
    {
    }

    /// <summary>Gets the new snapshots, by device name of their volumes.</summary>
    public required ValueList<SnapshotInfo> Snapshots { get; init; }
}
