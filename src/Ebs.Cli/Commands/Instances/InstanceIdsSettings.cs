using System.ComponentModel;
using Ebs.Core.Domain;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Instances;

/// <summary>The options of a command that changes the state of instances.</summary>
internal sealed class InstanceIdsSettings : AccountSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The instances.")]
    public string[] Ids { get; init; } = [];

    /// <summary>Parses the ids (<c>InvalidInstanceID.Malformed</c> for one that is not an instance id).</summary>
    public IReadOnlyList<InstanceId> InstanceIds() => [.. Ids.Select(InstanceId.Parse)];
}
