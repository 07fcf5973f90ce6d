using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Ebs.Cli;

/// <summary>
/// Spectre.Console.Cli's help, except that a group such as <c>ebs volume</c> run without one of its
/// commands is a usage error, not its help on standard output and exit code 1: a script that left
/// the command out learns so on standard error.
/// </summary>
/// <param name="settings">The application's settings.</param>
/// <param name="args">The command line, to tell a group run bare from one asked for its help.</param>
internal sealed class CommandHelp(ICommandAppSettings settings, IReadOnlyList<string> args) : HelpProvider(settings)
{
    // The options Spectre.Console.Cli shows help for.
    private static readonly string[] HelpOptions = ["-h", "--help", "-?"];

    private readonly bool _asked = args.Any(HelpOptions.Contains);

    /// <inheritdoc/>
    public override IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        => command is { IsBranch: true } && !_asked
            ? throw new UsageException($"'{command.Name}' needs a command: {string.Join(", ", command.Commands.Where(c => !c.IsHidden).Select(c => c.Name))}.")
            : base.Write(model, command);
}
