using System.ComponentModel;
using Ebs.Cli.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary><c>ebs demo [--store PATH]</c>: the snapshot walk-through, in memory unless a store is given.</summary>
internal sealed class RunDemoCommand(IAnsiConsole console) : AsyncCommand<RunDemoCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
        => await new DemoCommand(console, settings.Store).RunAsync() ? 0 : 1;

    internal sealed class Settings : GlobalSettings
    {
        [CommandOption("--store <PATH>")]
        [Description("Run on this empty store directory instead of in memory.")]
        public string? Store { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() => StoreSettings.ValidateStoreOption(Store);
    }
}
