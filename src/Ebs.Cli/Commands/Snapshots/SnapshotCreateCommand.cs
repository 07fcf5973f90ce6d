using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot create VOLUME</c>.</summary>
internal sealed class SnapshotCreateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotCreateCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var snapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = VolumeId.Parse(settings.Volume), Description = settings.Description }, cancellationToken)).Snapshot;
        Print(settings, Views.Json(snapshot), () => Views.Snapshots([snapshot]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<VOLUME>")]
        [Description("The volume to snapshot.")]
        public string Volume { get; init; } = string.Empty;

        [CommandOption("-d|--description <TEXT>")]
        [Description("A description.")]
        public string? Description { get; init; }
    }
}
