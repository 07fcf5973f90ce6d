using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ModifySnapshotTier: the snapshot to archive.</summary>
public sealed record ModifySnapshotTierRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the target tier; AWS's only value, <see cref="TargetStorageTier.Archive"/>, which is also what <see langword="null"/> means.</summary>
    public TargetStorageTier? StorageTier { get; init; }
}
