using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Commands;

/// <summary>A command that works on the local store directory as one account in one Region.</summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
/// <param name="console">Where output goes.</param>
/// <param name="time">The clock the store runs on (the system clock, unless a test supplies one).</param>
internal abstract class StoreCommand<TSettings>(IAnsiConsole console, TimeProvider time) : AsyncCommand<TSettings>
    where TSettings : StoreSettings
{
    protected IAnsiConsole Console { get; } = console;

    /// <summary>Gets the clock the store runs on, for commands that wait on it.</summary>
    protected TimeProvider Time { get; } = time;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.StorePath);
        // Commands without --account and --region (fsck) see the whole store; they get the default caller.
        var (account, region) = settings is AccountSettings caller ? (caller.Account, caller.Region) : (StoreSettings.DefaultAccount, StoreSettings.DefaultRegion);

        // A command that only reads must not turn a mistyped path into an empty store.
        var options = OptionsFor(path, RequestedBlockSize(settings));
        await using var cloud = context.RequiresExistingStore()
            ? await LocalDirectory.OpenExistingAsync(path, options, Time, cancellationToken)
            : await LocalDirectory.OpenAsync(path, options, Time, cancellationToken);
        return await RunAsync(cloud, cloud.Account(account).Ec2(region), settings, cancellationToken);
    }

    /// <summary>
    /// The options to open the store at <paramref name="path"/> with: the block size it was created
    /// with, else the one asked for (a new store's), else the default. Asking for another size than
    /// the store's is left for the open to refuse (<c>LocalStore.BlockSizeMismatch</c>).
    /// </summary>
    internal static EbsOptions OptionsFor(string path, int? requestedBlockSize)
        => new() { BlockSize = requestedBlockSize ?? LocalDirectory.RecordedBlockSize(path) ?? EbsOptions.DefaultBlockSize };

    /// <summary>Gets the block size a command asks a new store to have, if it does (<c>store init --block-size</c>).</summary>
    protected virtual int? RequestedBlockSize(TSettings settings) => null;

    protected abstract Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, TSettings settings, CancellationToken cancellationToken);

    /// <summary>Prints <paramref name="value"/> when JSON is asked for, else <paramref name="human"/> in the chosen format.</summary>
    protected void Print(TSettings settings, JsonNode? value, Func<IRenderable> human) => Print(settings, value, () => [human()]);

    /// <summary>
    /// Prints <paramref name="value"/> when JSON is asked for, else the parts of <paramref name="human"/> in the
    /// chosen format; several tables are given as parts rather than in <see cref="Rows"/>, which would hide them.
    /// </summary>
    protected void Print(TSettings settings, JsonNode? value, Func<IEnumerable<IRenderable>> human) => Output.Write(Console, settings.Format, value, human);
}
