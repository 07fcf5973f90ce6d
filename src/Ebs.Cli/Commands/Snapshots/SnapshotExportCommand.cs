using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Transfer;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot export SNAP FILE</c>: restores a completed snapshot straight to a raw image,
/// creating no volume. A file is sparse (blocks never written, or zeros, stay holes) and appears
/// only when complete; an existing FILE is replaced only with <c>--force</c>; a device or pipe is
/// written through; nothing inside the store is ever written.
/// </summary>
internal sealed class SnapshotExportCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotExportCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var id = SnapshotId.Parse(settings.Id);
        var target = ExportTarget.Resolve(settings.File, settings.StorePath, settings.Force);
        var snapshot = await CompletedSnapshot.GetAsync(ec2, id, settings.Wait, Time, cancellationToken);
        var volumeBytes = (long)snapshot.VolumeSize << 30;
        var length = settings.Bytes ?? snapshot.DiskImageSizeInBytes ?? volumeBytes;
        if (length > volumeBytes)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Cannot export {length} bytes of a snapshot of a {volumeBytes}-byte volume.", id.Value);
        }

        var direct = cloud.Account(settings.Account).EbsDirect(settings.Region);
        await DiskImage.ShowingProgressAsync(Console, settings.Json, $"Exporting {id}", async (offset, buffer, ct) => await direct.ReadSnapshotAsync(new() { SnapshotId = id, Offset = offset, Destination = buffer }, ct), length, cloud.BlockSize, target, cancellationToken);

        // A device or pipe may be this process's own standard output: the image is the output then.
        if (!target.IsFile)
        {
            return 0;
        }

        Print(settings, new JsonObject { ["SnapshotId"] = id.Value, ["File"] = settings.File, ["Bytes"] = length }, () => new Text($"Exported {length:N0} bytes of {id} to {settings.File}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<SNAPSHOT>")]
        [Description("The snapshot (completed, or pending with --wait).")]
        public string Id { get; init; } = string.Empty;

        [CommandArgument(1, "<FILE>")]
        [Description("The image file to write (at the end of any symbolic link), or a device or pipe to write the image into.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--bytes <N>")]
        [Description("How many bytes to export (default: the imported image's length, else the whole volume size).")]
        public long? Bytes { get; init; }

        [CommandOption("--force")]
        [Description("Replace FILE if it exists (keeping its permissions), or write over a block device.")]
        public bool Force { get; init; }

        [CommandOption("--wait")]
        [Description("Wait until a pending snapshot completes instead of failing with IncorrectState.")]
        public bool Wait { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return !result.Successful ? result
                : string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("FILE is empty: give the image file to write.")
                : Bytes < 0 ? ValidationResult.Error("--bytes must not be negative.")
                : result;
        }
    }
}
