using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class AttachmentTests
{
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AttachTime = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AttachThenDetach_StatesOnTheClock_VolumeInUseWithAttachmentsThenAvailable()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var volume = await t.CreateVolumeAsync();
        t.Time.Advance(Transition);
        var at = t.Time.GetUtcNow();

        var attachment = (await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = volume.VolumeId })).Attachment;

        Assert.Equal((volume.VolumeId, id, "/dev/sdf", VolumeAttachmentState.Attaching, at, false), (attachment.VolumeId, attachment.InstanceId, attachment.Device, attachment.State, attachment.AttachTime, attachment.DeleteOnTermination));
        var described = await t.Ec2.DescribeVolumeAsync(volume.VolumeId);
        Assert.Equal((VolumeState.InUse, attachment), (described.State, described.Attachments.Single()));
        Assert.Equal(EbsErrorCodes.VolumeInUse, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DeleteVolumeAsync(volume.VolumeId).AsTask())).ErrorCode);
        t.Time.SetUtcNow(at + AttachTime - TimeSpan.FromTicks(1));
        Assert.Equal(VolumeAttachmentState.Attaching, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).Attachments.Single().State);
        t.Time.SetUtcNow(at + AttachTime);
        Assert.Equal(VolumeAttachmentState.Attached, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).Attachments.Single().State);
        var device = (await t.Ec2.DescribeInstanceAsync(id)).BlockDeviceMappings.Single(b => b.DeviceName == "/dev/sdf").Ebs;
        Assert.Equal((volume.VolumeId, VolumeAttachmentState.Attached, at), (device.VolumeId, device.Status, device.AttachTime));

        // I/O through the instance's device is I/O on the attached volume.
        await t.Ec2.WriteAtAsync(await t.Ec2.VolumeAtAsync(id, "/dev/sdf"), 3 * TestCloud.BlockSize, TestCloud.Block(9));
        Assert.Equal(TestCloud.Block(9), await t.ReadAsync(volume.VolumeId, 3 * TestCloud.BlockSize, TestCloud.BlockSize));

        var detaching = (await t.Ec2.DetachVolumeAsync(new() { VolumeId = volume.VolumeId, InstanceId = id, Device = "/dev/sdf" })).Attachment;
        Assert.Equal(VolumeAttachmentState.Detaching, detaching.State);
        var detachedAt = t.Time.GetUtcNow() + AttachTime;
        t.Time.SetUtcNow(detachedAt - TimeSpan.FromTicks(1));
        Assert.Equal(VolumeState.InUse, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).State);
        t.Time.SetUtcNow(detachedAt);
        var detached = await t.Ec2.DescribeVolumeAsync(volume.VolumeId);
        Assert.Equal((VolumeState.Available, 0), (detached.State, detached.Attachments.Count));
        Assert.DoesNotContain((await t.Ec2.DescribeInstanceAsync(id)).BlockDeviceMappings, b => b.DeviceName == "/dev/sdf");
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
    }

    [Fact]
    public async Task AttachVolume_BrokenRules_AwsCodesAndNothingChanged()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var pending = (await t.LaunchAsync(image)).InstanceId;
        t.Time.Advance(Transition);
        var running = (await t.LaunchAsync(image)).InstanceId;
        var other = (await t.LaunchAsync(image)).InstanceId;
        t.Time.Advance(Transition);
        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [pending] });
        var stopping = pending;
        var volume = await t.CreateVolumeAsync();
        var elsewhere = await t.CreateVolumeAsync(zone: "us-east-1b");
        var used = await t.CreateVolumeAsync();
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = other, VolumeId = used.VolumeId });
        var fresh = (await t.LaunchAsync(image)).InstanceId;

        Task Attach(VolumeId v, InstanceId i, string device = "/dev/sdg") => t.Ec2.AttachVolumeAsync(new() { Device = device, InstanceId = i, VolumeId = v }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(elsewhere.VolumeId, running), EbsErrorCodes.InvalidVolumeZoneMismatch);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(volume.VolumeId, running, InstanceShorthands.Root), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(used.VolumeId, running), EbsErrorCodes.VolumeInUse);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(volume.VolumeId, fresh), EbsErrorCodes.IncorrectInstanceState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(volume.VolumeId, stopping), EbsErrorCodes.IncorrectInstanceState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(volume.VolumeId, running, string.Empty), EbsErrorCodes.MissingParameter);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(volume.VolumeId, InstanceId.Parse("i-0123456789abcdef0")), EbsErrorCodes.InvalidInstanceIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Attach(VolumeId.Parse("vol-0123456789abcdef0"), running), EbsErrorCodes.InvalidVolumeNotFound);

        t.Time.Advance(Transition);
        Assert.Equal(InstanceStateName.Stopped, await t.Ec2.StateOfAsync(stopping));
        await Attach(volume.VolumeId, stopping); // a stopped instance takes volumes
    }

    [Fact]
    public async Task DetachVolume_BrokenRules_AwsCodesAndNothingChanged()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var id = (await t.LaunchAsync(image)).InstanceId;
        var other = (await t.LaunchAsync(image)).InstanceId;
        var root = await t.Ec2.VolumeAtAsync(id, InstanceShorthands.Root);
        var free = await t.CreateVolumeAsync();
        var attached = await t.CreateVolumeAsync();
        t.Time.Advance(Transition);
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = attached.VolumeId });

        Task Detach(VolumeId v, InstanceId? i = null, string? device = null) => t.Ec2.DetachVolumeAsync(new() { VolumeId = v, InstanceId = i, Device = device }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(attached.VolumeId), EbsErrorCodes.IncorrectState); // still attaching
        t.Time.Advance(TimeSpan.FromSeconds(5));
        await t.Ec2.ListVolumesAsync();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(free.VolumeId), EbsErrorCodes.IncorrectState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(attached.VolumeId, other), EbsErrorCodes.InvalidAttachmentNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(attached.VolumeId, id, "/dev/sdg"), EbsErrorCodes.InvalidAttachmentNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(root), EbsErrorCodes.IncorrectState); // the root of a running instance

        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(root), EbsErrorCodes.IncorrectInstanceState); // stopping
        t.Time.Advance(Transition);
        await t.Ec2.ListVolumesAsync();
        Assert.Equal(VolumeAttachmentState.Detaching, (await t.Ec2.DetachVolumeAsync(new() { VolumeId = root })).Attachment.State);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Detach(root), EbsErrorCodes.IncorrectState); // detaching
    }
}
