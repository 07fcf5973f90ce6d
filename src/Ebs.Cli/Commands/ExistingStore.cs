using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>
/// Marks the commands that only read the store, so that they report a missing store instead of
/// creating an empty one where the user mistyped a path.
/// </summary>
internal static class ExistingStore
{
    private static readonly object Marker = new();

    /// <summary>Marks a command as one that needs a store to exist already.</summary>
    /// <param name="command">The command being configured.</param>
    /// <returns>The same configurator.</returns>
    public static ICommandConfigurator RequiresExistingStore(this ICommandConfigurator command) => command.WithData(Marker);

    /// <summary>Gets a value indicating whether the running command needs a store to exist already.</summary>
    /// <param name="context">The running command's context.</param>
    /// <returns><see langword="true"/> when the command was marked.</returns>
    public static bool RequiresExistingStore(this CommandContext context) => ReferenceEquals(context.Data, Marker);
}
