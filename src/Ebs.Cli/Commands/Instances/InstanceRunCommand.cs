using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Instances;

/// <summary>
/// <c>ebs instance run IMAGE [--count N] [--zone Z]</c>: launches instances of an image, each with a volume
/// per mapping of the image; printed as AWS's RunInstances reservation, the instances <c>pending</c>.
/// </summary>
internal sealed class InstanceRunCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<InstanceRunCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var reservation = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = ImageId.Parse(settings.Image),
            MinCount = settings.Count,
            MaxCount = settings.Count,
            Placement = settings.Zone is { } zone ? new Placement { AvailabilityZone = zone } : null,
        }, cancellationToken)).Reservation;
        Print(settings, Views.Json(reservation), () => Views.Instances([reservation]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<IMAGE>")]
        [Description("The image to launch, available and the caller's.")]
        public string Image { get; init; } = string.Empty;

        [CommandOption("--count <N>")]
        [Description("How many instances to launch, in one reservation; at least 1 (InvalidParameterValue).")]
        [DefaultValue(1)]
        public int Count { get; init; } = 1;

        [CommandOption("--zone <ZONE>")]
        [Description("The instances' Availability Zone, and their volumes' (default: the Region's first).")]
        public string? Zone { get; init; }
    }
}
