using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume delete ID</c>.</summary>
internal sealed class VolumeDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<IdSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, IdSettings settings, CancellationToken cancellationToken)
    {
        var id = VolumeId.Parse(settings.Id);
        await ec2.DeleteVolumeAsync(id, cancellationToken);
        Print(settings, new { VolumeId = id.Value, State = "deleted" }, () => new Text($"Deleted {id}.\n"));
        return 0;
    }
}
