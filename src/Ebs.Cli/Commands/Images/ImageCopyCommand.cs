using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Images;

/// <summary>
/// <c>ebs image copy ID --to-region R [--name NAME]</c>: copies an image of <c>--region</c> and every snapshot behind it
/// into Region R (only the blocks R lacks are transferred); printed as DescribeImages shows the copy in R.
/// </summary>
internal sealed class ImageCopyCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<ImageCopyCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var sourceId = ImageId.Parse(settings.Id);
        var destination = cloud.Account(settings.Account).Ec2(settings.ToRegion!);

        // AWS requires a name; the command defaults to the source's, which is free in another Region.
        var name = settings.Name ?? (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [sourceId] }, cancellationToken)).Images.Single().Name;
        var copied = await destination.CopyImageAsync(new CopyImageRequest
        {
            SourceRegion = settings.Region,
            SourceImageId = sourceId,
            Name = name,
            Description = settings.Description,
            CopyImageTags = settings.CopyTags,
        }, cancellationToken);
        var copy = (await destination.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copied.ImageId] }, cancellationToken)).Images.Single();
        Print(settings, Views.Json(copy), () => Views.Images([copy]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The image to copy, in --region.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--to-region <REGION>")]
        [Description("The Region to copy it into (may be --region itself).")]
        public string? ToRegion { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The copy's name (default: the source's).")]
        public string? Name { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        [Description("The copy's description (default: [[Copied ID from REGION]] NAME).")]
        public string? Description { get; init; }

        [CommandOption("--copy-tags")]
        [Description("Put the source image's tags on the copy.")]
        public bool CopyTags { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && ToRegion is null ? ValidationResult.Error("Give the destination Region with --to-region REGION.") : result;
        }
    }
}
