using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Dlm;

/// <summary>The example of docs/dlm.md, compiled and checked.</summary>
public sealed class DlmDocExampleTests
{
    [Fact]
    public async Task DlmDocExample_RunsAsDocumented()
    {
        // docs/dlm.md example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var dlm = cloud.Account("111111111111").Dlm("us-east-1");

        var vol = (await ec2.CreateVolumeAsync(new()
        {
            AvailabilityZone = "us-east-1a",
            Size = 8,
            TagSpecifications = [new() { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "daily")] }],
        })).Volume;

        var policyId = (await dlm.CreateLifecyclePolicyAsync(new()
        {
            ExecutionRoleArn = "arn:aws:iam::111111111111:role/AWSDataLifecycleManagerDefaultRole",
            Description = "Daily backups kept 15 days",
            State = SettablePolicyStateValues.Enabled,
            PolicyDetails = new()
            {
                ResourceTypes = [ResourceTypeValues.Volume],
                TargetTags = [new Tag("backup", "daily")],
                Schedules =
                [
                    new Schedule
                    {
                        Name = "Daily",
                        CopyTags = true,
                        TagsToAdd = [new Tag("taken", "$(timestamp)")],
                        CreateRule = new() { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, Times = ["02:00"] },
                        RetainRule = new() { Count = 15 },
                        CrossRegionCopyRules =
                        [
                            new() { TargetRegion = "us-west-2", RetainRule = new() { Interval = 7, IntervalUnit = RetentionIntervalUnitValues.Days } },
                        ],
                    },
                ],
            },
        })).PolicyId;

        time.Advance(TimeSpan.FromDays(16));   // the next call applies the 16 runs, in order, at 02:00 each day
        var snapshots = (await ec2.DescribeSnapshotsAsync(new()
        {
            Filters = [new Filter("tag:aws:dlm:lifecycle-policy-id", policyId)],
        })).Snapshots;                          // 15: day 16's run created the 16th and deleted the 1st
        var copies = (await cloud.Account("111111111111").Ec2("us-west-2").DescribeSnapshotsAsync(new()
        {
            Filters = [new Filter("tag:aws:dlm:lifecycle-policy-id", policyId)],
        })).Snapshots;                          // 7: each copy is kept 7 days
        // docs/dlm.md example end

        Assert.Equal(15, snapshots.Count);
        Assert.Equal(DateTimeOffset.Parse("2026-01-02T02:00Z"), snapshots.Min(s => s.StartTime));
        Assert.Equal(DateTimeOffset.Parse("2026-01-16T02:00Z"), snapshots.Max(s => s.StartTime));
        Assert.All(snapshots, s => Assert.Equal("daily", s.Tags["backup"]));
        Assert.Equal(7, copies.Count);
        Assert.Equal(8, vol.Size);
    }

    [Fact]
    public void DlmDoc_Example_IsTheTestedCode()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "dlm.md"));
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Dlm", "DlmDocExampleTests.cs"));
        var start = source.IndexOf("// docs/dlm.md example start", StringComparison.Ordinal);
        var end = source.IndexOf("// docs/dlm.md example end", StringComparison.Ordinal);
        var lines = source[start..end].Split('\n').Skip(1).Select(l => l.Length >= 8 ? l[8..] : l.Trim());
        Assert.Contains(string.Join('\n', lines).TrimEnd(), doc.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
