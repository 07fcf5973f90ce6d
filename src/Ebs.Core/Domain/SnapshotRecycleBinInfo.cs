using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A snapshot in the Recycle Bin, as ListSnapshotsInRecycleBin describes it.</summary>
public sealed record SnapshotRecycleBinInfo
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal SnapshotRecycleBinInfo()
    {
    }

    /// <summary>Gets the snapshot's id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets when the snapshot entered the Recycle Bin.</summary>
    public required DateTimeOffset RecycleBinEnterTime { get; init; }

    /// <summary>Gets when the snapshot is to be permanently deleted.</summary>
    public required DateTimeOffset RecycleBinExitTime { get; init; }

    /// <summary>Gets the snapshot's description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the volume the snapshot was taken of.</summary>
    public required VolumeId VolumeId { get; init; }
}
