using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Images;

/// <summary>
/// <c>ebs image register NAME --snapshot ROOT [--snapshot DATA …]</c>: an EBS-backed image whose
/// root volume comes from the first snapshot (as <c>/dev/xvda</c>) and data volumes from the
/// others (<c>/dev/sdb</c>, <c>/dev/sdc</c>, …).
/// </summary>
internal sealed class ImageRegisterCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<ImageRegisterCommand.Settings>(console, time)
{
    private const string RootDevice = "/dev/xvda";

    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var snapshots = settings.Snapshots.Select(SnapshotId.Parse).ToList();
        var registered = await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = settings.Name,
            Description = settings.Description,
            Architecture = AwsEnum.Parse<ArchitectureValues>(settings.Architecture),
            VirtualizationType = VirtualizationType.Hvm,
            RootDeviceName = RootDevice,
            BlockDeviceMappings = [.. snapshots.Select((s, i) => new BlockDeviceMapping { DeviceName = i == 0 ? RootDevice : $"/dev/sd{(char)('a' + i)}", Ebs = new EbsBlockDevice { SnapshotId = s } })],
        }, cancellationToken);
        var image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [registered.ImageId] }, cancellationToken)).Images.Single();
        Print(settings, Views.Json(image), () => Views.Images([image]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The image name, unique in the Region.")]
        public string Name { get; init; } = string.Empty;

        [CommandOption("--snapshot <ID>")]
        [Description("A snapshot: the first is the root volume, the others data volumes.")]
        public string[] Snapshots { get; init; } = [];

        [CommandOption("--architecture <ARCH>")]
        [Description("i386, x86_64, arm64, x86_64_mac or arm64_mac.")]
        [DefaultValue("x86_64")]
        public string Architecture { get; init; } = "x86_64";

        [CommandOption("-d|--description <TEXT>")]
        [Description("A description.")]
        public string? Description { get; init; }
    }
}
