using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume create</c>: an empty volume, or one from a snapshot.</summary>
internal sealed class VolumeCreateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeCreateCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = settings.ZoneIn(cloud),
            Size = settings.Size,
            SnapshotId = settings.Snapshot is { } s ? SnapshotId.Parse(s) : null,
        }, cancellationToken)).Volume;
        Print(settings, Views.Json(volume), () => Views.Volumes([volume]));
        return 0;
    }

    internal sealed class Settings : NewVolumeSettings
    {
        [CommandOption("--size <GIB>")]
        [Description("The size in GiB, 1 to 65536; with --snapshot at least the snapshot's volume size (default: that size). Required without --snapshot.")]
        public int? Size { get; init; }

        [CommandOption("--snapshot <ID>")]
        [Description("Create the volume from this snapshot.")]
        public string? Snapshot { get; init; }
    }
}
