using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class CreateSnapshotsTests
{
    [Fact]
    public async Task CreateSnapshots_WholeInstance_OneSnapshotPerVolumeAtOneInstantCrashConsistent()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));
        var root = await t.Ec2.VolumeAtAsync(instance, InstanceShorthands.Root);
        var data = await t.Ec2.VolumeAtAsync(instance, InstanceShorthands.Data);
        await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [data], Tags = [new Tag("app", "db"), new Tag("env", "volume")] });

        var set = (await t.Ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest
        {
            InstanceSpecification = new InstanceSpecification { InstanceId = instance },
            Description = "nightly",
            TagSpecifications = Ec2Shorthands.Tags(ResourceType.Snapshot, new Dictionary<string, string> { ["env"] = "prod" }),
            CopyTagsFromSource = CopyTagsFromSource.Volume,
        })).Snapshots;

        Assert.Equal([data, root], set.Select(s => s.VolumeId));
        Assert.All(set, s => Assert.Equal((SnapshotState.Pending, "0%", "nightly", SnapshotConsistency.CrashConsistent, t.Time.GetUtcNow()), (s.State, s.Progress, s.Description, s.Consistency, s.StartTime)));
        Assert.Equal([2, 1], set.Select(s => s.VolumeSize));
        Assert.Equal(("db", "prod"), (set[0].Tags["app"], set[0].Tags["env"]));
        Assert.Equal("prod", Assert.Single(set[1].Tags).Value);
        Assert.Equal(2, (await t.Ec2.ListSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("description", ["nightly"])] })).Count);
    }

    [Fact]
    public async Task CreateSnapshots_Exclusions_CaptureOnlyTheChosenVolumes()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));

        var bootOnly = (await t.Ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = instance, ExcludeDataVolumes = true } })).Snapshots;
        var dataOnly = (await t.Ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = instance, ExcludeBootVolume = true } })).Snapshots;

        Assert.Equal(await t.Ec2.VolumeAtAsync(instance, InstanceShorthands.Root), Assert.Single(bootOnly).VolumeId);
        Assert.Equal(await t.Ec2.VolumeAtAsync(instance, InstanceShorthands.Data), Assert.Single(dataOnly).VolumeId);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = instance, ExcludeBootVolume = true, ExcludeDataVolumes = true } }).AsTask(),
            EbsErrorCodes.InvalidParameterValue);
    }
}
