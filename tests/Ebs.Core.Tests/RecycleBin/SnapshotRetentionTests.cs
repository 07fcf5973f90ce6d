using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using static Ebs.Core.Tests.RecycleBin.Rules;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class SnapshotRetentionTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task DeleteSnapshot_NoRule_DeletedAtOnceAndItsChunksFreed()
    {
        await using var t = new TestCloud();
        var snapshot = await LoneSnapshotAsync(t, blocks: 3);
        Assert.Equal(3, t.StoredChunks);

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        Assert.Equal(0, t.StoredChunks);
        Assert.Empty(await BinAsync(t));
        Assert.Equal(0L, StandardLevel(t));
    }

    [Fact]
    public async Task DeleteSnapshot_TagLevelRule_RetainsThoseWithAnyOfItsTags()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, resourceTags: [Tag("keep", "a"), Tag("keep", "b"), Tag("other", null)]);
        var withB = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["keep"] = "b" });
        var withEmpty = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["other"] = string.Empty });
        var wrongValue = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["keep"] = "c" });
        var untagged = await LoneSnapshotAsync(t, 1);

        foreach (var s in new[] { withB, withEmpty, wrongValue, untagged })
        {
            await t.Ec2.DeleteSnapshotAsync(s.SnapshotId);
        }

        Assert.Equal(new[] { withB.SnapshotId.Value, withEmpty.SnapshotId.Value }.Order(StringComparer.Ordinal), (await BinAsync(t)).Select(s => s.SnapshotId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, t.StoredChunks);
    }

    [Fact]
    public async Task DeleteSnapshot_RegionLevelRuleWithExclusion_RetainsAllButExcluded()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, exclude: [Tag("backup", "dlm")]);
        var plain = await LoneSnapshotAsync(t, 1);
        var excluded = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["backup"] = "dlm" });

        await t.Ec2.DeleteSnapshotAsync(plain.SnapshotId);
        await t.Ec2.DeleteSnapshotAsync(excluded.SnapshotId);

        Assert.Equal([plain.SnapshotId], (await BinAsync(t)).Select(s => s.SnapshotId));
        Assert.Equal(1, t.StoredChunks);
    }

    [Fact]
    public async Task DeleteSnapshot_ExcludedFromRegionRuleButMatchingTagRule_RetainedByTheTagRule()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(30, exclude: [Tag("x", "1")]);
        await t.CreateRuleAsync(3, resourceTags: [Tag("x", "1")]);
        var snapshot = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["x"] = "1" });
        var deletedAt = t.Time.GetUtcNow();

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        Assert.Equal(deletedAt.AddDays(3), (await BinAsync(t)).Single().RecycleBinExitTime);
    }

    [Fact]
    public async Task DeleteSnapshot_SeveralRulesMatch_LongestRetentionWins()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(5);
        await t.CreateRuleAsync(12, resourceTags: [Tag("tier", "gold")]);
        await t.CreateRuleAsync(9, resourceTags: [Tag("tier", "gold")]);
        await t.CreateRuleAsync(40, RecycleBinResourceType.Ec2Image);
        var gold = await LoneSnapshotAsync(t, 1, new Dictionary<string, string> { ["tier"] = "gold" });
        var plain = await LoneSnapshotAsync(t, 1);

        var enter = t.Time.GetUtcNow();
        await t.Ec2.DeleteSnapshotAsync(gold.SnapshotId);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        await t.Ec2.DeleteSnapshotAsync(plain.SnapshotId);

        var bin = await BinAsync(t);
        Assert.Equal(
            [(gold.SnapshotId, enter, enter.AddDays(12)), (plain.SnapshotId, enter.AddMinutes(1), enter.AddMinutes(1).AddDays(5))],
            bin.Select(s => (s.SnapshotId, s.RecycleBinEnterTime, s.RecycleBinExitTime)));
        Assert.Equal(gold.VolumeId, bin[0].VolumeId);
        Assert.Equal(gold.Description, bin[0].Description);
    }

    [Fact]
    public async Task SnapshotInBin_OtherCalls_NotFoundButTagsKeptAndBlocksHeld()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7);
        var snapshot = await LoneSnapshotAsync(t, 2, new Dictionary<string, string> { ["Name"] = "kept" });
        var level = StandardLevel(t);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        var id = snapshot.SnapshotId;

        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DescribeSnapshotAsync(id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = id }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CopySnapshotHereAsync(TestCloud.Region, id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.GetSnapshotStorageAsync(id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "img", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", id)] }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = id }).AsTask(), EbsErrorCodes.ResourceNotFoundException);

        await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("added", "in-bin")] });
        Assert.Equal(2, t.StoredChunks);
        Assert.Equal(level, StandardLevel(t));
        await t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = id });
        Assert.Equal(TagList.From(new Dictionary<string, string> { ["Name"] = "kept", ["added"] = "in-bin" }), (await t.Ec2.DescribeSnapshotAsync(id)).Tags);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task RestoreSnapshot_BeforeExpiry_SameSnapshotSameBytesAndNoLongerExpires()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(2);
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 5, 9], seedBase: 100);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId, "golden", new Dictionary<string, string> { ["k"] = "v" }));
        var expected = await t.ReadAsync(volume.VolumeId, 0, 10 * B);
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromDays(1));

        var restored = await t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = snapshot.SnapshotId });

        Assert.Equal((snapshot.SnapshotId, "golden", SnapshotState.Completed, "100%", volume.VolumeId, snapshot.StartTime), (restored.SnapshotId, restored.Description, restored.State, restored.Progress, restored.VolumeId, restored.StartTime));
        Assert.Equal(snapshot, await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId));
        Assert.Empty(await BinAsync(t));
        Assert.Empty(t.Cloud.Engine.World.Table(RecordKinds.Due));
        t.Time.Advance(TimeSpan.FromDays(30));
        var copy = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId })).Volume;
        Assert.Equal(expected, await t.ReadAsync(copy.VolumeId, 0, 10 * B));
        Assert.Equal(3, t.StoredChunks);
    }

    [Fact]
    public async Task SnapshotInBin_ExitInstant_DeletedForGoodThenAndNotATickEarlier()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(1);
        var shared = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(shared.VolumeId, [0, 1, 2], seedBase: 1);
        var snapshot = await t.Ec2.TakeSnapshotAsync(shared.VolumeId);
        await t.WriteBlocksAsync(shared.VolumeId, [1, 2], seedBase: 50);
        await t.Ec2.TakeSnapshotAsync(shared.VolumeId);
        Assert.Equal(5, t.StoredChunks);
        var level = StandardLevel(t);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        var exit = t.Time.GetUtcNow().AddDays(1);

        t.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));
        await t.Cloud.ApplyDueWorkAsync();
        Assert.Equal(exit, (await BinAsync(t)).Single().RecycleBinExitTime);
        Assert.Equal(5, t.StoredChunks);
        Assert.Equal(level, StandardLevel(t));

        t.Time.Advance(TimeSpan.FromTicks(1));
        await t.Cloud.ApplyDueWorkAsync();
        Assert.Empty(await BinAsync(t));
        Assert.Equal(3, t.StoredChunks); // block 0 is still the volume's and the newer snapshot's; the old blocks 1 and 2 were this snapshot's alone
        Assert.Equal(level - (2L * B), StandardLevel(t));
        var gone = t.Cloud.Engine.World.Table(RecordKinds.Usage).Values.Last();
        Assert.Equal(exit, gone.At);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task RuleChangedOrDeleted_SnapshotAlreadyInBin_KeepsItsExitTime()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(10);
        var snapshot = await LoneSnapshotAsync(t, 1);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        var exit = (await BinAsync(t)).Single().RecycleBinExitTime;

        await t.RecycleBin().UpdateRuleAsync(new() { Identifier = rule.Identifier, RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 1 } });
        await t.RecycleBin().DeleteRuleAsync(new() { Identifier = rule.Identifier });
        t.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(exit, (await BinAsync(t)).Single().RecycleBinExitTime);
    }

    [Fact]
    public async Task RestoreSnapshot_NotInBinOrTwice_NotFoundAndNothingChanged()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7);
        var live = await LoneSnapshotAsync(t, 1);
        var binned = await LoneSnapshotAsync(t, 1);
        await t.Ec2.DeleteSnapshotAsync(binned.SnapshotId);
        await t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = binned.SnapshotId });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = binned.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = live.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = default }).AsTask(), EbsErrorCodes.InvalidSnapshotIdMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListSnapshotsInRecycleBinAsync(new() { SnapshotIds = [live.SnapshotId] }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListSnapshotsInRecycleBinAsync(new() { MaxResults = 4 }).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListSnapshotsInRecycleBinAsync(new() { NextToken = "bm9wZQ==" }).AsTask(), EbsErrorCodes.InvalidPaginationToken);
    }

    [Fact]
    public async Task ListSnapshotsInRecycleBin_Paged_EachOnceInEntryOrder()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7);
        var ids = new List<SnapshotId>();
        for (var i = 0; i < 7; i++)
        {
            var s = await LoneSnapshotAsync(t, 1);
            await t.Ec2.DeleteSnapshotAsync(s.SnapshotId);
            ids.Add(s.SnapshotId);
            t.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await t.Ec2.ListSnapshotsInRecycleBinAsync(new() { MaxResults = 5 });
        var second = await t.Ec2.ListSnapshotsInRecycleBinAsync(new() { MaxResults = 5, NextToken = first.NextToken });

        Assert.Equal(5, first.Snapshots.Count);
        Assert.Null(second.NextToken);
        Assert.Equal(ids, first.Snapshots.Concat(second.Snapshots).Select(s => s.SnapshotId));
        var paged = new List<SnapshotId>();
        await foreach (var s in t.Ec2.Paginators.ListSnapshotsInRecycleBin(new() { MaxResults = 5 }).Snapshots)
        {
            paged.Add(s.SnapshotId);
        }

        Assert.Equal(ids, paged);
        Assert.Equal([ids[3]], (await t.Ec2.ListSnapshotsInRecycleBinAsync(new() { SnapshotIds = [ids[3]] })).Snapshots.Select(s => s.SnapshotId));
    }

    /// <summary>A completed snapshot of <paramref name="blocks"/> fresh blocks whose volume is deleted, so it alone holds them.</summary>
    internal static async Task<Snapshot> LoneSnapshotAsync(TestCloud t, int blocks, IReadOnlyDictionary<string, string>? tags = null)
    {
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, blocks), seedBase: Random.Shared.Next());
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId, tags: tags);
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
        return snapshot;
    }

    private static async Task<IReadOnlyList<SnapshotRecycleBinInfo>> BinAsync(TestCloud t)
        => (await t.Ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots;

    private static long StandardLevel(TestCloud t)
        => t.Cloud.Engine.World.Table(RecordKinds.Usage).Values
            .Where(e => e.Type == UsageType.SnapshotStorage && e.AccountId == TestCloud.Account && e.Region == TestCloud.Region)
            .Sum(e => e.LevelChange);
}
