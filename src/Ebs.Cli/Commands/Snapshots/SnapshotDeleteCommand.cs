using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot delete ID</c>.</summary>
internal sealed class SnapshotDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<IdSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, IdSettings settings, CancellationToken cancellationToken)
    {
        var id = SnapshotId.Parse(settings.Id);
        await ec2.DeleteSnapshotAsync(id, cancellationToken);
        Print(settings, new { SnapshotId = id.Value, State = "deleted" }, () => new Text($"Deleted {id}.\n"));
        return 0;
    }
}
