using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of Fast Snapshot Restore for one snapshot in one Availability Zone, in the
/// account that enabled it. Only instants are stored; the state at any instant follows from
/// them (enabling, then optimizing for 60 minutes per TiB, then enabled; disabling, then
/// disabled), and so does the credit balance, from one stored (balance, instant) pair.
/// </summary>
internal sealed record FastSnapshotRestoreRecord
{
    /// <summary>
    /// How long <c>enabling</c> and <c>disabling</c> last. AWS gives no figure; its documented
    /// example moves from enabling to optimizing in 36 seconds, so the library takes one minute.
    /// </summary>
    public static readonly TimeSpan TransitionTime = TimeSpan.FromMinutes(1);

    /// <summary>The reason AWS gives for a state the caller asked for (<c>enabling</c>, <c>disabling</c>).</summary>
    public const string UserInitiated = "Client.UserInitiated";

    /// <summary>The reason AWS gives for a state reached by itself (<c>optimizing</c>, <c>enabled</c>, <c>disabled</c>).</summary>
    public const string LifecycleTransition = "Client.UserInitiated - Lifecycle state transition";

    /// <summary>The reason given when the snapshot stops being usable (archived, moved to the Recycle Bin), as AWS words an enablement its snapshot lost.</summary>
    public const string SnapshotUnusable = "Client.InvalidSnapshot.InvalidState - The requested snapshot transitioned to an invalid state (Error)";

    public required SnapshotId SnapshotId { get; init; }

    public required string AvailabilityZone { get; init; }

    /// <summary>Gets the account that enabled it (AWS's <c>OwnerId</c>), whose quota and bill it counts against.</summary>
    public required string OwnerId { get; init; }

    public required string Region { get; init; }

    /// <summary>Gets the snapshot's volume size in GiB, which sets the optimizing time and the credit bucket.</summary>
    public required int SnapshotSizeGiB { get; init; }

    public required DateTimeOffset EnablingTime { get; init; }

    /// <summary>Gets when disabling began, or <see langword="null"/> while it is enabled (or on its way).</summary>
    public DateTimeOffset? DisablingTime { get; init; }

    /// <summary>Gets the reason given for disabling, such as <see cref="UserInitiated"/>.</summary>
    public string? DisablingReason { get; init; }

    /// <summary>Gets the credit balance at <see cref="CreditsAt"/>; with no instant, the bucket is empty at <see cref="EnabledTime"/>.</summary>
    public double Credits { get; init; }

    /// <summary>Gets the instant <see cref="Credits"/> was measured at, or <see langword="null"/> before the first credit was used.</summary>
    public DateTimeOffset? CreditsAt { get; init; }

    /// <summary>Gets the record key: the enabling account, the snapshot and the zone.</summary>
    [JsonIgnore]
    public string Key => KeyOf(OwnerId, SnapshotId, AvailabilityZone);

    [JsonIgnore]
    public DateTimeOffset OptimizingTime => EnablingTime + TransitionTime;

    [JsonIgnore]
    public DateTimeOffset EnabledTime => OptimizingTime + OptimizingDuration(SnapshotSizeGiB);

    [JsonIgnore]
    public DateTimeOffset? DisabledTime => DisablingTime + TransitionTime;

    /// <summary>Gets the most credits the bucket holds: MAX(1, MIN(10, 1024 / size GiB)).</summary>
    [JsonIgnore]
    public double Capacity => Math.Max(1, RefillPerHour);

    /// <summary>Gets the credits added per hour once enabled: MIN(10, 1024 / size GiB).</summary>
    [JsonIgnore]
    public double RefillPerHour => Math.Min(10, 1024.0 / SnapshotSizeGiB);

    public static string KeyOf(string ownerId, SnapshotId snapshotId, string availabilityZone)
        => string.Create(CultureInfo.InvariantCulture, $"{ownerId}/{snapshotId.Value}/{availabilityZone}");

    /// <summary>AWS's rule: "It takes 60 minutes per TiB to optimize a snapshot", of the snapshot's volume size.</summary>
    public static TimeSpan OptimizingDuration(int sizeGiB) => TimeSpan.FromTicks(TimeSpan.TicksPerHour / 1024 * sizeGiB);

    public FastSnapshotRestoreStateCode StateAt(DateTimeOffset now) => DisablingTime is not null
        ? (now < DisabledTime ? FastSnapshotRestoreStateCode.Disabling : FastSnapshotRestoreStateCode.Disabled)
        : now < OptimizingTime ? FastSnapshotRestoreStateCode.Enabling
        : now < EnabledTime ? FastSnapshotRestoreStateCode.Optimizing
        : FastSnapshotRestoreStateCode.Enabled;

    /// <summary>Gets a value indicating whether it counts as enabled: enabling, optimizing or enabled, not yet disabling.</summary>
    [JsonIgnore]
    public bool IsActive => DisablingTime is null;

    /// <summary>Gets the credits in the bucket at <paramref name="now"/>: none until enabled, then refilled per hour up to <see cref="Capacity"/>.</summary>
    public double BalanceAt(DateTimeOffset now)
    {
        if (StateAt(now) != FastSnapshotRestoreStateCode.Enabled)
        {
            return 0;
        }

        var since = CreditsAt ?? EnabledTime;
        var balance = CreditsAt is null ? 0 : Credits;
        return Math.Min(Capacity, balance + (RefillPerHour * (now - since).Ticks / TimeSpan.TicksPerHour));
    }

    /// <summary>Uses one credit at <paramref name="now"/>, or returns <see langword="null"/> when the bucket holds less than one.</summary>
    public FastSnapshotRestoreRecord? UseCredit(DateTimeOffset now)
    {
        var balance = BalanceAt(now);
        return balance >= 1 ? this with { Credits = balance - 1, CreditsAt = now } : null;
    }

    /// <summary>Returns this enablement being disabled from <paramref name="now"/> for <paramref name="reason"/>.</summary>
    public FastSnapshotRestoreRecord Disable(DateTimeOffset now, string reason) => this with { DisablingTime = now, DisablingReason = reason };

    /// <summary>Gets AWS's view at <paramref name="now"/>: instants not yet reached are left out.</summary>
    public FastSnapshotRestoreSuccessItem ViewAt(DateTimeOffset now)
    {
        var state = StateAt(now);
        var until = DisablingTime ?? now;
        return new FastSnapshotRestoreSuccessItem
        {
            SnapshotId = SnapshotId,
            AvailabilityZone = AvailabilityZone,
            State = state,
            StateTransitionReason = state switch
            {
                FastSnapshotRestoreStateCode.Enabling => UserInitiated,
                FastSnapshotRestoreStateCode.Disabling => DisablingReason,
                FastSnapshotRestoreStateCode.Disabled when DisablingReason != UserInitiated => DisablingReason,
                _ => LifecycleTransition,
            },
            OwnerId = OwnerId,
            EnablingTime = EnablingTime,
            OptimizingTime = OptimizingTime <= until ? OptimizingTime : null,
            EnabledTime = EnabledTime <= until ? EnabledTime : null,
            DisablingTime = DisablingTime,
            DisabledTime = DisabledTime <= now ? DisabledTime : null,
        };
    }
}
