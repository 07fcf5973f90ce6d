using Ebs.Core.Domain;
using Ebs.Core.Services;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// The testing kit itself: EbsInvariants reports what is wrong (and only that), the recorder checks
/// refusals and prints a script, and the generators drive the cloud through the model and shrink.
/// </summary>
public sealed class InvariantTests
{
    private static int Runs => Math.Max(10, ModelBasedTests.Runs / 10);

    [Fact]
    public async Task CheckAsync_ModelFollowedTheCloud_Clean()
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel());
        var volume = await driver.CreateVolumeAsync();
        await driver.WriteAsync(volume, 100, TestCloud.Block(1));
        var snapshot = await driver.CreateSnapshotAsync(volume);
        await driver.DeleteSnapshotAsync(snapshot!.Value);

        var report = await EbsInvariants.CheckAsync(t.Cloud, new() { Model = driver.Model, Recorder = driver.Recorder });

        Assert.True(report.IsClean, report.ToString());
        Assert.Equal("all invariants hold", report.ToString());
        report.ThrowIfViolated();
    }

    [Fact]
    public async Task CheckAsync_SnapshotBytesDifferFromModel_ReportsTheBlockWithTheScript()
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel());
        var volume = await driver.CreateVolumeAsync();
        await driver.WriteAsync(volume, 0, TestCloud.Block(1));
        var snapshot = (await driver.CreateSnapshotAsync(volume))!.Value;
        driver.Model.Snapshots[snapshot][0] = TestCloud.Block(2);

        var report = await EbsInvariants.CheckAsync(t.Cloud, new() { Model = driver.Model, Recorder = driver.Recorder });

        Assert.Contains($"{snapshot} block 0 differs from the model", report.Violations);
        var thrown = Assert.Throws<InvariantViolationException>(report.ThrowIfViolated);
        Assert.Contains($"- {snapshot} block 0 differs from the model", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"3. CreateSnapshot {volume} -> {snapshot}", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_RetainedSnapshotDeletedOrBinned_ReportsEach()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        var gone = (await t.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume })).Snapshot.SnapshotId;
        await t.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = gone });
        await t.Cloud.Account(TestCloud.Account).RecycleBin(TestCloud.Region).CreateRuleAsync(new CreateRuleRequest
        {
            ResourceType = RecycleBinResourceType.EbsSnapshot,
            RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 1 },
        });
        var binned = (await t.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume })).Snapshot.SnapshotId;
        await t.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = binned });
        var kept = (await t.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume })).Snapshot.SnapshotId;

        var report = await EbsInvariants.CheckAsync(t.Cloud, new() { Retained = [gone, binned, kept] });

        Assert.Equal([$"{gone} must be kept but is gone", $"{binned} must be kept but is in the Recycle Bin"], report.Violations);
    }

    [Fact]
    public async Task CheckAsync_BinnedSnapshotTheModelDropped_ReportsTheBinDifference()
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel());
        await driver.CreateRuleAsync(1);
        var volume = await driver.CreateVolumeAsync();
        var snapshot = (await driver.CreateSnapshotAsync(volume))!.Value;
        await driver.DeleteSnapshotAsync(snapshot);
        var exit = driver.Model.Binned[snapshot].ExitTime;
        driver.Model.Binned.Remove(snapshot);

        var report = await EbsInvariants.CheckAsync(t.Cloud, new() { Model = driver.Model });

        Assert.Contains($"Recycle Bin: the cloud lacks [] and has besides [{snapshot} until {exit:O}]", report.Violations);
    }

    [Fact]
    public async Task RefusedAsync_CallSucceeds_ThrowsWithTheScript()
    {
        await using var t = new TestCloud();
        var recorder = new CallRecorder(t.Cloud);
        var volume = await recorder.CallAsync("CreateVolume", async () => (await t.CreateVolumeAsync()).VolumeId);

        var thrown = await Assert.ThrowsAsync<InvariantViolationException>(() => recorder.RefusedAsync(
            "DeleteVolume", () => t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume }).AsTask(), EbsErrorCodes.VolumeInUse));

        Assert.Contains("call 2: expected VolumeInUse", thrown.Message, StringComparison.Ordinal);
        Assert.Equal([$"1. CreateVolume -> {volume}", "2. DeleteVolume -> ok   !! expected VolumeInUse"], recorder.Calls.Select(c => c.ToString()));
    }

    [Fact]
    public async Task CallAsync_Refused_RecordsTheCodeAndNoViolation()
    {
        await using var t = new TestCloud();
        var recorder = new CallRecorder(t.Cloud);

        var refused = await Assert.ThrowsAsync<EbsException>(() => recorder.CallAsync("DeleteSnapshot snap-0000000000000000f", () => t.Ec2.DeleteSnapshotAsync(
            new DeleteSnapshotRequest { SnapshotId = SnapshotId.Parse("snap-0000000000000000f") }).AsTask()));

        Assert.Equal(EbsErrorCodes.InvalidSnapshotNotFound, refused.ErrorCode);
        Assert.Equal($"1. DeleteSnapshot snap-0000000000000000f -> {EbsErrorCodes.InvalidSnapshotNotFound}", Assert.Single(recorder.Calls).ToString());
        Assert.Empty(recorder.Violations);
        Assert.True((await EbsInvariants.CheckAsync(t.Cloud, new() { Recorder = recorder })).IsClean);
    }

    [Fact]
    public void SnapshotChains_SharedDeletedEveryOther_InvariantsHold()
        => Prop.ForAll(Generators.SnapshotChains(sharedPercent: 50), chain => RunChainAsync(chain).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    [Fact]
    public void VolumeHistories_FailingProperty_ShrinksToOneSnapshotOfOneWrite()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Prop.ForAll(Generators.VolumeHistories(), history => history.Batches.SelectMany(b => b).All(w => w.Length < 100))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(200)));

        // FsCheck reports "Shrunk:" only when it shrank; a first failure that cannot shrink is reported as "Original:".
        var lines = failure.Message.Split('\n');
        var heading = lines.Any(l => l.StartsWith("Shrunk:", StringComparison.Ordinal)) ? "Shrunk:" : "Original:";
        var shrunk = lines.SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal)).ElementAt(1);
        Assert.Matches(@"^\[write \d+\+\d+ #\d\] snap$", shrunk.Trim());
    }

    [Fact]
    public void ClockSchedules_StepsWithinBounds()
        => Prop.ForAll(Generators.ClockSchedules(TimeSpan.FromHours(1), 48, 20), steps =>
                steps.Length is >= 1 and <= 20 && steps.All(s => s >= TimeSpan.FromHours(1) && s <= TimeSpan.FromHours(48) && s.Ticks % TimeSpan.TicksPerHour == 0))
            .Check(Config.QuickThrowOnFailure);

    [Fact]
    public void ClockAdvances_WholeSecondsWithinBounds()
        => Prop.ForAll(Generators.ClockAdvances(TimeSpan.FromDays(3)), s => s >= TimeSpan.FromSeconds(1) && s <= TimeSpan.FromDays(3) && s.Ticks % TimeSpan.TicksPerSecond == 0)
            .Check(Config.QuickThrowOnFailure);

    [Fact]
    public void TagSets_RoundTripThroughCreateTags()
        => Prop.ForAll(Generators.TagSets(), tags => RoundTripTagsAsync(tags).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    [Fact]
    public void AccountLayouts_SnapshotsInEveryAccountAndRegion_InvariantsHold()
        => Prop.ForAll(Generators.AccountLayouts(), layout => RunLayoutAsync(layout).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    private static async Task RunChainAsync(SnapshotChain chain)
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel()) { ChecksIncrementalSize = true };
        var volume = await driver.CreateVolumeAsync();
        var snapshots = new List<SnapshotId>();
        for (var i = 0; i < chain.History.Batches.Count; i++)
        {
            foreach (var write in chain.History.Batches[i])
            {
                await driver.WriteAsync(volume, write.Offset, write.Bytes());
            }

            await driver.AdvanceAsync(TimeSpan.FromHours(1));
            var snapshot = (await driver.CreateSnapshotAsync(volume))!.Value;
            snapshots.Add(snapshot);
            if (chain.Shared[i])
            {
                await driver.ApplyAsync(new PlannedOp(ModelOpKind.ShareSnapshot, null, snapshot, 0, [], 0));
                await driver.AdvanceAsync(TimeSpan.FromHours(1));
                await driver.ApplyAsync(new PlannedOp(ModelOpKind.CopyAsOtherAccount, null, snapshot, 0, [], 0));
            }

            await driver.CheckAsync(chain.ToString());
        }

        foreach (var snapshot in snapshots.Where((_, i) => i % 2 == 0))
        {
            await driver.DeleteSnapshotAsync(snapshot);
            await driver.CheckAsync($"deleting {snapshot} of {chain}");
        }
    }

    private static async Task<bool> RoundTripTagsAsync(IReadOnlyDictionary<string, string> tags)
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        if (tags.Count > 0)
        {
            await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [volume], Tags = [.. tags.Select(p => new Tag(p.Key, p.Value))] });
        }

        var described = (await t.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volume] })).Volumes.Single();
        return described.Tags.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}")
            .SequenceEqual(tags.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    private static async Task RunLayoutAsync(AccountLayout layout)
    {
        await using var t = new TestCloud();
        foreach (var account in layout.Accounts)
        {
            foreach (var region in layout.Regions)
            {
                var ec2 = t.Cloud.Account(account).Ec2(region);
                var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = t.Cloud.Regions[region][0], Size = 1 })).Volume.VolumeId;
                await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume, Writes = [new VolumeWrite(0, TestCloud.Block(1))] });
                await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume });
            }
        }

        var report = await EbsInvariants.CheckAsync(t.Cloud);
        Assert.True(report.IsClean, report.ToString());

        // The same block in each account and Region is stored once per account and Region (dedup never crosses them).
        Assert.Equal(layout.Accounts.Count * layout.Regions.Count, (await t.Cloud.ScrubAsync()).StoredChunks);
    }
}
