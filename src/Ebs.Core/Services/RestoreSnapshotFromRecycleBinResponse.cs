using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of RestoreSnapshotFromRecycleBin: the restored snapshot's fields, as AWS returns them.</summary>
public sealed record RestoreSnapshotFromRecycleBinResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal RestoreSnapshotFromRecycleBinResponse()
    {
    }

    /// <summary>Gets the snapshot's id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets whether the snapshot is encrypted; always <see langword="false"/> in this library.</summary>
    public bool Encrypted { get; init; }

    /// <summary>Gets the owner's account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the progress, such as <c>100%</c>.</summary>
    public required string Progress { get; init; }

    /// <summary>Gets when the snapshot was started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the state.</summary>
    public required SnapshotState State { get; init; }

    /// <summary>Gets the volume the snapshot was taken of.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the volume's size, in GiB.</summary>
    public required int VolumeSize { get; init; }
}
