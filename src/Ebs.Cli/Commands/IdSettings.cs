using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The settings of a command that acts on one resource id.</summary>
internal sealed class IdSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The volume or snapshot id.")]
    public string Id { get; init; } = string.Empty;
}
