using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// Data Lifecycle Manager's textbook example over 16 simulated days: a policy snapshots a tagged
/// volume daily at 02:00 and keeps 15; each day the volume changes a little. On day 16 the run
/// creates the 16th snapshot and deletes the 1st, whose exclusive blocks are freed; a snapshot
/// taken by hand is never touched, and the newest restores byte for byte.
/// </summary>
internal static class LifecyclePolicySection
{
    private const int Days = 16;
    private const int Retain = 15;
    private const string PolicyTag = "aws:dlm:lifecycle-policy-id";

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab)
    {
        lab.Section("Data Lifecycle Manager");
        var tags = new List<TagSpecification> { new() { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "daily")] } };
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DemoLab.HomeZone, Size = 1, TagSpecifications = tags })).Volume;
        var image = await lab.WriteAsync(volume.VolumeId, DiskImage.Empty, [0, 1, 2, 3]);
        var manual = (await lab.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId, Description = "by hand" })).Snapshot.SnapshotId;
        var policyId = (await lab.Dlm.CreateLifecyclePolicyAsync(new CreateLifecyclePolicyRequest
        {
            ExecutionRoleArn = Invariant($"arn:aws:iam::{DemoLab.AccountId}:role/AWSDataLifecycleManagerDefaultRole"),
            Description = "Daily at 0200 keep 15",
            State = SettablePolicyStateValues.Enabled,
            PolicyDetails = new PolicyDetails
            {
                ResourceTypes = [ResourceTypeValues.Volume],
                TargetTags = [new Tag("backup", "daily")],
                Schedules =
                [
                    new Schedule
                    {
                        Name = "Daily",
                        CreateRule = new CreateRule { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, Times = ["02:00"] },
                        RetainRule = new RetainRule { Count = Retain },
                    },
                ],
            },
        })).PolicyId;
        lab.Console.MarkupLineInterpolated($"Policy [bold]{policyId}[/]: volumes tagged backup=daily, every 24 hours from 02:00 UTC, keep {Retain}.");

        var table = new Table().Title(Invariant($"{Days} days: block 4 rewritten at 01:00 (one block unique to each snapshot), the run at 02:00"))
            .AddColumns("Day", "Run", "Created", "Deleted", "Kept", "Stored chunks");
        var firstDay = lab.Now.UtcDateTime.Date.AddDays(1);
        IReadOnlyList<Snapshot> kept = [];
        SnapshotId? first = null;
        var (predicted, freed) = (0L, 0L);
        var runs = new List<DateTimeOffset>();
        for (var day = 1; day <= Days; day++)
        {
            var midnight = new DateTimeOffset(firstDay.AddDays(day - 1), TimeSpan.Zero);
            lab.Advance(midnight.AddHours(1) - lab.Now);
            image = await lab.WriteAsync(volume.VolumeId, image, [4]);
            var before = kept;
            if (day == Days)
            {
                predicted = (await lab.Ec2.GetSnapshotStorageAsync(new GetSnapshotStorageRequest { SnapshotId = first!.Value })).ExclusiveSizeInBytes / lab.BlockSize;
            }

            var storedBefore = (await lab.Cloud.ScrubAsync()).StoredChunks;
            lab.Advance(midnight.AddHours(3) - lab.Now);
            kept = await PolicySnapshotsAsync(lab, policyId);
            var stored = (await lab.Cloud.ScrubAsync()).StoredChunks;
            var created = kept.Where(s => before.All(b => b.SnapshotId != s.SnapshotId)).ToList();
            var deleted = before.Where(b => kept.All(s => s.SnapshotId != b.SnapshotId)).ToList();
            first ??= created.FirstOrDefault()?.SnapshotId;
            runs.AddRange(created.Select(s => s.StartTime));
            if (day == Days)
            {
                freed = storedBefore - stored;
            }

            table.AddRow(
                Invariant($"{day}"),
                string.Join(' ', created.Select(s => AwsValues.Time(s.StartTime))),
                string.Join(' ', created.Select(s => s.SnapshotId.Value)),
                deleted.Count == 0 ? "—" : string.Join(' ', deleted.Select(s => s.SnapshotId.Value)),
                Invariant($"{kept.Count}"),
                Invariant($"{stored}"));
        }

        lab.Show(table);
        var expectedRuns = Enumerable.Range(0, Days).Select(d => new DateTimeOffset(firstDay.AddDays(d).AddHours(2), TimeSpan.Zero));
        lab.Console.MarkupLine(lab.Verdict(runs.SequenceEqual(expectedRuns), Invariant($"{runs.Count} runs, each at 02:00 of its day, in order.")));
        lab.Console.MarkupLine(lab.Verdict(
            kept.Count == Retain && first is { } oldest && kept.All(s => s.SnapshotId != oldest),
            Invariant($"Day {Days}: the run created the {Days}th snapshot and deleted the 1st ({first}); {kept.Count} remain.")));
        lab.Console.MarkupLine(lab.Verdict(freed == predicted, Invariant($"Deleting it freed {freed} {(freed == 1 ? "chunk" : "chunks")}, as GetSnapshotStorage predicted ({predicted}).")));
        var untouched = (await lab.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest())).Snapshots.Any(s => s.SnapshotId == manual);
        lab.Console.MarkupLine(lab.Verdict(untouched, Invariant($"The snapshot taken by hand ({manual}) is untouched: the policy deletes only what it created.")));

        var restored = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DemoLab.HomeZone, SnapshotId = kept[^1].SnapshotId })).Volume;
        var (compared, differing) = await lab.CompareAsync(restored, image);
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = restored.VolumeId });
        lab.Console.MarkupLine(lab.Verdict(differing == 0, Invariant($"{restored.VolumeId} from the newest reads back {compared:N0} blocks, {differing} differing.")));
    }

    private static async Task<IReadOnlyList<Snapshot>> PolicySnapshotsAsync(DemoLab lab, string policyId)
        => [.. (await lab.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("tag:" + PolicyTag, policyId)] })).Snapshots.OrderBy(s => s.StartTime)];
}
