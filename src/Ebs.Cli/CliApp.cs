using Ebs.Cli.Commands;
using Ebs.Cli.Commands.Images;
using Ebs.Cli.Commands.Snapshots;
using Ebs.Cli.Commands.Volumes;
using Ebs.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli;

/// <summary>
/// The <c>ebs</c> command line. Exit codes: 0 success; 1 an AWS-style error (code and message
/// on standard error), a store error or a failed check; 2 a usage error.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error, TimeProvider? time = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ebs");
            config.Settings.Console = console;
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.Settings.Registrar.RegisterInstance(time ?? TimeProvider.System);
            config.PropagateExceptions();
            config.AddCommand<RunDemoCommand>("demo").WithDescription("Walk through EBS snapshot mechanics with a simulated clock.");
            config.AddBranch("volume", volume =>
            {
                volume.SetDescription("Create, list, delete, import and export volumes.");
                volume.AddCommand<VolumeCreateCommand>("create").WithDescription("Create a volume, empty or from a snapshot.");
                volume.AddCommand<VolumeListCommand>("list").WithDescription("List volumes.");
                volume.AddCommand<VolumeDeleteCommand>("delete").WithDescription("Delete a volume.");
                volume.AddCommand<VolumeImportCommand>("import").WithDescription("Stream a raw disk image into a volume (zero blocks are skipped).");
                volume.AddCommand<VolumeExportCommand>("export").WithDescription("Write a volume back out as a raw image.");
            });
            config.AddBranch("snapshot", snapshot =>
            {
                snapshot.SetDescription("Create, list, delete, compare and copy snapshots.");
                snapshot.AddCommand<SnapshotCreateCommand>("create").WithDescription("Snapshot a volume.");
                snapshot.AddCommand<SnapshotListCommand>("list").WithDescription("List snapshots.");
                snapshot.AddCommand<SnapshotDeleteCommand>("delete").WithDescription("Delete a snapshot.");
                snapshot.AddCommand<SnapshotDiffCommand>("diff").WithDescription("List the blocks that differ between two snapshots.");
                snapshot.AddCommand<SnapshotCopyCommand>("copy").WithDescription("Copy a snapshot to --region.");
            });
            config.AddBranch("image", image =>
            {
                image.SetDescription("Register, list and deregister machine images.");
                image.AddCommand<ImageRegisterCommand>("register").WithDescription("Register an image from snapshots (the first is the root volume).");
                image.AddCommand<ImageListCommand>("list").WithDescription("List images.");
                image.AddCommand<ImageDeregisterCommand>("deregister").WithDescription("Deregister an image, optionally deleting its snapshots.");
            });
            config.AddCommand<UsageCommand>("usage").WithDescription("Show snapshot storage per Region.");
            config.AddCommand<FsckCommand>("fsck").WithDescription("Check every chunk, node and count; --repair reclaims leaks.");
        });

        try
        {
            return await app.RunAsync(args);
        }
        catch (EbsException e)
        {
            await error.WriteLineAsync($"ebs: {e.ErrorCode}: {e.Message}");
            return 1;
        }
        catch (CommandAppException e)
        {
            await error.WriteLineAsync($"ebs: {e.Message} (see 'ebs --help')");
            return 2;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"ebs: {e.Message}");
            return 1;
        }
    }
}
