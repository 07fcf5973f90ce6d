using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Archive;

/// <summary>A cloud with round archive and restore times, and shorthands for the tier operations and the ledger.</summary>
internal static class Archiving
{
    public const int B = TestCloud.BlockSize;

    public static readonly TimeSpan ArchiveTime = TimeSpan.FromHours(24);

    public static readonly TimeSpan RestoreTime = TimeSpan.FromHours(48);

    public static TestCloud NewCloud() => new(o =>
    {
        o.SnapshotArchiveTime = ArchiveTime;
        o.SnapshotRestoreTime = RestoreTime;
    });

    /// <summary>A completed snapshot of a new volume whose blocks 0 to <paramref name="blocks"/> - 1 are written.</summary>
    public static async Task<Snapshot> CompletedSnapshotAsync(TestCloud t, int blocks = 4, int seedBase = 0)
    {
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, blocks), seedBase);
        return await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
    }

    public static ValueTask<ModifySnapshotTierResponse> ArchiveAsync(this Ec2Client ec2, SnapshotId id)
        => ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = id });

    /// <summary>Archives the snapshot and moves the clock to the instant archiving completes.</summary>
    public static async Task ArchiveAndWaitAsync(TestCloud t, SnapshotId id)
    {
        await t.Ec2.ArchiveAsync(id);
        t.Time.Advance(ArchiveTime);
    }

    public static ValueTask<RestoreSnapshotTierResponse> RestoreTemporarilyAsync(this Ec2Client ec2, SnapshotId id, int? days)
        => ec2.RestoreSnapshotTierAsync(new RestoreSnapshotTierRequest { SnapshotId = id, TemporaryRestoreDays = days });

    public static ValueTask<RestoreSnapshotTierResponse> RestorePermanentlyAsync(this Ec2Client ec2, SnapshotId id)
        => ec2.RestoreSnapshotTierAsync(new RestoreSnapshotTierRequest { SnapshotId = id, PermanentRestore = true });

    public static async Task<SnapshotTierStatus> TierStatusAsync(this Ec2Client ec2, SnapshotId id)
        => (await ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest { Filters = [new Filter("snapshot-id", id.Value)] })).SnapshotTierStatuses.Single();

    /// <summary>The ledger's entries of one type, once due work is applied.</summary>
    public static async Task<List<UsageEntry>> UsageAsync(EbsCloud cloud, UsageType type)
    {
        await cloud.ApplyDueWorkAsync();
        return [.. cloud.Engine.World.Table(RecordKinds.Usage).Values.Where(e => e.Type == type)];
    }

    public static async Task<long> LevelAsync(EbsCloud cloud, UsageType type)
        => (await UsageAsync(cloud, type)).Sum(e => e.LevelChange);

    /// <summary>Creates a volume from the snapshot and reads its first <paramref name="blocks"/> blocks.</summary>
    public static async Task<byte[]> ReadBackAsync(TestCloud t, SnapshotId id, int blocks)
    {
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = id })).Volume;
        return await t.ReadAsync(volume.VolumeId, 0, blocks * B);
    }

    /// <summary>The bytes <see cref="CompletedSnapshotAsync"/> wrote.</summary>
    public static byte[] Written(int blocks, int seedBase = 0)
        => [.. Enumerable.Range(0, blocks).SelectMany(b => TestCloud.Block(seedBase + b))];
}
