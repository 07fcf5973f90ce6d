using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class IdSequenceTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 5 };

    [Fact]
    public async Task SeededStore_Reopened_ContinuesTheSequenceAndNeverReusesADeletedId()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ids = new List<string>();
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            ids.AddRange(await CreateVolumeAndSnapshotThenDeleteBothAsync(cloud.Account(TestCloud.Account).Ec2(TestCloud.Region)));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            ids.AddRange(await CreateVolumeAndSnapshotThenDeleteBothAsync(cloud.Account(TestCloud.Account).Ec2(TestCloud.Region)));
        }

        var unbroken = new List<string>();
        await using (var cloud = EbsCloud.CreateInMemory(o => (o.BlockSize, o.IdSeed) = (Options.BlockSize, Options.IdSeed), time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            unbroken.AddRange(await CreateVolumeAndSnapshotThenDeleteBothAsync(ec2));
            unbroken.AddRange(await CreateVolumeAndSnapshotThenDeleteBothAsync(ec2));
        }

        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(unbroken, ids);
    }

    private static async Task<string[]> CreateVolumeAndSnapshotThenDeleteBothAsync(Ec2Client ec2)
    {
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        var snapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId })).Snapshot;
        await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId });
        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        return [volume.VolumeId.Value, snapshot.SnapshotId.Value];
    }
}
