namespace Ebs.Core.Services;

/// <summary>How long a snapshot stays pending while its changed blocks are copied, whichever API made it.</summary>
internal static class SnapshotCopyTime
{
    /// <summary>The setup time plus the changed blocks' bytes at the snapshot throughput.</summary>
    public static TimeSpan Of(EbsOptions options, long changedBlocks)
        => options.SnapshotSetupTime + TimeSpan.FromSeconds((double)changedBlocks * options.BlockSize / options.SnapshotThroughputBytesPerSecond);
}
