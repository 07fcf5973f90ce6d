using System.ComponentModel;
using Ebs.Cli.Transfer;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary>
/// <c>ebs volume import FILE</c>: streams a raw disk image into a new (or given) volume. A new
/// volume appears only once the whole image is in; a failed or interrupted import leaves none.
/// </summary>
internal sealed class VolumeImportCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeImportCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(settings.File, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var volume = (await TransferProgress.RunAsync(Console, settings.Json, $"Importing {Path.GetFileName(settings.File)}", source.CanSeek ? source.Length : null, progress =>
            ec2.ImportVolumeAsync(new ImportVolumeRequest
            {
                Source = source,
                VolumeId = settings.Volume is { } existing ? VolumeId.Parse(existing) : null,
                AvailabilityZone = settings.Volume is null ? settings.ZoneIn(cloud) : settings.Zone,
                Size = settings.Size,
                Progress = progress,
            }, cancellationToken).AsTask())).Volume;
        Print(settings, Views.Json(volume), () => Views.Volumes([volume]));
        return 0;
    }

    internal sealed class Settings : NewVolumeSettings
    {
        [CommandOption("--size <GIB>")]
        [Description("The new volume's size in GiB, 1 to 65536, at least the image's length (default: the image's length rounded up to whole GiB; required when FILE is a pipe). Cannot be combined with --volume (InvalidParameterCombination).")]
        public int? Size { get; init; }

        [CommandArgument(0, "<FILE>")]
        [Description("The raw disk image: a file, a device, or a pipe such as /dev/stdin.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--volume <ID>")]
        [Description("Write into this volume instead of creating one (only changed blocks become changes).")]
        public string? Volume { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && ImportSource.Problem(File, lengthNeeded: Size is null && Volume is null) is { } problem ? ValidationResult.Error(problem) : result;
        }
    }
}
