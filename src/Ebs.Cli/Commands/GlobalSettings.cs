using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption("--verbose")]
    [Description("On an error, also print the full exception trace.")]
    public bool Verbose { get; init; }
}
