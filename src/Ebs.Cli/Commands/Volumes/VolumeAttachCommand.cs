using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume attach ID --instance I --device D</c>: printed as AWS's AttachVolume, the attachment <c>attaching</c>.</summary>
internal sealed class VolumeAttachCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeAttachCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var attachment = (await ec2.AttachVolumeAsync(new AttachVolumeRequest
        {
            VolumeId = VolumeId.Parse(settings.Id),
            InstanceId = InstanceId.Parse(settings.Instance!),
            Device = settings.Device!,
        }, cancellationToken)).Attachment;
        Print(settings, Views.Json(attachment), () => Views.Attachments([attachment]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The volume: available, in the instance's zone.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--instance <ID>")]
        [Description("The instance: running or stopped.")]
        public string? Instance { get; init; }

        [CommandOption("--device <NAME>")]
        [Description("The device name the instance sees, such as /dev/sdf; one the instance does not use.")]
        public string? Device { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return !result.Successful ? result
                : Instance is null ? ValidationResult.Error("Give the instance with --instance ID.")
                : Device is null ? ValidationResult.Error("Give the device name with --device, such as /dev/sdf.")
                : result;
        }
    }
}
