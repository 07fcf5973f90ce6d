using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Instances;

/// <summary><c>ebs instance reboot ID…</c>: as AWS's RebootInstances, nothing is printed as JSON.</summary>
internal sealed class InstanceRebootCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<InstanceIdsSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, InstanceIdsSettings settings, CancellationToken cancellationToken)
    {
        var ids = settings.InstanceIds();
        await ec2.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = ids }, cancellationToken);
        Print(settings, null, () => new Text($"Rebooted {string.Join(' ', ids)}.\n"));
        return 0;
    }
}
