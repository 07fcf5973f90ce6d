using System.ComponentModel;
using System.Globalization;
using Ebs.Cli.Transfer;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume import FILE</c>: streams a raw disk image into a new (or given) volume.</summary>
internal sealed class VolumeImportCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeImportCommand.Settings>(console, time)
{
    /// <summary>The tag that records an imported image's length, so that export gives it back exactly.</summary>
    public const string SourceBytesTag = "ebs:source-bytes";

    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var length = new FileInfo(settings.File).Length;
        var volume = settings.Volume is { } existing
            ? await ec2.DescribeVolumeAsync(VolumeId.Parse(existing), cancellationToken)
            : await ec2.CreateVolumeAsync(new CreateVolumeRequest
            {
                AvailabilityZone = settings.ZoneIn(cloud),
                SizeGiB = settings.Size ?? (int)Math.Max(1, (length + (1L << 30) - 1) >> 30),
            }, cancellationToken);
        if (length > volume.SizeBytes)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The image is {length} bytes; volume {volume.Id} holds {volume.SizeBytes}.", volume.Id.Value);
        }

        await using (var source = new FileStream(settings.File, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous))
        {
            await TransferProgress.RunAsync(Console, settings.Json, $"Importing {Path.GetFileName(settings.File)}", length, progress =>
                DiskImage.ImportAsync(source, ec2, volume.Id, cloud.BlockSize, fresh: settings.Volume is null, progress, cancellationToken));
        }

        await ec2.CreateTagsAsync([volume.Id.Value], new Dictionary<string, string> { [SourceBytesTag] = length.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        volume = await ec2.DescribeVolumeAsync(volume.Id, cancellationToken);
        Print(settings, Views.Json(volume), () => Views.Volumes([volume]));
        return 0;
    }

    internal sealed class Settings : NewVolumeSettings
    {
        [CommandOption("--size <GIB>")]
        [Description("The new volume's size in GiB, 1 to 65536, at least the image's length (default: the image's length rounded up to whole GiB). Not used with --volume.")]
        public int? Size { get; init; }

        [CommandArgument(0, "<FILE>")]
        [Description("The raw disk image.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--volume <ID>")]
        [Description("Write into this volume instead of creating one.")]
        public string? Volume { get; init; }
    }
}
