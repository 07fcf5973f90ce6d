using System.ComponentModel;
using Ebs.Core;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Volumes;

/// <summary>The options of a command that creates a volume.</summary>
internal class NewVolumeSettings : StoreSettings
{
    [CommandOption("--size <GIB>")]
    [Description("The size in GiB, 1 to 65536 (default: the snapshot's or the image's, rounded up).")]
    public int? Size { get; init; }

    [CommandOption("--zone <ZONE>")]
    [Description("The Availability Zone (default: the Region's first).")]
    public string? Zone { get; init; }

    /// <summary>Gets the zone to create the volume in.</summary>
    public string ZoneIn(EbsCloud cloud) => Zone ?? cloud.Regions[Region][0];
}
