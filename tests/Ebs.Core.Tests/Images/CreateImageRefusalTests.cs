using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class CreateImageRefusalTests
{
    [Fact]
    public async Task CreateImage_EveryRefusal_AwsCodeAndNothingChanged()
    {
        await using var t = new TestCloud();
        var baseImage = await t.RegisterImageAsync("base");
        var running = await CreateImageScenarioTests.RunningAsync(t, baseImage);
        var terminated = await CreateImageScenarioTests.RunningAsync(t, baseImage);
        await t.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [terminated] });
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var pending = (await t.LaunchAsync(baseImage)).InstanceId;
        var failing = new CountingHook { ThrowBefore = new InvalidOperationException("fsfreeze: device busy") };
        t.Cloud.QuiesceHooks.Register(running, failing);

        Task Create(InstanceId id, string name = "new image", bool noReboot = false, IReadOnlyList<LaunchBlockDeviceMapping>? mappings = null)
            => t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = id, Name = name, NoReboot = noReboot, BlockDeviceMappings = mappings ?? [] }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(InstanceId.Parse("i-0123456789abcdef0")), EbsErrorCodes.InvalidInstanceIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(default), EbsErrorCodes.InvalidInstanceIdMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(terminated), EbsErrorCodes.IncorrectInstanceState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(pending), EbsErrorCodes.IncorrectInstanceState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, "base", noReboot: true), EbsErrorCodes.InvalidAmiNameDuplicate);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, "no", noReboot: true), EbsErrorCodes.InvalidAmiNameMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, "bad*name", noReboot: true), EbsErrorCodes.InvalidAmiNameMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, noReboot: true, mappings: [Change("/dev/sdz", 4)]), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, noReboot: true, mappings: [Change(InstanceShorthands.Data, 1)]), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running, noReboot: true, mappings: [Change(InstanceShorthands.Root, 8)]), EbsErrorCodes.InvalidBlockDeviceMapping);
        Assert.Equal(0, failing.Before); // refused before the hook

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Create(running), EbsErrorCodes.QuiesceHookFailed);
        Assert.Equal((1, 0), (failing.Before, failing.After));
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = running } }).AsTask(),
            EbsErrorCodes.QuiesceHookFailed);
    }

    [Fact]
    public async Task CreateImage_StoppedInstance_Captured()
    {
        await using var t = new TestCloud();
        var instance = await CreateImageScenarioTests.RunningAsync(t, await t.RegisterImageAsync("base"));
        await t.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance] });
        t.Time.Advance(TimeSpan.FromMinutes(1));

        var image = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = "from stopped" })).ImageId;

        Assert.Equal(2, (await t.Ec2.DescribeImageAsync(image)).BlockDeviceMappings.Count);
        Assert.Equal(InstanceStateName.Stopped, await t.Ec2.StateOfAsync(instance));
    }

    private static LaunchBlockDeviceMapping Change(string device, int sizeGiB)
        => new() { DeviceName = device, Ebs = new LaunchEbsBlockDevice { VolumeSize = sizeGiB } };
}
