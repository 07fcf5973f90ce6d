using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Images;

/// <summary>
/// <c>ebs image create --instance ID --name NAME [--no-reboot]</c>: an image of a running or stopped EBS-backed
/// instance, one snapshot per attached volume, printed as DescribeImages shows it (pending until the snapshots complete).
/// </summary>
internal sealed class ImageCreateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<ImageCreateCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var created = await ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = InstanceId.Parse(settings.Instance!),
            Name = settings.Name!,
            Description = settings.Description,
            NoReboot = settings.NoReboot,
        }, cancellationToken);
        var image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] }, cancellationToken)).Images.Single();
        Print(settings, Views.Json(image), () => Views.Images([image]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--instance <ID>")]
        [Description("The instance to capture: running or stopped, EBS-backed.")]
        public string? Instance { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The image name: 3 to 128 characters, unique in the Region.")]
        public string? Name { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        [Description("A description.")]
        public string? Description { get; init; }

        [CommandOption("--no-reboot")]
        [Description("Leave a running instance running: the snapshots are crash-consistent (without it the instance is rebooted and they are application-consistent).")]
        public bool NoReboot { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return !result.Successful ? result
                : Instance is null ? ValidationResult.Error("Give the instance to capture with --instance ID.")
                : Name is null ? ValidationResult.Error("Give the image a name with --name NAME.")
                : result;
        }
    }
}
