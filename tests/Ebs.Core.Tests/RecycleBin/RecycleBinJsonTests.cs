using System.Text.Json;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using static Ebs.Core.Tests.RecycleBin.Rules;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class RecycleBinJsonTests
{
    [Fact]
    public async Task RuleAndBinResponses_Serialized_AwsShapeAndRoundTrip()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7, lockConfiguration: Lock(7));
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image);
        var snapshot = await SnapshotRetentionTests.LoneSnapshotAsync(t, 1);
        var image = await t.Ec2.RegisterImageAsync(new() { Name = "img", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] });
        await t.Ec2.DeregisterImageAsync(new() { ImageId = image.ImageId, DeleteAssociatedSnapshots = true });

        var got = await t.GetRuleAsync(rule.Identifier);
        var rules = await t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot });
        var snapshots = await t.Ec2.ListSnapshotsInRecycleBinAsync(new());
        var images = await t.Ec2.ListImagesInRecycleBinAsync(new());

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(got));
        Assert.Equal("EBS_SNAPSHOT", json.RootElement.GetProperty("ResourceType").GetString());
        Assert.Equal("locked", json.RootElement.GetProperty("LockState").GetString());
        Assert.Equal("DAYS", json.RootElement.GetProperty("RetentionPeriod").GetProperty("RetentionPeriodUnit").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("LockConfiguration").GetProperty("UnlockDelay").GetProperty("UnlockDelayValue").GetInt32());
        Assert.Equal(got, JsonSerializer.Deserialize<GetRuleResponse>(JsonSerializer.Serialize(got)));
        Assert.Equal(rules, JsonSerializer.Deserialize<ListRulesResponse>(JsonSerializer.Serialize(rules)));
        Assert.Equal(snapshots, JsonSerializer.Deserialize<ListSnapshotsInRecycleBinResponse>(JsonSerializer.Serialize(snapshots)));
        Assert.Equal(images, JsonSerializer.Deserialize<ListImagesInRecycleBinResponse>(JsonSerializer.Serialize(images)));
    }
}
