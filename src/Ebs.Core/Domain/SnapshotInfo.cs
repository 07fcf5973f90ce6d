namespace Ebs.Core.Domain;

/// <summary>One snapshot of a CreateSnapshots set (AWS's <c>SnapshotInfo</c>).</summary>
public sealed record SnapshotInfo
{
    /// <summary>Gets the snapshot's id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the volume it was taken from.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the volume's size in GiB.</summary>
    public required int VolumeSize { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the state: pending when created.</summary>
    public required SnapshotState State { get; init; }

    /// <summary>Gets the progress, as AWS's text (<c>0%</c> to <c>100%</c>).</summary>
    public required string Progress { get; init; }

    /// <summary>Gets the time the snapshot was taken.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the owner's account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>Gets how consistent the contents are (the library's own).</summary>
    public SnapshotConsistency Consistency { get; init; }
}
