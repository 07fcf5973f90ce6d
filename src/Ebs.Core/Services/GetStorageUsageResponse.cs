namespace Ebs.Core.Services;

/// <summary>The result of GetStorageUsage (the library's own operation): the snapshot storage of one account in one Region.</summary>
public sealed record GetStorageUsageResponse
{
    internal GetStorageUsageResponse()
    {
    }

    /// <summary>Gets the number of snapshots.</summary>
    public required int SnapshotCount { get; init; }

    /// <summary>
    /// Gets the physical figure: the distinct chunk bytes the snapshots hold, each stored block
    /// counted once, however many snapshots or offsets share it (content dedup within the account
    /// and Region). Never above <see cref="BilledSizeInBytes"/>.
    /// </summary>
    public required long StoredSizeInBytes { get; init; }

    /// <summary>
    /// Gets the billed figure: the standard-tier bytes AWS bills for the snapshots, shared only
    /// along a lineage (each snapshot pays for the blocks that differ from its parent), equal to
    /// the ledger's <see cref="Domain.UsageType.SnapshotStorage"/> level; cost reports use this one.
    /// </summary>
    public required long BilledSizeInBytes { get; init; }

    /// <summary>Gets the sum of the snapshots' full sizes: what storing each whole would take.</summary>
    public required long FullSnapshotSizeInBytes { get; init; }
}
