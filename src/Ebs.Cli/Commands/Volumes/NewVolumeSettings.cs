using System.ComponentModel;
using Ebs.Core;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary>The options of a command that creates a volume.</summary>
internal class NewVolumeSettings : AccountSettings
{
    [CommandOption("--zone <ZONE>")]
    [Description("The new volume's Availability Zone (default: the Region's first).")]
    public string? Zone { get; init; }

    /// <summary>Gets the zone to create the volume in.</summary>
    public string ZoneIn(EbsCloud cloud) => Zone ?? cloud.Regions[Region][0];
}
