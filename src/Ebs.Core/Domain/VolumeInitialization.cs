namespace Ebs.Core.Domain;

/// <summary>
/// How far a volume created from a snapshot has been loaded. Such a volume is lazy: the
/// first read of each block that came from the snapshot is a cold read.
/// </summary>
/// <param name="TotalBlocks">The blocks the snapshot held, which must each be loaded once.</param>
/// <param name="InitializedBlocks">The snapshot's blocks loaded so far (read, or overwritten whole); never more than <paramref name="TotalBlocks"/>.</param>
/// <param name="ColdReads">The number of cold block reads served so far.</param>
public sealed record VolumeInitialization(long TotalBlocks, long InitializedBlocks, long ColdReads)
{
    /// <summary>Gets the progress of a volume created fully initialized (by Fast Snapshot Restore): every block loaded, none read cold.</summary>
    /// <param name="totalBlocks">The blocks the snapshot held.</param>
    /// <returns>The progress.</returns>
    internal static VolumeInitialization Complete(long totalBlocks) => new(totalBlocks, totalBlocks, 0);

    /// <summary>Gets the loaded share, from 0 to 100.</summary>
    public double Percent => TotalBlocks == 0 ? 100 : 100.0 * InitializedBlocks / TotalBlocks;

    /// <summary>Gets a value indicating whether every block has been loaded.</summary>
    public bool IsComplete => InitializedBlocks >= TotalBlocks;
}
