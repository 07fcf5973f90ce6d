using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot delete ID</c>: as AWS's DeleteSnapshot, nothing is printed as JSON.</summary>
internal sealed class SnapshotDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotDeleteCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var id = SnapshotId.Parse(settings.Id);
        await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = id }, cancellationToken);
        Print(settings, null, () => new Text($"Deleted {id}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The snapshot to delete.")]
        public string Id { get; init; } = string.Empty;
    }
}
