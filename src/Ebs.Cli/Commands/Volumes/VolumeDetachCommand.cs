using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume detach ID [--instance I] [--device D]</c>: printed as AWS's DetachVolume, the attachment <c>detaching</c>.</summary>
internal sealed class VolumeDetachCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeDetachCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var attachment = (await ec2.DetachVolumeAsync(new DetachVolumeRequest
        {
            VolumeId = VolumeId.Parse(settings.Id),
            InstanceId = settings.Instance is { } instance ? InstanceId.Parse(instance) : null,
            Device = settings.Device,
        }, cancellationToken)).Attachment;
        Print(settings, Views.Json(attachment), () => Views.Attachments([attachment]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The attached volume (a root volume only while its instance is stopped).")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--instance <ID>")]
        [Description("Refuse unless the volume is attached to this instance.")]
        public string? Instance { get; init; }

        [CommandOption("--device <NAME>")]
        [Description("Refuse unless the volume is attached as this device.")]
        public string? Device { get; init; }
    }
}
