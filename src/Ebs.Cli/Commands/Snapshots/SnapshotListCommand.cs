using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot list</c>.</summary>
internal sealed class SnapshotListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotListCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var snapshots = (await ec2.DescribeSnapshotsAsync(
            new DescribeSnapshotsRequest { Filters = settings.Volume is { } v ? [new Filter("volume-id", v)] : [] },
            cancellationToken)).Snapshots;
        Print(settings, Views.Json(snapshots), () => Views.Snapshots(snapshots));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--volume <ID>")]
        [Description("Only the snapshots of this volume.")]
        public string? Volume { get; init; }
    }
}
