using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ModifySnapshotTier.</summary>
public sealed record ModifySnapshotTierResponse
{
    internal ModifySnapshotTierResponse()
    {
    }

    /// <summary>Gets the snapshot id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the instant archiving started.</summary>
    public required DateTimeOffset TieringStartTime { get; init; }
}
