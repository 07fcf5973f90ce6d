using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Transfer;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary>
/// <c>ebs volume export ID FILE</c>: writes a volume back out as a raw image. FILE appears only
/// when complete; an existing FILE is replaced only with <c>--force</c>; a device or pipe is written
/// through; nothing inside the store is ever written.
/// </summary>
internal sealed class VolumeExportCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeExportCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var volume = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [VolumeId.Parse(settings.Id)] }, cancellationToken)).Volumes.Single();
        var length = settings.Bytes ?? volume.DiskImageSizeInBytes ?? volume.SizeInBytes;
        if (length < 0 || length > volume.SizeInBytes)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Cannot export {length} bytes of a {volume.SizeInBytes}-byte volume.", volume.VolumeId.Value);
        }

        var target = ExportTarget.Resolve(settings.File, settings.StorePath, settings.Force);
        await DiskImage.ShowingProgressAsync(Console, settings.Json, $"Exporting {volume.VolumeId}", DiskImage.ReaderOf(ec2, volume.VolumeId), length, cloud.BlockSize, target, cancellationToken);

        // A device or pipe may be this process's own standard output (`export V /dev/stdout | gzip`):
        // the image is the output then, and nothing may follow it.
        if (!target.IsFile)
        {
            return 0;
        }

        Print(settings, new JsonObject { ["VolumeId"] = volume.VolumeId.Value, ["File"] = settings.File, ["Bytes"] = length }, () => new Text($"Exported {length:N0} bytes of {volume.VolumeId} to {settings.File}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The volume.")]
        public string Id { get; init; } = string.Empty;

        [CommandArgument(1, "<FILE>")]
        [Description("The image file to write (at the end of any symbolic link), or a device or pipe to write the image into.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--bytes <N>")]
        [Description("How many bytes to export (default: the imported image's length, else the whole volume).")]
        public long? Bytes { get; init; }

        [CommandOption("--force")]
        [Description("Replace FILE if it exists (keeping its permissions), or write over a block device.")]
        public bool Force { get; init; }
    }
}
