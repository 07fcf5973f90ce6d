using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary><c>ebs volume delete ID</c>: as AWS's DeleteVolume, nothing is printed as JSON.</summary>
internal sealed class VolumeDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<VolumeDeleteCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var id = VolumeId.Parse(settings.Id);
        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = id }, cancellationToken);
        Print(settings, null, () => new Text($"Deleted {id}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The volume to delete.")]
        public string Id { get; init; } = string.Empty;
    }
}
