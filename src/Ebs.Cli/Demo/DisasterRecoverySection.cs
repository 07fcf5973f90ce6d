using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// Cross-Region disaster recovery: a us-east-1 volume is snapshotted and the snapshot copied to ap-south-1, where a volume
/// restored from the copy is byte-identical; then a few days of writes, each day's snapshot copied again, and each copy
/// reports the bytes it transferred: the first every written block, the later ones only the blocks changed since. Last,
/// CopyImage brings an image over the newest snapshot to ap-south-1 (nothing left to transfer) and an instance launched
/// there boots the same bytes.
/// </summary>
internal static class DisasterRecoverySection
{
    private const string DrRegion = "ap-south-1";
    private const string DrZone = "ap-south-1a";
    private const string RootDevice = "/dev/xvda";

    // Day 0 writes 8 blocks; each later day rewrites some and writes new ones past them.
    private static readonly long[][] DailyWrites = [[0, 1, 2, 3, 4, 5, 6, 7], [1, 8], [2, 3, 9], [0]];

    // Instances are pending for 30 seconds before running.
    private static readonly TimeSpan StateTransition = TimeSpan.FromSeconds(30);

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab)
    {
        lab.Section("Cross-Region disaster recovery");
        var dr = lab.Ec2In(DrRegion);
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DemoLab.HomeZone, Size = 1 })).Volume;
        var image = DiskImage.Empty;
        var table = new Table().Title(Invariant($"A us-east-1 volume snapshotted daily, each snapshot copied to {DrRegion}"))
            .AddColumns("Day", "Blocks written", "Snapshot", "Copy", "Transferred", "Verdict");
        SnapshotId? copyId = null;
        SnapshotId? snapshotId = null;
        (SnapshotId Copy, DiskImage Image)? first = null;
        for (var day = 0; day < DailyWrites.Length; day++)
        {
            if (day > 0)
            {
                lab.Advance(TimeSpan.FromDays(1));
            }

            image = await lab.WriteAsync(volume.VolumeId, image, DailyWrites[day]);
            snapshotId = (await lab.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId, Description = Invariant($"DR day {day}") })).Snapshot.SnapshotId;
            await lab.WaitForCompletionAsync(snapshotId.Value);
            copyId = (await dr.CopySnapshotAsync(new CopySnapshotRequest { SourceRegion = "us-east-1", SourceSnapshotId = snapshotId.Value, Description = Invariant($"DR copy day {day}") })).SnapshotId;
            var copy = (await lab.WaitForCompletionAsync(copyId.Value, dr))[^1].Snapshot;
            var expected = DailyWrites[day].Length * (long)lab.BlockSize;
            table.AddRow(
                new Text(Invariant($"{day}")),
                new Text(string.Join(", ", DailyWrites[day])),
                new Text(snapshotId.Value.Value),
                new Text(copyId.Value.Value),
                new Text(Invariant($"{copy.IncrementalSizeInBytes:N0} bytes")),
                new Markup(lab.Verdict(
                    copy.State == SnapshotState.Completed && copy.IncrementalSizeInBytes == expected,
                    day == 0 ? Invariant($"every written block ({DailyWrites[day].Length})") : Invariant($"only the {Blocks(DailyWrites[day].Length)}"))));
            first ??= (copyId.Value, image);
        }

        lab.Show(table);
        await CompareRestoredAsync(lab, dr, first!.Value.Copy, first.Value.Image, "the first copy");
        await CompareRestoredAsync(lab, dr, copyId!.Value, image, "the newest copy");

        // CopyImage: an image over the newest us-east-1 snapshot, copied to ap-south-1 and launched there.
        var imageId = (await lab.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "dr-app",
            RootDeviceName = RootDevice,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = RootDevice, Ebs = new EbsBlockDevice { SnapshotId = snapshotId!.Value } }],
        })).ImageId;
        var drImageId = (await dr.CopyImageAsync(new CopyImageRequest { SourceRegion = "us-east-1", SourceImageId = imageId, Name = "dr-app" })).ImageId;
        var drSnapshotId = (await DescribeImageAsync(dr, drImageId)).BlockDeviceMappings.Single().Ebs.SnapshotId;
        var drSnapshot = (await lab.WaitForCompletionAsync(drSnapshotId, dr))[^1].Snapshot;
        var drImage = await DescribeImageAsync(dr, drImageId);
        lab.Console.MarkupLine(lab.Verdict(
            drImage.State == ImageState.Available && drSnapshot.IncrementalSizeInBytes == 0,
            Invariant($"CopyImage {imageId} -> {drImageId} ({drImage.State.ToAwsString()}): its snapshot copy {drSnapshotId} transferred {drSnapshot.IncrementalSizeInBytes:N0} bytes, every block was already in {DrRegion}.")));

        var instance = (await dr.RunInstancesAsync(new RunInstancesRequest { ImageId = drImageId, MinCount = 1, MaxCount = 1, Placement = new Placement { AvailabilityZone = DrZone } })).Reservation.Instances.Single();
        lab.Advance(StateTransition);
        var rootId = instance.BlockDeviceMappings.Single(mapping => mapping.DeviceName == RootDevice).Ebs.VolumeId;
        var root = (await dr.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [rootId] })).Volumes.Single();
        var (compared, differing) = await lab.CompareAsync(root, image, dr);
        lab.Console.MarkupLine(lab.Verdict(differing == 0, Invariant($"{instance.InstanceId} launched in {DrZone} from {drImageId}: its root {rootId} reads back {compared:N0} blocks, {differing:N0} differing from the us-east-1 volume when it was snapshotted.")));
    }

    /// <summary>Restores a volume in the DR Region from a copy and compares it with what the source volume held when the copied snapshot was taken.</summary>
    private static async Task CompareRestoredAsync(DemoLab lab, Ec2Client dr, SnapshotId copyId, DiskImage image, string which)
    {
        var restored = (await dr.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DrZone, SnapshotId = copyId })).Volume;
        var (compared, differing) = await lab.CompareAsync(restored, image, dr);
        lab.Console.MarkupLine(lab.Verdict(differing == 0, Invariant($"{restored.VolumeId} in {DrZone} from {which} {copyId}: {compared:N0} blocks, {differing:N0} differing from the us-east-1 volume when it was snapshotted.")));
    }

    private static string Blocks(int count) => count == 1 ? "changed block" : Invariant($"{count} changed blocks");

    private static async Task<Image> DescribeImageAsync(Ec2Client ec2, ImageId imageId)
        => (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images.Single();
}
