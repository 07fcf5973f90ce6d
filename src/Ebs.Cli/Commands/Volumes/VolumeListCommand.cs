using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume list</c>.</summary>
internal sealed class VolumeListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<StoreSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, StoreSettings settings, CancellationToken cancellationToken)
    {
        var volumes = await ec2.DescribeVolumesAsync(cancellationToken: cancellationToken);
        Print(settings, volumes.Select(Views.Json), () => Views.Volumes(volumes));
        return 0;
    }
}
