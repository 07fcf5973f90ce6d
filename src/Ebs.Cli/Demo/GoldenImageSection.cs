using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Rendering;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// A golden AMI: an instance launched from a base image is customized, CreateImage captures it,
/// and every instance launched from the golden image boots a byte-exact copy of its root volume
/// that adds no stored chunk until it is written.
/// </summary>
internal static class GoldenImageSection
{
    private const string RootDevice = "/dev/xvda";
    private const int VolumeSizeGiB = 1;
    private const int BaseBlocks = 6;
    private const int Launches = 3;

    // Instances are pending for 30 seconds before running, and shutting down as long before terminated.
    private static readonly TimeSpan StateTransition = TimeSpan.FromSeconds(30);

    // The blocks the "installation" writes: two over the base's, two past them.
    private static readonly long[] InstalledBlocks = [2, 3, 10, 11];

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab)
    {
        lab.Section("Golden AMI");
        var snapshot = await lab.TakeSnapshotAsync("H", VolumeSizeGiB, BaseBlocks);
        var baseImage = (await lab.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "base",
            RootDeviceName = RootDevice,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = RootDevice, Ebs = new EbsBlockDevice { SnapshotId = snapshot.Id } }],
        })).ImageId;
        lab.Console.MarkupLineInterpolated($"Registered [bold]{baseImage}[/] (base) over H ([bold]{snapshot.Id}[/], {BaseBlocks} blocks written).");

        var builder = await LaunchAsync(lab, baseImage, 1);
        lab.Advance(StateTransition);
        var builderRoot = RootVolume(builder.Single());
        var beforeInstall = await lab.Cloud.ScrubAsync();
        var golden = await lab.WriteAsync(builderRoot, snapshot.Image, InstalledBlocks);
        var goldenImage = (await lab.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = builder.Single().InstanceId, Name = "golden", NoReboot = true })).ImageId;
        var goldenSnapshot = (await DescribeImageAsync(lab, goldenImage)).BlockDeviceMappings.Single().Ebs.SnapshotId;
        await lab.WaitForCompletionAsync(goldenSnapshot);
        var state = (await DescribeImageAsync(lab, goldenImage)).State;
        var afterImage = await lab.Cloud.ScrubAsync();
        lab.Console.MarkupLineInterpolated($"Launched [bold]{builder.Single().InstanceId}[/] from base, wrote {InstalledBlocks.Length} blocks to its root volume {builderRoot}, then CreateImage (NoReboot) gave [bold]{goldenImage}[/] (golden) over {goldenSnapshot}.");
        var grown = afterImage.StoredChunks - beforeInstall.StoredChunks;
        lab.Console.MarkupLine(lab.Verdict(state == ImageState.Available, Invariant($"golden is {state.ToAwsString()} once its snapshot completed.")));
        lab.Console.MarkupLine(lab.Verdict(grown == InstalledBlocks.Length, Invariant($"The store grew by {grown} chunks: the {InstalledBlocks.Length} installed blocks, none for CreateImage.")));

        var fleet = await LaunchAsync(lab, goldenImage, Launches);
        lab.Advance(StateTransition);
        var afterLaunch = await lab.Cloud.ScrubAsync();
        var table = new Table().Title(Invariant($"{Launches} instances launched from golden, root volumes compared with the golden root"))
            .AddColumns("Instance", "Root volume", "Blocks compared", "Differing", "Verdict");
        foreach (var instance in fleet)
        {
            var root = (await lab.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [RootVolume(instance)] })).Volumes.Single();
            var (compared, differing) = await lab.CompareAsync(root, golden);
            table.AddRow(
                new Text(instance.InstanceId.Value),
                new Text(root.VolumeId.Value),
                new Text(Invariant($"{compared:N0}")),
                new Text(Invariant($"{differing:N0}")),
                new Markup(lab.Verdict(differing == 0, "byte-exact")));
        }

        lab.Show(table);
        lab.Console.MarkupLine(lab.Verdict(afterLaunch.StoredChunks == afterImage.StoredChunks, Invariant($"Launching {Launches} instances stored {afterLaunch.StoredChunks - afterImage.StoredChunks} new chunks.")));

        var all = fleet.Append(builder.Single()).Select(instance => instance.InstanceId).ToList();
        await lab.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = all });
        lab.Advance(StateTransition);
        var roots = fleet.Append(builder.Single()).Select(RootVolume).ToList();
        var remaining = (await lab.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("volume-id", [.. roots.Select(id => id.Value)])] })).Volumes.Count;
        lab.Console.MarkupLine(lab.Verdict(remaining == 0, Invariant($"Terminated {all.Count} instances: {roots.Count - remaining} of {roots.Count} root volumes deleted with them.")));
    }

    private static async Task<IReadOnlyList<Instance>> LaunchAsync(DemoLab lab, ImageId imageId, int count)
        => (await lab.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId, MinCount = count, MaxCount = count })).Reservation.Instances;

    private static VolumeId RootVolume(Instance instance)
        => instance.BlockDeviceMappings.Single(mapping => mapping.DeviceName == instance.RootDeviceName).Ebs.VolumeId;

    private static async Task<Image> DescribeImageAsync(DemoLab lab, ImageId imageId)
        => (await lab.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images.Single();
}
