using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Ebs.Cli.Commands;
using Ebs.Cli.Commands.Dlm;
using Ebs.Cli.Commands.Backup;
using Ebs.Cli.Commands.Images;
using Ebs.Cli.Commands.Instances;
using Ebs.Cli.Commands.Snapshots;
using Ebs.Cli.Commands.Store;
using Ebs.Cli.Commands.Volumes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli;

/// <summary>
/// The <c>ebs</c> command line. Exit codes: 0 success; 1 an error (one line on standard error:
/// <c>ebs: CODE: message</c> for an AWS-style error, <c>ebs: message</c> otherwise), a missing
/// store or a failed check; 2 a usage error; 130 interrupted (Ctrl-C or SIGTERM).
/// </summary>
internal static class CliApp
{
    /// <summary>Gets the version <c>ebs --version</c> prints.</summary>
    public static string Version { get; } = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="time">The clock stores run on; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl-C or SIGTERM.</param>
    /// <returns>The exit code.</returns>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli binds the CLI's commands and settings (whose assemblies are trimming roots) by reflection, which NativeAOT supports for them: .ci/run publishes the CLI with NativeAOT and runs its commands.")]
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        // Spectre.Console.Cli takes a command's options only after the command; --verbose, which every
        // command takes, is also taken before it, where a user reaching for the trace puts it.
        var leadingVerbose = args.TakeWhile(arg => arg == GlobalSettings.VerboseOption).Count();
        var invocation = new Invocation(verbose: leadingVerbose > 0);
        args = [.. args.Skip(leadingVerbose)];
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ebs");
            config.SetApplicationVersion(Version);
            config.Settings.Console = console;
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.Settings.Registrar.RegisterInstance(time ?? TimeProvider.System);
            config.SetInterceptor(invocation);
            config.SetHelpProvider(new CommandHelp(config.Settings, args));
            config.UseStrictParsing(); // a mistyped option is a usage error, not an ignored extra
            config.PropagateExceptions();
            AddCommands(config);
        });

        try
        {
            CommandLineCheck.Check(args);
            return await app.RunAsync(args, cancellationToken);
        }
        catch (Exception e)
        {
            return await ErrorReport.WriteAsync(error, e, invocation.Verbose, interrupted: cancellationToken.IsCancellationRequested);
        }
    }

    private static void AddCommands(IConfigurator config)
    {
        config.AddCommand<RunDemoCommand>("demo").WithDescription("Walk through EBS snapshot mechanics with a simulated clock.");
        config.AddBranch("store", store =>
        {
            store.SetDescription("Create and maintain the local store.");
            store.AddCommand<StoreInitCommand>("init").WithDescription(
                "Create the store with --block-size (default 512K), recorded in it: later commands open it with that size; a store that exists is kept when its size agrees, refused (LocalStore.BlockSizeMismatch) when not.");
            store.AddCommand<StoreRepackCommand>("repack").WithDescription(
                "Rewrite the packs whose live chunks take less than half of their bytes (deleted chunks leave dead space in their pack) and remove packs no chunk lives in. Crash-safe: copies are flushed and recorded before an old pack is removed.").RequiresExistingStore();
        });
        config.AddBranch("volume", volume =>
        {
            volume.SetDescription("Create, list, delete, import, export, attach and detach volumes.");
            volume.AddCommand<VolumeCreateCommand>("create").WithDescription("Create a volume, empty or from a snapshot.");
            volume.AddCommand<VolumeListCommand>("list").WithDescription("List volumes.").RequiresExistingStore();
            volume.AddCommand<VolumeDeleteCommand>("delete").WithDescription(
                "Delete a volume; blocks only it holds are freed, its snapshots are kept whole. Refused (VolumeInUse) unless the volume is available, as AWS refuses an attached one.");
            volume.AddCommand<VolumeImportCommand>("import").WithDescription("Stream a raw disk image into a volume (zero blocks are skipped).");
            volume.AddCommand<VolumeExportCommand>("export").WithDescription("Write a volume back out as a raw image.").RequiresExistingStore();
            volume.AddCommand<VolumeAttachCommand>("attach").WithDescription(
                "Attach an available volume to a running or stopped instance in its zone as --device: in-use at once, the attachment attaching, then attached 5 seconds later.").RequiresExistingStore();
            volume.AddCommand<VolumeDetachCommand>("detach").WithDescription(
                "Detach a volume (a root volume only while its instance is stopped): the attachment detaching, then the volume available 5 seconds later.").RequiresExistingStore();
        });
        config.AddBranch("snapshot", snapshot =>
        {
            snapshot.SetDescription("Create, list, delete, compare and copy snapshots.");
            snapshot.AddCommand<SnapshotCreateCommand>("create").WithDescription("Snapshot a volume.");
            snapshot.AddCommand<SnapshotListCommand>("list").WithDescription("List snapshots.").RequiresExistingStore();
            snapshot.AddCommand<SnapshotDeleteCommand>("delete").WithDescription(
                "Delete one or more snapshots, in the order given (all are looked up first: an unknown id deletes none); no other snapshot changes (shared blocks stay, blocks only they hold are freed). Refused (InvalidSnapshot.InUse) while a registered image uses it: deregister the image first, or use 'image deregister --delete-snapshots'.");
            snapshot.AddCommand<SnapshotDiffCommand>("diff").WithDescription("List the blocks written between two snapshots of one volume lineage (EBS direct API ListChangedBlocks).").RequiresExistingStore();
            snapshot.AddCommand<SnapshotCopyCommand>("copy").WithDescription("Copy a snapshot to --region; with --to-account ACCOUNT the copy is made by (and owned by) that account, which the snapshot must be shared with.");
            snapshot.AddCommand<SnapshotShareCommand>("share").WithDescription("Let --with ACCOUNT (repeatable) or, with --public, every account create volumes from and copy a snapshot.");
            snapshot.AddCommand<SnapshotUnshareCommand>("unshare").WithDescription("Stop sharing a snapshot with --with ACCOUNT or, with --public, publicly.");
            snapshot.AddCommand<SnapshotBlocksCommand>("blocks").WithDescription("List a snapshot's written blocks (EBS direct API ListSnapshotBlocks).").RequiresExistingStore();
            snapshot.AddCommand<SnapshotExportCommand>("export").WithDescription(
                "Restore a completed snapshot straight to a raw image FILE, creating no volume; the file is sparse where blocks were never written or are zeros, and appears only when complete (--wait waits for a pending snapshot).").RequiresExistingStore();
            snapshot.AddCommand<SnapshotGetBlockCommand>("get-block").WithDescription("Write one block of a snapshot to --out FILE (EBS direct API GetSnapshotBlock).").RequiresExistingStore();
            snapshot.AddCommand<SnapshotPutImageCommand>("put-image").WithDescription(
                "Write an image file into a new snapshot as a backup agent does with the EBS direct APIs: only blocks that differ from --parent's (or that are not zeros) are written, then the snapshot is completed.");
        });
        config.AddBranch("image", image =>
        {
            image.SetDescription("Register, create, copy, list and deregister machine images.");
            image.AddCommand<ImageRegisterCommand>("register").WithDescription("Register an image from snapshots (the first is the root volume).");
            image.AddCommand<ImageListCommand>("list").WithDescription("List images.").RequiresExistingStore();
            image.AddCommand<ImageCreateCommand>("create").WithDescription(
                "Create an image of a running or stopped instance: one snapshot per attached volume, at one instant; the instance is rebooted (application-consistent) unless --no-reboot (crash-consistent). Pending until the snapshots complete.").RequiresExistingStore();
            image.AddCommand<ImageCopyCommand>("copy").WithDescription(
                "Copy an image and its snapshots to --to-region (only blocks the Region lacks are transferred): a new image, pending until the snapshot copies complete; launch permissions are not copied.").RequiresExistingStore();
            image.AddCommand<ImageDeregisterCommand>("deregister").WithDescription("Deregister an image; its snapshots are kept unless --delete-snapshots is given.");
        });
        config.AddBranch("instance", instance =>
        {
            instance.SetDescription("Launch, list, stop, start, reboot and terminate instances.");
            instance.AddCommand<InstanceRunCommand>("run").WithDescription(
                "Launch instances of an image: each gets a volume per mapping of the image, created from its snapshot and attached. They are pending, then running 30 seconds later.");
            instance.AddCommand<InstanceListCommand>("list").WithDescription("List instances, terminated ones for an hour after they terminate.").RequiresExistingStore();
            instance.AddCommand<InstanceStopCommand>("stop").WithDescription(
                "Stop running instances: stopping, then stopped 30 seconds later; their volumes stay attached. An instance already stopping or stopped is left as it is; one pending, shutting down or terminated refuses the whole call (IncorrectInstanceState).");
            instance.AddCommand<InstanceStartCommand>("start").WithDescription(
                "Start stopped instances: pending, then running 30 seconds later. An instance already pending or running is left as it is; one stopping, shutting down or terminated refuses the whole call (IncorrectInstanceState).");
            instance.AddCommand<InstanceRebootCommand>("reboot").WithDescription(
                "Reboot running instances: they stay running with their volumes; any instance not running refuses the whole call (IncorrectInstanceState).").RequiresExistingStore();
            instance.AddCommand<InstanceTerminateCommand>("terminate").WithDescription(
                "Terminate instances: shutting-down, then terminated 30 seconds later, when their DeleteOnTermination volumes are deleted and the others detached. An instance already shutting down or terminated is left as it is.");
        });
        config.AddBranch("dlm", dlm =>
        {
            dlm.SetDescription("Data Lifecycle Manager: policies that snapshot tagged volumes on a schedule and keep a number of them.");
            dlm.AddCommand<DlmCreateCommand>("create").WithDescription("Create a lifecycle policy with one schedule; its runs happen whenever the store is next used after their time, in order.");
            dlm.AddCommand<DlmListCommand>("list").WithDescription("List lifecycle policies.").RequiresExistingStore();
            dlm.AddCommand<DlmGetCommand>("get").WithDescription("Show a lifecycle policy.").RequiresExistingStore();
            dlm.AddCommand<DlmDeleteCommand>("delete").WithDescription("Delete a lifecycle policy; the snapshots it created stay.");
            dlm.AddCommand<DlmEnableCommand>("enable").WithDescription("Enable a lifecycle policy: runs resume from now.");
            dlm.AddCommand<DlmDisableCommand>("disable").WithDescription("Disable a lifecycle policy: no runs, no retention deletes.");
        });
        config.AddBranch("backup", backup =>
        {
            backup.SetDescription("AWS Backup: vaults, on-demand backups, recovery points and restores.");
            backup.AddBranch("vault", vault =>
            {
                vault.SetDescription("Create and list backup vaults.");
                vault.AddCommand<BackupVaultCreateCommand>("create").WithDescription("Create a backup vault.");
                vault.AddCommand<BackupVaultListCommand>("list").WithDescription("List backup vaults.").RequiresExistingStore();
            });
            backup.AddCommand<BackupStartCommand>("start").WithDescription("Back up a volume now: a recovery point (an EBS snapshot EC2 cannot delete) in the vault.");
            backup.AddCommand<BackupPointsCommand>("points").WithDescription("List a vault's recovery points, oldest first.").RequiresExistingStore();
            backup.AddCommand<BackupRestoreCommand>("restore").WithDescription("Restore a recovery point to a new volume in --az.");
        });
        config.AddCommand<UsageCommand>("usage").WithDescription("Show the account's snapshot storage in every Region, or only in --region.").RequiresExistingStore();
        config.AddCommand<FsckCommand>("fsck").WithDescription(
            "Check the whole store, every account and Region: verify every chunk's bytes, walk every block map, recount every reference, name what each damaged chunk costs; a store whose state cannot be opened is inspected instead. Exit code 1 while anything is missing, corrupt, mis-counted or leaked; --repair reclaims leaks and corrects counts, but cannot restore damaged bytes.").RequiresExistingStore();
    }

    /// <summary>Remembers the options of the command that runs, for the error report.</summary>
    /// <param name="verbose">Whether --verbose came before the command.</param>
    private sealed class Invocation(bool verbose) : ICommandInterceptor
    {
        public bool Verbose { get; private set; } = verbose;

        public void Intercept(CommandContext context, CommandSettings settings) => Verbose |= settings is GlobalSettings { Verbose: true };

        public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
        {
        }
    }
}
