using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot delete ID...</c>: AWS's DeleteSnapshot for each snapshot, in the order given,
/// in one process; as AWS's, nothing is printed as JSON. Every id is parsed and looked up first
/// (one DescribeSnapshots), so a malformed or unknown id deletes nothing; a refusal of one delete
/// (a snapshot in use by an image) stops at that snapshot, keeping the deletes before it.
/// </summary>
internal sealed class SnapshotDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotDeleteCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        SnapshotId[] ids = [.. settings.Ids.Select(SnapshotId.Parse).Distinct()];
        if (ids.Length > 1)
        {
            await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = ids }, cancellationToken);
        }

        foreach (var id in ids)
        {
            await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = id }, cancellationToken);
            Print(settings, null, () => new Text($"Deleted {id}.\n"));
        }

        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The snapshots to delete, one or more; each is looked up before any is deleted.")]
        public string[] Ids { get; init; } = [];
    }
}
