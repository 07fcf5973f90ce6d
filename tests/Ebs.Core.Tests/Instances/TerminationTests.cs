using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class TerminationTests
{
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TerminateInstances_AtTheTerminatedInstant_DeletesDeleteOnTerminationVolumesAndFreesTheirBlocksDetachesTheOthers()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var id = (await t.LaunchAsync(image)).InstanceId;
        var root = await t.Ec2.VolumeAtAsync(id, InstanceShorthands.Root);
        var data = await t.Ec2.VolumeAtAsync(id, InstanceShorthands.Data);
        var extra = await t.CreateVolumeAsync();
        t.Time.Advance(Transition);
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = extra.VolumeId });
        var chunksBefore = t.StoredChunks;
        await t.WriteBlocksAsync(root, [10, 11, 12], seedBase: 500); // only the root volume holds these
        await t.WriteBlocksAsync(data, [20], seedBase: 600);
        Assert.Equal(chunksBefore + 4, t.StoredChunks);

        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });
        var terminatedAt = t.Time.GetUtcNow() + Transition;
        t.Time.SetUtcNow(terminatedAt - TimeSpan.FromTicks(1));
        Assert.Equal(VolumeState.InUse, (await t.Ec2.DescribeVolumeAsync(root)).State);
        Assert.Equal(chunksBefore + 4, t.StoredChunks);

        t.Time.SetUtcNow(terminatedAt);
        Assert.Equal(EbsErrorCodes.InvalidVolumeNotFound, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeVolumeAsync(root).AsTask())).ErrorCode);
        Assert.Equal(chunksBefore + 1, t.StoredChunks);
        foreach (var kept in new[] { data, extra.VolumeId })
        {
            var volume = await t.Ec2.DescribeVolumeAsync(kept);
            Assert.Equal(VolumeState.Available, volume.State);
            Assert.Empty(volume.Attachments);
        }

        Assert.Equal(TestCloud.Block(620), await t.ReadAsync(data, 20L * TestCloud.BlockSize, TestCloud.BlockSize));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task TerminateInstances_VolumeDetachingMeanwhile_DetachesOnItsOwnSchedule()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var extra = await t.CreateVolumeAsync();
        t.Time.Advance(Transition);
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = extra.VolumeId });
        t.Time.Advance(TimeSpan.FromSeconds(5));
        await t.Ec2.DetachVolumeAsync(new() { VolumeId = extra.VolumeId });
        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });

        t.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(VolumeState.Available, (await t.Ec2.DescribeVolumeAsync(extra.VolumeId)).State);
        t.Time.Advance(Transition);
        Assert.Equal(VolumeState.Available, (await t.Ec2.DescribeVolumeAsync(extra.VolumeId)).State);
        Assert.Equal(InstanceStateName.Terminated, await t.Ec2.StateOfAsync(id));
    }

    [Fact]
    public async Task TerminateInstances_AnHourAfterTerminated_InstanceNoLongerDescribed()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var other = (await t.LaunchAsync(await t.RegisterImageAsync("other"))).InstanceId;
        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });

        t.Time.Advance(Transition + TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(InstanceStateName.Terminated, await t.Ec2.StateOfAsync(id));
        var listed = (await t.Ec2.DescribeInstancesAsync(new() { Filters = [new Filter("instance-state-name", "terminated")] })).Reservations;
        Assert.Equal([id], listed.SelectMany(r => r.Instances).Select(i => i.InstanceId));

        t.Time.Advance(TimeSpan.FromSeconds(1));
        var gone = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.StateOfAsync(id));
        Assert.Equal(EbsErrorCodes.InvalidInstanceIdNotFound, gone.ErrorCode);
        Assert.Equal([other], (await t.Ec2.DescribeInstancesAsync(new())).Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
        var terminate = await Assert.ThrowsAsync<EbsException>(async () => await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] }));
        Assert.Equal(EbsErrorCodes.InvalidInstanceIdNotFound, terminate.ErrorCode);
    }
}
