using System.Text;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class BinStorageTests
{
    [Fact]
    public void DecodeSnapshot_DocumentWithoutRecycleBin_ReadAsNotInTheBin()
    {
        var snapshot = RecordKinds.Snapshot.Decode(new StateDocument(RecordKinds.Snapshot.Name, "snap-0123456789abcdef0", Encoding.UTF8.GetBytes("""
            {"Id":"snap-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","VolumeId":"vol-0123456789abcdef0","VolumeSizeGiB":1,
             "Description":"","StartTime":"2026-01-01T00:00:00+00:00","CopyStartsAt":"2026-01-01T00:00:00+00:00",
             "CompletesAt":"2026-01-01T00:00:05+00:00","Root":null,"BlockCount":0,"ChangedBlockCount":0,"Tags":{}}
            """)));

        Assert.Null(snapshot.RecycleBin);
    }

    [Fact]
    public async Task EncodeThenDecode_BinnedSnapshotImageAndRule_RoundTrip()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(9, resourceTags: [Rules.Tag("k", null)], lockConfiguration: null);
        await t.RecycleBin().TagResourceAsync(new() { ResourceArn = rule.RuleArn, Tags = [new Tag("own", "tag")] });
        await t.CreateRuleAsync(8, RecycleBinResourceType.Ec2Image, lockConfiguration: Rules.Lock(12));
        var snapshot = await SnapshotRetentionTests.LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["k"] = string.Empty });
        var image = await t.Ec2.RegisterImageAsync(new() { Name = "img", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] });
        await t.Ec2.DeregisterImageAsync(new() { ImageId = image.ImageId, DeleteAssociatedSnapshots = true });
        var world = t.Cloud.Engine.World;

        var binnedSnapshot = world.Snapshots[snapshot.SnapshotId];
        var binnedImage = world.Images[image.ImageId];
        Assert.NotNull(binnedSnapshot.RecycleBin);
        Assert.NotNull(binnedImage.RecycleBin);
        Assert.Equal(binnedSnapshot.RecycleBin, RecordKinds.Snapshot.Decode(RecordKinds.Snapshot.Encode(binnedSnapshot)).RecycleBin);
        Assert.Equal(binnedImage.RecycleBin, RecordKinds.Image.Decode(RecordKinds.Image.Encode(binnedImage)).RecycleBin);
        foreach (var stored in world.Table(RecordKinds.RetentionRule).Values)
        {
            Assert.Equal(stored, RecordKinds.RetentionRule.Decode(RecordKinds.RetentionRule.Encode(stored)));
        }
    }
}
