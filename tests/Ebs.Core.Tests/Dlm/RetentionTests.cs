using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Dlm;

public sealed class RetentionTests
{
    private static DateTimeOffset Day(int day, int hour = 2) => DateTimeOffset.Parse("2026-01-01T00:00Z", CultureInfo.InvariantCulture).AddDays(day - 1).AddHours(hour);

    [Fact]
    public async Task DailyRetain15_Day16_Creates16thDeletes1stFreesItsUniqueBlocks()
    {
        await using var t = new TestCloud();
        var volume = await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(15))).PolicyId;

        // Day d's write overwrites block 0 with bytes unique to that day, so each snapshot holds one block no other holds.
        var first = default(Snapshot);
        for (var day = 1; day <= 15; day++)
        {
            t.Time.SetUtcNow(Day(day, 1));
            await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: day * 100);
            t.Time.SetUtcNow(Day(day, 3));
            first ??= (await Policies.PolicySnapshotsAsync(t.Ec2, policyId))[0];
        }

        Assert.Equal(15, (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Count);
        var storedBefore = (await t.Ec2.GetStorageUsageAsync(new GetStorageUsageRequest())).StoredSizeInBytes;

        t.Time.SetUtcNow(Day(16, 1));
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 1600);
        t.Time.SetUtcNow(Day(16, 3));
        var after = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);

        Assert.Equal(15, after.Count);
        Assert.DoesNotContain(after, s => s.SnapshotId == first!.SnapshotId);
        Assert.Equal(Day(16), after[^1].StartTime);
        Assert.Equal(Day(2), after[0].StartTime);
        Assert.Equal(storedBefore, (await t.Ec2.GetStorageUsageAsync(new GetStorageUsageRequest())).StoredSizeInBytes);
        Assert.Equal(15L * TestCloud.BlockSize, (await t.Ec2.GetStorageUsageAsync(new GetStorageUsageRequest())).StoredSizeInBytes);
    }

    [Fact]
    public async Task ThirtyDaysOfWrites_Retain7_SevenSnapshotsHoldingTheirDistinctBlocksReadBackExact()
    {
        await using var t = new TestCloud();
        var volume = await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(7))).PolicyId;
        var expected = new Dictionary<int, byte[]>();
        var contents = new Dictionary<DateTimeOffset, byte[]>();
        for (var day = 1; day <= 30; day++)
        {
            t.Time.SetUtcNow(Day(day, 1));
            var block = day % 5;
            await t.WriteBlocksAsync(volume.VolumeId, [block], seedBase: day * 1000);
            expected[block] = TestCloud.Block(day * 1000 + block);
            contents[Day(day)] = Flatten(expected);
        }

        t.Time.SetUtcNow(Day(30, 3));
        var snapshots = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);

        Assert.Equal(Enumerable.Range(24, 7).Select(d => Day(d)), snapshots.Select(s => s.StartTime));
        var distinct = new HashSet<string>();
        foreach (var snapshot in snapshots)
        {
            var restored = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId })).Volume;
            var bytes = await t.ReadAsync(restored.VolumeId, 0, 5 * TestCloud.BlockSize);
            Assert.Equal(contents[snapshot.StartTime], bytes);
            for (var b = 0; b < 5; b++)
            {
                distinct.Add(Convert.ToHexString(bytes.AsSpan(b * TestCloud.BlockSize, TestCloud.BlockSize)));
            }
        }

        Assert.Equal((long)distinct.Count * TestCloud.BlockSize, (await t.Ec2.GetStorageUsageAsync(new GetStorageUsageRequest())).StoredSizeInBytes);
    }

    [Fact]
    public async Task Retention_SnapshotsThePolicyDidNotCreate_NeverTouched()
    {
        await using var t = new TestCloud();
        var volume = await Policies.TaggedVolumeAsync(t);
        var manual = await t.Ec2.TakeSnapshotAsync(volume.VolumeId, "manual");
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        await dlm.CreateLifecyclePolicyAsync(Policies.Daily(1));

        t.Time.Advance(TimeSpan.FromDays(5));

        var all = await t.Ec2.ListSnapshotsAsync();
        Assert.Contains(all, s => s.SnapshotId == manual.SnapshotId);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task AdvanceThirtyDays_OneCall_ObservesEveryRunInOrder()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(100))).PolicyId;

        t.Time.Advance(TimeSpan.FromDays(30));
        var snapshots = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);

        Assert.Equal(Enumerable.Range(1, 30).Select(d => Day(d)), snapshots.Select(s => s.StartTime));
        Assert.All(snapshots, s => Assert.Equal("Daily", s.Tags["aws:dlm:lifecycle-schedule-name"]));
        Assert.All(snapshots, s => Assert.Equal($"Created for policy: {policyId} schedule: Daily", s.Description));
    }

    [Fact]
    public async Task DisableThenDelete_StopsRuns_LeavesWhatItCreated()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(2))).PolicyId;
        t.Time.SetUtcNow(Day(3, 3));
        Assert.Equal(2, (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Count);

        await dlm.UpdateLifecyclePolicyAsync(new UpdateLifecyclePolicyRequest { PolicyId = policyId, State = SettablePolicyStateValues.Disabled });
        t.Time.SetUtcNow(Day(6, 3));
        Assert.Equal([Day(2), Day(3)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));

        await dlm.UpdateLifecyclePolicyAsync(new UpdateLifecyclePolicyRequest { PolicyId = policyId, State = SettablePolicyStateValues.Enabled });
        t.Time.SetUtcNow(Day(7, 3));
        Assert.Equal([Day(3), Day(7)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));

        await dlm.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { PolicyId = policyId });
        t.Time.SetUtcNow(Day(10, 3));
        Assert.Equal([Day(3), Day(7)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));
    }

    [Fact]
    public async Task AgeRetention_TwoDays_DeletesAtExpiryButNeverTheNewest()
    {
        await using var t = new TestCloud();
        var volume = await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var request = Policies.Daily(1);
        var schedule = request.PolicyDetails.Schedules[0] with { RetainRule = new RetainRule { Interval = 2, IntervalUnit = RetentionIntervalUnitValues.Days } };
        var policyId = (await dlm.CreateLifecyclePolicyAsync(request with { PolicyDetails = request.PolicyDetails with { Schedules = [schedule] } })).PolicyId;

        t.Time.SetUtcNow(Day(5, 3));
        Assert.Equal([Day(4), Day(5)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));

        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
        t.Time.SetUtcNow(Day(20, 3));
        Assert.Equal([Day(5)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));
    }

    [Fact]
    public async Task Retention_RecycleBinRule_CatchesTheDeletedSnapshot()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        await t.Cloud.Account(TestCloud.Account).RecycleBin(TestCloud.Region).CreateRuleAsync(new CreateRuleRequest
        {
            ResourceType = RecycleBinResourceType.EbsSnapshot,
            RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 7 },
        });
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(1))).PolicyId;

        t.Time.SetUtcNow(Day(2, 3));

        var binned = (await t.Ec2.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest())).Snapshots;
        Assert.Equal(Day(2), Assert.Single(binned).RecycleBinEnterTime);
        Assert.Equal([Day(2)], (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.StartTime));
    }

    [Fact]
    public async Task Retention_PendingSnapshot_KeptUntilItCompletes()
    {
        // At 1 byte a second the first snapshot's two blocks copy for 8192 s (2 h 16 min 32 s) after 5 s of setup,
        // so hourly runs retaining 1 find it pending; the later ones change nothing and complete with it.
        await using var t = new TestCloud(o => o.SnapshotThroughputBytesPerSecond = 1);
        var volume = await Policies.TaggedVolumeAsync(t);
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 7);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var request = Policies.Daily(1);
        var schedule = request.PolicyDetails.Schedules[0] with { CreateRule = new CreateRule { Interval = 1, IntervalUnit = IntervalUnitValues.Hours, Times = ["00:30"] } };
        var policyId = (await dlm.CreateLifecyclePolicyAsync(request with { PolicyDetails = request.PolicyDetails with { Schedules = [schedule] } })).PolicyId;

        t.Time.SetUtcNow(Day(1, 1).AddMinutes(31));
        var pending = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, s => Assert.Equal(SnapshotState.Pending, s.State));

        t.Time.SetUtcNow(Day(1, 2).AddMinutes(46).AddSeconds(36));
        Assert.Equal(3, (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Count);

        // The first completes at 02:46:37 and goes; the second and third, which copy nothing, take 5 s of setup each behind it.
        t.Time.SetUtcNow(Day(1, 2).AddMinutes(46).AddSeconds(37));
        Assert.DoesNotContain(await Policies.PolicySnapshotsAsync(t.Ec2, policyId), s => s.SnapshotId == pending[0].SnapshotId);
        t.Time.SetUtcNow(Day(1, 2).AddMinutes(46).AddSeconds(47));
        var kept = Assert.Single(await Policies.PolicySnapshotsAsync(t.Ec2, policyId));
        Assert.Equal(Day(1, 2).AddMinutes(30), kept.StartTime);
        Assert.Equal(SnapshotState.Completed, kept.State);
    }

    private static byte[] Flatten(Dictionary<int, byte[]> blocks)
    {
        var bytes = new byte[5 * TestCloud.BlockSize];
        foreach (var (block, content) in blocks)
        {
            content.CopyTo(bytes, block * TestCloud.BlockSize);
        }

        return bytes;
    }
}
