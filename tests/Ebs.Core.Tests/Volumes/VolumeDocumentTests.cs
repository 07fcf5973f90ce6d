using System.Text;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Volumes;

public sealed class VolumeDocumentTests
{
    [Fact]
    public void DecodeVolume_DocumentWithoutVolumeType_ReadAsGp2WithBaselineIops()
    {
        var volume = RecordKinds.Volume.Decode(new StateDocument(RecordKinds.Volume.Name, "vol-0123456789abcdef0", Encoding.UTF8.GetBytes("""
            {"Id":"vol-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","AvailabilityZone":"us-east-1a","SizeGiB":200,
             "State":"Available","CreateTime":"2026-01-01T00:00:00+00:00","SnapshotId":null,"Tags":{},"BaseRoot":null,"LazyLoad":false,
             "SourceRoot":null,"SourceBlocks":0,"SnapshotCompletions":[]}
            """)));

        Assert.Equal((VolumeType.Gp2, (int?)600, (int?)null), (volume.View.VolumeType, volume.View.Iops, volume.View.Throughput));
        Assert.Equal(((DateTimeOffset?)null, (VolumeModificationRecord?)null), (volume.AvailableAt, volume.Modification));
    }

    [Fact]
    public async Task EncodeThenDecode_TypeCreationInstantAndModification_RoundTrip()
    {
        await using var t = new TestCloud(o => o.VolumeCreationTime = TimeSpan.FromSeconds(3));
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 50, VolumeType = VolumeType.Gp3, Iops = 5000, Throughput = 300 })).Volume;
        t.Time.Advance(TimeSpan.FromSeconds(3));
        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, VolumeType = VolumeType.Io2, Iops = 20000 });
        var stored = t.Cloud.Engine.World.Volumes[volume.VolumeId];

        var read = RecordKinds.Volume.Decode(RecordKinds.Volume.Encode(stored));

        Assert.Equal((stored.View, stored.AvailableAt, stored.Modification), (read.View, read.AvailableAt, read.Modification));
        Assert.Equal((VolumeType.Gp3, 5000, 300), (read.View.VolumeType, read.View.Iops!.Value, read.View.Throughput!.Value));
        Assert.Equal(new VolumeConfiguration(VolumeType.Io2, 50, 20000, null), read.Modification!.Target);
    }
}
