using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Instances;

/// <summary><c>ebs instance list</c>: every instance, terminated ones included, by reservation.</summary>
internal sealed class InstanceListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<AccountSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, AccountSettings settings, CancellationToken cancellationToken)
    {
        var reservations = (await ec2.DescribeInstancesAsync(new(), cancellationToken)).Reservations;
        Print(settings, Views.Json(reservations), () => Views.Instances(reservations));
        return 0;
    }
}
