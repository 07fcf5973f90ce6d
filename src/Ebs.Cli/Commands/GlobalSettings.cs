using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal class GlobalSettings : CommandSettings
{
    /// <summary>The option that asks for the full trace of an error.</summary>
    public const string VerboseOption = "--verbose";

    [CommandOption(VerboseOption)]
    [Description("On an error, also print the full exception trace.")]
    public bool Verbose { get; init; }
}
