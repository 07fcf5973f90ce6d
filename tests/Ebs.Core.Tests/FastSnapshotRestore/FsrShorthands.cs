using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.FastSnapshotRestore;

/// <summary>Shorthands for Fast Snapshot Restore tests: a completed snapshot of a given size, and the three operations.</summary>
public static class FsrShorthands
{
    /// <summary>A completed snapshot of a volume of <paramref name="sizeGiB"/> with <paramref name="blocks"/> written blocks; the clock ends one hour later.</summary>
    public static async Task<Snapshot> CompletedSnapshotAsync(this TestCloud t, int sizeGiB = 1, int blocks = 0)
    {
        var volume = await t.CreateVolumeAsync(sizeGiB);
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, blocks), seedBase: 100);
        return await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
    }

    public static ValueTask<EnableFastSnapshotRestoresResponse> EnableAsync(this Ec2Client ec2, SnapshotId snapshotId, params string[] zones)
        => ec2.EnableFastSnapshotRestoresAsync(new() { AvailabilityZones = zones, SourceSnapshotIds = [snapshotId] });

    public static ValueTask<DisableFastSnapshotRestoresResponse> DisableAsync(this Ec2Client ec2, SnapshotId snapshotId, params string[] zones)
        => ec2.DisableFastSnapshotRestoresAsync(new() { AvailabilityZones = zones, SourceSnapshotIds = [snapshotId] });

    public static async ValueTask<FastSnapshotRestoreSuccessItem> DescribeFsrAsync(this Ec2Client ec2, SnapshotId snapshotId, string zone)
        => (await ec2.DescribeFastSnapshotRestoresAsync(new() { Filters = [new Filter("snapshot-id", snapshotId.Value), new Filter("availability-zone", zone)] })).FastSnapshotRestores.Single();

    public static async ValueTask<Volume> RestoreAsync(this Ec2Client ec2, SnapshotId snapshotId, string zone = "us-east-1a")
        => (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, SnapshotId = snapshotId })).Volume;
}
