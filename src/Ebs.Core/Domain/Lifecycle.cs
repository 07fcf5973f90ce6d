namespace Ebs.Core.Domain;

/// <summary>
/// When a recovery point moves to cold storage and when it is deleted, in days after its
/// creation (AWS Backup's <c>Lifecycle</c>). A point in cold storage stays there at least 90
/// days, so with both set <see cref="DeleteAfterDays"/> must be at least
/// <see cref="MoveToColdStorageAfterDays"/> + 90. Without <see cref="DeleteAfterDays"/> a point is kept until deleted.
/// </summary>
public sealed record Lifecycle
{
    /// <summary>Gets the days after creation at which the point moves to cold storage; only with <see cref="OptInToArchiveForSupportedResources"/> for EBS.</summary>
    public long? MoveToColdStorageAfterDays { get; init; }

    /// <summary>Gets the days after creation at which the point is deleted: 1 to 36,500.</summary>
    public long? DeleteAfterDays { get; init; }

    /// <summary>Gets whether EBS snapshots move to the archive tier at <see cref="MoveToColdStorageAfterDays"/>; without it EBS ignores the cold setting.</summary>
    public bool? OptInToArchiveForSupportedResources { get; init; }
}
