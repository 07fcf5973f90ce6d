using System.ComponentModel;
using Ebs.Cli.Commands.Snapshots;
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
        var snapshot = settings.Snapshot is { } s ? SnapshotId.Parse(s) : (SnapshotId?)null;
        if (snapshot is { } source && settings.Wait)
        {
            await CompletedSnapshot.GetAsync(ec2, source, wait: true, Time, cancellationToken);
        }

        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = settings.ZoneIn(cloud),
            Size = settings.Size,
            SnapshotId = snapshot,
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

        [CommandOption("--wait")]
        [Description("With --snapshot: wait until a pending snapshot completes instead of failing with IncorrectState.")]
        public bool Wait { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && Wait && Snapshot is null ? ValidationResult.Error("--wait needs --snapshot: only a volume from a snapshot waits for one.") : result;
        }
    }
}
