using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot copy ID --source-region R</c>: copies a snapshot into <c>--region</c>.</summary>
internal sealed class SnapshotCopyCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotCopyCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var sourceRegion = settings.SourceRegion ?? settings.Region;
        var source = SnapshotId.Parse(settings.Id);
        if (settings.Wait)
        {
            await CompletedSnapshot.GetAsync(cloud.Account(settings.Account).Ec2(sourceRegion), source, wait: true, Time, cancellationToken);
        }

        var copied = await ec2.CopySnapshotAsync(
            new CopySnapshotRequest { SourceRegion = sourceRegion, SourceSnapshotId = source, Description = settings.Description },
            cancellationToken);
        var copy = (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [copied.SnapshotId] }, cancellationToken)).Snapshots.Single();
        Print(settings, Views.Json(copy), () => Views.Snapshots([copy]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The snapshot to copy.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--wait")]
        [Description("Wait until a pending source snapshot completes instead of failing with IncorrectState.")]
        public bool Wait { get; init; }

        [CommandOption("--source-region <REGION>")]
        [Description("The Region of the source snapshot (default: --region).")]
        public string? SourceRegion { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        [Description("The copy's description.")]
        public string? Description { get; init; }
    }
}
