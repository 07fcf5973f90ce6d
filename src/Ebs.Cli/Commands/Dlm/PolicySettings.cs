using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Dlm;

/// <summary>The settings of the commands that take one policy id.</summary>
internal sealed class PolicySettings : AccountSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The policy.")]
    public string Id { get; init; } = string.Empty;
}
