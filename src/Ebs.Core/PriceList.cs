using Ebs.Core.Domain;

namespace Ebs.Core;

/// <summary>
/// The prices a cost report applies to EBS snapshot usage in one Region, in US dollars, with
/// AWS's us-east-1 prices as defaults (see docs/billing.md for the sources). A GB is 2^30 bytes,
/// as AWS bills EBS; how long a month is, is <see cref="EbsOptions.BillingMonthLength"/>.
/// </summary>
public sealed class PriceList
{
    /// <summary>Gets or sets the price of standard-tier snapshot storage, per GB-month.</summary>
    /// <value>The default is 0.05 USD.</value>
    public decimal SnapshotStoragePerGbMonth { get; set; } = 0.05m;

    /// <summary>Gets or sets the price of archive-tier snapshot storage, per GB-month; also the price of the rest of the archive minimum period.</summary>
    /// <value>The default is 0.0125 USD.</value>
    public decimal SnapshotArchiveStoragePerGbMonth { get; set; } = 0.0125m;

    /// <summary>Gets or sets the one-time price of restoring a snapshot from the archive tier, per GB restored.</summary>
    /// <value>The default is 0.03 USD.</value>
    public decimal SnapshotArchiveRetrievalPerGb { get; set; } = 0.03m;

    /// <summary>Gets or sets the price of Fast Snapshot Restore, per DSU-hour (one snapshot enabled in one Availability Zone for one hour).</summary>
    /// <value>The default is 0.75 USD.</value>
    public decimal FastSnapshotRestorePerDsuHour { get; set; } = 0.75m;

    /// <summary>Gets or sets the minimum period an archived snapshot is billed for: deleting or permanently restoring it earlier bills the rest.</summary>
    /// <value>The default is 90 days.</value>
    public TimeSpan SnapshotArchiveMinimumPeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Gets the price per unit (<see cref="UsageUnit"/>) of a ledger line's usage type.</summary>
    internal decimal PriceOf(UsageType type) => type switch
    {
        UsageType.SnapshotStorage => SnapshotStoragePerGbMonth,
        UsageType.SnapshotArchiveStorage or UsageType.SnapshotArchiveEarlyDeletion => SnapshotArchiveStoragePerGbMonth,
        UsageType.SnapshotArchiveRetrieval => SnapshotArchiveRetrievalPerGb,
        UsageType.FastSnapshotRestore or UsageType.FastSnapshotRestoreMinimum => FastSnapshotRestorePerDsuHour,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
