using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Dlm;

/// <summary>Share, fast restore and archive rules of snapshot schedules, on the fake clock.</summary>
public sealed class ScheduleRuleTests
{
    private const string Partner = "222222222222";
    private const string Monthly = "cron(0 9 1 * ? *)";

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static DateTimeOffset Day(int day, int hour) => At("2026-01-01T00:00Z").AddDays(day - 1).AddHours(hour);

    private static CreateLifecyclePolicyRequest With(Func<Schedule, Schedule> change, CreateLifecyclePolicyRequest? request = null)
    {
        var r = request ?? Policies.Daily(3);
        return r with { PolicyDetails = r.PolicyDetails with { Schedules = [change(r.PolicyDetails.Schedules[0])] } };
    }

    private static Schedule MonthlyArchive(Schedule s, RetainRule retain, RetentionArchiveTier tier) => s with
    {
        CreateRule = new CreateRule { CronExpression = Monthly },
        RetainRule = retain,
        ArchiveRule = new ArchiveRule { RetainRule = new ArchiveRetainRule { RetentionArchiveTier = tier } },
    };

    private static async Task<List<string>> SharedWithAsync(TestCloud t, SnapshotId id)
        => [.. (await t.Ec2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = id, Attribute = SnapshotAttributeName.CreateVolumePermission })).CreateVolumePermissions.Select(p => p.UserId!)];

    private static async Task<Dictionary<SnapshotId, FastSnapshotRestoreStateCode>> FastRestoresAsync(TestCloud t)
        => (await t.Ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest())).FastSnapshotRestores.ToDictionary(f => f.SnapshotId, f => f.State);

    [Fact]
    public async Task ShareRule_UnshareAfterOneDay_SharedOnCompletionUnsharedADayLater()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => s with
        {
            ShareRules = [new ShareRule { TargetAccounts = [Partner], UnshareInterval = 1, UnshareIntervalUnit = RetentionIntervalUnitValues.Days }],
        }))).PolicyId;

        t.Time.SetUtcNow(Day(1, 3));
        var first = Assert.Single(await Policies.PolicySnapshotsAsync(t.Ec2, policyId));
        Assert.Equal([Partner], await SharedWithAsync(t, first.SnapshotId));
        var seen = await t.Cloud.Account(Partner).Ec2(TestCloud.Region).DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [first.SnapshotId] });
        Assert.Equal(first.SnapshotId, Assert.Single(seen.Snapshots).SnapshotId);

        // Shared at its completion (day 1, 02:00 and a few seconds): still shared at 02:00 on day 2, unshared by 03:00.
        t.Time.SetUtcNow(Day(2, 2));
        Assert.Equal([Partner], await SharedWithAsync(t, first.SnapshotId));
        t.Time.SetUtcNow(Day(2, 3));
        var snapshots = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);
        Assert.Empty(await SharedWithAsync(t, first.SnapshotId));
        Assert.Equal([Partner], await SharedWithAsync(t, snapshots[1].SnapshotId));
    }

    [Fact]
    public async Task FastRestoreRule_Count1_EnabledOnNewestDisabledOnOlder()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => s with
        {
            FastRestoreRule = new FastRestoreRule { Count = 1, AvailabilityZones = ["us-east-1a", "us-east-1b"] },
        }))).PolicyId;

        t.Time.SetUtcNow(Day(1, 4));
        var first = Assert.Single(await Policies.PolicySnapshotsAsync(t.Ec2, policyId));
        var pairs = (await t.Ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest())).FastSnapshotRestores;
        Assert.Equal(["us-east-1a", "us-east-1b"], pairs.Select(p => p.AvailabilityZone).Order());
        Assert.All(pairs, p => Assert.Equal(FastSnapshotRestoreStateCode.Enabled, p.State));

        t.Time.SetUtcNow(Day(2, 4));
        var second = (await Policies.PolicySnapshotsAsync(t.Ec2, policyId))[1];
        var states = (await t.Ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest())).FastSnapshotRestores;
        Assert.All(states.Where(s => s.SnapshotId == first.SnapshotId), s => Assert.Equal(FastSnapshotRestoreStateCode.Disabled, s.State));
        Assert.Equal(2, states.Count(s => s.SnapshotId == second.SnapshotId && s.State == FastSnapshotRestoreStateCode.Enabled));
    }

    [Fact]
    public async Task FastRestoreRule_CountEqualsRetention_OldestDisabledThenDeletedAtTheRun()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => s with
        {
            FastRestoreRule = new FastRestoreRule { Count = 2, AvailabilityZones = ["us-east-1a"] },
        }, Policies.Daily(2)))).PolicyId;

        t.Time.SetUtcNow(Day(2, 4));
        var first = (await Policies.PolicySnapshotsAsync(t.Ec2, policyId))[0];
        Assert.Equal(FastSnapshotRestoreStateCode.Enabled, (await FastRestoresAsync(t))[first.SnapshotId]);

        // Day 3's run lets the first go while its Fast Snapshot Restore is still on: the run disables it, then deletes it.
        t.Time.SetUtcNow(Day(3, 2));
        var kept = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);
        Assert.Equal([Day(2, 2), Day(3, 2)], kept.Select(s => s.StartTime));
        Assert.Equal(FastSnapshotRestoreStateCode.Disabling, (await FastRestoresAsync(t))[first.SnapshotId]);
    }

    [Fact]
    public async Task FastRestoreRule_AgeTwoDays_DisabledTwoDaysAfterEnabling()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => s with
        {
            RetainRule = new RetainRule { Interval = 7, IntervalUnit = RetentionIntervalUnitValues.Days },
            FastRestoreRule = new FastRestoreRule { Interval = 2, IntervalUnit = RetentionIntervalUnitValues.Days, AvailabilityZones = ["us-east-1a"] },
        }))).PolicyId;

        t.Time.SetUtcNow(Day(3, 1));
        var first = (await Policies.PolicySnapshotsAsync(t.Ec2, policyId))[0];
        Assert.Equal(FastSnapshotRestoreStateCode.Enabled, (await FastRestoresAsync(t))[first.SnapshotId]);

        // Enabled at its completion, day 1 02:00 and seconds: disabled at day 3 02:00 and those seconds, disabled one minute later.
        t.Time.SetUtcNow(Day(3, 3));
        Assert.Equal(FastSnapshotRestoreStateCode.Disabled, (await FastRestoresAsync(t))[first.SnapshotId]);
    }

    [Fact]
    public async Task ArchiveRule_CountBased_RetainOneArchiveThree_MonthlyRunsArchiveThenDeleteTheOldest()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 })))).PolicyId;

        // Runs on the 1st of January to June at 09:00: each run archives the previous snapshot, and from the 5th archive on, the oldest archived one goes.
        t.Time.SetUtcNow(At("2026-06-03T00:00Z"));
        var snapshots = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);

        Assert.Equal(["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"], snapshots.Select(s => s.StartTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal([StorageTier.Archive, StorageTier.Archive, StorageTier.Archive, StorageTier.Standard], snapshots.Select(s => s.StorageTier));
        Assert.Equal(["true", "true", "true", null], snapshots.Select(s => s.Tags.TryGetValue("aws:dlm:archived", out var v) ? v : null));
    }

    [Fact]
    public async Task ArchiveRule_AgeBased_OneDayStandardNinetyDaysArchived_DeletedAtTheEnd()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => MonthlyArchive(
            s,
            new RetainRule { Interval = 1, IntervalUnit = RetentionIntervalUnitValues.Days },
            new RetentionArchiveTier { Interval = 90, IntervalUnit = RetentionIntervalUnitValues.Days })))).PolicyId;

        t.Time.SetUtcNow(At("2026-01-02T08:59Z"));
        var january = Assert.Single(await Policies.PolicySnapshotsAsync(t.Ec2, policyId));
        Assert.Equal(StorageTier.Standard, january.StorageTier);

        // Archived on January 2 at 09:00 (a day after it was taken), archival done 24 hours later; deleted 90 days after archiving: April 2, 09:00.
        t.Time.SetUtcNow(At("2026-01-03T09:01Z"));
        Assert.Equal(StorageTier.Archive, (await Policies.PolicySnapshotsAsync(t.Ec2, policyId))[0].StorageTier);
        t.Time.SetUtcNow(At("2026-04-02T08:59Z"));
        Assert.Contains(january.SnapshotId, (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.SnapshotId));
        t.Time.SetUtcNow(At("2026-04-02T09:01Z"));
        var left = await Policies.PolicySnapshotsAsync(t.Ec2, policyId);
        Assert.DoesNotContain(january.SnapshotId, left.Select(s => s.SnapshotId));
        Assert.Equal(["2026-02-01", "2026-03-01", "2026-04-01"], left.Select(s => s.StartTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ArchiveRule_RetainZero_ArchivedOnceComplete()
    {
        await using var t = new TestCloud();
        await Policies.TaggedVolumeAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(With(s => MonthlyArchive(s, new RetainRule { Count = 0 }, new RetentionArchiveTier { Count = 3 })))).PolicyId;

        t.Time.SetUtcNow(At("2026-01-01T09:10Z"));
        var snapshot = Assert.Single(await Policies.PolicySnapshotsAsync(t.Ec2, policyId));
        var status = Assert.Single((await t.Ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest())).SnapshotTierStatuses);
        Assert.Equal(snapshot.SnapshotId, status.SnapshotId);
        Assert.Equal(TieringOperationStatus.ArchivalInProgress, status.LastTieringOperationStatus);
    }

    public static TheoryData<string, Func<CreateLifecyclePolicyRequest, CreateLifecyclePolicyRequest>> BadRules() => new()
    {
        { "share with a malformed account", r => With(s => s with { ShareRules = [new ShareRule { TargetAccounts = ["12345"] }] }, r) },
        { "share with nobody", r => With(s => s with { ShareRules = [new ShareRule { TargetAccounts = [] }] }, r) },
        { "two share rules", r => With(s => s with { ShareRules = [new ShareRule { TargetAccounts = [Partner] }, new ShareRule { TargetAccounts = [Partner] }] }, r) },
        { "unshare as long as retention", r => With(s => s with { ShareRules = [new ShareRule { TargetAccounts = [Partner], UnshareInterval = 3, UnshareIntervalUnit = RetentionIntervalUnitValues.Days }] }, r) },
        { "unshare without unit", r => With(s => s with { ShareRules = [new ShareRule { TargetAccounts = [Partner], UnshareInterval = 1 }] }, r) },
        { "fast restore without zones", r => With(s => s with { FastRestoreRule = new FastRestoreRule { Count = 1 } }, r) },
        { "fast restore in another Region", r => With(s => s with { FastRestoreRule = new FastRestoreRule { Count = 1, AvailabilityZones = ["us-west-2a"] } }, r) },
        { "fast restore age on a count schedule", r => With(s => s with { FastRestoreRule = new FastRestoreRule { Interval = 1, IntervalUnit = RetentionIntervalUnitValues.Days, AvailabilityZones = ["us-east-1a"] } }, r) },
        { "fast restore eleven zones", r => With(s => s with { FastRestoreRule = new FastRestoreRule { Count = 1, AvailabilityZones = [.. Enumerable.Range(0, 11).Select(i => $"us-east-1{(char)('a' + i)}")] } }, r) },
        { "archive on an hourly schedule", r => With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 }) with { CreateRule = s.CreateRule }, r) },
        { "archive on a weekly cron", r => With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 13 }) with { CreateRule = new CreateRule { CronExpression = "cron(0 9 ? * 2 *)" } }, r) },
        { "archive count two months", r => With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 2 }), r) },
        { "archive 89 days", r => With(s => MonthlyArchive(s, new RetainRule { Interval = 1, IntervalUnit = RetentionIntervalUnitValues.Days }, new RetentionArchiveTier { Interval = 89, IntervalUnit = RetentionIntervalUnitValues.Days }), r) },
        { "archive age on a count schedule", r => With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Interval = 90, IntervalUnit = RetentionIntervalUnitValues.Days }), r) },
        { "archive retain 0 with sharing", r => With(s => MonthlyArchive(s, new RetainRule { Count = 0 }, new RetentionArchiveTier { Count = 3 }) with { ShareRules = [new ShareRule { TargetAccounts = [Partner] }] }, r) },
        { "archive on instances", r => With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 }), r with { PolicyDetails = r.PolicyDetails with { ResourceTypes = [ResourceTypeValues.Instance] } }) },
        { "two archive schedules", r => r with { PolicyDetails = r.PolicyDetails with { Schedules = [MonthlyArchive(r.PolicyDetails.Schedules[0], new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 }), MonthlyArchive(r.PolicyDetails.Schedules[0], new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 }) with { Name = "Other" }] } } },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Create_BadScheduleRule_InvalidRequestExceptionChangesNothing(string what, Func<CreateLifecyclePolicyRequest, CreateLifecyclePolicyRequest> change)
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        Assert.False(string.IsNullOrEmpty(what));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dlm.CreateLifecyclePolicyAsync(change(Policies.Daily(3))).AsTask(), EbsErrorCodes.InvalidRequestException);
    }

    [Fact]
    public async Task Create_ArchiveCountThreeOnTheSecondThursday_RefusedAsAwsAsksForFour()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var secondThursday = new CreateRule { CronExpression = "cron(0 9 ? * 5#2 *)" };

        var e = await Assert.ThrowsAsync<EbsException>(() => dlm.CreateLifecyclePolicyAsync(With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 3 }) with { CreateRule = secondThursday })).AsTask());
        Assert.Contains("at least 4", e.Message, StringComparison.Ordinal);
        await dlm.CreateLifecyclePolicyAsync(With(s => MonthlyArchive(s, new RetainRule { Count = 1 }, new RetentionArchiveTier { Count = 4 }) with { CreateRule = secondThursday }));
    }
}
