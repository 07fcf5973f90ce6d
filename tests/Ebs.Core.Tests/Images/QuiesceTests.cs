using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class QuiesceTests
{
    [Fact]
    public async Task CreateImage_NoRebootVersusReboot_HookRunsOnlyAroundTheRebootCaptureAndConsistencyIsRecorded()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));
        var hook = new CountingHook();
        t.Cloud.QuiesceHooks.Register(instance, hook);

        var crash = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = "crash", NoReboot = true })).ImageId;
        Assert.Equal((0, 0), (hook.Before, hook.After));

        var app = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = "app" })).ImageId;
        Assert.Equal((1, 1), (hook.Before, hook.After));
        Assert.Equal([instance.Value, instance.Value], hook.Resources);

        await AssertConsistencyAsync(t, crash, SnapshotConsistency.CrashConsistent);
        await AssertConsistencyAsync(t, app, SnapshotConsistency.ApplicationConsistent);
        Assert.Equal(InstanceStateName.Running, await t.Ec2.StateOfAsync(instance)); // rebooted, still running
    }

    [Fact]
    public async Task CreateImage_HookCapturesBetweenItsCallbacks_WritesInThePreCallbackAreInTheImage()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));
        var root = await t.Ec2.VolumeAtAsync(instance, InstanceShorthands.Root);
        var flushed = TestCloud.Block(7);
        t.Cloud.QuiesceHooks.Register(instance, new CountingHook { OnBefore = () => t.Ec2.WriteAtAsync(root, 40 * TestCloud.BlockSize, flushed).AsTask() });

        var image = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = "flushed" })).ImageId;
        await t.Ec2.WriteAtAsync(root, 40 * TestCloud.BlockSize, TestCloud.Block(8)); // after the capture
        t.Time.Advance(TimeSpan.FromHours(1));
        var launched = await CreateImageScenarioTests.RunningAsync(t, image);

        Assert.Equal(flushed, await t.ReadAsync(await t.Ec2.VolumeAtAsync(launched, InstanceShorthands.Root), 40 * TestCloud.BlockSize, TestCloud.BlockSize));
    }

    [Fact]
    public async Task CreateSnapshot_VolumeHook_RunsAroundTheCaptureAndMakesItApplicationConsistent()
    {
        await using var t = new TestCloud();
        var hooked = await t.CreateVolumeAsync();
        var plain = await t.CreateVolumeAsync();
        var hook = new CountingHook();
        t.Cloud.QuiesceHooks.Register(hooked.VolumeId, hook);

        var app = await t.Ec2.TakeSnapshotAsync(hooked.VolumeId);
        var crash = await t.Ec2.TakeSnapshotAsync(plain.VolumeId);

        Assert.Equal((1, 1), (hook.Before, hook.After));
        Assert.Equal(SnapshotConsistency.ApplicationConsistent, app.Consistency);
        Assert.Equal(SnapshotConsistency.CrashConsistent, crash.Consistency);
        Assert.Equal(SnapshotConsistency.ApplicationConsistent, (await t.Ec2.DescribeSnapshotAsync(app.SnapshotId)).Consistency);

        t.Time.Advance(TimeSpan.FromHours(1));
        var copy = await t.Ec2.CopySnapshotHereAsync(TestCloud.Region, app.SnapshotId);
        Assert.Equal(SnapshotConsistency.ApplicationConsistent, copy.Consistency); // the same bytes
        Assert.True(t.Cloud.QuiesceHooks.Unregister(hooked.VolumeId.Value));
        Assert.Equal(SnapshotConsistency.CrashConsistent, (await t.Ec2.TakeSnapshotAsync(hooked.VolumeId)).Consistency);
        Assert.Equal((1, 1), (hook.Before, hook.After));
    }

    [Fact]
    public async Task CreateImage_CaptureRefusedAfterThePreCallback_PostCallbackStillRuns()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));
        var other = await t.RegisterImageAsync("other");
        var hook = new CountingHook();

        // The name is taken between the check and the capture.
        hook.OnBefore = async () =>
        {
            var taken = await t.Ec2.DescribeImageAsync(other);
            await t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "taken", RootDeviceName = taken.RootDeviceName, BlockDeviceMappings = taken.BlockDeviceMappings });
        };
        t.Cloud.QuiesceHooks.Register(instance, hook);

        var error = await Assert.ThrowsAsync<EbsException>(async () => await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = "taken" }));

        Assert.Equal(EbsErrorCodes.InvalidAmiNameDuplicate, error.ErrorCode);
        Assert.Equal((1, 1), (hook.Before, hook.After));
    }

    private static async Task AssertConsistencyAsync(TestCloud t, ImageId id, SnapshotConsistency expected)
    {
        var image = await t.Ec2.DescribeImageAsync(id);
        Assert.Equal(expected, image.Consistency);
        foreach (var mapping in image.BlockDeviceMappings)
        {
            Assert.Equal(expected, (await t.Ec2.DescribeSnapshotAsync(mapping.Ebs.SnapshotId)).Consistency);
        }
    }
}
