namespace Ebs.Core.Services;

/// <summary>The result of GetStorageUsage (the library's own operation): the snapshot storage of one account in one Region.</summary>
public sealed record GetStorageUsageResponse
{
    internal GetStorageUsageResponse()
    {
    }

    /// <summary>Gets the number of snapshots.</summary>
    public required int SnapshotCount { get; init; }

    /// <summary>Gets the distinct chunk bytes the snapshots hold: each shared block counted once (what the standard tier bills).</summary>
    public required long StoredSizeInBytes { get; init; }

    /// <summary>Gets the sum of the snapshots' full sizes: what storing each whole would take.</summary>
    public required long FullSnapshotSizeInBytes { get; init; }
}
