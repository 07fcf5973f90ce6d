using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// Fast Snapshot Restore for one snapshot in one Availability Zone, as AWS's
/// <c>EnableFastSnapshotRestoreSuccessItem</c>, <c>DisableFastSnapshotRestoreSuccessItem</c> and
/// <c>DescribeFastSnapshotRestoreSuccessItem</c> give it (three shapes with the same members, one
/// record here). Instants not yet reached are <see langword="null"/>, as AWS leaves them out.
/// </summary>
public sealed record FastSnapshotRestoreSuccessItem
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal FastSnapshotRestoreSuccessItem()
    {
    }

    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the Availability Zone.</summary>
    public required string AvailabilityZone { get; init; }

    /// <summary>Gets the state at the time of the call.</summary>
    public required FastSnapshotRestoreStateCode State { get; init; }

    /// <summary>Gets why it reached its state, in AWS's words, such as <c>Client.UserInitiated</c>.</summary>
    public string? StateTransitionReason { get; init; }

    /// <summary>Gets the account that enabled Fast Snapshot Restore (not necessarily the snapshot's owner).</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets when it entered <c>enabling</c>.</summary>
    public DateTimeOffset? EnablingTime { get; init; }

    /// <summary>Gets when it entered <c>optimizing</c>.</summary>
    public DateTimeOffset? OptimizingTime { get; init; }

    /// <summary>Gets when it entered <c>enabled</c>.</summary>
    public DateTimeOffset? EnabledTime { get; init; }

    /// <summary>Gets when it entered <c>disabling</c>.</summary>
    public DateTimeOffset? DisablingTime { get; init; }

    /// <summary>Gets when it entered <c>disabled</c>.</summary>
    public DateTimeOffset? DisabledTime { get; init; }
}
