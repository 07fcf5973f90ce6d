using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Instances;

/// <summary><c>ebs instance terminate ID…</c>: printed as AWS's TerminateInstances, each instance's state before and after.</summary>
internal sealed class InstanceTerminateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<InstanceIdsSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, InstanceIdsSettings settings, CancellationToken cancellationToken)
    {
        var changes = (await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = settings.InstanceIds() }, cancellationToken)).TerminatingInstances;
        Print(settings, new JsonObject { ["TerminatingInstances"] = JsonItems.Array(changes, Views.Json) }, () => Views.StateChanges(changes));
        return 0;
    }
}
