using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume list</c>.</summary>
internal sealed class VolumeListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<AccountSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, AccountSettings settings, CancellationToken cancellationToken)
    {
        var volumes = (await ec2.DescribeVolumesAsync(new(), cancellationToken)).Volumes;
        Print(settings, Views.Json(volumes), () => Views.Volumes(volumes));
        return 0;
    }
}
